"""The procedure page of a 民督 or 民特 case (/procedures/cases/<code>/), for its staff and
its parties alike: what stands and what each may do now, each act one call of
`payorders.actions`, `payorders.special` or `flows.payment_orders`, as the API does. A
refused act is shown on its form, in the reader's language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user
from tianping.flows import payment_orders as flow
from tianping.lib.form_errors import add_errors
from tianping.payorders import actions, forms, queries, special
from tianping.payorders import permissions as perms
from tianping.payorders.permissions import case_for

FORMS = {
    "dismiss": forms.ReasonsForm,
    "issue": forms.ConfirmForm,
    "terminate": forms.ConfirmForm,
    "effect": forms.ConfirmForm,
    "suit": forms.ConfirmForm,
    "answer": forms.AnswerForm,
    "notice": forms.NoticeForm,
}


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _case(request, code):
    case = case_for(effective_user(request), code)
    if not queries.is_procedure_case(case):
        raise Http404("Not a special-procedure or payment-order case.")
    return case


def _forms(view, data=None, which=None, *, staff=False) -> dict:
    """The forms of the page, the one named WHICH bound to DATA."""
    bound = {}
    order = view["order"]
    for name, form_class in FORMS.items():
        extra = {"staff": staff} if name == "answer" else {}
        bound[name] = form_class(data if name == which else None, **extra)
    if order is not None:
        mine = order["my_debtor_parties"]
        bound["object"] = forms.ObjectionForm(data if which == "object" else None, parties=mine)
        bound["window"] = forms.WindowObjectionForm(
            data if which == "window" else None, parties=order["debtor_parties"])
    return bound


def _page(request, case, *, form=None, which=None, status=200):
    view = queries.procedure_view(case, effective_user(request), timezone.localdate())
    forms_ = _forms(view, staff=not request.user.is_public_user)
    if form is not None:  # the form sent, with its errors
        forms_[which] = form
    context = {**view, "forms": forms_, "staff": not request.user.is_public_user}
    return render(request, "payorders/procedure.html", context, status=status)


@login_required
def procedure(request, code):
    case = _case(request, code)
    record_view(request, case)
    return _page(request, case)




def _run(request, code, which, do, done: str):
    """Check the form WHICH, run DO(case, cleaned data); the page again with the error on
    the form when refused, else back to the page with DONE said."""
    case = _case(request, code)
    perms.require_may(which, effective_user(request), case)
    view = queries.procedure_view(case, effective_user(request), timezone.localdate())
    form = _forms(view, request.POST, which, staff=not request.user.is_public_user)[which]
    if form.is_valid():
        try:
            do(case, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("payorders:procedure", code=case.code)
    return _page(request, case, form=form, which=which, status=400)


@login_required
@require_POST
def issue(request, code):
    return _run(request, code, "issue",
                lambda case, d: actions.issue(case, **_acting(request)),
                _("The payment order is issued: serve it on the debtor."))


@login_required
@require_POST
def dismiss(request, code):
    return _run(request, code, "dismiss",
                lambda case, d: flow.dismiss(case, reasons=d["reasons"], **_acting(request)),
                _("The application is dismissed by ruling."))


def _party(case, pk):
    party = case.parties.filter(pk=pk).first()
    if party is None:
        raise ValidationError(_("Choose the debtor."))
    return party


@login_required
@require_POST
def object_online(request, code):
    return _run(request, code, "object",
                lambda case, d: actions.object_to(case, party=_party(case, d["party"]),
                                                  text=d["text"], **_acting(request)),
                _("Your objection is received. The judge will examine it."))


@login_required
@require_POST
def object_at_window(request, code):
    return _run(request, code, "window",
                lambda case, d: actions.object_to(
                    case, party=_party(case, d["party"]), text=d["text"],
                    received_on=d["received_on"], channel="window", **_acting(request)),
                _("The objection is entered."))


@login_required
@require_POST
def terminate(request, code):
    return _run(request, code, "terminate",
                lambda case, d: flow.terminate(case, **_acting(request)),
                _("The procedure is terminated by ruling: serve the ruling on the parties."))


@login_required
@require_POST
def answer(request, code):
    return _run(request, code, "answer",
                lambda case, d: flow.creditor_answer(case, want_suit=d["want_suit"],
                                                     **_acting(request)),
                _("Your answer is recorded."))


@login_required
@require_POST
def suit(request, code):
    return _run(request, code, "suit",
                lambda case, d: flow.hand_in_suit(case, **_acting(request)),
                _("The suit is handed in to the filing division."))


@login_required
@require_POST
def take_effect(request, code):
    return _run(request, code, "effect",
                lambda case, d: flow.take_effect(case, **_acting(request)),
                _("The payment order is recorded as in effect."))


@login_required
@require_POST
def notice(request, code):
    return _run(request, code, "notice",
                lambda case, d: special.record_notice(
                    case, published_on=d["published_on"], where=d["where"],
                    **_acting(request)),
                _("The public notice is recorded; the time limit runs from its end."))

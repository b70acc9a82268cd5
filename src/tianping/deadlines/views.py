"""Pages for time limits: act on a case's limit, decide extensions, overdue lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases.choices import Procedure
from tianping.cases.models import Case
from tianping.cases.permissions import get_case_for_user
from tianping.cases.reads import allowed_actions, case_page, list_rows
from tianping.courts.permissions import effective_user, require_staff
from tianping.deadlines import actions, forms, permissions, queries
from tianping.deadlines.models import CaseTimeLimit
from tianping.deadlines.permissions import HIGHER_COURT
from tianping.flows.cases import change_procedure
from tianping.lib.html_rows import cell, rows_html

ACTIONS = {
    "suspend": (
        forms.SuspendForm,
        lambda case, data, **kw: actions.suspend_case(case, on=data["on"], note=data["note"], **kw),
    ),
    "resume": (
        forms.ResumeForm,
        lambda case, data, **kw: actions.resume_case(case, on=data["on"], **kw),
    ),
    "exclude": (
        forms.ExclusionForm,
        lambda case, data, **kw: actions.record_exclusion(
            case,
            kind=data["kind"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            note=data["note"],
            **kw,
        ),
    ),
    "procedure": (
        forms.ProcedureForm,
        lambda case, data, **kw: change_procedure(
            case, procedure=data["procedure"], reason=data["reason"], **kw
        ),
    ),
    "extend": (
        forms.ExtensionRequestForm,
        lambda case, data, **kw: actions.request_extension(
            case, reason=data["reason"], today=timezone.localdate(), **kw
        ),
    ),
}


def _form_kwargs(name: str, case) -> dict:
    """What a form of the page needs of the case: the procedure form, its procedure."""
    return {"current": case.procedure} if name == "procedure" else {}


def _staff(request):
    require_staff(effective_user(request))


@login_required
def time_limit(request, code):
    """The case's time limit with its explanation, and the forms to act on it."""
    _staff(request)
    case = get_case_for_user(effective_user(request), code)
    if request.method != "POST":
        record_view(request, case, "time_limit_viewed")
    bound = {}
    if request.method == "POST":
        name = request.POST.get("action", "")
        if name not in ACTIONS:
            raise PermissionDenied
        form_class, run = ACTIONS[name]
        form = form_class(request.POST, **_form_kwargs(name, case))
        if form.is_valid():
            try:
                done = run(
                    case, form.cleaned_data, actor=request.user, acted_for=request.acting_for
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                bound = {name: form}
            else:
                messages.success(request, said(name, form.cleaned_data, done, case))
                return redirect("deadlines:case", code=case.code)
        else:
            messages.error(
                request,
                _("Check the form: %(errors)s")
                % {"errors": "; ".join(e for errs in form.errors.values() for e in errs)},
            )
            bound = {name: form}  # shown again as entered, with its errors
    return render(
        request,
        "deadlines/time_limit.html",
        {
            "case": case,
            "limit": getattr(case, "time_limit", None),
            "exclusions": case.exclusions.all(),
            "extensions": case.extensions.all(),
            "forms": {
                n: bound.get(n) or cls(**_form_kwargs(n, case))
                for n, (cls, _run) in ACTIONS.items()
            },
            "can_act": allowed_actions(effective_user(request), case).time_limit,
            "today": timezone.localdate(),
        },
    )


def _expiry(case) -> str:
    """The case's expiry now, as shown after an act that may have moved it."""
    limit = CaseTimeLimit.objects.filter(case_id=case.pk).first()
    return limit.expires_on.isoformat() if limit and limit.expires_on else "—"


def said(name: str, data: dict, done, case) -> str:
    """The message naming the act just done on the time limit of CASE (DONE: what its action
    returned), and what follows from it."""
    if name == "suspend":
        return _(
            "Proceedings suspended (中止) from %(day)s: the time limit stops until they resume."
        ) % {"day": data["on"].isoformat()}
    if name == "resume":
        return _("Proceedings resumed on %(day)s: the time limit now expires on %(expires)s.") % {
            "day": data["on"].isoformat(),
            "expires": _expiry(case),
        }
    if name == "exclude":
        return _(
            "The period %(start)s to %(end)s is excluded from the time limit (扣除审限): "
            "it now expires on %(expires)s."
        ) % {
            "start": data["starts_on"].isoformat(),
            "end": data["ends_on"].isoformat(),
            "expires": _expiry(case),
        }
    if name == "procedure":
        if not isinstance(done, Case):  # a conversion: waiting for a leader's approval
            return _("The conversion to the %(procedure)s is asked: the president or the "
                     "division head approves it, and the time limit follows then.") % {
                "procedure": Procedure(data["procedure"]).label}
        case = done
        return _("The procedure is now %(procedure)s: the time limit expires on %(expires)s.") % {
            "procedure": case.get_procedure_display(),
            "expires": _expiry(case),
        }
    if getattr(done, "approver", "") == HIGHER_COURT:
        return _(
            "The extension request (延长审限) has been submitted: it awaits the approval of "
            "the higher court's president."
        )
    return _(
        "The extension request (延长审限) has been submitted: it awaits the president's approval."
    )


@login_required
def extension_requests(request):
    _staff(request)
    pending = permissions.extension_requests_to_decide(effective_user(request))
    return render(
        request,
        "deadlines/extension_requests.html",
        {"requests": pending, "form": forms.ExtensionDecisionForm(), "today": timezone.localdate()},
    )


@login_required
@require_POST
def decide(request, pk):
    _staff(request)
    extension = get_object_or_404(
        permissions.extension_requests_to_decide(effective_user(request)), pk=pk
    )
    form = forms.ExtensionDecisionForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_extension(
                extension,
                actor=request.user,
                acted_for=request.acting_for,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            number = extension.case.number
            if form.cleaned_data["approve"]:
                messages.success(
                    request,
                    _("Extension of %(number)s approved: the time limit now expires on %(day)s.")
                    % {"number": number, "day": _expiry(extension.case)},
                )
            else:
                messages.success(
                    request,
                    _("Extension of %(number)s refused: the time limit is unchanged.")
                    % {"number": number},
                )
    else:
        messages.error(
            request,
            _("Check the form: %(errors)s")
            % {"errors": "; ".join(e for errs in form.errors.values() for e in errs)},
        )
    return redirect("deadlines:extension_requests")


def _overdue_cases(request):
    """The cases the overdue page lists for the persona asking (months=12/18/36 for the
    long-pending lists), the months chosen (0 for overdue) and today."""
    _staff(request)
    user, today = effective_user(request), timezone.localdate()
    months = request.GET.get("months") or ""
    months = int(months) if months.isdigit() and len(months) < 4 else (12 if months else 0)
    if months and months not in queries.LONG_PENDING_MONTHS:
        months = 12
    if months:
        return queries.long_pending_cases(user, today, months), months, today
    return queries.overdue_cases(user, today), months, today


@login_required
def overdue(request):
    """Overdue cases and long-pending cases (over 12, 18, 36 months), a page at a time; how
    many each judge and division has comes in its own request (`overdue_summary`), since it
    counts every case of the list."""
    cases, months, today = _overdue_cases(request)
    page = case_page(cases, request.GET.get("after"), today=today, parties=False)
    link = reverse("deadlines:case", args=["CODE"]).replace("CODE", "{}")
    for row in list_rows(page.items, today):
        row["url"] = link.format(row["code"])
    summary = reverse("deadlines:overdue_summary") + (f"?months={months}" if months else "")
    choices = queries.LONG_PENDING_MONTHS
    context = {
        "page": page,
        "rows_html": overdue_rows_html(page.items),
        "months": months,
        "summary": summary,
        "choices": choices,
    }
    return render(request, "deadlines/overdue.html", context)


# A row of the overdue list (lib/html_rows.py): written once per page, not by the
# template once per cell.
OVERDUE_ROW = (
    '<tr><td><a href="{url}">{number}</a></td><td>{court}</td><td>{division}</td>'
    "<td>{judge}</td><td>{filed_on}</td><td>{expires_on} {days_left}</td></tr>\n"
)


def overdue_rows_html(rows) -> str:
    """The overdue list's rows (those of `list_rows`) as HTML."""
    return rows_html(
        OVERDUE_ROW,
        (
            {
                "url": cell(row["url"]),
                "number": cell(row["number"], ""),
                "court": cell(row["court_short"] or row["court_name"], ""),
                "division": cell(row["division_name"]),
                "judge": cell(row["judge"]),
                "filed_on": row["filed_on"].isoformat(),
                "expires_on": row["expires_on"].isoformat() if row["expires_on"] else "",
                "days_left": cell(row["days_left"], ""),
            }
            for row in rows
        ),
    )


@login_required
def overdue_summary(request):
    """How many of the overdue (or long-pending) cases each judge and division has: a part
    of the overdue page (loaded into it), or a page of its own without JavaScript."""
    cases, months, _today = _overdue_cases(request)
    by_judge, by_division = queries.counts_by_judge_and_division(cases)
    context = {"by_judge": by_judge, "by_division": by_division, "months": months}
    if request.htmx:
        return render(request, "deadlines/overdue_summary.html", context)
    return render(request, "deadlines/overdue_summary_page.html", context)

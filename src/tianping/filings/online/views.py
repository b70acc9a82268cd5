"""Online filing (网上立案) for litigants and lawyers: a wizard that saves as you type.

Forms parse (`online.forms`); every change is one call of `filings.actions`, the same the
API makes; reads start from `filings.queries`, and what the filer is told comes from
`online.reads`, shared with the API. The filer's list, receipts, corrections and
withdrawal are in `views_filing`; representatives and files in `views_papers`.
"""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tianping.catalog.identity import IdentityError, validate_document
from tianping.courts.permissions import public_user_page
from tianping.filings import actions
from tianping.filings.choices import FilingStatus as S
from tianping.filings.fee_estimate import estimate
from tianping.filings.limits import KEY_LENGTH
from tianping.filings.online import forms as f
from tianping.filings.online import reads
from tianping.filings.permissions import can_choose_mediation, get_filing_for_user
from tianping.filings.queries import mediation_state
from tianping.filings.validation import completeness_errors, contact_errors, party_errors
from tianping.lib.text import clean_text

STEPS = [
    ("court", gettext_lazy("Court and kind")),
    ("parties", gettext_lazy("Parties")),
    ("representatives", gettext_lazy("Representatives")),
    ("claims", gettext_lazy("Claims")),
    ("evidence", gettext_lazy("Evidence and files")),
    ("review", gettext_lazy("Review and submit")),
]
STEP_NAMES = [name for name, _label in STEPS]
DRAFT_ONLY_STEPS = {"court", "claims"}  # save_draft edits drafts only
ROWS = {"parties": (f.PartyForm, "party"), "evidence": (f.EvidenceForm, "evidence")}
EDITABLE = (S.DRAFT, S.CORRECTION_REQUESTED)
OPEN = (S.DRAFT, S.AT_ASSISTING_COURT, S.SUBMITTED, S.CORRECTION_REQUESTED)


portal_view = public_user_page


def filing_of(request, code):
    return get_filing_for_user(request.user, code)


def step_links(filing, current):
    return [
        {
            "name": n,
            "label": label,
            "current": n == current,
            "url": reverse("online:step", args=[filing.code, n]),
        }
        for n, label in STEPS
        if n != "review" or filing.status == S.DRAFT
    ]


def build_forms(step, filing, user, data=None) -> dict:
    """The forms of STEP: bound to DATA when given, else filled from the filing."""
    if step in ROWS:
        form_class, prefix = ROWS[step]
        return {"rows": f.row_forms(form_class, prefix, data, f.initial_rows(step, filing, user))}
    if step == "court":
        initial = {k: getattr(filing, k) for k in f.KindForm.base_fields}
        return {"form": f.KindForm(data, initial=initial)}
    if step == "claims":
        initial = {
            "claims": filing.claims,
            "amount": filing.amount,
            "facts": filing.facts,
            "cause": filing.cause.code if filing.cause_id else "",
            "special_subject": filing.special_subject,
            "subject_detail": filing.subject_detail,
            "election_on": filing.election_on,
        }
        return {"form": f.ClaimsForm(data, initial=initial)}
    return {}


def _save(step, filing, forms_, actor) -> list[str]:
    """Save what the forms hold; return the errors to show. Nothing valid is dropped."""
    if step == "parties":
        actions.save_parties(filing, f.party_rows(forms_["rows"]), actor=actor)
        return []
    if step == "evidence":
        actions.save_evidence(filing, [f.as_typed(x) for x in forms_["rows"]], actor=actor)
        return []
    form = forms_.get("form")
    if form is None:
        return []
    form.is_valid()
    fields = dict(form.cleaned_data)
    errors = f.field_errors(form)
    if "cause" in fields:
        try:
            fields["cause"] = f.cause_for(filing, fields["cause"], on=timezone.localdate())
        except ValidationError as exc:
            del fields["cause"]
            errors += exc.messages
    actions.save_draft(filing, actor=actor, **fields)
    return errors


def _writable(filing, step) -> bool:
    if step in DRAFT_ONLY_STEPS:
        return filing.status == S.DRAFT
    return filing.status in EDITABLE and step != "representatives"


@portal_view
def step(request, code, step):
    filing = filing_of(request, code)
    if step not in STEP_NAMES:
        raise Http404
    if filing.status not in EDITABLE or (step == "review" and filing.status != S.DRAFT):
        return redirect("online:detail", code)
    data = request.POST if request.method == "POST" and _writable(filing, step) else None
    forms_ = build_forms(step, filing, request.user, data)
    errors = _save(step, filing, forms_, request.user) if data is not None else []
    op = request.POST.get("op", "")
    if data is not None and op:
        return _rows_changed(request, filing, step, forms_, op)
    go = request.POST.get("go")
    if request.method == "POST" and go in STEP_NAMES and not errors:
        return redirect("online:step", code, go)
    return render_step(request, filing, step, forms_, errors)


def _rows_changed(request, filing, step, forms_, op):
    """Add, remove or refresh a row: save, then show the rows again from what was saved."""
    if op.startswith("remove-") and op[7:].isdigit():
        kept = [x for i, x in enumerate(forms_["rows"]) if i != int(op[7:])]
        _save(step, filing, {"rows": kept}, request.user)
    rows = f.initial_rows(step, filing, request.user, extra=op == "add")
    forms_ = {"rows": f.row_forms(ROWS[step][0], ROWS[step][1], None, rows)}
    template = f"filings/online/step_{step}.html"
    if request.htmx:
        template += "#rows"
    return render_step(request, filing, step, forms_, [], template=template)


def render_step(request, filing, step, forms_, errors, template=None, status=200, **extra):
    if step == "parties":
        _mark_identity_errors(forms_.get("rows", ()))
    context = {
        "filing": filing,
        "step": step,
        "steps": step_links(filing, step),
        "errors": errors,
        "writable": _writable(filing, step),
        "saved_at": filing.updated_at,
        "notice": reads.open_notice(filing),
        **forms_,
        **_step_context(step, filing),
        **extra,
    }
    index = STEP_NAMES.index(step)
    context["previous"] = STEP_NAMES[index - 1] if index else None
    following = STEP_NAMES[index + 1] if index + 1 < len(STEP_NAMES) else None
    context["following"] = None if following == "review" and filing.status != S.DRAFT else following
    template = template or f"filings/online/step_{step}.html"
    return render(request, template, context, status=status)


def _step_context(step, filing) -> dict:
    if step == "claims":
        return {
            "cause_catalog": f.cause_catalog(filing.kind),
            "today": timezone.localdate(),
            "cause_label": str(filing.cause) if filing.cause_id else "",
            "fee": estimate(filing.kind, filing.amount),
        }
    if step == "evidence":
        return {
            "attachments": attachments_of(filing),
            "upload_form": f.AttachmentForm(),
            "max_mb": settings.MAX_UPLOAD_MB,
        }
    if step == "review":
        return _review_context(filing)
    return {}


def attachments_of(filing):
    return [(x, actions.attachment_ref(x)) for x in filing.attachments.all()]


def _review_context(filing) -> dict:
    parties = list(filing.parties.all())
    rows = list(filing.parties.values())
    problems = party_errors(rows, today=timezone.localdate())
    return {
        "parties": parties,
        "representatives": filing.representatives.select_related("party", "authorisation"),
        "evidence": filing.evidence.select_related("attachment"),
        "attachments": attachments_of(filing),
        "problems": [(m, "parties") for m in problems]
        + [(m, _problem_step(m, rows)) for m in completeness_errors(filing, rows)],
        "submission_key": f"{filing.code}:{secrets.token_urlsafe(24)}",
        "fee": estimate(filing.kind, filing.amount),
        "mediation": mediation_state(filing),
        "can_choose_mediation": can_choose_mediation(filing.filer, filing),
    }


def _problem_step(message, rows) -> str:
    party_messages = {
        _("Name at least one plaintiff or applicant."),
        _("Name at least one defendant or respondent."),
        *contact_errors(rows),
    }
    return "parties" if message in party_messages else "claims"


@portal_view
@require_POST
def autosave(request, code, step):
    """Save a step as the user types (htmx); answers with the "saved at" line."""
    filing = filing_of(request, code)
    forms_ = {}
    if step not in STEP_NAMES or not _writable(filing, step):
        errors = [_("This filing can no longer be changed here.")]
    else:
        forms_ = build_forms(step, filing, request.user, request.POST)
        errors = _save(step, filing, forms_, request.user)
    context = {"errors": errors, "saved_at": timezone.now()}
    if step == "claims" and "form" in forms_:  # the amount as read from what was typed
        amount = forms_["form"].cleaned_data.get("amount")
        fee = estimate(filing.kind, amount)
        context.update(amount_shown=True, amount_read=amount, fee=fee)
    return render(request, "filings/online/_saved.html", context)


@portal_view
@require_POST
def check_identity(request):
    """The identity number of one party row, checked as the user leaves the field."""
    row = request.POST.get("row", "0")
    get = lambda name: request.POST.get(f"party-{row}-{name}", "")  # noqa: E731
    index = int(row) if row.isdigit() else 0
    message, ok = identity_message(get("doc_type"), get("id_number"), get("name"), index)
    return render(request, "filings/online/_id_check.html", {"message": message, "ok": ok})


def identity_message(doc_type, number, name, index) -> tuple[str, bool]:
    """What to say about the document number of the party row at INDEX: (message, ok);
    nothing for no number (a defendant or third party may have none)."""
    if not (number or "").strip():
        return "", False
    try:
        validate_document(doc_type or "", number, today=timezone.localdate())
    except IdentityError as exc:
        label = (name or "").strip() or _("Party %(n)d") % {"n": index + 1}
        return _("%(party)s: %(error)s") % {"party": label, "error": exc}, False
    return _("The number is valid."), True


def _mark_identity_errors(rows) -> None:
    """Give each party row with a wrong document number its message (`id_check`), so that
    a step visited again shows it, not only the review at the end."""
    for index, row in enumerate(rows):
        values = [row[name].value() for name in ("doc_type", "id_number", "name")]
        message, ok = identity_message(*values, index)
        row.id_check = "" if ok else message


def editable_filing(request, code):
    filing = filing_of(request, code)
    if filing.status not in EDITABLE:
        raise PermissionDenied(_("This filing can no longer be changed."))
    return filing


@portal_view
@require_POST
def submit(request, code):
    """Hand the filing in. The review page's one-time key makes a second click harmless."""
    filing = filing_of(request, code)
    key = clean_text(request.POST.get("submission_key", ""))[:KEY_LENGTH]
    key = key if key.startswith(f"{filing.code}:") else None
    if filing.status == S.DRAFT:
        try:
            filing = actions.submit_filing(filing, actor=request.user, submission_key=key)
        except ValidationError as exc:
            filing.refresh_from_db()
            if filing.status == S.DRAFT:
                errors = [(m, _step_for(m, filing)) for m in exc.messages]
                return render_step(request, filing, "review", {}, [], submit_errors=errors)
    if filing.submitted_at is None:
        return redirect("online:detail", filing.code)
    return redirect("online:receipt", filing.code)


def _step_for(message, filing) -> str:
    rows = list(filing.parties.values())
    if message in party_errors(rows, today=timezone.localdate()):
        return "parties"
    return _problem_step(message, rows)

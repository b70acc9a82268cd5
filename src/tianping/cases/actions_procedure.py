"""Which procedure a case follows, and its conversion along the lawful paths only (C5).

- The procedure is chosen once, by the case's judge, before the first hearing: a case is
  filed under the ordinary procedure and may go to the summary or the small-claims
  procedure (民事诉讼法 arts. 160, 165) while no hearing has been held (民诉解释 art. 260:
  a case heard under the ordinary procedure is not converted to the summary one).
- Conversions then go one way only: summary to ordinary (民事诉讼法 art. 170), small claims
  to summary or ordinary (art. 169); never back. The case's judge asks, with the reason;
  the president or the head of the case's division approves (never the judge who asked).
  The time limit follows the new rule, still counted from the filing date (民诉解释 art.
  258; `flows.cases`), and the change is on the case's timeline, which the parties read.
- The special procedure (民特), payment orders (民督) and enforcement are not converted here.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import lock_case
from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.models_procedure import ProcedureChangeRequest
from tianping.cases.permissions import can_assign, require_case_judge
from tianping.lib.text import clean_text, too_long

P = Procedure
FIRST_CHOICE = {P.ORDINARY: {P.SUMMARY, P.SMALL_CLAIMS}}
CONVERSIONS = {P.SUMMARY: {P.ORDINARY}, P.SMALL_CLAIMS: {P.SUMMARY, P.ORDINARY}}
CIVIL_FIRST_INSTANCE = ("民初",)


def _heard(case) -> bool:
    return case.events.filter(kind="hearing_held").exists()


def _converted(case) -> bool:
    return case.events.filter(kind="procedure_changed").exists()


def first_choice_open(case) -> bool:
    """The judge may still choose the procedure directly: never changed, never heard."""
    return (case.type_code in CIVIL_FIRST_INSTANCE and case.procedure == P.ORDINARY
            and not _converted(case) and not _heard(case))


def lawful_targets(case) -> set[str]:
    if case.type_code not in CIVIL_FIRST_INSTANCE:
        return set()
    if first_choice_open(case):
        return set(FIRST_CHOICE[P.ORDINARY])
    return set(CONVERSIONS.get(case.procedure, set()))


def check_target(case, procedure: str) -> None:
    if procedure not in P.values:
        raise ValidationError({"procedure": _("Choose a different procedure.")})
    if procedure == case.procedure:
        from tianping.cases.actions import same_procedure

        raise ValidationError({"procedure": same_procedure(procedure)})
    targets = lawful_targets(case)
    if procedure in (P.SUMMARY, P.SMALL_CLAIMS) and case.members.filter(
            until__isnull=True, seat__in=["presiding", "judge", "assessor"]).exists():
        raise ValidationError({"procedure": _(
            "A collegial panel tries this case; under the %(procedure)s a sole judge does "
            "(民事诉讼法 art. 40): compose a sole bench first.") % {
            "procedure": P(procedure).label}})
    if procedure not in targets:
        if targets:
            allowed = _("、").join(str(P(t).label) for t in sorted(targets))
            message = _("From the %(current)s the case may go only to: %(allowed)s.") % {
                "current": case.get_procedure_display(), "allowed": allowed}
        else:
            message = _("The %(current)s of this case is not converted (a case heard under "
                        "the ordinary procedure, or converted already, does not go back; "
                        "the special procedure, payment orders and enforcement are not "
                        "converted).") % {"current": case.get_procedure_display()}
        raise ValidationError({"procedure": message})


def _reason(reason: str) -> str:
    reason = clean_text(reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for changing the procedure.")})
    if problem := too_long(reason, 300):
        raise ValidationError({"reason": problem})
    return reason


def request_conversion(case, *, actor, procedure: str, reason: str,
                       acted_for=None) -> ProcedureChangeRequest:
    """The case's judge asks to convert the procedure; a leader approves."""
    require_case_judge(case, acted_for or actor)
    if not case.is_pending:
        raise ValidationError(_("Only a pending case's procedure can change."))
    check_target(case, procedure)
    reason = _reason(reason)
    with transaction.atomic():
        case = lock_case(case)
        if ProcedureChangeRequest.objects.filter(case=case, status="pending").exists():
            raise ValidationError(_("A change of procedure is already waiting for approval."))
        row = ProcedureChangeRequest.objects.create(
            case=case, from_procedure=case.procedure, to_procedure=procedure, reason=reason,
            requested_by=acted_for or actor)
        case_event(case, "procedure_change_requested", actor=actor, acted_for=acted_for,
                   procedure=procedure, previous_procedure=case.procedure, reason=reason)
    return row


def can_approve(user, request: ProcedureChangeRequest) -> bool:
    return (can_assign(user, request.case)
            and getattr(user, "pk", None) != request.requested_by_id)


def decide_conversion(request: ProcedureChangeRequest, *, actor, approve: bool,
                      note: str = "") -> ProcedureChangeRequest:
    """The president or the division head approves or refuses; approved, the flow converts
    the case (`flows.cases.decide_procedure_change`)."""
    if not can_approve(actor, request):
        raise PermissionDenied(_("The president or the head of the case's division approves "
                                 "a change of procedure; not the judge who asked."))
    note = clean_text(note or "").strip()
    if problem := too_long(note, 300):
        raise ValidationError({"note": problem})
    if not approve and not note:
        raise ValidationError({"note": _("Say why the change is not approved.")})
    with transaction.atomic():
        lock_case(request.case)
        row = ProcedureChangeRequest.objects.select_for_update().get(pk=request.pk)
        if row.status != ProcedureChangeRequest.Status.PENDING:
            raise ValidationError(_("This request has already been decided."))
        row.status = (ProcedureChangeRequest.Status.APPROVED if approve
                      else ProcedureChangeRequest.Status.REFUSED)
        row.decided_by, row.decided_at, row.decision_note = actor, timezone.now(), note
        row.save()
        if not approve:
            case_event(row.case, "procedure_change_refused", actor=actor,
                       procedure=row.to_procedure, reason=note)
    return row

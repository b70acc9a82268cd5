"""The fee actions: each one transaction, with its case timeline event (and so its audit
entry), checked again whatever page or endpoint calls it."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.courts.holidays import court_calendar
from tianping.filings.fee_estimate import acceptance_fee
from tianping.law import fee_relief as rules
from tianping.law.periods import add_days, roll_forward
from tianping.lib.money import check_amount
from tianping.lib.uploads import check_upload
from tianping.parties.choices import PartyKind
from tianping.payments.models import FeeDue, FeeRelief, FeeStatus, ReliefKind, ReliefStatus
from tianping.payments.permissions import (
    can_apply_for_relief,
    require_recorder,
    require_relief_decider,
)

PAY_WITHIN_DAYS = 7  # 《诉讼费用交纳办法》 art. 22: 自接到预交通知次日起七日内


def due_date(case: Case, notified_on: datetime.date) -> datetime.date:
    """Seven days counted from the day after the notice; a last day that is a rest day of
    the court moves to the next working day."""
    calendar = court_calendar(court=case.court)
    last, _steps = roll_forward(add_days(notified_on, PAY_WITHIN_DAYS), calendar)
    return last


def open_fee(case: Case, *, actor, acted_for=None, today: datetime.date) -> FeeDue | None:
    """The fee of the notice of acceptance, due from TODAY (the notice's day); None where
    the case has no acceptance fee to compute (a non-property claim, a private
    prosecution, an application for enforcement)."""
    summary = case.procedure in (Procedure.SUMMARY, Procedure.SMALL_CLAIMS)
    result = acceptance_fee(case.filing.kind, case.amount, summary=summary)
    if result is None:
        return None
    with transaction.atomic():
        fee = FeeDue.objects.create(
            case=case,
            amount=result.fee.quantize(Decimal("0.01")),
            notified_on=today,
            due_on=due_date(case, today),
        )
        case_event(
            case, "fee_due", actor=actor, acted_for=acted_for, amount=fee.amount, due_on=fee.due_on
        )
    return fee


def record_payment(
    fee: FeeDue, *, actor, acted_for=None, amount: Decimal, paid_on: datetime.date, receipt: str
) -> FeeDue:
    """A payment confirmed (by a clerk today; by a gateway backend later, see `backends`)."""
    require_recorder(acted_for or actor, fee.case)
    check_amount(amount)
    receipt = (receipt or "").strip()
    if not receipt:
        raise ValidationError(_("Give the receipt reference."))
    with transaction.atomic():
        fee = FeeDue.objects.select_for_update().get(pk=fee.pk)
        if fee.status in (FeeStatus.PAID, FeeStatus.WAIVED):
            raise ValidationError(_("This fee is already settled."))
        if paid_on < fee.notified_on:
            raise ValidationError(_("The payment cannot be dated before the notice of payment."))
        if fee.reliefs.filter(status=ReliefStatus.PENDING).exists():
            raise ValidationError(
                _("An application for fee relief awaits the court's decision: decide it first.")
            )
        fee.status = FeeStatus.PAID
        fee.paid_amount, fee.paid_on, fee.receipt = amount, paid_on, receipt[:64]
        fee.recorded_by = actor
        fee.save()
        case = Case.objects.select_for_update().get(pk=fee.case_id)
        case_event(
            case, "fee_paid", actor=actor, acted_for=acted_for, amount=amount, paid_on=paid_on
        )
    return fee


def record_notice_received(
    fee: FeeDue, *, actor, acted_for=None, received_on: datetime.date, today: datetime.date
) -> FeeDue:
    """The day the party received the notice of payment (from the proof of service): the
    seven days run from the next day, so the due date is computed again from it."""
    require_recorder(acted_for or actor, fee.case)
    with transaction.atomic():
        fee = FeeDue.objects.select_for_update().select_related("case__court").get(pk=fee.pk)
        if fee.status in (FeeStatus.PAID, FeeStatus.WAIVED):
            raise ValidationError(_("This fee is already settled."))
        if received_on < fee.notified_on or received_on > today:
            raise ValidationError(
                _("The notice was received between the day it was given and today.")
            )
        fee.received_on = received_on
        fee.due_on = due_date(fee.case, received_on)
        fee.save(update_fields=["received_on", "due_on", "updated_at"])
        case = Case.objects.select_for_update().get(pk=fee.case_id)
        case_event(
            case,
            "fee_notice_received",
            actor=actor,
            acted_for=acted_for,
            received_on=received_on,
            due_on=fee.due_on,
        )
    return fee


def apply_for_relief(
    fee: FeeDue,
    *,
    actor,
    acted_for=None,
    ground: str,
    statement: str,
    applicant,
    kind: str | None = None,
    percent: int | None = None,
    proof=None,
) -> FeeRelief:
    """An application for judicial aid (缓交、减交、免交), by a party on the case or entered
    by the filing division for one. APPLICANT is the case's party who asks (a CaseParty);
    the ground (arts. 45–47) decides the aid asked for when KIND is not given."""
    user = acted_for or actor
    if kind is None and ground in rules.GROUNDS_BY_CODE:
        kind = rules.GROUNDS_BY_CODE[ground].kind
    if not can_apply_for_relief(user, fee.case):
        raise PermissionDenied(_("Only a party to the case or the filing division applies."))
    if applicant is None or applicant.case_id != fee.case_id:
        raise ValidationError(_("Choose the party who applies."))
    problems = rules.check_application(
        kind, ground, natural_person=applicant.kind == PartyKind.NATURAL_PERSON
    )
    if wrong_percent := rules.percent_problem(kind, percent):
        problems.append(wrong_percent)
    statement = (statement or "").strip()
    if not statement:
        problems.append(_("Say why you cannot afford the fee."))
    if problems:
        raise ValidationError(problems)
    checked = check_upload(proof) if proof else None
    with transaction.atomic():
        fee = FeeDue.objects.select_for_update().get(pk=fee.pk)
        if fee.status in (FeeStatus.PAID, FeeStatus.WAIVED):
            raise ValidationError(_("This fee is already settled."))
        if fee.reliefs.filter(status=ReliefStatus.PENDING).exists():
            raise ValidationError(_("An application already awaits the court's decision."))
        if fee.status != FeeStatus.DUE:
            raise ValidationError(_("Fee relief has already been granted for this fee."))
        relief = FeeRelief(
            fee=fee,
            kind=kind,
            ground=ground,
            statement=statement[:2000],
            percent=percent if kind == ReliefKind.REDUCE else None,
            applicant_name=applicant.name,
            submitted_by=actor,
        )
        if checked is not None:
            relief.proof_name = proof.name[:200]
            relief.proof_type = checked.content_type
            relief.proof.save(proof.name, proof, save=False)
        relief.save()
        case = Case.objects.select_for_update().get(pk=fee.case_id)
        case_event(
            case,
            "fee_relief_applied",
            actor=actor,
            acted_for=acted_for,
            relief_kind=kind,
            ground=ground,
            applicant=applicant.name,
        )
    return relief


def decide_relief(
    relief: FeeRelief,
    *,
    actor,
    acted_for=None,
    grant: bool,
    reasons: str,
    today: datetime.date,
    percent: int | None = None,
    deferred_until: datetime.date | None = None,
) -> FeeRelief:
    """The court's decision. Granted: the fee is deferred (to a date, or until the
    judgment when none is given), reduced by at least 30 per cent (payable within seven
    days from the day after the decision), or waived. Refused: the reasons in writing
    (art. 48), and the party has seven days from the day after the refusal to pay."""
    user = acted_for or actor
    require_relief_decider(user, relief.fee.case, relief)
    if acted_for is not None and relief.submitted_by_id == actor.pk:
        raise PermissionDenied(_("Nobody decides an application they entered themselves."))
    reasons = (reasons or "").strip()
    if not grant and not reasons:
        raise ValidationError(
            _("Give the reasons for refusing: the party receives them in writing.")
        )
    with transaction.atomic():
        relief = FeeRelief.objects.select_for_update().select_related("fee__case__court").get(
            pk=relief.pk
        )
        if relief.status != ReliefStatus.PENDING:
            raise ValidationError(_("This application has already been decided."))
        fee = FeeDue.objects.select_for_update().get(pk=relief.fee_id)
        case = Case.objects.select_for_update().select_related("court").get(pk=fee.case_id)
        details = {"relief_kind": relief.kind, "reasons": reasons}
        if grant:
            details.update(_grant(relief, fee, case, today, percent, deferred_until))
            relief.status = ReliefStatus.GRANTED
        else:
            relief.status = ReliefStatus.REFUSED
            fee.due_on = max(fee.due_on, due_date(case, today))
            details["due_on"] = fee.due_on
        relief.decided_by, relief.decided_on, relief.reasons = actor, today, reasons[:2000]
        relief.save()
        fee.save()
        if grant:
            case_event(case, "fee_relief_granted", actor=actor, acted_for=acted_for, **details)
        else:
            case_event(case, "fee_relief_refused", actor=actor, acted_for=acted_for, **details)
    return relief


def _grant(relief, fee, case, today, percent, deferred_until) -> dict:
    if relief.kind == ReliefKind.DEFER:
        if deferred_until is not None and deferred_until <= today:
            raise ValidationError(_("A deferral runs to a day after today."))
        fee.status, fee.deferred_until = FeeStatus.DEFERRED, deferred_until
        relief.deferred_until = deferred_until
        return {"deferred_until": deferred_until}
    if relief.kind == ReliefKind.REDUCE:
        percent = percent if percent is not None else relief.percent
        if percent is None:
            raise ValidationError(_("Give the reduction granted, in per cent."))
        try:
            reduction = rules.reduce_fee(fee.amount, percent)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
        fee.status, fee.reduced_amount = FeeStatus.REDUCED, reduction.amount_after
        fee.deferred_until = None
        fee.due_on = due_date(case, today)
        relief.granted_percent = percent
        return {"percent": percent, "amount": reduction.amount_after, "due_on": fee.due_on}
    fee.status, fee.deferred_until = FeeStatus.WAIVED, None
    return {}

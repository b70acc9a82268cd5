"""The appeal's actions at the first-instance court: filing (online by the party, or at
the window by the filing division), the fee, the transfer of the file; and the writes of
the chain (link, outcome, retrial application). Each is one transaction with the case row
locked, an event on the case timeline and the permission checked here, whoever calls.
Opening the second-instance, remanded and review cases spans apps: `flows.appeals`."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.appeals import permissions as perms
from tianping.appeals import queries
from tianping.appeals.choices import (
    AppealChannel,
    AppealStatus,
    LateGround,
    Outcome,
    RetrialOutcome,
    RetrialStatus,
    Stage,
)
from tianping.appeals.models import Appeal, Dispute, DisputeCase, RetrialApplication
from tianping.cases.actions import lock_case
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.catalog.choices import FeeKind
from tianping.catalog.fees import FeeError, compute_fee
from tianping.law.periods import add_months
from tianping.lib.money import check_amount
from tianping.lib.text import bounded_text
from tianping.lib.uploads import check_upload
from tianping.payments.actions import due_date

RETRIAL_MONTHS = 6  # 民事诉讼法 art. 216: within six months of the decision taking effect


def appeal_fee(case: Case, amount) -> Decimal:
    """The fee of the appeal: the first-instance scale on the amount appealed
    (《诉讼费用交纳办法》 arts. 13, 17); without an amount, the first instance's own fee."""
    if amount:
        try:
            result = compute_fee(FeeKind.PROPERTY, amount)
            return Decimal(result.fee).quantize(Decimal("0.01"))
        except (FeeError, AttributeError):
            pass
    fee = getattr(case, "fee_due", None)  # None when the case owed no fee
    return fee.amount if fee is not None else Decimal("0.00")


def late_message(served_on, last_day, days) -> str:
    return _(
        "The appeal period has ended: the document was served on %(served)s and the "
        "%(days)s days to appeal ended on %(last_day)s. A late appeal is taken only when "
        "the court records a ground for it (force majeure or another just cause, Civil "
        "Procedure Law art. 86): apply to the court's filing division within ten days "
        "after the obstacle ended."
    ) % {"served": served_on.isoformat(), "days": days, "last_day": last_day.isoformat()}


def file_appeal(case: Case, *, actor, party, grounds: str, requests: str, channel: str,
                amount=None, petition=None, late_ground: str = "", late_reason: str = "",
                acted_for=None, today: datetime.date | None = None) -> Appeal:
    """A party appeals the case's judgment or ruling (上诉), online or at the window."""
    today = today or timezone.localdate()
    user = acted_for or actor
    if channel == AppealChannel.ONLINE:
        perms.require(perms.can_appeal_for(user, party),
                      _("You can appeal only for yourself or the party you represent."))
        if late_ground:
            raise ValidationError(_("Only the court records a ground for a late appeal."))
    elif channel == AppealChannel.WINDOW:
        perms.require(perms.can_record_at_window(user, case),
                      _("Only the filing division of the case's court records appeals "
                        "handed in at the window."))
        if petition is None:
            raise ValidationError(_("Upload the scan of the petition of appeal (上诉状)."))
    else:
        raise ValidationError(_("Say how the appeal was filed."))
    if party.case_id != case.pk:
        raise ValidationError(_("That party is not a party of this case."))
    grounds = bounded_text(grounds, 5000, "grounds")
    requests = bounded_text(requests, 2000, "requests")
    if not grounds:
        raise ValidationError(_("State the facts and grounds of the appeal."))
    if not requests:
        raise ValidationError(_("State what the appeal asks for."))
    if amount is not None:
        check_amount(amount)
        if amount <= 0:
            raise ValidationError(_("The amount appealed must be more than zero."))
    if late_ground and late_ground not in LateGround.values:
        raise ValidationError(_("Choose a ground for the late appeal from the list."))
    late_reason = bounded_text(late_reason, 2000, "late_reason")
    if late_ground and not late_reason:
        raise ValidationError(_("Give the applicant's reason for the late appeal."))
    if petition is not None:
        checked = check_upload(petition)
    with transaction.atomic():
        case = lock_case(case)
        effect = queries.effect_of(case, today)
        if effect is None or effect.result is None or effect.document is None:
            raise ValidationError(_("There is no judgment or ruling of this case to appeal."))
        if not effect.result.appealable:
            raise ValidationError(_("This decision cannot be appealed: it is final."))
        period = next(p for p in effect.result.parties if p.key == party.pk)
        if period.served_on is None:
            raise ValidationError(_(
                "%(document)s has not been served on %(party)s yet: the appeal period "
                "begins the day after service.") % {"document": effect.document.title,
                                                    "party": party.name})
        if Appeal.objects.filter(case=case, appellant=party).exists():
            raise ValidationError(_("%(party)s has already appealed this decision.")
                                  % {"party": party.name})
        late = today > period.last_day
        if late and not late_ground:
            raise ValidationError(late_message(period.served_on, period.last_day,
                                               period.days))
        if not late:
            late_ground, late_reason = "", ""
        higher = case.court.parent
        if higher is None:
            raise ValidationError(_("This court has no court above it to hear an appeal."))
        fee = appeal_fee(case, amount)
        appeal = Appeal(
            case=case, document=effect.document, appellant=party, channel=channel,
            grounds=grounds, requests=requests, amount=amount, served_on=period.served_on,
            last_day=period.last_day, filed_on=today, late_ground=late_ground,
            late_reason=late_reason, filed_by=actor, fee_amount=fee,
            fee_due_on=due_date(case, today), appeal_court=higher,
            fee_paid_on=today if fee == 0 else None,
        )
        if petition is not None:
            appeal.petition = petition
            appeal.petition_sha256 = checked.sha256
        appeal.save()
        case_event(case, "appeal_filed", actor=actor, acted_for=acted_for,
                   appellant=party.name, last_day=period.last_day,
                   appeal_channel=channel, late_ground=late_ground or None,
                   fee=fee, fee_due_on=appeal.fee_due_on, appeal_court=higher.name)
    return appeal


def record_fee_paid(appeal: Appeal, *, actor, paid_on, receipt: str, acted_for=None,
                    today=None) -> Appeal:
    today = today or timezone.localdate()
    perms.require(perms.can_record_fee(acted_for or actor, appeal.case))
    receipt = bounded_text(receipt, 64, "receipt")
    if not receipt:
        raise ValidationError(_("Give the receipt reference."))
    if paid_on < appeal.filed_on or paid_on > today:
        raise ValidationError(_("The payment is dated between the appeal and today."))
    with transaction.atomic():
        case = lock_case(appeal.case)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.fee_paid_on is not None:
            raise ValidationError(_("The appeal fee is already paid."))
        appeal.fee_paid_on, appeal.fee_receipt = paid_on, receipt
        appeal.save(update_fields=["fee_paid_on", "fee_receipt"])
        case_event(case, "appeal_fee_paid", actor=actor, acted_for=acted_for,
                   fee=appeal.fee_amount)
    return appeal


def transfer(case: Case, *, actor, acted_for=None) -> list[Appeal]:
    """Send the file to the appeal court (上诉案件移送), recording when: every appeal filed
    on the case goes with it, each with its fee paid."""
    perms.require(perms.can_transfer(acted_for or actor, case),
                  _("Only the case's court transfers its file."))
    with transaction.atomic():
        case = lock_case(case)
        appeals = list(Appeal.objects.select_for_update().filter(
            case=case, status=AppealStatus.FILED))
        if not appeals:
            raise ValidationError(_("No appeal of this case waits to be transferred."))
        unpaid = [a for a in appeals if a.fee_paid_on is None]
        if unpaid:
            raise ValidationError(_(
                "The appeal fee of %(party)s (%(fee)s yuan, due %(due)s) is not paid: "
                "record the payment first.") % {"party": unpaid[0].appellant.name,
                                                "fee": unpaid[0].fee_amount,
                                                "due": unpaid[0].fee_due_on.isoformat()})
        now = timezone.now()
        for appeal in appeals:
            appeal.status, appeal.transferred_at, appeal.transferred_by = (
                AppealStatus.TRANSFERRED, now, actor)
            appeal.save(update_fields=["status", "transferred_at", "transferred_by"])
        case_event(case, "appeal_transferred", actor=actor, acted_for=acted_for,
                   appeal_court=appeals[0].appeal_court.name, transferred_at=now)
    return appeals


def link(case: Case, new_case: Case, *, stage: str) -> DisputeCase:
    """Put NEW_CASE in CASE's dispute (making the dispute on first use)."""
    first = DisputeCase.objects.filter(case=case).first()
    if first is None:
        first = DisputeCase.objects.create(dispute=Dispute.objects.create(), case=case,
                                           stage=Stage.FIRST)
    return DisputeCase.objects.create(dispute_id=first.dispute_id, case=new_case,
                                      stage=stage, origin=case)


def note_docketed(case: Case, second_case: Case, *, actor, acted_for=None) -> list[Appeal]:
    """The appeal court filed SECOND_CASE for the appeals transferred from CASE."""
    perms.require(perms.can_docket(acted_for or actor, second_case.court_id),
                  _("Only the filing division of the appeal court files the appeal."))
    case = lock_case(case)
    appeals = list(Appeal.objects.select_for_update().filter(
        case=case, status=AppealStatus.TRANSFERRED, appeal_court=second_case.court))
    if not appeals:
        raise ValidationError(_("No transferred appeal of this case waits to be filed."))
    Appeal.objects.filter(pk__in=[a.pk for a in appeals]).update(
        status=AppealStatus.DOCKETED, second_case=second_case)
    link(case, second_case, stage=Stage.SECOND)
    case_event(case, "appeal_docketed", actor=actor, acted_for=acted_for,
               linked_number=second_case.number)
    return appeals


def check_docketable(case: Case, court_ids) -> list[Appeal]:
    appeals = list(Appeal.objects.filter(case=case, status=AppealStatus.TRANSFERRED,
                                         appeal_court_id__in=court_ids))
    if not appeals:
        raise ValidationError(_("No transferred appeal of this case waits to be filed."))
    return appeals


def record_outcome(second_case: Case, *, outcome: str, decided_on, actor, acted_for=None,
                   remand_case=None) -> list[Appeal]:
    """Write the second instance's outcome back to the first-instance case."""
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose the outcome of the appeal."))
    appeals = list(Appeal.objects.select_for_update().filter(
        second_case=second_case, status=AppealStatus.DOCKETED))
    if not appeals:
        raise ValidationError(_("This case hears no appeal waiting for its outcome."))
    first = lock_case(appeals[0].case)
    Appeal.objects.filter(pk__in=[a.pk for a in appeals]).update(
        status=AppealStatus.DECIDED, outcome=outcome, decided_on=decided_on)
    DisputeCase.objects.filter(case=second_case).update(outcome=outcome)
    case_event(first, "appeal_decided", actor=actor, acted_for=acted_for,
               linked_number=second_case.number, appeal_outcome=outcome)
    if remand_case is not None:
        link(first, remand_case, stage=Stage.REMAND)
        case_event(first, "remand_filed", actor=actor, acted_for=acted_for,
                   linked_number=remand_case.number)
    return appeals


# Retrial applications (申请再审) ------------------------------------------------------

def apply_for_retrial(case: Case, *, actor, party, grounds: str, acted_for=None,
                      today=None) -> RetrialApplication:
    """A party applies for a retrial of the case's effective decision to the court above
    (民事诉讼法 art. 210), within six months of its taking effect (art. 216)."""
    today = today or timezone.localdate()
    user = acted_for or actor
    perms.require(perms.can_appeal_for(user, party) or perms.can_record_at_window(user, case),
                  _("You can apply only for yourself or the party you represent."))
    if party.case_id != case.pk:
        raise ValidationError(_("That party is not a party of this case."))
    grounds = bounded_text(grounds, 5000, "grounds")
    if not grounds:
        raise ValidationError(_("State the grounds for a retrial."))
    with transaction.atomic():
        case = lock_case(case)
        effect = queries.effect_of(case, today)
        if effect is None or not effect.is_effective:
            raise ValidationError(_("Only a decision that has taken effect can be retried."))
        if effect.after is not None:
            raise ValidationError(_(
                "The decision was appealed: apply against the second-instance case."))
        last = add_months(effect.effective_on, RETRIAL_MONTHS)
        if today > last:
            raise ValidationError(_(
                "The six months to apply for a retrial ended on %(last)s (the decision "
                "took effect on %(effective)s; Civil Procedure Law art. 216).") % {
                    "last": last.isoformat(), "effective": effect.effective_on.isoformat()})
        higher = case.court.parent
        if higher is None:
            raise ValidationError(_("This court has no court above it to apply to."))
        if RetrialApplication.objects.filter(case=case, applicant=party,
                                             status=RetrialStatus.APPLIED).exists():
            raise ValidationError(_("%(party)s's application already waits to be filed.")
                                  % {"party": party.name})
        application = RetrialApplication.objects.create(
            case=case, applicant=party, grounds=grounds, effective_on=effect.effective_on,
            filed_on=today, filed_by=actor, court=higher)
        case_event(case, "retrial_applied", actor=actor, acted_for=acted_for,
                   applicant=party.name, appeal_court=higher.name)
    return application


def note_retrial_docketed(application, review_case, *, actor, acted_for=None):
    perms.require(perms.can_docket(acted_for or actor, application.court_id),
                  _("Only the filing division of the court applied to files it."))
    application = RetrialApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != RetrialStatus.APPLIED:
        raise ValidationError(_("This application has already been filed."))
    application.status, application.review_case = RetrialStatus.DOCKETED, review_case
    application.save(update_fields=["status", "review_case"])
    case = lock_case(application.case)
    link(case, review_case, stage=Stage.RETRIAL_REVIEW)
    case_event(case, "retrial_docketed", actor=actor, acted_for=acted_for,
               linked_number=review_case.number)
    return application


def record_retrial_outcome(review_case, *, outcome: str, decided_on, actor, acted_for=None):
    if outcome not in RetrialOutcome.values:
        raise ValidationError(_("Choose the outcome of the application."))
    application = RetrialApplication.objects.select_for_update().filter(
        review_case=review_case, status=RetrialStatus.DOCKETED).first()
    if application is None:
        raise ValidationError(_("This case reviews no application waiting for its outcome."))
    application.status, application.outcome, application.decided_on = (
        RetrialStatus.DECIDED, outcome, decided_on)
    application.save(update_fields=["status", "outcome", "decided_on"])
    case_event(lock_case(application.case), "retrial_decided", actor=actor, acted_for=acted_for,
               retrial_outcome=outcome)
    return application


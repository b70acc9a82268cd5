"""Every change of the case funds: one transaction each, the case row and then the case's
account row locked (`select_for_update`) so that two commands on one case run one after
the other and none overdraws; its event on the case timeline (`case_event`, which writes
the audit entry). Each asks `funds.permissions` again.

Idempotency (HMCTS lesson, domain reference §1.2): every command that moves money carries
a key. An arrival recorded again with its key, a payout requested again with its key by
the same officer, a payment sent again with its key give back what the first did, and
pay nothing twice; the database's unique constraints (`funds_paid_once`,
`funds_claimed_once`, `funds_entry_key_once`) hold even if this code had a hole.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseParty, CaseRepresentative
from tianping.funds import permissions as perms
from tianping.funds.backends import backend
from tianping.funds.choices import (
    INTO_CASE,
    OUT_OF_CASE,
    PENDING_PAYOUT,
    DeferralReason,
    DeferralStatus,
    EntryKind,
    PayoutStatus,
)
from tianping.funds.models import CaseAccount, Deferral, Entry, Payout
from tianping.lib.text import clean_text

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("99999999999999.99")
KEY_MAX = 80


def money(value, field: str = "amount") -> Decimal:
    """A positive amount in yuan with at most two decimals."""
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Enter an amount in yuan, e.g. 1234.50.")}) from None
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        raise ValidationError({field: _("Enter an amount in yuan, e.g. 1234.50.")})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: _("An amount has at most two decimals (fen).")})
    return amount.quantize(Decimal("0.01"))


def _text(value, field: str, limit: int, *, required=False) -> str:
    value = clean_text(value or "").strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > limit:
        raise ValidationError({field: _("At most %(n)d characters.") % {"n": limit}})
    return value


def _key(key) -> str:
    key = (key or "").strip()
    if not key:
        raise ValidationError(_("The request has no idempotency key."))
    if len(key) > KEY_MAX:
        raise ValidationError(_("The idempotency key is too long."))
    return key


def balance(case) -> Decimal:
    """Received + claimed - fees - disbursed - refunded - deposited."""
    sums = Entry.objects.filter(case=case).aggregate(
        into=Sum("amount", filter=Q(kind__in=INTO_CASE)),
        out=Sum("amount", filter=Q(kind__in=OUT_OF_CASE)))
    return ((sums["into"] or ZERO) - (sums["out"] or ZERO)).quantize(CENT)


def pending(case, exclude=None) -> Decimal:
    payouts = Payout.objects.filter(case=case, status__in=PENDING_PAYOUT)
    if exclude is not None:
        payouts = payouts.exclude(pk=exclude.pk)
    return (payouts.aggregate(s=Sum("amount"))["s"] or ZERO).quantize(CENT)


def available(case) -> Decimal:
    """The balance net of payouts requested or approved and not yet paid."""
    return balance(case) - pending(case)


def account_number(case) -> str:
    return f"{case.court.code}-{case.pk:08d}"


def _lock(case) -> tuple[Case, CaseAccount]:
    """Lock the case row, then its account row (made on first use)."""
    locked = Case.objects.select_for_update(of=("self",)).select_related("court").get(pk=case.pk)
    account, _made = CaseAccount.objects.get_or_create(
        case=locked, defaults={"number": account_number(locked)})
    account = CaseAccount.objects.select_for_update().get(pk=account.pk)
    return locked, account


def _moved(case, entry, *, actor, acted_for=None) -> None:
    case_event(case, "funds_moved", actor=actor, acted_for=acted_for, is_public=False,
               entry_kind=entry.kind, amount=str(entry.amount), reference=entry.reference)


def _day(on, today) -> datetime.date:
    if on is None:
        return today
    if on > today:
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if on < today - datetime.timedelta(days=366):
        raise ValidationError({"on": _("The date is more than a year ago.")})
    return on


def record_arrival(court, *, actor, acted_for=None, amount, key, reference, payer,
                   purpose="", case=None, case_number_given="", on=None, today=None) -> Entry:
    """Finance's arrival notice: money received for CASE (its sub-account), or, without a
    case, in the court's master account, to be claimed. The date starts the payout clock."""
    perms.require_finance(acted_for or actor, court)
    today = today or timezone.localdate()
    amount = money(amount)
    key = _key(key)
    on = _day(on, today)
    reference = _text(reference, "reference", 64, required=True)
    payer = _text(payer, "payer", 200, required=True)
    purpose = _text(purpose, "purpose", 200)
    case_number_given = _text(case_number_given, "case_number_given", 40)
    if case is not None and case.court_id != court.pk:
        raise ValidationError({"case": _("The case is not a case of this court.")})
    found = Entry.objects.filter(court=court, key=key).first()
    if found is not None:
        return found
    fields = {"court": court, "amount": amount, "on": on, "actor": actor, "counterparty": payer,
              "reference": reference, "purpose": purpose, "key": key,
              "case_number_given": case_number_given or (case.number if case else "")}
    try:
        with transaction.atomic():
            if case is None:
                entry = Entry.objects.create(kind=EntryKind.ARRIVED, **fields)
                record("funds.arrived", entry, actor=actor, acted_for=acted_for,
                       changes={"amount": str(amount), "reference": reference})
                return entry
            locked, _account = _lock(case)
            entry = Entry.objects.create(kind=EntryKind.RECEIVED, case=locked, **fields)
            _moved(locked, entry, actor=actor, acted_for=acted_for)
            return entry
    except IntegrityError:
        found = Entry.objects.filter(court=court, key=key).first()
        if found is None:
            raise
        return found


def claim(arrival: Entry, case, *, actor, acted_for=None, today=None) -> Entry:
    """Claim money of the master account to CASE (认领), by the case's officer."""
    user = acted_for or actor
    perms.require_officer(user, case)
    today = today or timezone.localdate()
    if arrival.kind != EntryKind.ARRIVED:
        raise ValidationError(_("Only money in the master account can be claimed."))
    if arrival.court_id != case.court_id:
        raise ValidationError(_("The money arrived at another court."))
    try:
        with transaction.atomic():
            locked, _account = _lock(case)
            Entry.objects.select_for_update().filter(pk=arrival.pk).first()
            earlier = Entry.objects.filter(source=arrival, kind=EntryKind.CLAIMED).first()
            if earlier is not None:
                raise ValidationError(_already_claimed(earlier))
            entry = Entry.objects.create(
                court_id=case.court_id, case=locked, kind=EntryKind.CLAIMED,
                amount=arrival.amount, on=today, actor=actor, source=arrival,
                counterparty=arrival.counterparty, reference=arrival.reference,
                purpose=arrival.purpose, case_number_given=arrival.case_number_given)
            _moved(locked, entry, actor=actor, acted_for=acted_for)
            return entry
    except IntegrityError:
        earlier = Entry.objects.filter(source=arrival, kind=EntryKind.CLAIMED).first()
        if earlier is None:
            raise
        raise ValidationError(_already_claimed(earlier)) from None


def _already_claimed(earlier) -> str:
    return _("This money was already claimed to case %(case)s on %(on)s.") % {
        "case": earlier.case.number, "on": earlier.on.isoformat()}


def record_outflow(case, kind: str, *, actor, acted_for=None, amount, key, reference="",
                   counterparty="", purpose="", on=None, today=None) -> Entry:
    """Finance books the enforcement fee (执行费), a refund or a deposit with a notary
    (提存) out of the case's money; never more than is available."""
    perms.require_finance(acted_for or actor, case.court)
    if kind not in (EntryKind.FEE, EntryKind.REFUNDED, EntryKind.DEPOSITED):
        raise ValidationError({"kind": _("Choose a movement out of the case.")})
    today = today or timezone.localdate()
    amount, key, on = money(amount), _key(key), _day(on, today)
    reference = _text(reference, "reference", 64, required=kind != EntryKind.FEE)
    counterparty = _text(counterparty, "counterparty", 200, required=kind != EntryKind.FEE)
    purpose = _text(purpose, "purpose", 200)
    found = Entry.objects.filter(court_id=case.court_id, key=key).first()
    if found is not None:
        return found
    with transaction.atomic():
        locked, _account = _lock(case)
        if amount > available(locked):
            raise ValidationError({"amount": _over(locked)})
        entry = Entry.objects.create(
            court_id=locked.court_id, case=locked, kind=kind, amount=amount, on=on,
            actor=actor, counterparty=counterparty, reference=reference, purpose=purpose,
            key=key)
        _moved(locked, entry, actor=actor, acted_for=acted_for)
        return entry


def _over(case) -> str:
    return _("The amount is more than the money available for the case (%(n)s yuan).") % {
        "n": f"{available(case):,.2f}"}


def request_payout(case, *, actor, acted_for=None, party, amount, bank, account_name,
                   account_number, key, note="", representative=None) -> Payout:
    """The officer asks to pay AMOUNT of the case's money to PARTY (a party of the case),
    or to REPRESENTATIVE, that party's agent in the case."""
    user = acted_for or actor
    perms.require_officer(user, case)
    amount, key = money(amount), _key(key)
    if not isinstance(party, CaseParty):
        party = CaseParty.objects.filter(pk=party).first() if str(party).isdigit() else None
    if party is None or party.case_id != case.pk:
        raise ValidationError({"party": _("The payee must be a party of this case.")})
    if representative is not None and not isinstance(representative, CaseRepresentative):
        representative = CaseRepresentative.objects.filter(pk=representative).first() \
            if str(representative).isdigit() else None
        if representative is None:
            raise ValidationError({"representative": _("Choose an agent of the payee.")})
    if representative is not None and (representative.party_id != party.pk
                                       or representative.case_id != case.pk):
        raise ValidationError({"representative": _("Choose an agent of the payee.")})
    bank = _text(bank, "bank", 100, required=True)
    account_name = _text(account_name, "account_name", 200, required=True)
    account_number = _text(account_number, "account_number", 40, required=True).replace(" ", "")
    if not account_number.isdigit() or not 8 <= len(account_number) <= 30:
        raise ValidationError({"account_number": _("Enter the bank account number (digits).")})
    note = _text(note, "note", 500)
    found = Payout.objects.filter(requested_by=actor, request_key=key).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            locked, _account = _lock(case)
            if amount > available(locked):
                raise ValidationError({"amount": _over(locked)})
            payout = Payout.objects.create(
                case=locked, party=party, representative=representative,
                payee_name=representative.name if representative else party.name,
                amount=amount, bank=bank,
                account_name=account_name, account_number=account_number, note=note,
                tier=",".join(perms.tier_for(amount)), requested_by=actor, request_key=key)
            case_event(locked, "funds_payout_requested", actor=actor, acted_for=acted_for,
                       is_public=False, amount=str(amount), payee=party.name)
            return payout
    except IntegrityError:
        found = Payout.objects.filter(requested_by=actor, request_key=key).first()
        if found is None:
            raise
        return found


def decide_payout(payout, *, actor, acted_for=None, approve: bool, note="") -> Payout:
    perms.require_approve_payout(acted_for or actor, payout)
    note = _text(note, "note", 500, required=not approve)
    with transaction.atomic():
        locked, _account = _lock(payout.case)
        payout = Payout.objects.select_for_update().get(pk=payout.pk)
        if payout.status != PayoutStatus.REQUESTED:
            raise ValidationError(_("This payout has already been decided."))
        payout.status = PayoutStatus.APPROVED if approve else PayoutStatus.REFUSED
        payout.decided_by, payout.decided_at = acted_for or actor, timezone.now()
        payout.decision_note = note
        payout.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        case_event(locked, "funds_payout_decided", actor=actor, acted_for=acted_for,
                   is_public=False, amount=str(payout.amount), payee=payout.payee_name,
                   approved=approve)
        return payout


def pay(payout, *, actor, acted_for=None, key, reference="", today=None) -> Payout:
    """Finance pays an approved payout through the payment backend. The same command sent
    again (same key) gives back the paid payout; another command finds it paid."""
    perms.require_finance(acted_for or actor, payout.case.court)
    key = _key(key)
    today = today or timezone.localdate()
    with transaction.atomic():
        locked, _account = _lock(payout.case)
        payout = Payout.objects.select_for_update().get(pk=payout.pk)
        if payout.status == PayoutStatus.PAID:
            if payout.pay_key == key:
                return payout
            raise ValidationError(_("This payout was already paid on %(on)s.")
                                  % {"on": payout.paid_on.isoformat()})
        if payout.status != PayoutStatus.APPROVED:
            raise ValidationError(_("Only an approved payout can be paid."))
        if payout.amount > balance(locked):
            raise ValidationError({"amount": _over(locked)})
        bank_reference = backend().pay(payout, reference)
        Entry.objects.create(
            court_id=locked.court_id, case=locked, kind=EntryKind.DISBURSED,
            amount=payout.amount, on=today, actor=actor, counterparty=payout.payee_name,
            party=payout.party, reference=bank_reference, payout=payout,
            key=f"pay:{payout.pk}")
        payout.status, payout.paid_by, payout.paid_on = PayoutStatus.PAID, actor, today
        payout.bank_reference, payout.pay_key = bank_reference, key
        payout.save(update_fields=["status", "paid_by", "paid_on", "bank_reference", "pay_key"])
        case_event(locked, "funds_moved", actor=actor, acted_for=acted_for, is_public=False,
                   entry_kind=EntryKind.DISBURSED, amount=str(payout.amount),
                   reference=bank_reference, payee=payout.payee_name)
        return payout


def request_deferral(case, *, actor, acted_for=None, reason: str, note: str) -> Deferral:
    perms.require_officer(acted_for or actor, case)
    if reason not in DeferralReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    note = _text(note, "note", 500, required=True)
    with transaction.atomic():
        locked, _account = _lock(case)
        if locked.funds_deferrals.filter(status__in=(DeferralStatus.REQUESTED,
                                                     DeferralStatus.APPROVED)).exists():
            raise ValidationError(_("A deferral of this case is already requested or in "
                                    "force."))
        deferral = Deferral.objects.create(case=locked, reason=reason, note=note,
                                           requested_by=actor)
        case_event(locked, "funds_deferral_requested", actor=actor, acted_for=acted_for,
                   is_public=False, deferral_reason=reason)
        return deferral


def decide_deferral(deferral, *, actor, acted_for=None, approve: bool, today=None) -> Deferral:
    perms.require_approve_deferral(acted_for or actor, deferral)
    today = today or timezone.localdate()
    with transaction.atomic():
        locked, _account = _lock(deferral.case)
        deferral = Deferral.objects.select_for_update().get(pk=deferral.pk)
        if deferral.status != DeferralStatus.REQUESTED:
            raise ValidationError(_("This deferral has already been decided."))
        deferral.status = DeferralStatus.APPROVED if approve else DeferralStatus.REFUSED
        deferral.decided_by = acted_for or actor
        deferral.starts_on = today if approve else None
        deferral.save(update_fields=["status", "decided_by", "starts_on"])
        case_event(locked, "funds_deferral_decided", actor=actor, acted_for=acted_for,
                   is_public=False, deferral_reason=deferral.reason, approved=approve)
        return deferral


def end_deferral(deferral, *, actor, acted_for=None, today=None) -> Deferral:
    """The reason has ended: the clock runs again (FUNDS_RESUME_DAYS)."""
    user = acted_for or actor
    if not (perms.is_officer(user, deferral.case) or perms.holds(
            user, deferral.case, ("division_head", "president"))):
        raise PermissionDenied(_("Only the enforcement officer of the case can do that."))
    today = today or timezone.localdate()
    with transaction.atomic():
        locked, _account = _lock(deferral.case)
        deferral = Deferral.objects.select_for_update().get(pk=deferral.pk)
        if deferral.status != DeferralStatus.APPROVED:
            raise ValidationError(_("Only a deferral in force can end."))
        deferral.status, deferral.ended_on, deferral.ended_by = (
            DeferralStatus.ENDED, today, actor)
        deferral.save(update_fields=["status", "ended_on", "ended_by"])
        case_event(locked, "funds_deferral_ended", actor=actor, acted_for=acted_for,
                   is_public=False, deferral_reason=deferral.reason, ended_on=today)
        return deferral

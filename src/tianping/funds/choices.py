from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    """A movement of money. Each is one double entry: from one account to another
    (`FLOWS`): the case's sub-account (一案一账号), the court's master account (unclaimed
    money, 暂存款), the court's fee account, or outside (payers, payees, 提存)."""

    RECEIVED = "received", _("Received for the case (到账)")
    ARRIVED = "arrived", _("Arrived in the master account (待认领)")
    CLAIMED = "claimed", _("Claimed to the case (认领)")
    FEE = "fee", _("Enforcement fee deducted (执行费)")
    DISBURSED = "disbursed", _("Paid out to the payee (发放)")
    REFUNDED = "refunded", _("Refunded (退还)")
    DEPOSITED = "deposited", _("Deposited with a notary (提存)")


CASE, MASTER, FEES, OUTSIDE = "case", "master", "fees", "outside"
# kind -> (from account, to account)
FLOWS = {
    EntryKind.RECEIVED: (OUTSIDE, CASE),
    EntryKind.ARRIVED: (OUTSIDE, MASTER),
    EntryKind.CLAIMED: (MASTER, CASE),
    EntryKind.FEE: (CASE, FEES),
    EntryKind.DISBURSED: (CASE, OUTSIDE),
    EntryKind.REFUNDED: (CASE, OUTSIDE),
    EntryKind.DEPOSITED: (CASE, OUTSIDE),
}
INTO_CASE = (EntryKind.RECEIVED, EntryKind.CLAIMED)
OUT_OF_CASE = (EntryKind.FEE, EntryKind.DISBURSED, EntryKind.REFUNDED, EntryKind.DEPOSITED)
# what the bank statement of the funds account shows: money in from outside, money out
BANK_IN = (EntryKind.RECEIVED, EntryKind.ARRIVED)
BANK_OUT = (EntryKind.DISBURSED, EntryKind.REFUNDED, EntryKind.DEPOSITED, EntryKind.FEE)


class PayoutStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval (待审批)")
    APPROVED = "approved", _("Approved, to pay (待发放)")
    REFUSED = "refused", _("Refused (不予批准)")
    PAID = "paid", _("Paid (已发放)")


PENDING_PAYOUT = (PayoutStatus.REQUESTED, PayoutStatus.APPROVED)


class DeferralReason(models.TextChoices):
    """Why money is not paid out within the limit (暂缓发放的法定事由)."""

    ALLOCATION = "allocation", _("Allocation among creditors pending (参与分配未完成)")
    FROZEN = "frozen", _("Payee's funds frozen or preserved in another matter (被冻结/保全)")
    NOT_COLLECTED = "not_collected", _("Payee does not collect after notice (通知后不领取)")
    SUSPENDED = "suspended", _("Enforcement suspended (中止执行)")


class DeferralStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval (待审批)")
    APPROVED = "approved", _("In force (暂缓中)")
    REFUSED = "refused", _("Refused (不予批准)")
    ENDED = "ended", _("Ended (事由消除)")


class Direction(models.TextChoices):
    IN = "in", _("In (收入)")
    OUT = "out", _("Out (支出)")


class Difference(models.TextChoices):
    NOT_IN_LEDGER = "not_in_ledger", _("In the statement, not in the ledger")
    NOT_IN_STATEMENT = "not_in_statement", _("In the ledger, not in the statement")
    AMOUNT = "amount", _("Amount or direction differs")

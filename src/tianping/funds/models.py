"""Case funds (执行案款): one sub-account per case (一案一账号), the court's master account
for money not yet claimed, and the ledger of every movement (`Entry`: append-only, each
row one double entry from one account to another, see choices.FLOWS). Payout requests,
deferrals and imported bank statements are the workflow around it.

The ledger is never updated nor deleted: the model is an `AppendOnlyModel` (lib/
append_only.py: its queryset refuses every change), database triggers (migration 0002)
refuse it for any SQL, and on PostgreSQL the application role holds no UPDATE, DELETE or
TRUNCATE on it (audit/roles.py, docs/deployment.md). A case's balance is the sum of its entries:
received + claimed - fees - disbursed - refunded - deposited, never negative (checked
under the lock of the case's account row, `actions`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.funds.choices import (
    FLOWS,
    DeferralReason,
    DeferralStatus,
    Direction,
    EntryKind,
    PayoutStatus,
)
from tianping.lib.append_only import AppendOnlyModel, AppendOnlyQuerySet

MONEY = {"max_digits": 16, "decimal_places": 2}


class CaseAccount(models.Model):
    """The case's sub-account; its row is what every movement of the case locks."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT,
                                related_name="funds_account")
    number = models.CharField(_("sub-account number"), max_length=40, unique=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.number


class LedgerQuerySet(AppendOnlyQuerySet):
    change_message = "Ledger entries are append-only: they cannot be changed."
    remove_message = "Ledger entries are append-only: they cannot be deleted."


class Entry(AppendOnlyModel):
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="funds_entries")
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    on = models.DateField(_("value date"), db_column="value_date")  # ON is an SQL keyword
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    counterparty = models.CharField(_("counterparty"), max_length=200, blank=True)
    party = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    reference = models.CharField(_("bank reference"), max_length=64, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    case_number_given = models.CharField(_("case number given by the payer"), max_length=40,
                                         blank=True)
    source = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="claims")  # a claim: the master-account arrival
    payout = models.ForeignKey("funds.Payout", on_delete=models.PROTECT, null=True,
                               blank=True, related_name="entries")
    key = models.CharField(max_length=80, blank=True)  # the command's idempotency key

    objects = LedgerQuerySet.as_manager()

    class Meta:
        ordering = ["on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="funds_entry_positive"),
            models.CheckConstraint(
                condition=Q(kind="arrived", case__isnull=True)
                | (~Q(kind="arrived") & Q(case__isnull=False)), name="funds_entry_account"),
            models.UniqueConstraint(fields=["source"], condition=Q(kind="claimed"),
                                    name="funds_claimed_once"),
            models.UniqueConstraint(fields=["payout"], condition=Q(kind="disbursed"),
                                    name="funds_paid_once"),
            models.UniqueConstraint(fields=["court", "key"], condition=~Q(key=""),
                                    name="funds_entry_key_once"),
        ]
        indexes = [
            models.Index(fields=["case", "on", "id"], name="funds_entry_case"),
            models.Index(fields=["court", "on"], name="funds_entry_court_day"),
            models.Index(fields=["court", "reference"], name="funds_entry_reference"),
        ]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")

    def __str__(self) -> str:
        return f"{self.kind} {self.amount}"

    @property
    def accounts(self) -> tuple[str, str]:
        """(from, to) of this double entry."""
        return FLOWS[self.kind]


class Payout(models.Model):
    """The officer's request to pay money of the case to a party, its approval at the tier
    of its amount, and finance's payment (one ledger entry, DISBURSED)."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="funds_payouts")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT, related_name="+")
    # paid to the party's agent (a representative of that party) instead of the party
    representative = models.ForeignKey("cases.CaseRepresentative", on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")
    payee_name = models.CharField(_("payee"), max_length=200)
    amount = models.DecimalField(_("amount"), **MONEY)
    bank = models.CharField(_("bank"), max_length=100)
    account_name = models.CharField(_("account name"), max_length=200)
    account_number = models.CharField(_("account number"), max_length=40)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PayoutStatus.choices,
                              default=PayoutStatus.REQUESTED)
    tier = models.CharField(max_length=40)  # the roles that may approve, comma-separated
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    request_key = models.CharField(max_length=80)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                null=True, blank=True, related_name="+")
    paid_on = models.DateField(null=True, blank=True)
    bank_reference = models.CharField(max_length=64, blank=True)
    pay_key = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["requested_by", "request_key"],
                                    name="funds_payout_request_once"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="funds_payout_positive"),
        ]
        indexes = [models.Index(fields=["status", "case"], name="funds_payout_status")]

    def __str__(self) -> str:
        return f"{self.payee_name} {self.amount}"

    @property
    def masked_account(self) -> str:
        n = self.account_number
        return ("*" * max(len(n) - 4, 0)) + n[-4:] if n else ""


class Deferral(models.Model):
    """A typed reason not to pay within the limit, approved by someone other than the
    requester; the payout clock pauses from its approval until it ends."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="funds_deferrals")
    reason = models.CharField(_("reason"), max_length=16, choices=DeferralReason.choices)
    note = models.CharField(_("explanation"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=DeferralStatus.choices,
                              default=DeferralStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    starts_on = models.DateField(null=True, blank=True)  # approved on
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.reason}"


class Statement(models.Model):
    """A month's bank statement of the court's funds account, imported whole by finance."""

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    month = models.DateField()  # its first day
    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.court_id} {self.month:%Y-%m}"


class StatementLine(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    line = models.PositiveIntegerField()
    on = models.DateField()
    amount = models.DecimalField(**MONEY)
    reference = models.CharField(max_length=64)
    case_number = models.CharField(max_length=40, blank=True)
    direction = models.CharField(max_length=3, choices=Direction.choices)

    class Meta:
        ordering = ["statement", "line"]

    def __str__(self) -> str:
        return f"{self.statement_id}:{self.line}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseTimeLimit(models.Model):
    """A case's time limit (审限): its rule, start, current expiry and how it was reached."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="time_limit")
    rule_code = models.CharField(_("rule"), max_length=40)
    starts_on = models.DateField(_("counted from"))
    expires_on = models.DateField(_("expires on"), db_index=True)
    in_custody = models.BooleanField(_("in custody"), default=False)
    steps = models.JSONField(_("explanation"), default=list)
    suspended_since = models.DateField(_("suspended since"), null=True, blank=True)
    # The first year whose rest days were taken as weekends only (no holiday schedule on
    # file when the limit was computed), else NULL: the sweep computes the limit again once
    # that year's schedule is on file (`actions.recompute_provisional`).
    provisional_year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    # Set when the case is closed (`flows.cases.close_case`): the limit no longer runs. A
    # hint for the overdue list's index; the lists still ask the case's own state.
    case_closed = models.BooleanField(default=False)
    # The expiry while the limit runs (case open, not suspended), else NULL: kept by the
    # database, so that the overdue list reads only running limits, the most overdue first.
    runs_until = models.GeneratedField(
        expression=models.Case(
            models.When(
                models.Q(case_closed=False, suspended_since__isnull=True),
                then=models.F("expires_on"),
            ),
            default=None,
        ),
        output_field=models.DateField(null=True),
        db_persist=True,
    )

    class Meta:
        ordering = ["expires_on"]
        indexes = [
            # the deadline sweep: limits that run (not suspended), by case and expiry date
            models.Index(
                fields=["case", "expires_on"],
                condition=models.Q(suspended_since__isnull=True),
                name="deadlines_limit_sweep",
            ),
            # the overdue list: running limits by expiry date (partial: the running ones)
            models.Index(
                fields=["runs_until", "case"],
                condition=models.Q(runs_until__isnull=False),
                name="deadlines_limit_running",
            ),
        ]
        verbose_name = _("case time limit")
        verbose_name_plural = _("case time limits")

    def __str__(self) -> str:
        return f"{self.case} {self.rule_code} {self.expires_on}"


class CaseExclusion(models.Model):
    """A period not counted in the case's time limit (扣除审限); both days included."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="exclusions")
    kind = models.CharField(_("kind"), max_length=32)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "starts_on"]
        verbose_name = _("excluded period")
        verbose_name_plural = _("excluded periods")

    def __str__(self) -> str:
        return f"{self.case} {self.kind} {self.starts_on}–{self.ends_on or '…'}"


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ExtensionRequest(models.Model):
    """A request to extend the time limit (延长审限) and its decision."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="extensions")
    months = models.PositiveSmallIntegerField(_("months"), default=0)
    days = models.PositiveSmallIntegerField(_("days"), default=0)
    reason = models.TextField(_("reason"))
    approver = models.CharField(_("decided by"), max_length=24)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
    )
    requested_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField(_("requested on"))
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["case", "requested_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="requested"),
                name="one_open_extension_request_per_case",
            )
        ]
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")

    def __str__(self) -> str:
        return f"{self.case} +{self.months}m{self.days}d {self.status}"


class TimeLimitWarning(models.Model):
    """A warning raised once per case, threshold and expiry date (the sweep's memory)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    threshold = models.PositiveSmallIntegerField()
    expires_on = models.DateField()
    raised_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "threshold", "expires_on"], name="time_limit_warning_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.threshold}d"

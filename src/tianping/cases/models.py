import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import ConcurrentTransitionMixin, FSMField

from tianping.cases.choices import (
    PENDING_STATES,
    AppealRole,
    CaseState,
    ClosureMode,
    Procedure,
    Track,
)
from tianping.cases.workflow import CaseWorkflow
from tianping.lib.green_channel import GreenChannel, green_first
from tianping.lib.money import AmountField
from tianping.lib.timeline import TimelineEvent
from tianping.parties.choices import RepresentativeKind
from tianping.parties.models import PartyDetails, new_public_code

PENDING = models.Q(state__in=PENDING_STATES)
CLOSED = models.Q(state__in=[CaseState.CLOSED, CaseState.ARCHIVED])


class CaseQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state__in=PENDING_STATES)

    def for_court(self, court):
        return self.filter(court=court)

    def green_first(self):
        """Green-channel cases (绿色通道) first, then the oldest."""
        return green_first(self, "filed_on", "id")


class Case(ConcurrentTransitionMixin, CaseWorkflow, GreenChannel):
    """A case (案件) with its number (案号), parties, judge and workflow state."""

    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    number = models.CharField(_("case number"), max_length=40, unique=True)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="cases", verbose_name=_("court")
    )
    division = models.ForeignKey(
        "courts.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("division"),
    )
    team = models.ForeignKey(
        "courts.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("team"),
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_as_judge",
        verbose_name=_("judge"),
    )
    filing = models.OneToOneField(
        "filings.Filing", on_delete=models.PROTECT, null=True, blank=True, related_name="case"
    )
    type_code = models.CharField(_("type code"), max_length=8)
    special_code = models.CharField(_("specialised-trial code"), max_length=2, blank=True)
    procedure = models.CharField(_("procedure"), max_length=16, choices=Procedure.choices)
    track = models.CharField(_("track"), max_length=12, choices=Track.choices, blank=True)
    triage_reasons = models.JSONField(_("triage reasons"), default=list, blank=True)
    cause = models.ForeignKey(
        "catalog.CatalogEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cause of action"),
    )
    claims = models.TextField(_("claims"), blank=True)
    amount = AmountField(_("amount in dispute (yuan)"), null=True, blank=True)
    state = FSMField(_("state"), default=CaseState.FILED, choices=CaseState.choices, protected=True)
    filed_on = models.DateField(_("filed on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_mode = models.CharField(
        _("closure mode"), max_length=16, choices=ClosureMode.choices, blank=True
    )
    closure_note = models.TextField(_("closing note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Historical import (`flows.case_import`): the run that last wrote the case (NULL for a
    # case run on the platform); the judge's name when no staff member bears it; the cause
    # as written when the catalog has no cause of that name; the 原审案号 as written.
    import_run = models.ForeignKey(
        "cases.ImportRun", on_delete=models.PROTECT, null=True, blank=True,
        related_name="cases", verbose_name=_("imported by"),
    )
    historical_judge = models.CharField(_("judge (historical name)"), max_length=60,
                                        blank=True, db_index=True)
    cause_text = models.CharField(_("cause of action (as imported)"), max_length=200,
                                  blank=True)
    origin_reference = models.CharField(_("case number below (原审案号)"), max_length=40,
                                        blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_on", "-id"]
        indexes = [
            # The lists, each read in its order through an index, a page at a time (keyset):
            # pending cases (partial: only pending rows), green channel first then the
            # oldest (`green_first`), of a court, a division, a judge, or of many courts;
            models.Index(
                fields=["court", "priority", "filed_on", "id"],
                condition=PENDING,
                name="case_court_pending",
            ),
            models.Index(
                fields=["division", "priority", "filed_on", "id"],
                condition=PENDING,
                name="case_division_pending",
            ),
            models.Index(
                fields=["judge", "priority", "filed_on", "id"],
                condition=PENDING,
                name="case_judge_pending",
            ),
            models.Index(
                fields=["priority", "filed_on", "id"], condition=PENDING, name="case_pending"
            ),
            # pending cases, the oldest first (long pending: 长期未结);
            models.Index(
                fields=["court", "filed_on", "id"], condition=PENDING, name="case_court_pending_age"
            ),
            models.Index(fields=["filed_on", "id"], condition=PENDING, name="case_pending_age"),
            # every case, the newest first; closed cases, the last closed first.
            models.Index(fields=["court", "filed_on", "id"], name="case_court_filed"),
            models.Index(fields=["filed_on", "id"], name="case_filed"),
            models.Index(
                fields=["court", "closed_on", "id"], condition=CLOSED, name="case_court_closed_list"
            ),
            models.Index(fields=["closed_on", "id"], condition=CLOSED, name="case_closed_list"),
            # the dashboard's counts and the judges' loads
            models.Index(fields=["court", "state"], name="case_court_state"),
            models.Index(fields=["court", "closed_on"], name="case_court_closed"),
            models.Index(fields=["judge", "state"], name="case_judge_state"),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.number

    @property
    def is_pending(self) -> bool:
        return self.state in PENDING_STATES

    def triage_reason_texts(self) -> list[str]:
        """The triage reasons (stored as codes) worded in the active language."""
        from tianping.cases.triage import reason_text

        return [reason_text(reason) for reason in self.triage_reasons or []]

    def days_pending(self, today: datetime.date) -> int:
        return ((self.closed_on or today) - self.filed_on).days


class CaseParty(PartyDetails):
    """A party of the case, copied from the filing when the case was filed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_parties",
    )
    # In a second-instance case: appellant, appellee or another party below (blank else).
    appeal_role = models.CharField(_("standing on appeal"), max_length=12, blank=True,
                                   choices=AppealRole.choices)

    class Meta:
        ordering = ["case", "position", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    @property
    def role_label(self) -> str:
        """The party's role as the case's pages and documents name it: in a second-instance
        case with the role of the first instance, e.g. 上诉人（原审被告）."""
        if not self.appeal_role:
            return self.get_role_display()
        below = BELOW_ROLE_NAMES.get(self.role, self.role)
        if self.appeal_role == AppealRole.APPELLANT:
            return _("Appellant (%(role)s below)") % {"role": below}
        if self.appeal_role == AppealRole.APPELLEE:
            return _("Appellee (%(role)s below)") % {"role": below}
        return _("%(role)s below") % {"role": below}


# The first-instance roles as a second-instance case names them (原审原告 ...).
BELOW_ROLE_NAMES = {
    "plaintiff": pgettext_lazy("role below", "plaintiff"),
    "defendant": pgettext_lazy("role below", "defendant"),
    "third_party": pgettext_lazy("role below", "third party"),
    "applicant": pgettext_lazy("role below", "applicant"),
    "respondent": pgettext_lazy("role below", "respondent"),
    "private_prosecutor": pgettext_lazy("role below", "private prosecutor"),
}


class CaseRepresentative(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="representatives")
    party = models.ForeignKey(CaseParty, on_delete=models.CASCADE, related_name="representatives")
    kind = models.CharField(_("kind"), max_length=16, choices=RepresentativeKind.choices)
    name = models.CharField(_("name"), max_length=100)
    licence_number = models.CharField(_("bar licence number"), max_length=17, blank=True)
    law_firm = models.CharField(_("law firm"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_representations",
    )

    class Meta:
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return self.name


class CaseEvent(TimelineEvent):
    """The case's timeline: every procedural act, numbered, append-only (流程节点)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    is_public = models.BooleanField(default=True)  # shown to the parties (流程公开)

    class Meta:
        ordering = ["case", "seq"]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="case_event_seq")]

    def __str__(self) -> str:
        return f"{self.case} #{self.seq} {self.kind}"


class TriageRule(models.Model):
    """A rule of triage (繁简分流) as data: conditions, outcome and the reason given.

    Rules are tried in order of priority; the first whose every condition holds decides.
    Conditions left empty do not restrict. A court's own rules come before the general ones.
    """

    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="triage_rules",
        verbose_name=_("court"),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=100)
    name = models.CharField(_("name"), max_length=100)
    type_codes = models.JSONField(_("case type codes"), default=list, blank=True)
    cause_codes = models.JSONField(_("cause codes (or their parents)"), default=list, blank=True)
    max_amount = AmountField(_("at most this amount"), null=True, blank=True)
    min_amount = AmountField(_("at least this amount"), null=True, blank=True)
    max_parties = models.PositiveSmallIntegerField(
        _("at most this many parties"), null=True, blank=True
    )
    green_only = models.BooleanField(_("green-channel cases only"), default=False)
    track = models.CharField(_("track"), max_length=12, choices=Track.choices)
    procedure = models.CharField(_("procedure"), max_length=16, choices=Procedure.choices)
    team_kind = models.CharField(_("team kind"), max_length=24, blank=True)
    division_kind = models.CharField(_("division kind"), max_length=24, blank=True)
    reason = models.CharField(_("reason given"), max_length=300)
    reason_en = models.CharField(
        _("reason given, in English"),
        max_length=300,
        blank=True,
        help_text=_("Shown to English readers; the Chinese reason is shown when empty."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["priority", "id"]
        verbose_name = _("triage rule")
        verbose_name_plural = _("triage rules")

    def __str__(self) -> str:
        return self.name


def document_path(instance, filename) -> str:
    return f"cases/{instance.case.code}/{new_public_code()}"


class CaseDocument(models.Model):
    """A document of the case: the judgment, ruling, mediation document ..."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    is_public = models.BooleanField(_("shown to the parties"), default=True)

    class Meta:
        ordering = ["case", "uploaded_at"]

    def __str__(self) -> str:
        return self.title


from tianping.cases.models_import import ImportRun  # noqa: E402, F401  (historical import)
from tianping.cases.models_panel import (  # noqa: E402, F401  (who tries the case)
    Assessor,
    CaseMember,
    RecusalRequest,
)
from tianping.cases.models_party_acts import (  # noqa: E402, F401  (what parties do)
    CaseSubmission,
    MeetingRequest,
    SubmissionFile,
)
from tianping.cases.models_procedure import ProcedureChangeRequest  # noqa: E402, F401

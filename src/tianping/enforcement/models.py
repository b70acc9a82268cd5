"""Enforcement cases (执行): the title and application of a 执 case (`EnforcementRecord`,
one to one with the case), the milestones the officer records with their dates and
amounts (`Milestone`), and the property clues parties report (`Clue`).

The officer who handles a 执 case is the case's `judge` field (the case's handler: its
time limit, lists and backups then work as for any case); the team is the case's `team`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.enforcement.choices import ClosingMode, ClueStatus, MilestoneKind, TitleKind
from tianping.lib.money import AmountField
from tianping.parties.models import new_public_code


def title_path(instance, filename) -> str:
    return f"enforcement/titles/{new_public_code()}"


def milestone_path(instance, filename) -> str:
    return f"enforcement/milestones/{new_public_code()}"


def clue_path(instance, filename) -> str:
    return f"enforcement/clues/{new_public_code()}"


class EnforcementRecord(models.Model):
    """The enforcement title and application of one 执/执恢 case (before acceptance, of its
    filing)."""

    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    filing = models.OneToOneField("filings.Filing", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="enforcement")
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="enforcement")
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    title_kind = models.CharField(_("kind of title"), max_length=24, choices=TitleKind.choices)
    origin_case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="enforcements_from",
                                    verbose_name=_("case decided on the platform"))
    title_number = models.CharField(_("title number"), max_length=80, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    title_effective_on = models.DateField(_("title effective on"), null=True, blank=True)
    title_document = models.FileField(_("title document"), upload_to=title_path, blank=True)
    title_document_name = models.CharField(max_length=200, blank=True)
    title_document_sha256 = models.CharField(max_length=64, blank=True)
    amount_applied = AmountField(_("amount applied for"), null=True, blank=True)
    request = models.TextField(_("request"), blank=True)
    applicant_name = models.CharField(_("applicant"), max_length=200, blank=True)
    respondent_name = models.CharField(_("respondent"), max_length=200, blank=True)
    is_major = models.BooleanField(_("major case"), default=False)
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    closing_mode = models.CharField(_("closing mode"), max_length=24,
                                    choices=ClosingMode.choices, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    met_preconditions = models.BooleanField(default=False)  # 终本合格, at closing
    next_check_on = models.DateField(_("next property check due"), null=True, blank=True)
    restored_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="restorations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["court", "closing_mode", "closed_on"],
                                name="enforcement_closed"),
                   models.Index(fields=["next_check_on"], name="enforcement_next_check")]
        verbose_name = _("enforcement record")

    def __str__(self) -> str:
        return self.code


class Milestone(models.Model):
    record = models.ForeignKey(EnforcementRecord, on_delete=models.CASCADE,
                               related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=32, choices=MilestoneKind.choices)
    done_on = models.DateField(_("date"))
    amount = AmountField(_("amount"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    document = models.FileField(_("document"), upload_to=milestone_path, blank=True)
    document_name = models.CharField(max_length=200, blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_on", "id"]
        indexes = [models.Index(fields=["record", "kind"], name="enforcement_milestone_kind")]

    def __str__(self) -> str:
        return f"{self.record} {self.kind} {self.done_on}"


class Clue(models.Model):
    """A property clue (执行线索) reported by the applicant; the officer answers by due_on."""

    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    record = models.ForeignKey(EnforcementRecord, on_delete=models.PROTECT, related_name="clues")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    text = models.TextField(_("clue"))
    attachment = models.FileField(_("attachment"), upload_to=clue_path, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True)
    reported_on = models.DateField()
    due_on = models.DateField(_("answer due on"))
    status = models.CharField(_("status"), max_length=12, choices=ClueStatus.choices,
                              default=ClueStatus.OPEN)
    reply = models.TextField(_("reply"), blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    replied_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["status", "due_on"], name="enforcement_clue_due")]

    def __str__(self) -> str:
        return self.code

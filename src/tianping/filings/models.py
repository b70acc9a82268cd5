from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField

from tianping.filings.choices import (
    AttachmentKind,
    Channel,
    FilingKind,
    FilingStatus,
    MediationChoice,
    RefusalBasis,
    RefusalOutcome,
    RepresentativeKind,
    SpecialSubject,
    SteeringGreen,
)
from tianping.filings.workflow import FilingWorkflow
from tianping.lib.green_channel import GreenChannel, green_first
from tianping.lib.money import AmountField
from tianping.lib.timeline import TimelineEvent
from tianping.parties.models import PartyDetails, new_public_code


class FilingQuerySet(models.QuerySet):
    def open_for_review(self):
        return self.filter(status__in=[FilingStatus.SUBMITTED, FilingStatus.CORRECTION_REQUESTED])

    def green_first(self):
        """Green-channel filings (绿色通道) first, then by the review clock."""
        return green_first(self, "review_due_on", "submitted_at", "id")


class Filing(ConcurrentTransitionMixin, FilingWorkflow, GreenChannel):
    """A complaint or application before it is filed as a case (起诉材料/立案申请)."""

    code = models.CharField(
        _("receipt number"), max_length=12, unique=True, default=new_public_code
    )
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="filings", verbose_name=_("court")
    )
    assisting_court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assisting court"),
        help_text=_("Cross-region filing (跨域立案): the court where the papers were handed in."),
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=FilingKind.choices, default=FilingKind.CIVIL
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    service_point = models.ForeignKey(
        "courts.ServicePoint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="filings",
        verbose_name=_("service point"),
        help_text=_("Where the papers were handed in, for filing at a service point (诉讼服务点)."),
    )
    filer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="filings",
        verbose_name=_("filer"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    status = FSMField(
        _("status"), default=FilingStatus.DRAFT, choices=FilingStatus.choices, protected=True
    )
    cause = models.ForeignKey(
        "catalog.CatalogEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cause of action"),
    )
    claims = models.TextField(_("claims"), blank=True)
    amount = AmountField(_("amount claimed (yuan)"), null=True, blank=True)
    facts = models.TextField(_("facts and reasons"), blank=True)
    # A special-procedure application (特别程序): what it asks, whom or what it concerns
    # (the person missing, the property ...), and for a voter-qualification case the
    # election day it must be decided before (民事诉讼法 art. 189).
    special_subject = models.CharField(
        _("what the application asks"), max_length=24, choices=SpecialSubject.choices,
        blank=True,
    )
    subject_detail = models.TextField(_("the person or property concerned"), blank=True)
    election_on = models.DateField(_("election day"), null=True, blank=True)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("received at"), null=True, blank=True)
    clock_starts_on = models.DateField(_("review clock starts"), null=True, blank=True)
    review_due_on = models.DateField(_("review due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    refusal_reasons = models.TextField(_("reasons for refusal"), blank=True)
    refusal_basis = models.CharField(
        _("statutory basis of the refusal"), max_length=24, choices=RefusalBasis.choices, blank=True
    )
    transferred_to = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transferred to"),
    )

    # Steering to mediation (分调裁审): the recommendation the filer answered (the rule and
    # its reasons as codes, `filings.steering.Recommendation.as_stored`) and the answer.
    # Only a record: handing in and the review clock never depend on it.
    mediation_recommended = models.JSONField(
        _("mediation recommended"), default=dict, blank=True
    )
    mediation_choice = models.CharField(
        _("choice on mediation"),
        max_length=12,
        choices=MediationChoice.choices,
        blank=True,
        default=MediationChoice.NONE,
    )
    mediation_choice_at = models.DateTimeField(_("mediation choice made at"), null=True, blank=True)
    mediation_choice_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mediation choice recorded by"),
    )

    objects = FilingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # the review queue: green channel first, then by the clock (`green_first`)
            models.Index(
                fields=["court", "status", "priority", "review_due_on", "submitted_at", "id"],
                name="filing_review_queue",
            ),
            # filings whose filer agreed to mediate first (`filings_consented_to_mediation`)
            models.Index(
                fields=["court", "mediation_choice_at", "id"],
                condition=models.Q(mediation_choice="consented"),
                name="filing_mediation_consented",
            ),
        ]
        verbose_name = _("filing")
        verbose_name_plural = _("filings")

    def __str__(self) -> str:
        return self.code

    def parties_in(self, roles) -> list:
        return [p for p in self.parties.all() if p.role in roles]


class FilingParty(PartyDetails):
    """A party named in a filing: plaintiff, defendant, third party, applicant ..."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="parties")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["filing", "position", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")


class FilingRepresentative(models.Model):
    """An agent ad litem (诉讼代理人) of one party, with their power of attorney."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="representatives")
    party = models.ForeignKey(FilingParty, on_delete=models.CASCADE, related_name="representatives")
    kind = models.CharField(_("kind"), max_length=16, choices=RepresentativeKind.choices)
    name = models.CharField(_("name"), max_length=100)
    id_number = models.CharField(_("identity number"), max_length=40, blank=True)
    licence_number = models.CharField(_("bar licence number"), max_length=17, blank=True)
    law_firm = models.CharField(_("law firm"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    authorisation = models.ForeignKey(
        "FilingAttachment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("power of attorney"),
    )

    class Meta:
        ordering = ["filing", "id"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.name


class FilingEvidence(models.Model):
    """One line of the evidence list (证据清单)."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField(_("evidence"), max_length=200)
    source = models.CharField(_("source"), max_length=200, blank=True)
    purpose = models.CharField(_("what it proves"), max_length=300, blank=True)
    attachment = models.ForeignKey(
        "FilingAttachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["filing", "position", "id"]
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")

    def __str__(self) -> str:
        return self.name


def attachment_path(instance, filename) -> str:
    return f"filings/{instance.filing.code}/{new_public_code()}"


class FilingAttachment(models.Model):
    """An uploaded file. Its type is checked from its content, not its name."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=16, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=60)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["filing", "uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


def document_path(instance, filename) -> str:
    version = instance.html_sha256[:16]
    return f"filings/{instance.filing.code}/documents/{instance.name}-{version}.pdf"


class FilingDocument(models.Model):
    """A printable document of a filing (receipt, correction notice, ruling, notice of
    acceptance) as laid out once: served from here, never laid out again for the same
    content (`filings.documents`)."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("document"), max_length=40)
    html_sha256 = models.CharField(max_length=64)
    file = models.FileField(_("file"), upload_to=document_path)
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["filing", "name", "made_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["filing", "name", "html_sha256"], name="filing_document_once"
            )
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.filing} {self.name}"


class CorrectionNotice(models.Model):
    """A one-time notice of everything to correct (一次性告知, 登记立案规定 art. 7)."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="corrections")
    items = models.JSONField(_("items to correct"))
    respond_by = models.DateField(_("correct by"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["filing", "-issued_at"]
        verbose_name = _("correction notice")
        verbose_name_plural = _("correction notices")

    def __str__(self) -> str:
        return f"{self.filing} {self.issued_at:%Y-%m-%d}"


class RefusalProposal(models.Model):
    """A filing clerk's proposal to refuse a filing (不予受理), decided by a judge of the
    court (`filings.permissions.can_decide_refusal`), never by the one who proposed it.
    One proposal of a filing waits at a time."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="refusals")
    basis = models.CharField(
        _("statutory basis"), max_length=24, choices=RefusalBasis.choices
    )
    reasons = models.TextField(_("reasons"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_for = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=RefusalOutcome.choices, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.TextField(_("judge's note"), blank=True)

    class Meta:
        ordering = ["filing", "-proposed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["filing"],
                condition=models.Q(outcome=""),
                name="refusal_one_pending",
            )
        ]
        indexes = [models.Index(fields=["outcome", "proposed_at"], name="refusal_to_decide")]
        verbose_name = _("refusal proposal")
        verbose_name_plural = _("refusal proposals")

    def __str__(self) -> str:
        return f"{self.filing} {self.get_basis_display()}"


class FilingEvent(TimelineEvent):
    """The filing's timeline: append-only, numbered, written only by actions."""

    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="events")

    class Meta:
        ordering = ["filing", "seq"]
        constraints = [models.UniqueConstraint(fields=["filing", "seq"], name="filing_event_seq")]

    def __str__(self) -> str:
        return f"{self.filing} #{self.seq} {self.kind}"


class MediationSteeringRule(models.Model):
    """A rule steering filings to mediation (分调裁审) as data: conditions, and whether the
    filings it matches are recommended to mediate first, with the reason given.

    Rules are tried in order of priority, a court's own before the general ones; the first
    whose every condition holds decides; no match, no recommendation (`filings.steering`).
    Conditions left empty do not restrict.
    """

    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="steering_rules",
        verbose_name=_("court"),
        help_text=_("Empty: a general rule, tried after every court's own."),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=100)
    name = models.CharField(_("name"), max_length=100)
    kinds = models.JSONField(_("filing kinds"), default=list, blank=True)
    cause_codes = models.JSONField(_("cause codes (or their parents)"), default=list, blank=True)
    max_amount = AmountField(_("at most this amount"), null=True, blank=True)
    min_amount = AmountField(_("at least this amount"), null=True, blank=True)
    party_kinds = models.JSONField(
        _("every party of these kinds"),
        default=list,
        blank=True,
        help_text=_("natural, legal, organisation; empty: any party"),
    )
    max_parties = models.PositiveSmallIntegerField(
        _("at most this many parties"), null=True, blank=True
    )
    green = models.CharField(
        _("green channel"), max_length=8, choices=SteeringGreen.choices, blank=True, default=""
    )
    recommend = models.BooleanField(
        _("recommend mediation"),
        default=True,
        help_text=_("Unticked: the filings this rule matches are not steered to mediation."),
    )
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
        verbose_name = _("mediation steering rule")
        verbose_name_plural = _("mediation steering rules")

    def __str__(self) -> str:
        return self.name

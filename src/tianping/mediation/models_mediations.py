"""Mediations (调解案件): a dispute in the hands of a mediator, before or after filing.

- `Mediation`: one mediation of one dispute. A pre-filing mediation (委派调解) holds the
  dispute's papers in a `filings.Filing` (parties, representatives, claims, facts,
  evidence, attachments): the application is written once, and a failed mediation hands
  the same filing to review, so nobody types anything twice. Its clocks are dates
  (appointment, acceptance, the mediation period), each with the steps that led to it.
- `MediationEvent`: the mediation's timeline, append-only; the indicator engine reads it.
- `MediationAnswer`: a party's answer to the invitation to mediate (在线调解规则 art. 15).
- `MediationSession`: a session, online (a link to an outside video system, stored and
  shown), in a mediation room (never two sessions in one room at once) or elsewhere, with
  attendance and its record (笔录).
- `MediationWarning`: a clock's warning, raised once by the sweep.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tianping.lib.timeline import TimelineEvent
from tianping.mediation.choices import (
    OPEN_STATUSES,
    Answer,
    FailureReason,
    MediationKind,
    MediationStatus,
    SessionMode,
    SessionStatus,
)
from tianping.parties.models import new_public_code

S = MediationStatus


class Mediation(ConcurrentTransitionMixin, models.Model):
    code = models.CharField(
        _("mediation code"), max_length=12, unique=True, default=new_public_code
    )
    number = models.CharField(_("case number"), max_length=40, blank=True)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="mediations",
        verbose_name=_("court"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MediationKind.choices)
    status = FSMField(
        _("status"), default=S.AWAITING_APPOINTMENT, choices=S.choices, protected=True
    )
    filing = models.OneToOneField(
        "filings.Filing", on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediation", verbose_name=_("filing"),
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediations", verbose_name=_("case"),
    )
    speciality = models.CharField(_("kind of dispute"), max_length=24, blank=True)
    applied_on = models.DateField(_("applied on"))
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("applied by"),
    )
    preferred_mediator = models.ForeignKey(
        "mediation.Mediator", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("mediator chosen by the applicant"),
    )
    mediator = models.ForeignKey(
        "mediation.Mediator", on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediations", verbose_name=_("mediator"),
    )
    appoint_due_on = models.DateField(_("mediator to be appointed by"), null=True, blank=True)
    # The parties who all agreed to mediate choose a mediator together within 2 working days
    # (在线调解规则 art. 10 ¶2): the day that window closes, and their joint choice.
    choice_due_on = models.DateField(_("parties to choose a mediator by"), null=True,
                                     blank=True)
    chosen_mediator = models.ForeignKey(
        "mediation.Mediator", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("mediator chosen by the parties together"),
    )
    chosen_on = models.DateField(_("chosen together on"), null=True, blank=True)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    appointment_note = models.CharField(_("reason given for the appointment"), max_length=300,
                                        blank=True)
    accept_due_on = models.DateField(_("mediator to accept by"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    ends_on = models.DateField(_("mediation period ends"), null=True, blank=True)
    agreed_days = models.PositiveSmallIntegerField(_("days added by the parties' agreement"),
                                                   default=0)
    clock_steps = models.JSONField(default=dict, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    failure_reason = models.CharField(_("why it failed"), max_length=24, blank=True,
                                      choices=FailureReason.choices)
    outcome_note = models.TextField(_("the mediator's report"), max_length=4000, blank=True)
    undisputed_facts = models.TextField(_("facts the parties did not dispute"), max_length=4000,
                                        blank=True)
    held_online = models.BooleanField(_("held online"), default=False)
    # Written by the historical import (`flows.case_import`), not run on the platform.
    imported = models.BooleanField(_("imported from an older system"), default=False)
    group = models.ForeignKey(
        "mediation.MediationGroup", on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediations", verbose_name=_("group dispute"),
    )

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name = _("mediation")
        verbose_name_plural = _("mediations")
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""),
                                    name="mediation_number_unique"),
        ]
        indexes = [
            models.Index(fields=["mediator", "status"], name="mediation_by_mediator_idx"),
            models.Index(fields=["court", "status", "applied_on"], name="mediation_queue_idx"),
            # Each mediator's open mediations, counted against their capacity for every
            # recommendation: a small index (the open ones only), read without the table.
            models.Index(fields=["mediator"], condition=Q(status__in=OPEN_STATUSES),
                         name="mediation_open_by_mediator_idx"),
        ]

    def __str__(self) -> str:
        return self.number or self.code

    @property
    def display_number(self) -> str:
        """Its own 诉前调 number, the case's number for a mediation after filing, or its code."""
        if self.number:
            return self.number
        if self.case_id:
            return self.case.number
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    # The workflow: fields and guards only; actions do the work.

    @transition(field="status", source=[S.AWAITING_APPOINTMENT, S.APPOINTED], target=S.APPOINTED)
    def appoint(self):
        """The court appoints a mediator (again, when the first declined or let the days
        pass: 在线调解规则 art. 12 ¶2)."""

    @transition(field="status", source=S.APPOINTED, target=S.AWAITING_APPOINTMENT)
    def decline(self):
        """The mediator declines, with reasons: the court appoints another."""

    @transition(field="status", source=S.APPOINTED, target=S.IN_PROGRESS)
    def accept(self):
        """The mediator confirms acceptance: the mediation period starts."""

    @transition(field="status", source=S.IN_PROGRESS, target=S.SETTLED)
    def settle(self):
        """The parties reached an agreement."""

    @transition(field="status", source=OPEN_STATUSES, target=S.FAILED)
    def fail(self):
        """Ended without agreement (a refusal, no contact, positions too far apart ...)."""

    @transition(field="status", source=OPEN_STATUSES, target=S.WITHDRAWN)
    def withdraw(self):
        """The applicant withdraws the application (settled by themselves, or changed mind)."""


class MediationEvent(TimelineEvent):
    mediation = models.ForeignKey(Mediation, on_delete=models.PROTECT, related_name="events")

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["mediation", "seq"], name="mediation_event_seq")
        ]
        indexes = [models.Index(fields=["kind", "at"], name="mediation_event_kind_idx")]


class MediationAnswer(models.Model):
    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="answers")
    party = models.ForeignKey(
        "filings.FilingParty", on_delete=models.CASCADE, related_name="mediation_answers",
        verbose_name=_("party"),
    )
    answer = models.CharField(_("answer"), max_length=12, choices=Answer.choices)
    mediator = models.ForeignKey(
        "mediation.Mediator", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("mediator this party chooses"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mediation", "party"], name="mediation_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.party} · {self.answer}"


class MediationSession(models.Model):
    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    mode = models.CharField(_("how"), max_length=12, choices=SessionMode.choices)
    link = models.URLField(_("video link"), max_length=500, blank=True)
    station = models.ForeignKey(
        "mediation.Station", on_delete=models.PROTECT, null=True, blank=True,
        related_name="sessions", verbose_name=_("mediation room"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=SessionStatus.choices,
                              default=SessionStatus.SCHEDULED)
    attended = models.JSONField(_("attended"), default=list, blank=True)
    record = models.TextField(_("record (笔录)"), max_length=20000, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="mediation_session_ends_after_start"),
        ]
        indexes = [models.Index(fields=["station", "starts_at"], name="mediation_room_idx")]

    def __str__(self) -> str:
        return f"{self.mediation} · {self.starts_at:%Y-%m-%d %H:%M}"


class MediationWarning(models.Model):
    """A clock's warning, raised once per mediation, clock and due date."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="warnings")
    clock = models.CharField(max_length=16)
    due_on = models.DateField()
    raised_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mediation", "clock", "due_on"],
                                    name="mediation_warning_once")
        ]

    def __str__(self) -> str:
        return f"{self.mediation} · {self.clock} · {self.due_on}"

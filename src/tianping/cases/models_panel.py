"""Who tries the case (审判组织): a sole judge (独任) or a collegial panel (合议庭: a presiding
judge, judges, people's assessors drawn at random from the court's list), with the judge
assistant and the clerk. Each seat is a `CaseMember` row with the day it began and the
day it ended: a change closes one row and opens another with its reason, so the
composition on any day can be told. The draw of an assessor is kept with its seat (the
pool, the seed and the result), so it can be checked.

`Assessor`: the court's list of people's assessors (人民陪审员), kept by its administrator.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Seat(models.TextChoices):
    PRESIDING = "presiding", _("Presiding judge (审判长)")
    SOLE = "sole", _("Sole judge (独任审判员)")
    JUDGE = "judge", _("Judge (审判员)")
    ASSESSOR = "assessor", _("People's assessor (人民陪审员)")
    ASSISTANT = "assistant", _("Judge assistant (法官助理)")
    CLERK = "clerk", _("Court clerk (书记员)")


BENCH_SEATS = frozenset({Seat.PRESIDING, Seat.SOLE, Seat.JUDGE, Seat.ASSESSOR})


class Assessor(models.Model):
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT,
                              related_name="assessors", verbose_name=_("court"))
    name = models.CharField(_("name"), max_length=60)
    id_number = models.CharField(_("identity number"), max_length=32, blank=True)
    phone = models.CharField(_("telephone"), max_length=20, blank=True)
    occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                null=True, blank=True, related_name="assessor",
                                verbose_name=_("account"))
    appointed_on = models.DateField(_("appointed on"))
    term_ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    is_active = models.BooleanField(_("on the list"), default=True)

    class Meta:
        ordering = ["court", "name"]
        verbose_name = _("people's assessor")
        verbose_name_plural = _("people's assessors")

    def __str__(self) -> str:
        return self.name


class CaseMember(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="members",
                             verbose_name=_("case"))
    seat = models.CharField(_("seat"), max_length=12, choices=Seat.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                             blank=True, related_name="case_seats", verbose_name=_("person"))
    assessor = models.ForeignKey(Assessor, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="seats", verbose_name=_("people's assessor"))
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    draw = models.JSONField(_("draw"), default=dict, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["case", "since", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False, assessor__isnull=True)
                           | Q(user__isnull=True, assessor__isnull=False)),
                name="case_member_one_person"),
            # a person sits once on a case at a time
            models.UniqueConstraint(fields=["case", "user"], condition=Q(until__isnull=True),
                                    name="case_member_user_once"),
            models.UniqueConstraint(fields=["case", "assessor"],
                                    condition=Q(until__isnull=True),
                                    name="case_member_assessor_once"),
        ]
        indexes = [models.Index(fields=["user"], condition=Q(until__isnull=True),
                                name="case_member_current")]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_seat_display()} · {self.person_name}"

    @property
    def person_name(self) -> str:
        if self.assessor_id:
            return self.assessor.name
        return (self.user.full_name or self.user.username) if self.user_id else ""


class RecusalRequest(models.Model):
    """A party's request that a member step aside (回避, 民事诉讼法 arts. 47-50), decided by
    the president for a judge, by the presiding judge or president for others."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        GRANTED = "granted", _("Granted: the member steps aside")
        REFUSED = "refused", _("Refused")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="recusal_requests")
    member = models.ForeignKey(CaseMember, on_delete=models.PROTECT, related_name="recusals")
    grounds = models.TextField(_("grounds"), max_length=2000)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(_("reasons of the decision"), max_length=2000,
                                        blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member"], condition=Q(status="pending"),
                                    name="recusal_one_pending_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.member}"

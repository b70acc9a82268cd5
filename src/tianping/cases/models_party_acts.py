"""What a party does during the case (S7): material handed into a pending case (材料收转:
evidence, a defence, an application), and a request to meet the judge (约见法官) answered
with a time and place (or a link) or declined with reasons."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.parties.models import new_public_code


class SubmissionKind(models.TextChoices):
    EVIDENCE = "evidence", _("Evidence")
    DEFENCE = "defence", _("Defence (答辩状)")
    APPLICATION = "application", _("Application (申请书)")
    OTHER = "other", _("Other material")


def submission_path(instance, filename: str) -> str:
    return f"cases/{instance.submission.case.code}/submissions/{new_public_code()}"


class CaseSubmission(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="submissions")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("for the party"))
    kind = models.CharField(_("kind"), max_length=12, choices=SubmissionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case} · {self.title}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(CaseSubmission, on_delete=models.CASCADE,
                                   related_name="files")
    file = models.FileField(upload_to=submission_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.original_name


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the judge's answer")
        SCHEDULED = "scheduled", _("Meeting arranged")
        DECLINED = "declined", _("Declined")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="meeting_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    topic = models.CharField(_("what about"), max_length=500)
    preferred = models.CharField(_("times that suit you"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PENDING)
    meets_at = models.DateTimeField(_("meets at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("video link"), max_length=500, blank=True)
    answer = models.CharField(_("answer"), max_length=500, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case} · {self.topic[:30]}"

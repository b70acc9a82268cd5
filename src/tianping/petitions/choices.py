"""The petitions app's choices (涉诉信访): channels, the course of a petition, where a
litigation matter is routed (诉访分离), the petitioner's satisfaction."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TEXT_MAX = 4000
MAX_FILES = 5  # attachments on one petition (each bounded by MAX_UPLOAD_MB)
MAX_CASES = 5  # cases one petition may name


class Channel(models.TextChoices):
    VISIT = "visit", _("Visit (来访)")
    LETTER = "letter", _("Letter (来信)")
    ONLINE = "online", _("Online (网上信访)")
    VIDEO = "video", _("Video reception (视频接访)")


class Status(models.TextChoices):
    REGISTERED = "registered", _("Registered, to be classified (待分类)")
    ROUTED = "routed", _("Routed to legal procedure (诉访分离)")
    NOT_ACCEPTED = "not_accepted", _("Not accepted (不予受理)")
    ACCEPTED = "accepted", _("Accepted, being handled (已受理)")
    REPLIED = "replied", _("Replied (已答复)")
    REVIEW = "review", _("Review requested (复查中)")
    REVIEWED = "reviewed", _("Reviewed (已复查)")
    RECHECK = "recheck", _("Re-examination requested (复核中)")
    RECHECKED = "rechecked", _("Re-examined (已复核)")


OPEN = (Status.REGISTERED, Status.ACCEPTED, Status.REVIEW, Status.RECHECK)
PROPER = (Status.NOT_ACCEPTED, Status.ACCEPTED, Status.REPLIED, Status.REVIEW,
          Status.REVIEWED, Status.RECHECK, Status.RECHECKED)  # petitions proper


class Decision(models.TextChoices):
    """The handler's classification (诉访分离) and the acceptance decision in one step."""

    ROUTE = "route", _("A litigation matter: route it to its legal procedure (诉访分离)")
    ACCEPT = "accept", _("A petition proper: accept it (受理)")
    NOT_ACCEPT = "not_accept", _("A petition proper: do not accept it (不予受理)")


class Route(models.TextChoices):
    """The legal procedure a litigation matter belongs to."""

    APPEAL = "appeal", _("Appeal (上诉)")
    RETRIAL = "retrial", _("Application for retrial (申请再审)")
    ENFORCEMENT_OBJECTION = "enforcement_objection", _("Enforcement objection (执行异议)")
    JUDGE_CONDUCT = "judge_conduct", _("Complaint about a judge's conduct (违法违纪举报)")
    NEW_SUIT = "new_suit", _("A new suit (起诉)")
    OTHER = "other", pgettext_lazy("petition route", "Another legal procedure")


ROUTE_WHERE = {
    Route.APPEAL: _("File the appeal through the court that gave the judgment, within the "
                    "appeal period (15 days from service of a judgment, 10 of a ruling)."),
    Route.RETRIAL: _("Apply for retrial to the court one level up, as a rule within six "
                     "months of the judgment taking effect."),
    Route.ENFORCEMENT_OBJECTION: _("Raise the objection in writing with the enforcement "
                                   "court (执行局) that took the measure."),
    Route.JUDGE_CONDUCT: _("Report it to the court's supervision office (监察室) or the "
                           "discipline inspection body."),
    Route.NEW_SUIT: _("File a complaint at the filing window (立案庭) or online."),
    Route.OTHER: _("The court's litigation service centre tells you where to file it."),
}


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied (满意)")
    BASIC = "basic", _("Basically satisfied (基本满意)")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied (不满意)")


class ReviewLevel(models.TextChoices):
    REVIEW = "review", _("Review (复查)")
    RECHECK = "recheck", _("Re-examination (复核)")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    RECEIVED = "received", _("Received")
    CANCELLED = "cancelled", _("Cancelled")

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    FIRST = "first", _("First instance (一审)")
    SECOND = "second", _("Second instance (二审)")
    REMAND = "remand", _("Retried after remand (发回重审)")
    RETRIAL_REVIEW = "retrial_review", _("Review of a retrial application (再审审查)")
    RETRIAL = "retrial", _("Retrial (再审)")
    ENFORCEMENT = "enforcement", _("Enforcement of the decision (执行)")
    OTHER = "other", _("Another case that came from it")


class AppealChannel(models.TextChoices):
    ONLINE = "online", _("Online, by the party")
    WINDOW = "window", _("At the court's window (paper petition)")


class AppealStatus(models.TextChoices):
    FILED = "filed", _("Filed at the first-instance court")
    TRANSFERRED = "transferred", _("File transferred to the appeal court")
    DOCKETED = "docketed", _("Second-instance case filed")
    DECIDED = "decided", _("Decided")


class LateGround(models.TextChoices):
    """民事诉讼法 art. 86: a period missed for a just cause may be extended by the court."""

    FORCE_MAJEURE = "force_majeure", _("Force majeure (不可抗拒的事由)")
    OTHER = "other", _("Another just cause (其他正当理由)")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Judgment upheld (维持原判)")
    AMENDED = "amended", _("Judgment amended (改判)")
    REMANDED = "remanded", _("Remanded for retrial (发回重审)")
    WITHDRAWN = "withdrawn", _("Withdrawal of the appeal allowed (准许撤回上诉)")
    MEDIATED = "mediated", _("Settled by mediation (调解)")


class RetrialOutcome(models.TextChoices):
    DISMISSED = "dismissed", _("Application dismissed (驳回再审申请)")
    RETRIED_HERE = "retried_here", _("Retried by this court (提审)")
    REMITTED = "remitted", _("Retrial ordered at a lower court (指令再审)")


class RetrialStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    DOCKETED = "docketed", _("Review case filed")
    DECIDED = "decided", _("Decided")


# The second-instance type code of each first-instance one (民初→民终 ...).
SECOND_INSTANCE_TYPE = {"民初": "民终", "行初": "行终", "刑初": "刑终"}
RETRIAL_REVIEW_TYPE = {"民": "民申", "行": "行申", "刑": "刑申"}

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    FILED = "filed", _("Filed")
    ASSIGNED = "assigned", _("Assigned")
    IN_TRIAL = "in_trial", _("In trial")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


PENDING_STATES = [CaseState.FILED, CaseState.ASSIGNED, CaseState.IN_TRIAL, CaseState.SUSPENDED]


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary procedure (普通程序)")
    SUMMARY = "summary", _("Summary procedure (简易程序)")
    SMALL_CLAIMS = "small_claims", _("Small claims (小额诉讼程序)")
    SPECIAL = "special", _("Special procedure (特别程序)")
    PAYMENT_ORDER = "payment_order", _("Payment order procedure (督促程序)")
    ENFORCEMENT = "enforcement", _("Enforcement (执行程序)")


class AppealRole(models.TextChoices):
    """A party's standing in a second-instance case (民事诉讼法 arts. 171-173): who appealed,
    the other side, and the other parties of the first instance (原审第三人 ...)."""

    APPELLANT = "appellant", _("Appellant (上诉人)")
    APPELLEE = "appellee", _("Appellee (被上诉人)")
    BELOW = "below", _("Other party of the first instance (原审其他当事人)")


class Track(models.TextChoices):
    """Triage (繁简分流): simple cases go to the fast-track team; cases routed to mediation
    first (调解优先) to a mediation-and-adjudication team, which offers court-referred
    mediation with the parties' consent before trial."""

    SIMPLE = "simple", _("Simple (简案)")
    ORDINARY = "ordinary", _("Complex (繁案)")
    MEDIATION = "mediation", _("Mediation first (调解优先)")


class ClosureMode(models.TextChoices):
    JUDGMENT = "judgment", _("Judgment (判决)")
    MEDIATION = "mediation", _("Mediation (调解)")
    WITHDRAWAL = "withdrawal", _("Withdrawal (撤诉)")
    DISMISSAL = "dismissal", _("Complaint dismissed (驳回起诉)")
    TRANSFER = "transfer", _("Transferred (移送)")
    TERMINATION = "termination", _("Terminated (终结)")
    RULING = "ruling", _("Ruling on the application (裁定)")
    OTHER = "other", _("Other (其他)")


# Which closings need the document that closes the case, uploaded with the closing itself:
# a judgment (判决书); a mediation document (调解书, or the record the parties signed where the
# law lets a mediation end without one: 民事诉讼法 art. 101); and the rulings (裁定书) that end a
# case (民事诉讼法 art. 157): allowing the withdrawal (准予撤诉), dismissing the complaint (驳回
# 起诉), transferring it (移送), terminating the proceedings (终结诉讼). "Other" needs a note
# saying how the case ended instead; a document is then welcome but not required.
DOCUMENT_REQUIRED = frozenset(
    {
        ClosureMode.JUDGMENT,
        ClosureMode.MEDIATION,
        ClosureMode.WITHDRAWAL,
        ClosureMode.DISMISSAL,
        ClosureMode.TRANSFER,
        ClosureMode.TERMINATION,
        ClosureMode.RULING,
    }
)

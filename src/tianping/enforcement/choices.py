from django.db import models
from django.utils.translation import gettext_lazy as _


class TitleKind(models.TextChoices):
    """The enforcement title (执行依据)."""

    JUDGMENT = "judgment", _("Judgment (判决书)")
    RULING = "ruling", _("Ruling (裁定书)")
    MEDIATION_DOCUMENT = "mediation_document", _("Mediation document (调解书)")
    CONFIRMED_AGREEMENT = "confirmed_agreement", _(
        "Judicially confirmed mediation agreement (司法确认裁定)")
    ARBITRAL_AWARD = "arbitral_award", _("Arbitral award (仲裁裁决书)")
    NOTARISED_DEBT = "notarised_debt", _("Notarised debt instrument (公证债权文书)")
    OTHER = "other", _("Other title (其他执行依据)")


class MilestoneKind(models.TextChoices):
    """What the officer records on an enforcement case (执行节点)."""

    NOTICE = "notice", _(
        "Enforcement notice and property report order sent (执行通知书、报告财产令)")
    SEARCH_REQUESTED = "search_requested", _("Network property search requested (总对总查控)")
    SEARCH_ANSWERED = "search_answered", _("Network property search answered (查控反馈)")
    SITE_INVESTIGATION = "site_investigation", _("On-site investigation (现场调查)")
    SEIZURE = "seizure", _("Seizure or freezing (查封、扣押、冻结)")
    DEDUCTION = "deduction", _("Deduction or withdrawal of money (扣划、提取)")
    VALUATION = "valuation", _("Valuation (评估)")
    AUCTION = "auction", _("Auction or sale (拍卖、变卖)")
    DIRECT_PAYMENT = "direct_payment", _("Paid to the applicant directly (直接支付)")
    SETTLEMENT = "settlement", _("Settlement agreement (执行和解)")
    CONSUMPTION_RESTRICTION = "consumption_restriction", _("Consumption restriction (限制消费)")
    DISHONEST_LIST = "dishonest_list", _("Listed as a dishonest debtor (失信被执行人名单)")
    INVESTIGATION_DONE = "investigation_done", _("Property investigation completed (财产调查完毕)")
    APPLICANT_INTERVIEWED = "applicant_interviewed", _("Applicant interviewed (约谈申请执行人)")
    NO_PROPERTY = "no_property", _(
        "No property found, or none that can be disposed of (无财产可供执行或不能处置)")
    PERIODIC_CHECK = "periodic_check", _("Periodic property check after 终本 (定期查询)")


# Milestones whose amount is money recovered for the applicant (执行到位).
RECOVERING = frozenset({MilestoneKind.DEDUCTION, MilestoneKind.AUCTION,
                        MilestoneKind.DIRECT_PAYMENT})
WITH_AMOUNT = RECOVERING | {MilestoneKind.SEIZURE}
# Measures against the debtor with their document (失信、限制消费).
WITH_DOCUMENT = frozenset({MilestoneKind.CONSUMPTION_RESTRICTION, MilestoneKind.DISHONEST_LIST})


class ClosingMode(models.TextChoices):
    """How an enforcement case ends (执行结案方式); cases' ClosureMode lacks these, so the
    mode is recorded here and the case closes with the nearest general mode."""

    COMPLETED = "completed", _("Enforcement completed (执行完毕)")
    TERMINATED_CURRENT = "terminated_current", _(
        "Current enforcement procedure terminated (终结本次执行程序)")
    TERMINATED = "terminated", _("Enforcement terminated (终结执行)")
    NOT_ENFORCED = "not_enforced", _("Not to be enforced (不予执行)")
    CANCELLED = "cancelled", _("Case cancelled (销案)")
    REJECTED = "rejected", _("Application rejected (驳回申请)")


class Precondition(models.TextChoices):
    """法〔2016〕373号 art. 1: what must be on record before 终本."""

    NOTICE = "notice", _("enforcement notice and property report order sent")
    SEARCHES = "searches", _("network property searches done and answered")
    CONSUMPTION = "consumption", _("consumption restriction imposed")
    INVESTIGATION = "investigation", _("property investigation completed")
    INTERVIEW = "interview", _("applicant interviewed")
    NO_PROPERTY = "no_property", _("no property found, or none that can be disposed of")
    THREE_MONTHS = "three_months", _("at least 3 months since filing")


class ClueStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the officer")
    ANSWERED = "answered", _("Answered")

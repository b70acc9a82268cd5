"""The vocabulary of mediation: kinds of partner, station and mediator, and the fixed lists
of specialities and languages a mediator's entry takes its codes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    JUSTICE_BUREAU = "justice_bureau", _("Justice bureau")
    HUMAN_RESOURCES_BUREAU = (
        "human_resources_bureau",
        _("Human resources and social security bureau"),
    )
    FEDERATION_OF_INDUSTRY = (
        "federation_of_industry_and_commerce",
        _("Federation of industry and commerce"),
    )
    WOMENS_FEDERATION = "womens_federation", _("Women's federation")
    TRADE_UNION = "trade_union", _("Federation of trade unions")
    TRADE_ASSOCIATION = "trade_association", _("Trade association")
    PEOPLES_MEDIATION_COMMITTEE = (
        "peoples_mediation_committee",
        _("People's mediation committee"),
    )
    OTHER = "other", _("Other organisation")


class StationKind(models.TextChoices):
    STATION = "station", _("Mediation station")
    WINDOW = "window", _("Dedicated window")
    ROOM = "room", _("Mediation room")


class MediatorKind(models.TextChoices):
    INVITED = "invited", _("Invited mediator")
    INVITED_ORGANISATION = "invited_organisation", _("Mediator of an invited organisation")
    PEOPLES = "peoples", _("People's mediator")
    IN_COURT = "in_court", _("In-court mediator")
    JUDGE_ASSISTANT = "judge_assistant", _("Judge assistant mediating")


class Speciality(models.TextChoices):
    FAMILY = "family", _("Marriage and family")
    NEIGHBOURS = "neighbours", _("Neighbour relations")
    LABOUR = "labour", _("Labour disputes")
    TRAFFIC = "traffic", _("Traffic accidents")
    FINANCE = "finance", _("Financial loans")
    PROPERTY_MANAGEMENT = "property_management", _("Property management services")
    COMMERCE = "commerce", _("Commercial disputes")
    CONSUMER = "consumer", _("Consumer rights")
    CONSTRUCTION = "construction", _("Construction projects")
    OTHER = "other", _("Other disputes")


class Language(models.TextChoices):
    CHINESE = "zh", _("Chinese")
    MONGOLIAN = "mn", _("Mongolian")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    OTHER = "other", _("Other language")


# Kinds whose mediator belongs to a partner organisation (the partner is required).
KINDS_WITH_PARTNER = {MediatorKind.INVITED_ORGANISATION}


class MediationKind(models.TextChoices):
    PRE_FILING = "pre_filing", _("Pre-filing mediation (委派调解)")
    REFERRED = "referred", _("Court-referred mediation after filing (委托调解)")


class MediationStatus(models.TextChoices):
    AWAITING_APPOINTMENT = "awaiting_appointment", _("Awaiting a mediator")
    APPOINTED = "appointed", _("Awaiting the mediator's acceptance")
    IN_PROGRESS = "in_progress", _("Being mediated")
    SETTLED = "settled", _("Settled by agreement")
    FAILED = "failed", _("Ended without agreement")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (
    MediationStatus.AWAITING_APPOINTMENT,
    MediationStatus.APPOINTED,
    MediationStatus.IN_PROGRESS,
)


class FailureReason(models.TextChoices):
    """Why a mediation ended without agreement (在线调解规则 art. 25; 特邀调解规定 art. 26)."""

    REFUSED = "refused", _("A party refused mediation")
    NO_CONTACT = "no_contact", _("A party could not be reached")
    DISAGREEMENT = "disagreement", _("The parties' positions are too far apart")
    EXPIRED = "expired", _("The period ran out and the parties did not agree to extend it")
    REFUSED_TO_SIGN = "refused_to_sign", _("A party refused to sign the agreement")
    OTHER = "other", _("Mediation could not go on")


class SessionMode(models.TextChoices):
    ONLINE = "online", _("Online (video link)")
    ROOM = "room", _("In a mediation room")
    ELSEWHERE = "elsewhere", _("Elsewhere (agreed place)")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Agrees to mediate")
    REFUSED = "refused", _("Refuses mediation")


# The dispute's speciality, from the cause of action's code or one of its parents (the
# 2020/2025 civil causes: 婚姻家庭 0001..., 劳动争议 ...). Used to recommend mediators; a
# court may map more codes in MEDIATION_SPECIALITY_CAUSES (settings).
SPECIALITY_BY_CAUSE_NAME = {
    "婚姻家庭纠纷": "family",
    "继承纠纷": "family",
    "婚姻家庭、继承纠纷": "family",
    "相邻关系纠纷": "neighbours",
    "劳动争议": "labour",
    "劳务合同纠纷": "labour",
    "追索劳动报酬纠纷": "labour",
    "劳动争议、人事争议、新就业形态用工纠纷": "labour",
    "机动车交通事故责任纠纷": "traffic",
    "非机动车交通事故责任纠纷": "traffic",
    "借款合同纠纷": "finance",
    "金融借款合同纠纷": "finance",
    "民间借贷纠纷": "finance",
    "信用卡纠纷": "finance",
    "物业服务合同纠纷": "property_management",
    "买卖合同纠纷": "commerce",
    "服务合同纠纷": "commerce",
    "建设工程合同纠纷": "construction",
    "建设工程施工合同纠纷": "construction",
    "产品责任纠纷": "consumer",
}

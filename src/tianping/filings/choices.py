from django.db import models
from django.utils.translation import gettext_lazy as _

# Who the parties are is shared with cases: the vocabulary lives in `parties`.
from tianping.parties.choices import (  # noqa: F401
    CLAIMANT_ROLES,
    OPPONENT_ROLES,
    PartyKind,
    PartyRole,
    RepresentativeKind,
)


class Channel(models.TextChoices):
    """How a filing reached the court (立案渠道)."""

    WINDOW = "window", _("Window (窗口)")
    ONLINE = "online", _("Online (网上)")
    SELF_SERVICE = "self_service", _("Self-service kiosk (自助)")
    MOBILE = "mobile", _("Mobile (移动)")
    CROSS_REGION = "cross_region", _("Cross-region (跨域)")
    CIRCUIT = "circuit", _("Circuit (巡回)")
    ON_SITE = "on_site", _("On-site visit (上门)")
    HOLIDAY = "holiday", _("Holiday (假日)")


# A clerk enters walk-ins at these; online and cross-region filings have their own ways in.
WINDOW_CHANNELS = [
    Channel.WINDOW,
    Channel.SELF_SERVICE,
    Channel.MOBILE,
    Channel.CIRCUIT,
    Channel.ON_SITE,
    Channel.HOLIDAY,
]


class FilingKind(models.TextChoices):
    """What is filed; decides the review clock (登记立案规定 art. 8)."""

    CIVIL = "civil", _("Civil complaint (民事起诉)")
    ADMINISTRATIVE = "administrative", _("Administrative complaint (行政起诉)")
    PRIVATE_PROSECUTION = "private_prosecution", _("Criminal private prosecution (刑事自诉)")
    ENFORCEMENT_OBJECTION_SUIT = (
        "enforcement_objection_suit",
        _("Enforcement objection suit (执行异议之诉)"),
    )
    THIRD_PARTY_REVOCATION = (
        "third_party_revocation",
        _("Third-party revocation suit (第三人撤销之诉)"),
    )
    ENFORCEMENT = "enforcement", _("Application for enforcement (申请执行)")
    JUDICIAL_CONFIRMATION = (
        "judicial_confirmation",
        _("Application for judicial confirmation of a mediation agreement (申请司法确认)"),
    )
    MEDIATION_DOCUMENT = (
        "mediation_document",
        _("Application for a mediation document (申请出具调解书)"),
    )
    SPECIAL_PROCEDURE = (
        "special_procedure",
        _("Application under the special procedure (特别程序申请)"),
    )
    PAYMENT_ORDER = "payment_order", _("Application for a payment order (申请支付令)")


class SpecialSubject(models.TextChoices):
    """What a special-procedure application asks (民事诉讼法 2023 ch. 15). The judicial
    confirmation of a mediation agreement is its own kind, applied for from the agreement."""

    VOTER = "voter", _("Voter qualification (选民资格案件)")
    MISSING = "missing", _("Declaring a person missing (宣告失踪)")
    DEATH = "death", _("Declaring a person dead (宣告死亡)")
    DEATH_ACCIDENT = "death_accident", _(
        "Declaring dead a person missing after an accident (因意外事件宣告死亡)"
    )
    ESTATE_ADMINISTRATOR = "estate_administrator", _(
        "Appointing an estate administrator (指定遗产管理人)"
    )
    INCAPACITY = "incapacity", _(
        "Declaring a person without or with limited capacity (认定无/限制民事行为能力)"
    )
    OWNERLESS_PROPERTY = "ownerless_property", _("Declaring property ownerless (认定财产无主)")
    SECURITY_INTEREST = "security_interest", _("Realising a security interest (实现担保物权)")


# Applications heard without an opponent named in a suit: applicant and respondent.
APPLICATION_KINDS = frozenset({"special_procedure", "payment_order"})


# Applied for from a mediation's signed agreement (`flows.mediation_outcomes`), never typed
# into the wizard or at the window: the parties, the agreement and the mediation come along.
FROM_MEDIATION_KINDS = frozenset({FilingKind.JUDICIAL_CONFIRMATION,
                                  FilingKind.MEDIATION_DOCUMENT})
FILEABLE_KINDS = [(value, label) for value, label in FilingKind.choices
                  if value not in FROM_MEDIATION_KINDS]


# Review days per kind, and the type code the case will carry (类型代字).
REVIEW_DAYS = {
    FilingKind.CIVIL: 7,
    FilingKind.ADMINISTRATIVE: 7,
    FilingKind.PRIVATE_PROSECUTION: 15,
    FilingKind.ENFORCEMENT_OBJECTION_SUIT: 15,
    FilingKind.THIRD_PARTY_REVOCATION: 30,
    FilingKind.ENFORCEMENT: 7,
    # 司法确认规定 art. 4: the court decides within three days of receiving the application.
    FilingKind.JUDICIAL_CONFIRMATION: 3,
    # No source sets a review period for a pre-filing mediation document: the civil seven days
    # (docs/architecture.md).
    FilingKind.MEDIATION_DOCUMENT: 7,
    # No source at hand sets a review period for a special-procedure application: the civil
    # seven days (docs/architecture.md, UNSURE).
    FilingKind.SPECIAL_PROCEDURE: 7,
    # 民事诉讼法 art. 226: the court tells the creditor within five days whether it accepts.
    FilingKind.PAYMENT_ORDER: 5,
}
TYPE_CODES = {
    FilingKind.CIVIL: "民初",
    FilingKind.ADMINISTRATIVE: "行初",
    FilingKind.PRIVATE_PROSECUTION: "刑初",
    FilingKind.ENFORCEMENT_OBJECTION_SUIT: "民初",
    FilingKind.THIRD_PARTY_REVOCATION: "民撤",
    FilingKind.ENFORCEMENT: "执",
    FilingKind.JUDICIAL_CONFIRMATION: "民特",
    FilingKind.MEDIATION_DOCUMENT: "诉前调书",
    FilingKind.SPECIAL_PROCEDURE: "民特",
    FilingKind.PAYMENT_ORDER: "民督",
}


def type_code_of(kind: str) -> str:
    """The type code (类型代字) of the case a filing of KIND becomes. Courts differ on the code
    of a confirmation of a pre-filing mediation agreement (民特, or 诉前调确) and of a
    pre-filing mediation document (诉前调书): settings MEDIATION_CONFIRMATION_TYPE_CODE and
    MEDIATION_DOCUMENT_TYPE_CODE decide (domain reference §3.4, UNSURE)."""
    from django.conf import settings

    if kind == FilingKind.JUDICIAL_CONFIRMATION:
        return getattr(settings, "MEDIATION_CONFIRMATION_TYPE_CODE", TYPE_CODES[kind])
    if kind == FilingKind.MEDIATION_DOCUMENT:
        return getattr(settings, "MEDIATION_DOCUMENT_TYPE_CODE", TYPE_CODES[kind])
    return TYPE_CODES[kind]


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AT_ASSISTING_COURT = "at_assisting_court", _("Being checked by the assisting court")
    SUBMITTED = "submitted", _("Under review")
    CORRECTION_REQUESTED = "correction_requested", _("Corrections requested")
    ACCEPTED = "accepted", _("Filed as a case")
    REFUSED = "refused", _("Refused by ruling")
    TRANSFERRED = "transferred", _("Transferred")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    IN_MEDIATION = "in_mediation", _("In pre-filing mediation")
    SETTLED_IN_MEDIATION = "settled_in_mediation", _("Settled in mediation before filing")


class AttachmentKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint (起诉状)")
    IDENTITY = "identity", _("Identity document (身份证明)")
    AUTHORISATION = "authorisation", _("Power of attorney (授权委托书)")
    EVIDENCE = "evidence", _("Evidence (证据)")
    CORRECTION = "correction", _("Correction (补正材料)")
    OTHER = "other", _("Other (其他)")


class RefusalBasis(models.TextChoices):
    """The statutory ground a refusal (不予受理) rests on: the short list a clerk proposes
    from and the ruling cites (民事诉讼法 2023 arts. 122, 127; 民诉解释 art. 247; 行政诉讼法
    art. 49; 登记立案规定 art. 10)."""

    CPL_122 = "cpl_122", _("Civil Procedure Law art. 122: the conditions of a suit are not met")
    CPL_127 = "cpl_127", _(
        "Civil Procedure Law art. 127: a matter to be dealt with in another way"
    )
    REPEATED_SUIT = "repeated_suit", _(
        "SPC interpretation of the Civil Procedure Law art. 247: a repeated suit"
    )
    ALL_49 = "all_49", _(
        "Administrative Litigation Law art. 49: the conditions of a suit are not met"
    )
    REGISTRATION_10 = "registration_10", _(
        "Provisions on registering cases art. 10: a suit that is not registered"
    )


class RefusalOutcome(models.TextChoices):
    """What the judge decided on a clerk's proposal to refuse."""

    PENDING = "", _("Waiting for a judge")
    REFUSED = "refused", _("Refused by ruling")
    DECLINED = "declined", _("Not refused: back to review")


class MediationChoice(models.TextChoices):
    """The filer's answer to a recommendation to mediate first (分调裁审). Declining never
    delays filing (立案登记制)."""

    NONE = "", _("Not chosen")
    CONSENTED = "consented", _("Agreed to mediate first")
    DECLINED = "declined", _("Declined mediation")


class SteeringGreen(models.TextChoices):
    """A steering rule's condition on the green channel (绿色通道)."""

    ANY = "", _("Any filing")
    ONLY = "only", _("Green-channel filings only")
    EXCLUDED = "excluded", _("Not green-channel filings")

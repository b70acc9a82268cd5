"""Choices of the catalog app: identity documents and litigation-fee kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    """Identity documents a party or representative may present (证件类型)."""

    RESIDENT_ID = "resident_id", _("Resident identity card (居民身份证)")
    USCC = "uscc", _("Unified social credit code (统一社会信用代码)")
    PASSPORT = "passport", _("Passport (护照)")
    HK_MACAO_PERMIT = (
        "hk_macao_permit",
        _("Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证)"),
    )
    TAIWAN_PERMIT = (
        "taiwan_permit",
        _("Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证)"),
    )
    HK_MACAO_TAIWAN_RESIDENCE_PERMIT = (
        "hk_macao_taiwan_residence_permit",
        _("Residence permit for Hong Kong, Macao and Taiwan residents (港澳台居民居住证)"),
    )
    FOREIGN_PERMANENT_RESIDENCE = (
        "foreign_permanent_residence",
        _("Foreign permanent resident ID card (外国人永久居留身份证)"),
    )
    OTHER = "other", _("Other document (其他证件)")


class FeeKind(models.TextChoices):
    """What a litigation fee is charged for (《诉讼费用交纳办法》 arts 13 and 14)."""

    PROPERTY = "property", _("Property case (财产案件)")
    DIVORCE = "divorce", _("Divorce case (离婚案件)")
    PERSONALITY_RIGHTS = "personality-rights", _("Personality-rights case (人格权案件)")
    OTHER_NON_PROPERTY = "other-non-property", _("Other non-property case (其他非财产案件)")
    IP = "ip", _("Intellectual-property civil case (知识产权民事案件)")
    LABOUR = "labour", _("Labour dispute (劳动争议案件)")
    ADMINISTRATIVE = "administrative", _("Administrative case (行政案件)")
    ADMINISTRATIVE_SPECIAL = (
        "administrative-special",
        _("Trademark, patent or maritime administrative case (商标、专利、海事行政案件)"),
    )
    JURISDICTION_OBJECTION = (
        "jurisdiction-objection",
        _("Failed objection to jurisdiction (管辖权异议不成立)"),
    )
    ENFORCEMENT = "enforcement", _("Application for enforcement (申请执行)")
    PRESERVATION = "preservation", _("Application for preservation (申请保全)")
    PAYMENT_ORDER = "payment-order", _("Application for a payment order (申请支付令)")
    PUBLIC_SUMMONS = "public-summons", _("Application for public summons (申请公示催告)")
    ARBITRATION = (
        "arbitration",
        _(
            "Setting aside an arbitral award or ruling on an arbitration agreement "
            "(申请撤销仲裁裁决或者认定仲裁协议效力)"
        ),
    )
    BANKRUPTCY = "bankruptcy", _("Bankruptcy case (破产案件)")
    MARITIME_LIMITATION_FUND = (
        "maritime-limitation-fund",
        _("Maritime liability limitation fund (申请设立海事赔偿责任限制基金)"),
    )
    MARITIME_INJUNCTION = "maritime-injunction", _("Maritime injunction (申请海事强制令)")
    SHIP_LIEN_SUMMONS = (
        "ship-lien-summons",
        _("Summons on maritime liens on a ship (申请船舶优先权催告)"),
    )
    MARITIME_CLAIM_REGISTRATION = (
        "maritime-claim-registration",
        _("Registration of maritime claims (申请海事债权登记)"),
    )
    GENERAL_AVERAGE = "general-average", _("General average adjustment (申请共同海损理算)")


class HalvingReason(models.TextChoices):
    """Grounds on which the case acceptance fee is halved (减半交纳案件受理费)."""

    SUMMARY = "summary", _("Summary procedure (简易程序, art. 16)")
    MEDIATION = "mediation", _("Closed by mediation (调解结案, art. 15)")
    WITHDRAWAL = "withdrawal", _("Withdrawn by the plaintiff (撤诉, art. 15)")
    COUNTERCLAIM = "counterclaim", _("Counterclaim heard jointly (反诉合并审理, art. 18)")
    THIRD_PARTY_CLAIM = (
        "third-party-claim",
        _("Independent third-party claim heard jointly (有独立请求权的第三人, art. 18)"),
    )


class Sex(models.TextChoices):
    """Sex as recorded in a resident ID number (the 17th digit: odd male, even female)."""

    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class CatalogKind(models.TextChoices):
    """The versioned reference catalogs (目录)."""

    CASE_TYPES = "case-types", _("Case types (案件类型及代字)")
    CIVIL_CAUSES = "civil-causes", _("Civil causes of action (民事案由)")
    ADMINISTRATIVE_CAUSES = "administrative-causes", _("Administrative causes (行政案由)")
    CRIMINAL_CHARGES = "criminal-charges", _("Criminal charges (刑事罪名)")
    COURT_CODES = "court-codes", _("Court codes (法院代字)")

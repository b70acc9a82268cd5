"""The vocabulary of parties, shared by filings and cases."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", _("Plaintiff (原告)")
    DEFENDANT = "defendant", _("Defendant (被告)")
    THIRD_PARTY = "third_party", _("Third party (第三人)")
    APPLICANT = "applicant", _("Applicant (申请人)")
    RESPONDENT = "respondent", _("Respondent (被申请人)")
    PRIVATE_PROSECUTOR = "private_prosecutor", _("Private prosecutor (自诉人)")


CLAIMANT_ROLES = {PartyRole.PLAINTIFF, PartyRole.APPLICANT, PartyRole.PRIVATE_PROSECUTOR}
OPPONENT_ROLES = {PartyRole.DEFENDANT, PartyRole.RESPONDENT}


class PartyKind(models.TextChoices):
    NATURAL_PERSON = "natural", _("Natural person (自然人)")
    LEGAL_PERSON = "legal", _("Legal person (法人)")
    OTHER_ORGANISATION = "organisation", _("Other organisation (非法人组织)")


class RepresentativeKind(models.TextChoices):
    LAWYER = "lawyer", _("Lawyer (律师)")
    LEGAL_WORKER = "legal_worker", _("Basic-level legal worker (基层法律服务工作者)")
    RELATIVE = "relative", _("Close relative or employee (近亲属或工作人员)")
    CITIZEN = "citizen", _("Citizen recommended by a community or organisation (公民)")

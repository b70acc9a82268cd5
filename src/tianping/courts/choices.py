from django.db import models
from django.utils.translation import gettext_lazy as _


class CourtLevel(models.TextChoices):
    SUPREME = "supreme", _("Supreme People's Court")
    HIGH = "high", _("High court")
    INTERMEDIATE = "intermediate", _("Intermediate court")
    BASIC = "basic", _("Basic court")


class SpecialKind(models.TextChoices):
    """Special courts (专门法院) sit at a level but try a special field."""

    NONE = "", _("Not a special court")
    RAILWAY = "railway", _("Railway transport court")
    MARITIME = "maritime", _("Maritime court")
    INTELLECTUAL_PROPERTY = "ip", _("Intellectual property court")
    FINANCIAL = "financial", _("Financial court")
    INTERNET = "internet", _("Internet court")
    FORESTRY = "forestry", _("Forestry court")
    FARM = "farm", _("Farm-reclamation court")
    OILFIELD = "oilfield", _("Oilfield court")
    MILITARY = "military", _("Military court")
    CROSS_REGION = "cross_region", _("Cross-region court")


class DivisionKind(models.TextChoices):
    FILING = "filing", _("Case filing division")
    LITIGATION_SERVICE = "litigation_service", _("Litigation service centre")
    CIVIL = "civil", _("Civil division")
    CRIMINAL = "criminal", _("Criminal division")
    ADMINISTRATIVE = "administrative", _("Administrative division")
    ENFORCEMENT = "enforcement", _("Enforcement bureau")
    TRIAL_MANAGEMENT = "trial_management", _("Trial management office")
    OFFICE = "office", _("General office")
    TRIBUNAL = "tribunal", _("People's tribunal")
    OTHER = "other", _("Other")


class TeamKind(models.TextChoices):
    FAST_TRACK = "fast_track", _("Fast-track team")
    TRIAL = "trial", _("Trial team")
    ENFORCEMENT = "enforcement", _("Enforcement team")
    MEDIATION = "mediation", _("Mediation team")
    # 调解速裁/诉调对接团队: a judge, an assistant, a clerk and mediators (the "1+1+1+3" of
    # seed 001), who offer court-referred mediation with consent before trial.
    MEDIATION_ADJUDICATION = "mediation_adjudication", _("Mediation and fast adjudication team")


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Team lead")
    MEMBER = "member", _("Member")
    OFFICER = "officer", _("Enforcement officer")
    CLERK = "clerk", _("Clerk")
    MEDIATOR = "mediator", _("Mediator")


class Role(models.TextChoices):
    """A staff member's role in one court (一个法院内的岗位)."""

    FILING_CLERK = "filing_clerk", _("Filing clerk")
    JUDGE = "judge", _("Judge")
    JUDGE_ASSISTANT = "judge_assistant", _("Judge assistant")
    COURT_CLERK = "court_clerk", _("Court clerk")
    MEDIATOR = "mediator", _("Mediator")
    ENFORCEMENT_OFFICER = "enforcement_officer", _("Enforcement officer")
    FINANCE = "finance", _("Finance officer")
    PETITION_HANDLER = "petition_handler", _("Petition handler")
    DIVISION_HEAD = "division_head", _("Division head")
    PRESIDENT = "president", _("President")
    TRIAL_MANAGEMENT = "trial_management", _("Trial management office")
    ADMINISTRATOR = "administrator", _("Administrator")

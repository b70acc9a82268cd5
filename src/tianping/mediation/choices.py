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

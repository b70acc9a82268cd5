"""How enforcement's messages read (`notifications.messages`), in the reader's language: a
case assigned to its officer, a clue reported to the officer, the officer's answer to the
applicant."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.notifications.messages import register


def read_assigned(params: dict) -> tuple[str, str]:
    return (_("Enforcement case %(number)s is assigned to you.") % params,
            reverse("cases:detail", args=[params["case"]]))


def read_clue(params: dict) -> tuple[str, str]:
    return (_("A property clue on enforcement case %(number)s: act on it by %(day)s.")
            % params, reverse("cases:detail", args=[params["case"]]))


def read_answered(params: dict) -> tuple[str, str]:
    return (_("The enforcement officer answered your property clue on case %(number)s.")
            % params, reverse("party_cases:detail", args=[params["case"]]))


register("enforcement.assigned", read_assigned)
register("enforcement.clue", read_clue)
register("enforcement.clue_answered", read_answered)

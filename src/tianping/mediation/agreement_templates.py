"""Templates of a mediation agreement (调解协议书): the mediator picks one, the text is filled
in from the dispute (parties, cause, claims, amount, date) and edited before the parties
sign. Each template is worded in the reader's language (Chinese by default); the court's
own templates would be added here as further entries.

The closing clause states what the law attaches to a signed agreement: it binds the parties
(人民调解法 art. 31) and may be confirmed by the court on the parties' joint application
within thirty days of taking effect (民事诉讼法 art. 205)."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.lib.money import format_yuan
from tianping.parties.choices import CLAIMANT_ROLES, OPPONENT_ROLES

TEMPLATES = {
    "payment": gettext_lazy("Payment of a sum (loans, price, services)"),
    "wages": gettext_lazy("Unpaid wages"),
    "compensation": gettext_lazy("Compensation (traffic accident, injury)"),
    "family": gettext_lazy("Marriage and family"),
    "general": gettext_lazy("Other agreements"),
}
DEFAULT_BY_SPECIALITY = {
    "finance": "payment",
    "commerce": "payment",
    "consumer": "payment",
    "property_management": "payment",
    "construction": "payment",
    "labour": "wages",
    "traffic": "compensation",
    "family": "family",
}


def default_template(mediation) -> str:
    return DEFAULT_BY_SPECIALITY.get(mediation.speciality, "general")


def _names(parties, roles) -> str:
    return _("、").join(p.name for p in parties if p.role in roles) or "——"


def _date(day: datetime.date | None) -> str:
    if day is None:
        return _("[date]")
    return _("%(year)d-%(month)02d-%(day)02d") % {"year": day.year, "month": day.month,
                                                   "day": day.day}


def _amount(amount: Decimal | None) -> str:
    return _("%(amount)s yuan") % {"amount": format_yuan(amount)} if amount is not None \
        else _("[amount] yuan")


def draft_text(mediation, template: str, *, parties=None, amount: Decimal | None = None,
               pay_by: datetime.date | None = None) -> str:
    """The agreement's first text for MEDIATION from TEMPLATE (a key of TEMPLATES)."""
    if template not in TEMPLATES:
        raise KeyError(template)
    if parties is None:
        parties = list(mediation.filing.parties.all()) if mediation.filing_id else []
    claimants = _names(parties, CLAIMANT_ROLES)
    opponents = _names(parties, OPPONENT_ROLES)
    filing = mediation.filing
    cause = filing.cause.name if filing is not None and filing.cause_id else _("dispute")
    mediator = mediation.mediator.name if mediation.mediator_id else _("[mediator]")
    amount = amount if amount is not None else (filing.amount if filing is not None else None)
    head = [
        _("Mediation agreement"),
        "",
        _("Parties: %(claimants)s (applicant); %(opponents)s (respondent).")
        % {"claimants": claimants, "opponents": opponents},
        "",
        _("In the %(cause)s between %(claimants)s and %(opponents)s, mediated by %(mediator)s "
          "at the request of %(court)s (%(number)s), the parties have of their own free will "
          "agreed as follows:")
        % {"cause": cause, "claimants": claimants, "opponents": opponents,
           "mediator": mediator, "court": mediation.court.name,
           "number": mediation.display_number},
        "",
    ]
    terms = {
        "payment": [
            _("1. %(opponents)s pays %(claimants)s %(amount)s by %(date)s.")
            % {"opponents": opponents, "claimants": claimants, "amount": _amount(amount),
               "date": _date(pay_by)},
            _("2. If %(opponents)s fails to pay in full by that date, %(claimants)s may apply "
              "for enforcement of the whole sum still owed.") % {"opponents": opponents,
                                                                 "claimants": claimants},
            _("3. The parties have no further claims against each other arising from this "
              "dispute."),
        ],
        "wages": [
            _("1. %(opponents)s pays %(claimants)s the wages owed, %(amount)s, by %(date)s.")
            % {"opponents": opponents, "claimants": claimants, "amount": _amount(amount),
               "date": _date(pay_by)},
            _("2. The payment is made to the bank account the worker names; the court's "
              "migrant-wage green channel applies to any enforcement."),
            _("3. The parties have no further claims against each other arising from the "
              "wages owed."),
        ],
        "compensation": [
            _("1. %(opponents)s pays %(claimants)s compensation of %(amount)s in one sum by "
              "%(date)s, covering every head of loss claimed.")
            % {"opponents": opponents, "claimants": claimants, "amount": _amount(amount),
               "date": _date(pay_by)},
            _("2. The parties have no further claims against each other arising from this "
              "accident."),
        ],
        "family": [
            _("1. [Terms on the relationship, custody and visits of the children.]"),
            _("2. [Terms on support, property and debts, with amounts and dates.]"),
            _("3. The parties have no further claims against each other on these matters."),
        ],
        "general": [
            _("1. [The terms agreed, each with who does what by when.]"),
            _("2. The parties have no further claims against each other arising from this "
              "dispute."),
        ],
    }[template]
    tail = [
        "",
        _("This agreement binds the parties once every party has signed it (online or on "
          "paper). Within thirty days of its taking effect the parties may jointly apply to "
          "the court for judicial confirmation, or apply for a mediation document."),
    ]
    return "\n".join([*head, *terms, *tail])

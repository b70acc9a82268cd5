"""Triage (繁简分流) by explicit rules. Pure: rules and case facts in, decision out.

A rule matches when every condition it sets holds; conditions it leaves empty do not
restrict. Rules are tried by priority, a court's own before the general ones, and the
first match decides. When none matches the case is ordinary (繁案), and the decision says so.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CaseFacts:
    type_code: str
    cause_path: tuple[str, ...] = ()  # the cause's code and the codes of its parents
    amount: Decimal | None = None
    party_count: int = 2
    is_green: bool = False


@dataclass(frozen=True)
class Rule:
    name: str
    track: str
    procedure: str
    reason: str
    type_codes: tuple[str, ...] = ()
    cause_codes: tuple[str, ...] = ()
    max_amount: Decimal | None = None
    min_amount: Decimal | None = None
    max_parties: int | None = None
    green_only: bool = False
    team_kind: str = ""
    division_kind: str = ""


@dataclass(frozen=True)
class Decision:
    track: str
    procedure: str
    reasons: tuple[str, ...]
    rule: Rule | None = None
    team_kind: str = ""
    division_kind: str = ""
    checked: tuple[str, ...] = field(default=())


def failed_conditions(rule: Rule, facts: CaseFacts) -> list[str]:
    """The conditions of RULE that FACTS do not meet (empty: the rule matches)."""
    failed = []
    if rule.type_codes and facts.type_code not in rule.type_codes:
        failed.append(_("case type is not %(codes)s") % {"codes": "/".join(rule.type_codes)})
    if rule.cause_codes and not set(rule.cause_codes) & set(facts.cause_path):
        failed.append(_("cause is not among the rule's causes"))
    if rule.max_amount is not None and (facts.amount is None or facts.amount > rule.max_amount):
        failed.append(_("amount is over %(max)s yuan") % {"max": rule.max_amount})
    if rule.min_amount is not None and (facts.amount or 0) < rule.min_amount:
        failed.append(_("amount is under %(min)s yuan") % {"min": rule.min_amount})
    if rule.max_parties is not None and facts.party_count > rule.max_parties:
        failed.append(_("more than %(n)d parties") % {"n": rule.max_parties})
    if rule.green_only and not facts.is_green:
        failed.append(_("not a green-channel case"))
    return failed


def decide(rules: list[Rule], facts: CaseFacts, *, default_procedure: str) -> Decision:
    checked = []
    for rule in rules:
        failed = failed_conditions(rule, facts)
        if not failed:
            return Decision(
                rule.track,
                rule.procedure,
                (rule.reason,),
                rule,
                rule.team_kind,
                rule.division_kind,
                tuple(checked),
            )
        checked.append(f"{rule.name}: {'; '.join(failed)}")
    reason = _("No simple-case rule matched; the case goes to a division as a complex case.")
    return Decision("ordinary", default_procedure, (reason,), None, "", "", tuple(checked))

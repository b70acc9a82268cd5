"""Triage (繁简分流) by explicit rules. Pure: rules and case facts in, decision out.

Three routes (`choices.Track`): simple, ordinary (complex) and mediation first (调解优先:
the case goes to a mediation-and-adjudication team, which offers court-referred mediation
with the parties' consent before trial; `assignment.team_for_route` finds the team, or
treats the case as ordinary where the court has none, adding the reason to the decision's).

A rule matches when every condition it sets holds; conditions it leaves empty do not
restrict. Rules are tried by priority, a court's own before the general ones, and the
first match decides. When none matches the case is ordinary (繁案), and the decision says so.

The decision's reasons and the conditions each passed-over rule failed are codes and plain
values (`{"code": "rule", "rule": ..., "reason": ...}`, `{"code": "amount_over", "max":
"30000"}`), stored as they are on the case and its timeline and worded when read, in the
reader's language (`reason_text`, `checked_text`). A rule's reason is the court's own
words (its Chinese text, and its English text where the court gave one).

A rule with an amount condition does not match a case whose amount is unknown (no amount
was claimed, or it is not a money claim): the condition cannot be shown to hold, and the
reason says that the amount is unknown rather than over or under the bound.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tianping.lib.money import amount_words


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
    reason_en: str = ""
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
    reasons: tuple[dict, ...]
    rule: Rule | None = None
    team_kind: str = ""
    division_kind: str = ""
    checked: tuple[dict, ...] = field(default=())

    def texts(self) -> list[str]:
        """The reasons, worded in the active language."""
        return [reason_text(reason) for reason in self.reasons]

    def checked_texts(self) -> list[str]:
        """The rules passed over and why, worded in the active language."""
        return [checked_text(item) for item in self.checked]


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def failed_conditions(rule: Rule, facts: CaseFacts) -> list[dict]:
    """The conditions of RULE that FACTS do not meet, as codes (empty: the rule matches)."""
    failed: list[dict] = []
    if rule.type_codes and facts.type_code not in rule.type_codes:
        failed.append({"code": "type", "codes": list(rule.type_codes)})
    if rule.cause_codes and not set(rule.cause_codes) & set(facts.cause_path):
        failed.append({"code": "cause"})
    if (rule.max_amount is not None or rule.min_amount is not None) and facts.amount is None:
        failed.append({"code": "amount_unknown"})
    else:
        if rule.max_amount is not None and facts.amount > rule.max_amount:
            failed.append({"code": "amount_over", "max": _amount(rule.max_amount)})
        if rule.min_amount is not None and facts.amount < rule.min_amount:
            failed.append({"code": "amount_under", "min": _amount(rule.min_amount)})
    if rule.max_parties is not None and facts.party_count > rule.max_parties:
        failed.append({"code": "parties", "max": rule.max_parties})
    if rule.green_only and not facts.is_green:
        failed.append({"code": "not_green"})
    return failed


def rule_reason(rule: Rule) -> dict:
    reason = {"code": "rule", "rule": rule.name, "reason": rule.reason}
    if rule.reason_en:
        reason["reason_en"] = rule.reason_en
    return reason


NO_RULE = {"code": "no_rule"}


def decide(rules: list[Rule], facts: CaseFacts, *, default_procedure: str) -> Decision:
    checked = []
    for rule in rules:
        failed = failed_conditions(rule, facts)
        if not failed:
            return Decision(
                rule.track,
                rule.procedure,
                (rule_reason(rule),),
                rule,
                rule.team_kind,
                rule.division_kind,
                tuple(checked),
            )
        checked.append({"rule": rule.name, "failed": failed})
    return Decision("ordinary", default_procedure, (dict(NO_RULE),), None, "", "", tuple(checked))


# Reading: codes worded in the active language, when read.


def reason_text(reason) -> str:
    """One stored reason in the active language. A plain string is a reason recorded
    before reasons were codes and is shown as it was written."""
    if isinstance(reason, str):
        return reason
    if not isinstance(reason, dict):
        return str(reason)
    code = reason.get("code")
    if code == "rule":
        english = (get_language() or "").startswith("en")
        return str((english and reason.get("reason_en")) or reason.get("reason") or "")
    if code == "no_rule":
        return _("No simple-case rule matched; the case goes to a division as a complex case.")
    if code == "mediation_team":
        return _(
            "Mediation first: the case goes to the mediation and fast adjudication team, "
            "which offers court-referred mediation with the parties' consent before trial."
        )
    if code == "no_mediation_team":
        return _(
            "The rule routes the case to mediation first, but the court has no mediation "
            "and fast adjudication team: the case goes on as an ordinary case."
        )
    return str(reason.get("text") or "")


def condition_text(condition: dict) -> str:
    code = condition.get("code")
    if code == "type":
        return _("case type is not %(codes)s") % {"codes": "/".join(condition.get("codes", []))}
    if code == "cause":
        return _("cause is not among the rule's causes")
    if code == "amount_unknown":
        return _("the amount is unknown (no amount claimed)")
    if code == "amount_over":
        return _("amount is over %(max)s yuan") % {"max": amount_words(condition.get("max"))}
    if code == "amount_under":
        return _("amount is under %(min)s yuan") % {"min": amount_words(condition.get("min"))}
    if code == "parties":
        return _("more than %(n)d parties") % {"n": condition.get("max", 0)}
    if code == "not_green":
        return _("not a green-channel case")
    return str(condition.get("text") or code or "")


def checked_text(item) -> str:
    """One passed-over rule and the conditions it failed, in the active language."""
    if isinstance(item, str):
        return item
    chinese = (get_language() or "").startswith("zh")
    colon, semicolon = ("：", "；") if chinese else (": ", "; ")
    failed = semicolon.join(condition_text(c) for c in item.get("failed", []))
    return f"{item.get('rule', '')}{colon}{failed}"

"""Steering to mediation (分调裁审) by explicit rules. Pure: rules and a filing's facts in,
a recommendation out; no ORM (the rows are read by `filings.queries.steering_rules_for`).

A rule matches when every condition it sets holds; conditions it leaves empty do not
restrict. Rules are tried by priority, a court's own before the general ones (the caller
orders them), and the first match decides: a rule may recommend mediation, or say that
a kind of filing is not steered (a rule "not recommended" placed before broader ones). When
no rule matches there is no recommendation.

A recommendation only suggests: the filer consents or declines, and declining never
delays filing (立案登记制, 登记立案规定 art. 2). Its reasons are codes and plain values
(`{"code": "rule", ...}`, `{"code": "cause", "cause": "..."}`), stored as they are on the
filing and its timeline and worded when read, in the reader's language (`reason_text`).
The rule's own reason is the court's words (Chinese, and English where the court gave one).

A rule with an amount condition does not match a filing whose amount is unknown.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tianping.lib.money import amount_words

GREEN_ANY, GREEN_ONLY, GREEN_EXCLUDED = "", "only", "excluded"


@dataclass(frozen=True)
class FilingFacts:
    kind: str  # the filing kind (FilingKind value)
    type_code: str = ""  # the case type it would take (民初, 行初 ...)
    cause_path: tuple[str, ...] = ()  # the cause's code and the codes of its parents
    amount: Decimal | None = None
    party_kinds: tuple[str, ...] = ()  # each party's kind (natural, legal, organisation)
    is_green: bool = False

    @property
    def party_count(self) -> int:
        return len(self.party_kinds)


@dataclass(frozen=True)
class SteeringRule:
    name: str
    reason: str
    reason_en: str = ""
    recommend: bool = True
    pk: int | None = None
    kinds: tuple[str, ...] = ()
    cause_codes: tuple[str, ...] = ()
    max_amount: Decimal | None = None
    min_amount: Decimal | None = None
    party_kinds: tuple[str, ...] = ()  # every party must be of one of these kinds
    max_parties: int | None = None
    green: str = GREEN_ANY


@dataclass(frozen=True)
class Recommendation:
    """The deciding rule and why; `recommended` False when that rule steers away."""

    recommended: bool
    rule: SteeringRule
    reasons: tuple[dict, ...]
    checked: tuple[dict, ...] = field(default=())

    def as_stored(self) -> dict:
        """What a filing keeps (`Filing.mediation_recommended`): plain values only."""
        return {
            "recommended": self.recommended,
            "rule": self.rule.name,
            "rule_id": self.rule.pk,
            "reasons": [dict(r) for r in self.reasons],
        }

    def texts(self) -> list[str]:
        return [reason_text(r) for r in self.reasons]


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def failed_conditions(rule: SteeringRule, facts: FilingFacts) -> list[dict]:
    """The conditions of RULE that FACTS do not meet, as codes (empty: the rule matches)."""
    failed: list[dict] = []
    if rule.kinds and facts.kind not in rule.kinds:
        failed.append({"code": "kind"})
    if rule.cause_codes and not set(rule.cause_codes) & set(facts.cause_path):
        failed.append({"code": "cause"})
    if (rule.max_amount is not None or rule.min_amount is not None) and facts.amount is None:
        failed.append({"code": "amount_unknown"})
    else:
        if rule.max_amount is not None and facts.amount > rule.max_amount:
            failed.append({"code": "amount_over", "max": _amount(rule.max_amount)})
        if rule.min_amount is not None and facts.amount < rule.min_amount:
            failed.append({"code": "amount_under", "min": _amount(rule.min_amount)})
    if rule.party_kinds and not set(facts.party_kinds) <= set(rule.party_kinds):
        failed.append({"code": "party_kinds"})
    if rule.max_parties is not None and facts.party_count > rule.max_parties:
        failed.append({"code": "parties", "max": rule.max_parties})
    if rule.green == GREEN_ONLY and not facts.is_green:
        failed.append({"code": "not_green"})
    if rule.green == GREEN_EXCLUDED and facts.is_green:
        failed.append({"code": "green"})
    return failed


def matched_conditions(rule: SteeringRule, facts: FilingFacts) -> list[dict]:
    """The conditions of a matching RULE that held, as codes (what the reason rests on)."""
    held: list[dict] = []
    if rule.cause_codes:
        causes = [c for c in facts.cause_path if c in rule.cause_codes]
        held.append({"code": "cause", "causes": causes})
    if rule.max_amount is not None:
        held.append({"code": "amount_at_most", "max": _amount(rule.max_amount)})
    if rule.min_amount is not None:
        held.append({"code": "amount_at_least", "min": _amount(rule.min_amount)})
    if rule.party_kinds:
        held.append({"code": "party_kinds", "kinds": list(rule.party_kinds)})
    if rule.green == GREEN_ONLY:
        held.append({"code": "green"})
    return held


def rule_reason(rule: SteeringRule) -> dict:
    reason = {"code": "rule", "rule": rule.name, "reason": rule.reason}
    if rule.reason_en:
        reason["reason_en"] = rule.reason_en
    return reason


def recommend(rules: list[SteeringRule], facts: FilingFacts) -> Recommendation | None:
    """The first rule whose every condition holds decides; None when no rule matches."""
    checked = []
    for rule in rules:
        failed = failed_conditions(rule, facts)
        if not failed:
            reasons = (rule_reason(rule), *matched_conditions(rule, facts))
            return Recommendation(rule.recommend, rule, reasons, tuple(checked))
        checked.append({"rule": rule.name, "failed": failed})
    return None


# Reading: codes worded in the active language, when read.

_PARTY_KIND_LABELS = {
    "natural": lambda: _("natural persons"),
    "legal": lambda: _("legal persons"),
    "organisation": lambda: _("other organisations"),
}


def _join(items: list[str]) -> str:
    chinese = (get_language() or "").startswith("zh")
    return ("、" if chinese else ", ").join(items)


def reason_text(reason) -> str:
    """One stored reason in the active language."""
    if isinstance(reason, str):
        return reason
    if not isinstance(reason, dict):
        return str(reason)
    code = reason.get("code")
    if code == "rule":
        english = (get_language() or "").startswith("en")
        return str((english and reason.get("reason_en")) or reason.get("reason") or "")
    if code == "cause":
        return _("the cause of action is one the court mediates first (%(causes)s)") % {
            "causes": _join([str(c) for c in reason.get("causes", [])])
        }
    if code == "amount_at_most":
        limit = amount_words(reason.get("max"))
        return _("the amount claimed is at most %(max)s yuan") % {"max": limit}
    if code == "amount_at_least":
        limit = amount_words(reason.get("min"))
        return _("the amount claimed is at least %(min)s yuan") % {"min": limit}
    if code == "party_kinds":
        labels = _PARTY_KIND_LABELS
        kinds = [str(labels[k]()) for k in reason.get("kinds", []) if k in labels]
        return _("the parties are all %(kinds)s") % {"kinds": _join(kinds)}
    if code == "green":
        return _("a green-channel filing")
    return str(reason.get("text") or "")


def stored_texts(stored) -> list[str]:
    """The reasons of a recommendation as kept on a filing, in the active language."""
    if not isinstance(stored, dict):
        return []
    return [reason_text(r) for r in stored.get("reasons", [])]

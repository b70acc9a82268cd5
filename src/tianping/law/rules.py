"""The statutory periods and time limits (期间与审限) as data, each with its legal source.

domain-reference §3.2. `months`/`days` is the base period; `extensions` lists what may be
added, by whom, and how early it must be asked for. `criminal` marks periods to which the
in-custody exception can apply (CrimPL art. 105 ¶4). Pure: no ORM.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Extension:
    """One extension a rule allows: its length, the approver, and the lead times."""

    months: int = 0
    days: int = 0
    approver: str = "president"  # a Role value, or "higher_court"
    ask_days_before: int = 15
    decide_days_before: int = 5


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    source: str
    months: int = 0
    days: int = 0
    criminal: bool = False
    extensions: tuple[Extension, ...] = field(default=())
    note: str = ""

    @property
    def length_text(self) -> str:
        parts = []
        if self.months:
            parts.append(_("%(n)d month(s)") % {"n": self.months})
        if self.days:
            parts.append(_("%(n)d day(s)") % {"n": self.days})
        return " + ".join(str(p) for p in parts)


CIVIL_EXT = (Extension(months=6), Extension(months=3, approver="higher_court"))
E = Extension

RULES: tuple[Rule, ...] = (
    Rule(
        "filing-civil",
        _("Filing decision: civil or administrative complaint"),
        "民事诉讼法第126条；登记立案规定第8条；行政诉讼法第51条",
        days=7,
    ),
    Rule(
        "filing-private-prosecution",
        _("Filing decision: criminal private prosecution"),
        "登记立案规定第8条",
        days=15,
    ),
    Rule(
        "filing-enforcement-objection",
        _("Filing decision: enforcement objection suit"),
        "登记立案规定第8条",
        days=15,
    ),
    Rule(
        "filing-third-party-revocation",
        _("Filing decision: third-party revocation suit"),
        "登记立案规定第8条",
        days=30,
    ),
    Rule(
        "civil-ordinary",
        _("Civil first instance, ordinary procedure"),
        "民事诉讼法第152条；审限规定第2条",
        months=6,
        extensions=CIVIL_EXT,
    ),
    Rule(
        "civil-summary",
        _("Civil first instance, summary procedure"),
        "民事诉讼法第164条；民诉解释第258条",
        months=3,
        extensions=(E(months=1),),
        note=_("At most 4 months in all; converted to ordinary, counted from filing."),
    ),
    Rule(
        "civil-small-claims",
        _("Small claims"),
        "民事诉讼法第168条",
        months=2,
        extensions=(E(months=1),),
    ),
    Rule(
        "civil-appeal-judgment",
        _("Civil second instance, appeal against a judgment"),
        "民事诉讼法第183条",
        months=3,
        extensions=(E(months=3),),
    ),
    Rule(
        "civil-appeal-ruling",
        _("Civil second instance, appeal against a ruling"),
        "民事诉讼法第183条",
        days=30,
        extensions=(E(days=30),),
    ),
    Rule(
        "civil-special",
        _("Special procedure"),
        "民事诉讼法第187条",
        days=30,
        extensions=(E(days=30),),
    ),
    Rule(
        "civil-retrial-review",
        _("Review of a retrial application"),
        "民事诉讼法第215条",
        months=3,
        extensions=(E(months=3),),
    ),
    Rule(
        "judicial-confirmation",
        _("Judicial confirmation of a mediation agreement"),
        "司法确认规定第4-5条；民事诉讼法第205条",
        days=15,
        extensions=(E(days=10),),
    ),
    Rule("payment-order", _("Payment order issued"), "民事诉讼法第227条", days=15),
    Rule(
        "criminal-first-instance",
        _("Criminal first instance, public prosecution"),
        "刑事诉讼法第208条",
        months=2,
        criminal=True,
        extensions=(
            E(months=1, ask_days_before=7),
            E(months=3, approver="higher_court", ask_days_before=7),
        ),
    ),
    Rule(
        "criminal-private-prosecution",
        _("Criminal private prosecution, not detained"),
        "刑事诉讼法第212条",
        months=6,
        criminal=True,
    ),
    Rule(
        "criminal-summary",
        _("Criminal summary procedure"),
        "刑事诉讼法第220条",
        days=20,
        criminal=True,
        extensions=(E(days=25, ask_days_before=7),),
    ),
    Rule(
        "criminal-fast-track",
        _("Criminal fast-track procedure"),
        "刑事诉讼法第225条",
        days=10,
        criminal=True,
        extensions=(E(days=5, ask_days_before=3),),
    ),
    Rule(
        "criminal-appeal",
        _("Criminal second instance"),
        "刑事诉讼法第243条",
        months=2,
        criminal=True,
        extensions=(E(months=2, approver="higher_court", ask_days_before=7),),
    ),
    Rule(
        "criminal-retrial",
        _("Criminal retrial"),
        "刑事诉讼法第258条",
        months=3,
        criminal=True,
        extensions=(E(months=3),),
    ),
    Rule(
        "administrative-first-instance",
        _("Administrative first instance"),
        "行政诉讼法第81条；行诉解释第50条",
        months=6,
        extensions=(E(months=3, approver="higher_court", ask_days_before=10),),
    ),
    Rule(
        "administrative-summary", _("Administrative summary procedure"), "行政诉讼法第83条", days=45
    ),
    Rule(
        "administrative-appeal",
        _("Administrative second instance"),
        "行政诉讼法第88条",
        months=3,
        extensions=(E(months=3, approver="higher_court", ask_days_before=10),),
    ),
    Rule(
        "enforcement",
        _("Enforcement"),
        "审限规定第5条；执行期限规定第1条",
        months=6,
        extensions=(
            E(months=3, ask_days_before=5),
            E(months=3, approver="higher_court", ask_days_before=5),
        ),
    ),
    Rule(
        "enforcement-non-litigation",
        _("Enforcement of a non-litigation document"),
        "审限规定第5条",
        months=3,
        extensions=(E(months=3, ask_days_before=5),),
    ),
    Rule(
        "enforcement-objection",
        _("Review of an enforcement objection"),
        "民事诉讼法第236条",
        days=15,
    ),
    Rule(
        "mediation-pre-filing",
        _("Pre-filing mediation"),
        "特邀调解规定第27条；在线调解规则第24条",
        days=30,
        note=_("Longer only if all parties agree."),
    ),
    Rule(
        "mediation-referred-ordinary",
        _("Court-referred mediation, ordinary procedure"),
        "特邀调解规定第27条",
        days=15,
    ),
    Rule(
        "mediation-referred-summary",
        _("Court-referred mediation, summary procedure"),
        "特邀调解规定第27条",
        days=7,
    ),
    Rule(
        "appeal-period-judgment",
        _("Appeal period against a civil judgment"),
        "民事诉讼法第171条",
        days=15,
    ),
    Rule(
        "appeal-period-ruling",
        _("Appeal period against a civil ruling"),
        "民事诉讼法第171条",
        days=10,
    ),
    Rule(
        "appeal-period-abroad",
        _("Appeal period, party domiciled abroad"),
        "民事诉讼法第286条",
        days=30,
    ),
    Rule(
        "criminal-appeal-period-judgment",
        _("Criminal appeal period against a judgment"),
        "刑事诉讼法第230条",
        days=10,
        criminal=True,
    ),
    Rule(
        "criminal-appeal-period-ruling",
        _("Criminal appeal period against a ruling"),
        "刑事诉讼法第230条",
        days=5,
        criminal=True,
    ),
    Rule(
        "defence-period", _("Defence after service of the complaint"), "民事诉讼法第128条", days=15
    ),
    Rule("public-notice", _("Service by public notice"), "民事诉讼法第95条", days=30),
    Rule(
        "public-notice-abroad", _("Service by public notice abroad"), "民事诉讼法第283条", days=60
    ),
    Rule("petition-acceptance", _("Petition: notice of acceptance"), "信访工作条例第22条", days=15),
    Rule(
        "petition-handling",
        _("Petition: handling"),
        "信访工作条例第34条",
        days=60,
        extensions=(E(days=30),),
    ),
)

BY_CODE = {rule.code: rule for rule in RULES}


class UnknownRule(KeyError):
    def __init__(self, code: str):
        self.code = code
        super().__init__(code)

    def __str__(self) -> str:
        return f"Unknown rule code {self.code!r}; `tianping time-limit rules` lists them."


def get_rule(code: str) -> Rule:
    try:
        return BY_CODE[code]
    except KeyError:
        raise UnknownRule(code) from None

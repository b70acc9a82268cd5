"""The indicators as data (issue 13, part 2): what each one counts, over which case types
(口径), in which unit, which direction is better, its reference range per court level and
its source. The engine (`compute.py`) reads only this; formulas and sources are in
docs/architecture.md ("Indicators") and domain-reference §2.

A formula is NUMERATOR ÷ DENOMINATOR × FACTOR, each side the name of a count the engine
computes (`COUNTS` below says over which cases and how). Reference ranges: the sources give
none for these indicators (the SPC publishes that "most indicators have a reasonable-range
reference value" but not the values; UNSURE), so every range here is None and marked
configurable: settings `TIANPING_INDICATOR_RANGES = {code: {level: (low, high)}}`, or a
court's own `ReferenceRange` row (its trial management office), which wins.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_noop  # the notes are worded when read

BASIC, INTERMEDIATE, HIGH = "basic", "intermediate", "high"
PERCENT, DAYS, CASES, RATIO, YUAN = "%", "days", "cases", "ratio", "yuan"
HIGHER, LOWER, NEITHER = "higher", "lower", "neither"  # which is better
SPC_2024, TRADITIONAL, INTERNATIONAL = "spc2024", "traditional", "international"


@dataclass(frozen=True)
class TypeScope:
    """Which case type codes count (口径), as data: a type code counts when it is one of
    INCLUDE_CODES (an empty tuple: any), starts with one of INCLUDE_PREFIXES and ends with
    one of INCLUDE_SUFFIXES (an empty tuple: any), and starts with none of
    EXCLUDE_PREFIXES and ends with none of EXCLUDE_SUFFIXES."""

    include_prefixes: tuple[str, ...] = ()
    include_suffixes: tuple[str, ...] = ()
    exclude_prefixes: tuple[str, ...] = ()
    exclude_suffixes: tuple[str, ...] = ()
    include_codes: tuple[str, ...] = ()

    def matches(self, type_code: str) -> bool:
        return ((not self.include_codes or type_code in self.include_codes)
                and (not self.include_prefixes or type_code.startswith(self.include_prefixes))
                and (not self.include_suffixes or type_code.endswith(self.include_suffixes))
                and not (self.exclude_prefixes and type_code.startswith(self.exclude_prefixes))
                and not (self.exclude_suffixes and type_code.endswith(self.exclude_suffixes)))


# Trial cases: all but enforcement (执…), preservation (…保) and pre-filing mediation (…诉前调).
_NOT_TRIAL = {"exclude_prefixes": ("执",), "exclude_suffixes": ("保", "诉前调")}
TRIAL = TypeScope(**_NOT_TRIAL)
FIRST_INSTANCE = TypeScope(include_suffixes=("初",), **_NOT_TRIAL)
APPEAL = TypeScope(include_suffixes=("终",), **_NOT_TRIAL)
CIVIL_FIRST_INSTANCE = TypeScope(include_prefixes=("民",), include_suffixes=("初",), **_NOT_TRIAL)
# Enforcement implementation cases (执行实施类): first enforcement (执) and restored
# enforcement (执恢); not preservation (执保), objections (执异), reviews (执复), supervision
# (执监) or coordination (执协), which are decided, not enforced.
ENFORCEMENT = TypeScope(include_codes=("执", "执恢"))


@dataclass(frozen=True)
class Count:
    """A count the engine computes: WHAT (see compute.py) over the cases of SCOPE, or over
    pre-filing mediations (scope None); a count whose SOURCE is another app's records
    (`sources.py`: enforcement records, case funds, petitions) is computed there. RECORDS
    says what its drill-down lists: cases, or records that are no cases (no drill-down)."""

    name: str
    what: str
    scope: TypeScope | None = TRIAL
    description: str = ""
    source: str = ""  # "", or "enforcement", "funds", "petitions" (sources.py)
    records: str = "cases"  # "cases", "mediations", "money" (Σ over cases), or NOT_CASES


NOT_CASES = ("payouts", "petitions", "master")  # no drill-down to cases: their own pages
COUNTS = {c.name: c for c in (
    Count("received", "filed", description="trial cases filed in the period"),
    Count("closed", "closed", description="trial cases closed in the period"),
    Count("pending_start", "pending_start",
          description="trial cases filed before the period and not closed before it"),
    Count("pending_end", "pending_end",
          description="trial cases filed by the end and not closed by the end"),
    Count("closed_within_limit", "closed_within_limit",
          description="closed in the period on or before their time limit's expiry"),
    Count("days_to_close", "days_to_close",
          description="Σ (closed_on − filed_on) in days over the cases closed"),
    Count("mediated_or_withdrawn", "mediated_or_withdrawn",
          description="closed in the period by mediation (调解) or withdrawal (撤诉)"),
    Count("pending_over_12m", "pending_over_12m",
          description="pending at the end, filed more than 365 days before the end"),
    Count("first_closed", "closed", FIRST_INSTANCE,
          description="first-instance cases (…初) closed in the period"),
    Count("first_appealed", "appealed", FIRST_INSTANCE,
          description="of those, the ones with a linked second-instance case"),
    Count("first_not_appealed", "not_appealed", FIRST_INSTANCE,
          description="of those, the ones without a linked second-instance case"),
    Count("first_reversed_remanded", "reversed_remanded", FIRST_INSTANCE,
          description="of those, the ones whose appeal closed 改判 or 发回重审"),
    Count("civil_first_closed", "closed", CIVIL_FIRST_INSTANCE,
          description="civil first-instance cases (民…初) closed in the period"),
    Count("civil_first_summary", "closed_summary", CIVIL_FIRST_INSTANCE,
          description="of those, closed under 简易程序 or 小额诉讼程序"),
    Count("prefiling_ended", "mediation_ended", None,
          description="pre-filing mediations ended in the period (settled, failed, withdrawn)"),
    Count("prefiling_settled", "mediation_settled", None,
          description="pre-filing mediations settled in the period"),
    Count("disputes", "disputes", FIRST_INSTANCE,
          description="first-instance cases filed in the period with no 原审案号 (the 案)"),
    Count("dispute_cases", "dispute_cases", FIRST_INSTANCE,
          description="those cases and every case linked after them (the 件)"),
    Count("period_days_x_pending_end", "period_days_x_pending_end",
          description="days in the period (both ends) × pending_end"),
    Count("enforcement_closed", "closed", ENFORCEMENT,
          description="enforcement cases (执, 执恢) closed in the period"),
    Count("enforcement_days", "days_to_close", ENFORCEMENT,
          description="Σ (closed_on − filed_on) in days over the enforcement cases closed"),
    Count("all_received", "filed", TypeScope(exclude_suffixes=("诉前调",)),
          description="cases of every type filed in the period (not pre-filing mediations)"),
    # From the enforcement records (`enforcement.EnforcementRecord`) of the enforcement
    # cases of the slice closed in the period with an enforcement closing mode.
    Count("enf_closed", "enf_closed", ENFORCEMENT, source="enforcement",
          description="enforcement cases closed in the period with a closing mode"),
    Count("enf_completed", "enf_completed", ENFORCEMENT, source="enforcement",
          description="of those, closed as 执行完毕"),
    Count("enf_terminated", "enf_terminated", ENFORCEMENT, source="enforcement",
          description="of those, closed as 终结本次执行程序 (终本)"),
    Count("enf_terminated_ok", "enf_terminated_ok", ENFORCEMENT, source="enforcement",
          description="of the 终本 closings, those with every precondition on record"),
    Count("enf_applied", "enf_applied", ENFORCEMENT, source="enforcement", records="money",
          description="Σ amount applied for (yuan) over the enforcement cases closed"),
    Count("enf_recovered", "enf_recovered", ENFORCEMENT, source="enforcement",
          records="money",
          description="Σ amount recovered (deductions, auctions, direct payments; yuan)"),
    # From the case funds (`funds`): payouts paid in the period on the slice's cases.
    Count("payouts_paid", "payouts_paid", None, source="funds", records="payouts",
          description="case-fund payouts (发放) paid in the period"),
    Count("payouts_on_time", "payouts_on_time", None, source="funds", records="payouts",
          description="of those, paid within the payout limit"),
    Count("unclaimed_end", "unclaimed_end", None, source="funds", records="master",
          description="money in the master account not claimed to a case at the period's "
                      "end (yuan)"),
    # From the petitions (`petitions`), per court.
    Count("petitions", "petitions", None, source="petitions", records="petitions",
          description="petitions received in the period (litigation matters routed to "
                      "their procedure not counted)"),
    Count("petitions_replied", "petitions_replied", None, source="petitions",
          records="petitions", description="petitions replied to in the period"),
    Count("petitions_replied_on_time", "petitions_replied_on_time", None,
          source="petitions", records="petitions",
          description="of those, replied on or before the reply due date"),
)}


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    numerator: str
    denominator: str | None  # None: the indicator is the numerator count itself
    unit: str
    direction: str
    sets: tuple[str, ...]
    source: str
    factor: int = 100
    ranges: dict = field(default_factory=dict)  # level -> (low, high); empty: configurable
    unsure: str = ""
    computed: bool = True  # False: known from the SPC system but not computable yet

    def name(self, language: str | None) -> str:
        return self.name_en if (language or "").startswith("en") else self.name_zh


TRAD_SRC = "domain-reference §2.3 (traditional 审判质效 indicators, court publications)"
SPC_SRC = "domain-reference §2.3 (SPC 审判质量管理指标体系 2024, names as published)"
CEPEJ_SRC = "domain-reference §2.2 (CEPEJ GOJUST, CEPEJ(2008)11)"
COURTOOLS_SRC = "domain-reference §2.1 (NCSC CourTools)"

INDICATORS = (
    Indicator("received", "新收", "Cases received", "received", None, CASES, NEITHER,
              (TRADITIONAL,), TRAD_SRC, factor=1),
    Indicator("closed", "已结", "Cases closed", "closed", None, CASES, NEITHER,
              (TRADITIONAL,), TRAD_SRC, factor=1),
    Indicator("pending_start", "旧存", "Pending at the start", "pending_start", None, CASES,
              NEITHER, (TRADITIONAL, INTERNATIONAL), TRAD_SRC + "; CEPEJ P₀", factor=1),
    Indicator("pending_end", "未结", "Pending at the end", "pending_end", None, CASES, LOWER,
              (TRADITIONAL, INTERNATIONAL), TRAD_SRC + "; CEPEJ P₁", factor=1),
    Indicator("clearance_rate", "结收比", "Clearance rate", "closed", "received", PERCENT,
              HIGHER, (TRADITIONAL, INTERNATIONAL),
              TRAD_SRC + " (汪清 140/152 = 92.1%); CEPEJ CR = R ÷ I; CourTools 2",
              unsure=gettext_noop(
                     "CourTools and CEPEJ count reopened and returned cases as incoming; "
                     "here incoming is the cases filed (新收) only.")),
    Indicator("closure_rate", "结案率", "Closure rate", "closed", "pending_start+received",
              PERCENT, HIGHER, (TRADITIONAL,),
              TRAD_SRC + " (汪清 93/(10+99) = 85.32%)"),
    Indicator("within_limit_rate", "法定审限内结案率", "Closed within the time limit",
              "closed_within_limit", "closed", PERCENT, HIGHER, (SPC_2024, TRADITIONAL),
              SPC_SRC + " (审限内结案率); CourTools 3",
              unsure=gettext_noop(
                     "A closed case without a time-limit record counts as not within. The "
                     "limit is the one recorded now (after deductions and extensions). The "
                     "SPC says a 100% target is wrong: no range set.")),
    Indicator("avg_days", "平均审理天数", "Average days to close", "days_to_close", "closed",
              DAYS, LOWER, (SPC_2024, TRADITIONAL), TRAD_SRC + "; SPC 平均结案时间",
              factor=1,
              unsure=gettext_noop(
                     "Calendar days from filing to closing; deducted periods (扣除审限) are "
                     "not taken out (the SPC's 口径 is UNSURE).")),
    Indicator("appeal_rate", "上诉率", "Appeal rate", "first_appealed", "first_closed",
              PERCENT, LOWER, (SPC_2024, TRADITIONAL), SPC_SRC + " (上诉率)",
              unsure=gettext_noop(
                     "Appeals as linked now (an appeal filed after the period counts). The "
                     "SPC's denominator (appealable closures only) is UNSURE: all "
                     "first-instance closures here.")),
    Indicator("acceptance_rate", "一审服判息诉率", "First-instance acceptance rate",
              "first_not_appealed", "first_closed", PERCENT, HIGHER, (TRADITIONAL,),
              TRAD_SRC + " (汪清 (93 − 4)/93 = 95.7%)",
              unsure=gettext_noop(
                     "Retrial applications and petitions (申请再审/申诉) are not subtracted.")),
    Indicator("reversal_remand_rate", "发改率", "Amended or remanded on appeal",
              "first_reversed_remanded", "first_closed", PERCENT, LOWER,
              (SPC_2024, TRADITIONAL), TRAD_SRC + " (汪清 2/93 = 2.15%)",
              unsure=gettext_noop(
                     "The SPC's 2024-09 二审改判-发回重审比 is a ratio whose exact formula is "
                     "UNSURE; the traditional 发改率 is computed instead.")),
    Indicator("mediation_withdrawal_rate", "调撤率", "Mediated or withdrawn",
              "mediated_or_withdrawn", "closed", PERCENT, NEITHER, (TRADITIONAL,), TRAD_SRC),
    Indicator("pending_over_12m", "超12个月未结", "Pending over 12 months",
              "pending_over_12m", None, CASES, LOWER, (SPC_2024, TRADITIONAL),
              SPC_SRC + " (超12个月未结案件比); 长期未结", factor=1),
    Indicator("pending_over_12m_ratio", "超12个月未结案件比", "Share pending over 12 months",
              "pending_over_12m", "pending_end", PERCENT, LOWER, (SPC_2024,), SPC_SRC,
              unsure=gettext_noop(
                     "Denominator (all pending at the end) UNSURE; suspended periods are not "
                     "taken out of the age.")),
    Indicator("summary_procedure_rate", "简易程序适用率", "Summary procedure rate",
              "civil_first_summary", "civil_first_closed", PERCENT, NEITHER, (TRADITIONAL,),
              TRAD_SRC + " (小额/简易程序适用率)",
              unsure=gettext_noop(
                     "The procedure is the one the case closed under (a case switched to the "
                     "ordinary procedure counts as ordinary).")),
    Indicator("prefiling_mediation_success_rate", "诉前调解成功率",
              "Pre-filing mediation success rate", "prefiling_settled", "prefiling_ended",
              PERCENT, HIGHER, (TRADITIONAL,),
              TRAD_SRC + "; the same definition as mediation.figures",
              unsure=gettext_noop(
                     "Counted per court only: a division or judge slice gives none.")),
    Indicator("case_dispute_ratio", "案-件比", "Cases per dispute", "dispute_cases", "disputes",
              RATIO, LOWER, (SPC_2024,), SPC_SRC + " (案-件比)", factor=1,
              unsure=gettext_noop(
                     "The SPC's exact 口径 is UNSURE: here the disputes are first-instance "
                     "cases filed in the period with no 原审案号, and the 件 every case linked "
                     "after them (as linked now, any court, up to 10 links deep).")),
    Indicator("disposition_time", "结案周期（CEPEJ）", "Disposition time (CEPEJ)",
              "period_days_x_pending_end", "closed", DAYS, LOWER, (INTERNATIONAL,),
              CEPEJ_SRC + " (DT = 365 × P₁ ÷ R; P₀ 240, I 272, R 329, P₁ 183 → 203.02)",
              factor=1,
              unsure=gettext_noop(
                     "For a period other than a year, the period's days replace 365.")),
    Indicator("avg_enforcement_days", "平均执行天数", "Average enforcement days",
              "enforcement_days", "enforcement_closed", DAYS, LOWER, (TRADITIONAL,),
              TRAD_SRC + "; domain-reference §3.2 (执行 6 months)", factor=1,
              unsure=gettext_noop(
                     "Calendar days from filing to closing of the enforcement cases (执, 执恢) "
                     "closed in the period; suspended periods are not taken out.")),
    Indicator("enforcement_recovery_rate", "执行到位率", "Enforcement recovery rate",
              "enf_recovered", "enf_applied", PERCENT, HIGHER, (SPC_2024,),
              SPC_SRC + " (执行到位率: amount recovered ÷ amount applied for)",
              unsure=gettext_noop(
                     "The standard 口径 is UNSURE: here over the enforcement cases closed in "
                     "the period; recovered is what the officer recorded as deducted, "
                     "auctioned or paid to the applicant directly.")),
    Indicator("enforcement_completion_rate", "执行完毕率", "Enforcement completion rate",
              "enf_completed", "enf_closed", PERCENT, HIGHER, (SPC_2024,),
              SPC_SRC + " (执行完毕率)",
              unsure=gettext_noop(
                     "Enforcement cases closed as 执行完毕 ÷ enforcement cases closed "
                     "(domain-reference §2.3, UNSURE).")),
    Indicator("terminated_current_rate", "终本率", "Share closed as 终本",
              "enf_terminated", "enf_closed", PERCENT, LOWER, (TRADITIONAL,),
              TRAD_SRC + "; 法〔2016〕373号",
              unsure=gettext_noop(
                     "Closed as 终结本次执行程序 ÷ enforcement cases closed; the SPC's "
                     "口径 is UNSURE.")),
    Indicator("terminated_current_quality", "终本合格率", "终本 closings that met the rules",
              "enf_terminated_ok", "enf_terminated", PERCENT, HIGHER, (TRADITIONAL,),
              TRAD_SRC + "; 法〔2016〕373号 art. 1",
              unsure=gettext_noop(
                     "A 终本 closing counts as 合格 when every precondition of art. 1 was on "
                     "record when it closed; the platform refuses the others, so imported "
                     "or earlier closings are where a shortfall shows.")),
    Indicator("payout_timeliness", "案款发放及时率", "Case funds paid out on time",
              "payouts_on_time", "payouts_paid", PERCENT, HIGHER, (TRADITIONAL,),
              "domain-reference §3.5 (法发〔2017〕6号: 30 days; local limits shorter)",
              unsure=gettext_noop(
                     "A payment is on time when every sum it pays out was paid within the "
                     "limit of its arrival, approved deferrals not counted (first in, first "
                     "out). Per court and per case slice.")),
    Indicator("unclaimed_funds", "月末未认领案款", "Unclaimed case funds at the end",
              "unclaimed_end", None, YUAN, LOWER, (TRADITIONAL,),
              "domain-reference §3.5 (待认领款每月清零)", factor=1,
              unsure=gettext_noop(
                     "Per court only: a division or judge slice gives none.")),
    Indicator("petition_rate", "涉诉信访率（每百件）", "Petitions per 100 cases",
              "petitions", "all_received", RATIO, LOWER, (TRADITIONAL,),
              "信访工作条例; domain-reference §3.2", factor=100,
              unsure=gettext_noop(
                     "Petitions received ÷ cases of every type filed in the same period × "
                     "100; per court only (a division or judge slice gives none).")),
    Indicator("petition_reply_rate", "信访按期答复率", "Petitions replied on time",
              "petitions_replied_on_time", "petitions_replied", PERCENT, HIGHER,
              (TRADITIONAL,), "信访工作条例 arts 22, 34 (60 days, +30 approved)",
              unsure=gettext_noop(
                     "The court's own petition rules were not found (UNSURE): the "
                     "regulation's 60 days (+30 approved) apply. Per court only.")),
    # Known SPC 2024 indicators not computed yet (their data comes with later issues).
    Indicator("second_instance_hearing_rate", "二审开庭率", "Second-instance hearing rate",
              "", None, PERCENT, HIGHER, (SPC_2024,), SPC_SRC, computed=False,
              unsure=gettext_noop(
                     "Formula UNSURE; not computed.")),
    Indicator("appeal_transfer_days", "上诉案件移送时间", "Days to transfer an appeal",
              "", None, DAYS, LOWER, (SPC_2024,), SPC_SRC, computed=False,
              unsure=gettext_noop(
                     "Start of the count UNSURE; not computed.")),
)

BY_CODE = {i.code: i for i in INDICATORS}
COMPUTED = tuple(i for i in INDICATORS if i.computed)


def indicator_set(name: str) -> tuple[Indicator, ...]:
    return tuple(i for i in INDICATORS if name in i.sets)


def parts(indicator: Indicator, part: str) -> tuple[str, ...]:
    """The count names behind the numerator or denominator ("a+b": a sum of counts)."""
    side = indicator.numerator if part == "numerator" else indicator.denominator
    return tuple(side.split("+")) if side else ()


def court_ranges(court) -> dict:
    """COURT's own ranges by indicator code (one query)."""
    from tianping.indicators.models import ReferenceRange

    return {r.code: r for r in ReferenceRange.objects.filter(court=court)}


def reference_range(indicator: Indicator, court, own: dict | None = None
                    ) -> tuple[Decimal | None, Decimal | None] | None:
    """The range for COURT: its own `ReferenceRange` (OWN: `court_ranges(court)`), else the
    settings' for its level, else the registry's; None when there is none."""
    own = (court_ranges(court) if own is None else own).get(indicator.code)
    if own is not None:
        return own.low, own.high
    configured = getattr(settings, "TIANPING_INDICATOR_RANGES", {}).get(indicator.code, {})
    pair = configured.get(court.level) or indicator.ranges.get(court.level)
    if not pair:
        return None
    low, high = pair
    return (None if low is None else Decimal(str(low)),
            None if high is None else Decimal(str(high)))

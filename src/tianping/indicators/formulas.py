"""An indicator's formula in words, in the reader's language (the pages, the dashboard API
and the reports read it from here): the counts of `registry.COUNTS` named as a court
names them."""

from django.utils.translation import get_language, gettext_lazy, pgettext_lazy

from tianping.indicators import registry

COUNT_WORDS = {
    "received": pgettext_lazy("indicator count", "received"),
    "closed": pgettext_lazy("indicator count", "closed"),
    "pending_start": gettext_lazy("pending at the start"),
    "pending_end": gettext_lazy("pending at the end"),
    "closed_within_limit": gettext_lazy("closed within the time limit"),
    "days_to_close": gettext_lazy("sum of days from filing to closing"),
    "mediated_or_withdrawn": gettext_lazy("closed by mediation or withdrawal"),
    "pending_over_12m": gettext_lazy("pending for over 12 months"),
    "first_closed": gettext_lazy("first-instance cases closed"),
    "first_appealed": gettext_lazy("first-instance cases closed and appealed"),
    "first_not_appealed": gettext_lazy("first-instance cases closed and not appealed"),
    "first_reversed_remanded": gettext_lazy(
        "first-instance cases closed and amended or remanded on appeal"),
    "civil_first_closed": gettext_lazy("civil first-instance cases closed"),
    "civil_first_summary": gettext_lazy(
        "civil first-instance cases closed under the summary or small-claims procedure"),
    "prefiling_ended": gettext_lazy("pre-filing mediations ended"),
    "prefiling_settled": gettext_lazy("pre-filing mediations settled"),
    "disputes": gettext_lazy("disputes (first-instance cases with no earlier case)"),
    "dispute_cases": gettext_lazy("cases of those disputes"),
    "period_days_x_pending_end": gettext_lazy("days in the period × pending at the end"),
    "enforcement_closed": gettext_lazy("enforcement cases closed"),
    "enforcement_days": gettext_lazy("sum of days from filing to closing of enforcement cases"),
    "all_received": gettext_lazy("cases of every type received"),
    "enf_closed": gettext_lazy("enforcement cases closed with a closing mode"),
    "enf_completed": gettext_lazy("enforcement cases closed as completed (执行完毕)"),
    "enf_terminated": gettext_lazy("enforcement cases closed as 终本"),
    "enf_terminated_ok": gettext_lazy("终本 closings with every precondition on record"),
    "enf_applied": gettext_lazy("amount applied for (yuan)"),
    "enf_recovered": gettext_lazy("amount recovered (yuan)"),
    "payouts_paid": gettext_lazy("case-fund payouts paid"),
    "payouts_on_time": gettext_lazy("case-fund payouts paid within the limit"),
    "unclaimed_end": gettext_lazy("unclaimed money in the master account at the end (yuan)"),
    "petitions": gettext_lazy("petitions received"),
    "petitions_replied": gettext_lazy("petitions replied to"),
    "petitions_replied_on_time": gettext_lazy("petitions replied to on time"),
}


def formula(indicator) -> str:
    """INDICATOR's formula in words: 已结 ÷ 新收 × 100%."""
    def side(part):
        return " + ".join(str(COUNT_WORDS.get(n, n)) for n in registry.parts(indicator, part))

    top = side("numerator")
    if indicator.denominator is None:
        return top
    below = side("denominator")
    if "+" in indicator.denominator:
        left, right = ("（", "）") if (get_language() or "").startswith("zh") else ("(", ")")
        below = f"{left}{below}{right}"
    text = f"{top} ÷ {below}"
    if indicator.unit == registry.PERCENT:
        return text + " × 100%"
    return text + (f" × {indicator.factor}" if indicator.factor != 1 else "")

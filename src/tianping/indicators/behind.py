"""The records behind a figure (the drill-down of the indicator pages): exactly the cases
(or pre-filing mediations) the engine counted for one side of an indicator."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from tianping.cases.models import Case
from tianping.indicators import registry, sources
from tianping.indicators.compute import Slice, chain_sql, count_q, scope_q, sliced_cases
from tianping.indicators.registry import COUNTS
from tianping.mediation.choices import MediationStatus


def cases_behind(code: str, part: str, s: Slice):
    """The records behind indicator CODE's PART ("numerator" or "denominator") in slice S:
    a queryset of cases (of pre-filing mediations for the pre-filing indicator). For a sum
    (旧存 + 新收) the union; for Σ days and days × pending, the cases summed over."""
    indicator = registry.BY_CODE.get(code)
    if indicator is None or not indicator.computed:
        raise ValidationError(_("Unknown indicator “%(code)s”.") % {"code": code})
    if part not in ("numerator", "denominator"):
        raise ValidationError(_("Choose the numerator or the denominator."))
    names = registry.parts(indicator, part)
    if not names:
        return Case.objects.none()
    if any(COUNTS[n].records in registry.NOT_CASES for n in names):
        raise ValidationError(_("The records behind this figure are no cases: open them "
                                "from the funds or petition pages."))
    if any(COUNTS[n].source == "enforcement" for n in names):
        cases = sliced_cases(s).filter(scope_q(registry.ENFORCEMENT))
        return cases.filter(pk__in=sources.records_behind(names, s, cases).values("case_id"))
    if all(COUNTS[n].scope is None for n in names):
        settled = Q(status=MediationStatus.SETTLED)
        mediations = sources.prefiling_mediations(s)
        return mediations.filter(settled) if names == ("prefiling_settled",) else mediations
    if names == ("dispute_cases",):  # the chain reaches cases of other courts (appeals)
        sql, params = chain_sql(s)
        return Case.objects.filter(pk__in=RawSQL(f"{sql} SELECT id FROM chain", params))
    q = Q(pk__in=[])
    for name in names:
        q |= count_q(name, s)
    return sliced_cases(s).filter(q)

"""{% days_left case %}: the days remaining on a case's time limit, for every case list."""

from django import template
from django.utils import timezone

from tianping.lib.time_left import days_left_badge

register = template.Library()


@register.simple_tag
def days_left(case, today=None):
    limit = getattr(case, "time_limit", None) if case is not None else None
    if limit is None:
        return ""
    return days_left_badge(
        limit.expires_on, limit.suspended_since, case.is_pending, today or timezone.localdate()
    )


@register.filter
def step_text(step: dict) -> str:
    """A stored explanation step in the reader's language."""
    from tianping.law.steps import render

    return render(step.get("code", ""), step.get("params", {}))


@register.filter
def weekends_only(steps) -> str:
    """The years of an explanation computed with weekends only, as "2027, 2028"."""
    from tianping.law.steps import weekends_only_years

    return ", ".join(str(year) for year in weekends_only_years(steps or []))


@register.filter
def exclusion_kind(code) -> str:
    """{{ exclusion.kind|exclusion_kind }}: the kind of a period not counted, in words
    (中止 ...), never its code; an unknown code reads as itself."""
    from tianping.law.limits import ExclusionKind

    return ExclusionKind(code).label if code in ExclusionKind.values else code

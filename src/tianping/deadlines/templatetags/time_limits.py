"""{% days_left case %}: the days remaining on a case's time limit, for every case list."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def days_left(case, today=None):
    limit = getattr(case, "time_limit", None) if case is not None else None
    if limit is None or not case.is_pending:
        return ""
    if limit.suspended_since:
        return format_html('<span class="badge">{}</span>', _("suspended"))
    left = (limit.expires_on - (today or timezone.localdate())).days
    if left < 0:
        return format_html(
            '<span class="badge overdue">{}</span>', _("%(n)d days overdue") % {"n": -left}
        )
    css = "warn" if left <= 15 else ""
    return format_html('<span class="badge {}">{}</span>', css, _("%(n)d days left") % {"n": left})


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

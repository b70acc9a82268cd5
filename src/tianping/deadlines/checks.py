"""What a period not counted (扣除审限) must satisfy besides lying within the case's life:
a length its kind allows, and no day already excluded. Also the check of the court's
setting TIME_LIMIT_EXCLUSION_MAX_DAYS, run at start-up."""

import datetime

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tianping.deadlines.models import CaseExclusion
from tianping.law.exclusions import check_exclusion, check_overrides
from tianping.law.limits import (
    Exclusion,
    ExclusionKind,
    Grant,
    LimitError,
    check_grants,
    check_years,
)
from tianping.law.rules import Rule


def exclusion_bounds() -> dict[str, int]:
    """The court's longest lengths per kind, where the law sets none (law.exclusions)."""
    return dict(getattr(settings, "TIME_LIMIT_EXCLUSION_MAX_DAYS", {}) or {})


def check_length(kind: str, starts_on: datetime.date, ends_on: datetime.date) -> None:
    """ValidationError unless the period is no longer than its kind allows."""
    try:
        check_exclusion(Exclusion(kind, starts_on, ends_on), exclusion_bounds())
    except LimitError as exc:
        raise ValidationError(str(exc)) from None


def check_calculation(
    rule: Rule, start: datetime.date, exclusions, grants: tuple[Grant, ...]
) -> None:
    """The calculator's input (API and command), checked before any holiday data is read:
    dates in the years computed for, each period as the workflow would take it, and no
    more extension than the rule allows; LimitError otherwise."""
    check_years(start, exclusions)
    bounds = exclusion_bounds()
    for item in exclusions:
        check_exclusion(item, bounds)
    check_grants(rule, grants)


def refuse_overlap(case, starts_on: datetime.date, ends_on: datetime.date | None, *, but=None):
    """ValidationError if STARTS_ON..ENDS_ON (open-ended when None, as a suspension not yet
    resumed) shares a day with a period already recorded for the case (BUT left aside)."""
    clash = case.exclusions.exclude(ends_on__lt=starts_on)
    if ends_on is not None:
        clash = clash.filter(starts_on__lte=ends_on)
    if but is not None:
        clash = clash.exclude(pk=but.pk)
    other: CaseExclusion | None = clash.order_by("starts_on").first()
    if other is None:
        return
    kind = ExclusionKind(other.kind).label if other.kind in ExclusionKind.values else other.kind
    if other.ends_on is None:
        message = _(
            "This overlaps the “%(kind)s” that began on %(start)s and has not ended: a day "
            "is not counted out twice."
        ) % {"kind": kind, "start": other.starts_on}
    else:
        message = _(
            "This overlaps the “%(kind)s” from %(start)s to %(end)s: a day is not counted "
            "out twice."
        ) % {"kind": kind, "start": other.starts_on, "end": other.ends_on}
    raise ValidationError(message)


@checks.register()
def exclusion_bounds_setting(app_configs, **kwargs):
    """TIME_LIMIT_EXCLUSION_MAX_DAYS names only kinds whose length a court may set."""
    return [
        checks.Error(f"TIME_LIMIT_EXCLUSION_MAX_DAYS: {problem}", id="deadlines.E001")
        for problem in check_overrides(exclusion_bounds())
    ]

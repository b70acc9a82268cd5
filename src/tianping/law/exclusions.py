"""How long a period not counted in a time limit (扣除审限) may last, by kind.

The sources list the periods (民诉解释 art. 243; 审限规定 art. 9) but bound only the
public notice: 30 days, 60 for a party not domiciled in China (Civil Procedure Law arts.
95, 283). For every other kind no source at hand gives a longest length, so the platform
sets one, `DEFAULT_MAX_DAYS` (half a year), which a court may change per kind with the
setting TIME_LIMIT_EXCLUSION_MAX_DAYS ("appraisal=365,settlement=90"). A suspension (中止)
has no length: it runs until the case resumes. Pure: no ORM, no settings; the caller
passes the court's values.
"""

from django.utils.translation import gettext as _

from tianping.law.limits import Exclusion, ExclusionKind, LimitError

# Fixed by law: not a setting.
STATUTORY_MAX_DAYS = {ExclusionKind.PUBLIC_NOTICE: 60}
STATUTORY_SOURCES = {ExclusionKind.PUBLIC_NOTICE: "民事诉讼法第95条、第283条"}
# A choice of the platform where no source gives a bound; TIME_LIMIT_EXCLUSION_MAX_DAYS
# changes it per kind.
DEFAULT_MAX_DAYS = 180
NO_LENGTH = {ExclusionKind.SUSPENSION}


def configurable_kinds() -> list[str]:
    """The kinds whose longest length is a setting (neither fixed by law nor open-ended)."""
    fixed = set(STATUTORY_MAX_DAYS) | NO_LENGTH
    return [kind for kind in ExclusionKind.values if kind not in fixed]


def check_overrides(overrides: dict[str, int]) -> list[str]:
    """What is wrong with the court's values (unknown kind, a kind fixed by law, < 1 day)."""
    allowed = configurable_kinds()
    problems = [
        f"{kind!r} is not a kind whose length a court sets (one of: {', '.join(allowed)})."
        for kind in overrides
        if kind not in allowed
    ]
    problems += [f"{kind}={days}: at least 1 day." for kind, days in overrides.items() if days < 1]
    return problems


def max_days(kind: str, overrides: dict[str, int] | None = None) -> int | None:
    """The longest period of KIND in days, or None for a suspension (no length)."""
    if kind in NO_LENGTH:
        return None
    if kind in STATUTORY_MAX_DAYS:
        return STATUTORY_MAX_DAYS[kind]
    return (overrides or {}).get(kind, DEFAULT_MAX_DAYS)


def check_exclusion(item: Exclusion, overrides: dict[str, int] | None = None) -> None:
    """A known kind, in order, and no longer than its kind allows; else LimitError."""
    if item.kind not in ExclusionKind.values:
        raise LimitError(
            _("%(kind)s is not a kind of excluded period; use one of: %(kinds)s.")
            % {"kind": item.kind, "kinds": ", ".join(ExclusionKind.values)}
        )
    if item.end < item.start:
        raise LimitError(
            _("An excluded period cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": item.end, "start": item.start}
        )
    longest = max_days(item.kind, overrides)
    if longest is not None and item.days > longest:
        raise LimitError(
            _(
                "A period of “%(kind)s” may last at most %(max)d days; %(start)s to %(end)s "
                "is %(n)d days."
            )
            % {
                "kind": ExclusionKind(item.kind).label,
                "max": longest,
                "start": item.start,
                "end": item.end,
                "n": item.days,
            }
        )

"""What the indicator pages, the big screen and the reports read besides one computation:
the same slice in the month before and the year before (环比, 同比), and trends by month;
the counts behind them kept in the cache for a while (`cached_counts`).

Every figure comes from `compute.compute`; nothing here counts cases itself. A comparison
period has the same shape as the period asked for: a whole calendar month compares with
the whole month before (a quarter the quarter before, and so on; and the same months a
year before); any other period with the period of the same length just before it (and
the same dates a year before; 29 February becomes 28 February).
"""

import calendar
import datetime
import hashlib
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from tianping.indicators.compute import Result, Slice, compute, counts, counts_over
from tianping.indicators.registry import BY_CODE, COMPUTED, parts

# How long computed counts are kept (seconds): a period that is over changes only when
# history is imported or a late record is entered; one that runs to today, every day.
# Settings: TIANPING_INDICATOR_CACHE_SECONDS = (past periods, current periods).
CACHE_SECONDS = (3600, 300)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: datetime.date, months: int) -> datetime.date:
    """DAY moved by MONTHS calendar months, on the same day or the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def whole_months(start: datetime.date, end: datetime.date) -> int:
    """How many calendar months [START, END] spans exactly (0: not whole months)."""
    if start.day != 1 or end != month_end(end) or end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


Period = tuple[datetime.date, datetime.date]


def previous_period(start: datetime.date, end: datetime.date) -> Period:
    """The period before [START, END] for 环比: the months before whole months (a month, a
    quarter, a year), else the same number of days just before START."""
    months = whole_months(start, end)
    if months:
        return add_months(start, -months), start - datetime.timedelta(days=1)
    length = end - start
    last = start - datetime.timedelta(days=1)
    return last - length, last


def year_before(start: datetime.date, end: datetime.date) -> Period:
    """The same dates a year before, for 同比 (a whole month stays a whole month)."""
    first = add_months(start, -12)
    last = month_end(add_months(end, -12)) if end == month_end(end) else add_months(end, -12)
    return first, last


GENERATION_KEY = "indicators:generation"


def cache_key(s: Slice) -> str:
    """The cache key of S's counts, under the current generation (`forget` starts a new
    one: every figure kept before is then ignored and expires on its own)."""
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    items = [f"{f.name}={getattr(s, f.name)!r}" for f in fields(s) if f.name != "court"]
    digest = hashlib.sha256("|".join(items).encode()).hexdigest()[:32]
    return f"indicators:counts:{generation}:{s.court.pk}:{digest}"


def forget() -> None:
    """Drop every kept figure (history was imported, or records changed in bulk)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def cached_counts(s: Slice) -> dict[str, int]:
    """`compute.counts(s)`, kept in the cache for a while (`CACHE_SECONDS`): many pages and
    screens ask for the same slice, and a province's counts take a while."""
    key = cache_key(s)
    found = cache.get(key)
    if found is None:
        found = counts(s)
        past, current = getattr(settings, "TIANPING_INDICATOR_CACHE_SECONDS", CACHE_SECONDS)
        cache.set(key, found, past if s.end < timezone.localdate() else current)
    return found


def figures(s: Slice, codes=None) -> list[Result]:
    """The indicators of S as `compute.compute` gives them, from the cached counts."""
    return compute(s, codes, totals=cached_counts(s))


@dataclass(frozen=True)
class Compared:
    """One indicator now, a year before and in the period before, with the changes (in the
    indicator's unit: percentage points for a rate)."""

    now: Result
    year_before: Result
    period_before: Result

    @staticmethod
    def change(now: Decimal | None, then: Decimal | None) -> Decimal | None:
        if now is None or then is None:
            return None
        return now - then

    @property
    def yoy(self) -> Decimal | None:
        return self.change(self.now.value, self.year_before.value)

    @property
    def mom(self) -> Decimal | None:
        return self.change(self.now.value, self.period_before.value)


def compared(s: Slice, codes=None, live: bool = False) -> list[Compared]:
    """The indicators of S with 同比 and 环比 (three computations; LIVE: S itself computed
    now, not taken from the cache, as the pages show it with the time it was computed)."""
    now = compute(s, codes) if live else figures(s, codes)
    year = figures(replace(s, **dict(zip(("start", "end"), year_before(s.start, s.end),
                                         strict=True))), codes)
    before = figures(replace(s, **dict(zip(("start", "end"), previous_period(s.start, s.end),
                                           strict=True))), codes)
    return [Compared(a, b, c) for a, b, c in zip(now, year, before, strict=True)]


@dataclass(frozen=True)
class Month:
    start: datetime.date
    end: datetime.date
    results: dict[str, Result]

    @property
    def label(self) -> str:
        return self.start.strftime("%Y-%m")


def monthly_trend(s: Slice, months: int = 12, codes=None) -> list[Month]:
    """The indicators (CODES, or all) of S for each of the MONTHS calendar months up to the
    one S ends in (that month counted up to S's end), oldest first: the case rows read once
    for every month (`compute.counts_over`), kept in the cache like `cached_counts`."""
    if months < 1 or months > 60:
        raise ValueError("months must be 1..60")
    last = month_start(s.end)
    periods = []
    for back in range(months - 1, -1, -1):
        first = add_months(last, -back)
        periods.append((first, min(month_end(first), s.end)))
    indicators = COMPUTED if codes is None else [BY_CODE[c] for c in codes]
    names = sorted({n for i in indicators for side in ("numerator", "denominator")
                    for n in parts(i, side)})
    digest = hashlib.sha256(" ".join(names).encode()).hexdigest()[:16]
    key = f"{cache_key(s)}:trend:{months}:{digest}"
    totals = cache.get(key)
    if totals is None:
        totals = counts_over(s, periods, names)
        past, current = getattr(settings, "TIANPING_INDICATOR_CACHE_SECONDS", CACHE_SECONDS)
        cache.set(key, totals, past if s.end < timezone.localdate() else current)
    return [Month(first, end, {r.code: r for r in compute(
                replace(s, start=first, end=end), codes, totals=found)})
            for (first, end), found in zip(periods, totals, strict=True)]


def warm(court, today: datetime.date, include_lower: bool) -> int:
    """Compute and keep the figures the court's pages and screens open with (this month,
    last month, this year, last year, the trend of the last 12 months), so that the first
    leader of the day does not wait for a province's counts. Returns how many slices."""
    from tianping.indicators.compute import make_slice

    this_month = month_start(today)
    last_month = add_months(this_month, -1)
    periods = [(this_month, today), (last_month, month_end(last_month)),
               (today.replace(month=1, day=1), today),
               (datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))]
    slices = [make_slice(court, a, b, include_lower=include_lower) for a, b in periods]
    for s in slices:
        compared(s)
    monthly_trend(slices[2], 12)
    return len(slices)

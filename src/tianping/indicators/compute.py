"""The indicator engine (issue 13, part 3): every count from the case records and their
links, never from hand-entered totals, for a period [start, end] (both days included) and
a slice (a court, with the courts below it or not; a division; a judge; a case type
prefix; a procedure).

Queries, however many indicators: one conditional aggregate over the sliced case rows
(every case count, the appeal links and time limits through EXISTS subqueries), one
recursive query for 案-件比 (the chain through 原审案号: `appeals.DisputeCase.origin`, at
most `MAX_DEPTH` links deep), one aggregate over the pre-filing mediations, and one for
the court's own reference ranges; plus the look-ups that check the slice. No Python loop
runs over cases. Values are exact `Decimal`s rounded half up to two places, None when the
denominator is 0. The formulas are in `registry.py` and docs/architecture.md.
"""

import datetime
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tianping.appeals.choices import Outcome, Stage
from tianping.appeals.models import DisputeCase
from tianping.cases.choices import ClosureMode, Procedure
from tianping.cases.models import Case
from tianping.courts.models import Court, Division
from tianping.indicators import registry, sources
from tianping.indicators.registry import COMPUTED, COUNTS, TypeScope
from tianping.indicators.slicing import causes_of, team_of

MAX_DEPTH = 10  # links followed from a dispute's first case (案-件比)
TWO_PLACES = Decimal("0.01")
REVERSED = (Outcome.AMENDED, Outcome.REMANDED)
SUMMARY = (Procedure.SUMMARY, Procedure.SMALL_CLAIMS)
MET, NOT_MET, NO_RANGE, NO_VALUE = "met", "not_met", "no_range", "no_value"


@dataclass(frozen=True)
class Slice:
    """What is counted: checked and resolved by `make_slice`."""

    court: Court
    start: datetime.date
    end: datetime.date
    court_ids: tuple[int, ...]
    include_lower: bool = False
    division_ids: tuple[int, ...] | None = None
    division_name: str = ""
    judge_name: str = ""
    judge_id: int | None = None
    type_prefix: str = ""
    procedure: str = ""
    team_id: int | None = None
    team_name: str = ""
    cause_ids: tuple[int, ...] | None = None  # the cause and the causes under it
    cause_name: str = ""

    @property
    def whole_court(self) -> bool:
        return (self.division_ids is None and not self.judge_name and self.judge_id is None
                and self.team_id is None and self.cause_ids is None)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def make_slice(court, start, end, *, include_lower=False, division=None, judge=None,
               type_prefix="", procedure="", team=None, cause=None) -> Slice:
    """The slice for COURT (a Court or its code) and the period; DIVISION a Division or its
    name in the court(s); JUDGE a user or a name (matched on `judge.full_name`). Raises
    ValidationError on a period that ends before it starts or an unknown court, division,
    judge or procedure."""
    if start is None or end is None:
        raise ValidationError(_("Give the first and the last day of the period."))
    if end < start:
        raise ValidationError(_("The period ends before it starts."))
    if not isinstance(court, Court):
        code = (court or "").strip()
        court = Court.objects.filter(code=code).first()
        if court is None:
            raise ValidationError(_("No court has the code “%(code)s”.") % {"code": code})
    ids = {court.pk} | (court.descendant_ids() if include_lower else set())
    division_ids, division_name = None, ""
    if division is not None and division != "":
        if isinstance(division, Division):
            division_ids, division_name = (division.pk,), division.name
        else:
            division_name = division.strip()
            division_ids = tuple(Division.objects.filter(court_id__in=ids, name=division_name)
                                 .values_list("pk", flat=True))
        if not division_ids or (isinstance(division, Division) and division.court_id not in ids):
            raise ValidationError(_("The court has no division “%(name)s”.")
                                  % {"name": division_name})
    judge_name, judge_id = "", None
    if judge is not None and judge != "":
        if isinstance(judge, str):
            judge_name = judge.strip()
            known = get_user_model().objects.filter(full_name=judge_name).filter(
                Q(memberships__court_id__in=ids) | Q(cases_as_judge__court_id__in=ids)).exists()
            # an imported case's judge who is no staff member (`Case.historical_judge`)
            known = known or Case.objects.filter(court_id__in=ids,
                                                 historical_judge=judge_name).exists()
            if not known:
                raise ValidationError(_("No judge named “%(name)s” sits or sat in the court.")
                                      % {"name": judge_name})
        else:
            judge_id = judge.pk
    if procedure and procedure not in Procedure.values:
        raise ValidationError(_("Unknown procedure “%(value)s”.") % {"value": procedure})
    team_id, team_name = team_of(team, ids)
    cause_ids, cause_name = causes_of(cause)
    return Slice(court=court, start=start, end=end, court_ids=tuple(sorted(ids)),
                 include_lower=include_lower, division_ids=division_ids,
                 division_name=division_name, judge_name=judge_name, judge_id=judge_id,
                 type_prefix=type_prefix or "", procedure=procedure or "",
                 team_id=team_id, team_name=team_name, cause_ids=cause_ids,
                 cause_name=cause_name)


# The cases -------------------------------------------------------------------------------

def scope_q(scope: TypeScope) -> Q:
    """The type-code predicates of SCOPE as a filter on cases."""
    q = Q()
    if scope.include_codes:
        q &= Q(type_code__in=scope.include_codes)
    if scope.include_prefixes:
        q &= _any("type_code__startswith", scope.include_prefixes)
    if scope.include_suffixes:
        q &= _any("type_code__endswith", scope.include_suffixes)
    for prefix in scope.exclude_prefixes:
        q &= ~Q(type_code__startswith=prefix)
    for suffix in scope.exclude_suffixes:
        q &= ~Q(type_code__endswith=suffix)
    return q


def _any(lookup: str, values) -> Q:
    q = Q()
    for value in values:
        q |= Q(**{lookup: value})
    return q


def sliced_cases(s: Slice):
    """Every case of the slice, whatever its type (the scopes are applied per count)."""
    cases = Case.objects.filter(court_id__in=s.court_ids)
    if s.division_ids is not None:
        cases = cases.filter(division_id__in=s.division_ids)
    if s.judge_id is not None:
        cases = cases.filter(judge_id=s.judge_id)
    elif s.judge_name:
        cases = cases.filter(Q(judge__full_name=s.judge_name)
                             | Q(historical_judge=s.judge_name))
    if s.type_prefix:
        cases = cases.filter(type_code__startswith=s.type_prefix)
    if s.procedure:
        cases = cases.filter(procedure=s.procedure)
    if s.team_id is not None:
        cases = cases.filter(team_id=s.team_id)
    if s.cause_ids is not None:
        cases = cases.filter(cause_id__in=s.cause_ids)
    return cases.order_by()


def _appealed(**more) -> Q:
    """The cases with a linked second-instance case: `id IN (SELECT origin_id ...)`, which
    PostgreSQL hashes once (an EXISTS per row costs a probe per case)."""
    return Q(pk__in=DisputeCase.objects.filter(stage=Stage.SECOND, origin__isnull=False,
                                               **more).values("origin_id"))


def what_q(what: str, s: Slice) -> Q:
    """The cases a count of kind WHAT counts in the period of S (before its scope)."""
    filed = Q(filed_on__range=(s.start, s.end))
    closed = Q(closed_on__range=(s.start, s.end))
    pending_end = Q(filed_on__lte=s.end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=s.end))
    if what in ("filed",):
        return filed
    if what in ("closed", "days_to_close"):
        return closed
    if what == "pending_start":
        return Q(filed_on__lt=s.start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=s.start))
    if what in ("pending_end", "period_days_x_pending_end"):
        return pending_end
    if what == "closed_within_limit":
        # a join on the one time limit of the case (hashed), not a probe per case
        return closed & Q(time_limit__expires_on__gte=F("closed_on"))
    if what == "mediated_or_withdrawn":
        return closed & Q(closure_mode__in=(ClosureMode.MEDIATION, ClosureMode.WITHDRAWAL))
    if what == "pending_over_12m":
        return pending_end & Q(filed_on__lt=s.end - datetime.timedelta(days=365))
    if what == "appealed":
        return closed & _appealed()
    if what == "not_appealed":
        return closed & ~_appealed()
    if what == "reversed_remanded":
        return closed & _appealed(outcome__in=REVERSED)
    if what == "closed_summary":
        return closed & Q(procedure__in=SUMMARY)
    if what in ("disputes", "dispute_cases"):
        return filed & ~Q(pk__in=DisputeCase.objects.filter(origin__isnull=False)
                          .values("case_id"))
    raise ValueError(what)


CASE_WHATS = {"filed", "closed", "pending_start", "pending_end", "closed_within_limit",
              "mediated_or_withdrawn", "pending_over_12m", "appealed", "not_appealed",
              "reversed_remanded", "closed_summary"}


def count_q(name: str, s: Slice) -> Q:
    count = COUNTS[name]
    return what_q(count.what, s) & scope_q(count.scope)


def case_counts(s: Slice) -> dict[str, int]:
    """Every case count of the registry in one aggregate query."""
    return case_counts_over(s, [(s.start, s.end)])[0]


def case_counts_over(s: Slice, periods) -> list[dict[str, int]]:
    """Every case count of the registry for each period (start, end) of PERIODS, slice S
    otherwise: one aggregate query however many periods (a trend by month reads the case
    rows once)."""
    aggregates, each = {}, []
    length = ExpressionWrapper(F("closed_on") - F("filed_on"), output_field=DurationField())
    for index, (start, end) in enumerate(periods):
        part = replace(s, start=start, end=end)
        each.append(part)
        for name, count in COUNTS.items():
            if count.what in CASE_WHATS:
                aggregates[f"{name}__{index}"] = Count("pk", filter=count_q(name, part))
            elif count.what == "days_to_close":
                aggregates[f"{name}__{index}"] = Sum(length, filter=count_q(name, part))
    # Only rows some count can use: filed by the last end and open at or after the first start.
    first, last = min(p.start for p in each), max(p.end for p in each)
    rows = sliced_cases(s).filter(Q(filed_on__lte=last)
                                  & (Q(closed_on__isnull=True) | Q(closed_on__gte=first)))
    found = rows.aggregate(**aggregates)
    results = []
    for index, part in enumerate(each):
        result = {name: found[f"{name}__{index}"] for name, count in COUNTS.items()
                  if count.what in CASE_WHATS}
        for name, count in COUNTS.items():
            if count.what == "days_to_close":
                days = found[f"{name}__{index}"]
                result[name] = days.days if days is not None else 0
        result["period_days_x_pending_end"] = part.days * result["pending_end"]
        results.append(result)
    return results


def _roots(s: Slice):
    """The disputes (案) of the slice: first-instance cases filed in the period with no
    原审案号 (no link to a case they came from)."""
    return sliced_cases(s).filter(count_q("disputes", s))


def dispute_counts(s: Slice) -> dict[str, int]:
    """案 and 件 in one recursive query: the roots and every case linked after them."""
    sql, params = chain_sql(s)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} SELECT (SELECT COUNT(*) FROM chain WHERE depth = 0), "
                       f"(SELECT COUNT(DISTINCT id) FROM chain)", params)
        disputes, cases = cursor.fetchone()
    return {"disputes": disputes, "dispute_cases": cases}


def chain_sql(s: Slice) -> tuple[str, list]:
    roots_sql, roots_params = (_roots(s).values("pk").query
                               .get_compiler(connection=connection).as_sql())
    table = DisputeCase._meta.db_table
    sql = (f"WITH RECURSIVE roots(id) AS ({roots_sql}), chain(id, depth) AS ("
           f"SELECT id, 0 FROM roots "
           f"UNION ALL SELECT link.case_id, chain.depth + 1 FROM {table} AS link "
           f"JOIN chain ON link.origin_id = chain.id WHERE chain.depth < {MAX_DEPTH})")
    return sql, list(roots_params)


def source_counts(s: Slice, names=None) -> dict:
    """The counts from enforcement records, case funds and petitions (`sources`) that
    NAMES asks for (all when None)."""
    cases = sliced_cases(s)
    return sources.counts(s, cases, cases.filter(scope_q(registry.ENFORCEMENT)), names)


# The indicators --------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    code: str
    name: str
    value: Decimal | None
    numerator: int | Decimal  # Decimal: a sum of money in yuan
    denominator: int | Decimal | None
    unit: str
    range: tuple[Decimal | None, Decimal | None] | None
    status: str

    def as_json(self) -> dict:
        return {
            "code": self.code, "name": self.name,
            "value": None if self.value is None else str(self.value),
            "numerator": _plain(self.numerator), "denominator": _plain(self.denominator),
            "unit": self.unit,
            "range": None if self.range is None else [
                None if b is None else str(b) for b in self.range],
            "status": self.status,
        }


def _plain(figure):
    """A count as a number; a sum of money (Decimal) as its exact decimal string."""
    return str(figure) if isinstance(figure, Decimal) else figure


def value_of(numerator: int, denominator: int | None, factor: int) -> Decimal | None:
    """NUMERATOR × FACTOR ÷ DENOMINATOR, exact, rounded half up to two places (None when
    the denominator is 0); a count (DENOMINATOR None) is itself."""
    if denominator is None:
        return Decimal(numerator).quantize(TWO_PLACES)
    if not denominator:
        return None
    return (Decimal(numerator) * factor / Decimal(denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP)


def status_of(value: Decimal | None, bounds) -> str:
    if bounds is None:
        return NO_RANGE
    if value is None:
        return NO_VALUE
    low, high = bounds
    return MET if (low is None or value >= low) and (high is None or value <= high) else NOT_MET


def counts(s: Slice) -> dict[str, int]:
    """Every count of the registry for slice S."""
    return counts_over(s, [(s.start, s.end)])[0]


def counts_over(s: Slice, periods, names=None) -> list[dict[str, int]]:
    """The counts of slice S for each period of PERIODS: every count, or those in NAMES
    (the case counts come all at once in one query; the 案-件 chain and the mediations, a
    query per period, only when NAMES asks for them). On PostgreSQL without JIT
    compilation: for these one-pass aggregates it costs more than it saves (about 0.6 s of
    a province's 2 s)."""
    def run():
        results = case_counts_over(s, periods)
        for (start, end), result in zip(periods, results, strict=True):
            part = replace(s, start=start, end=end)
            if names is None or {"disputes", "dispute_cases"} & set(names):
                result.update(dispute_counts(part))
            if names is None or {"prefiling_ended", "prefiling_settled"} & set(names):
                result.update(sources.mediation_counts(part))
            result.update(source_counts(part, names))
        return results

    if connection.vendor != "postgresql":
        return run()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        return run()


def compute(s: Slice, codes=None, totals: dict | None = None) -> list[Result]:
    """The indicators (CODES, or all computed ones, in the registry's order) of slice S
    (from TOTALS when given: `counts(s)` computed before, e.g. kept in the cache)."""
    indicators = COMPUTED if codes is None else [registry.BY_CODE[c] for c in codes]
    totals = counts(s) if totals is None else totals
    own = registry.court_ranges(s.court)
    language = get_language()
    results = []
    for indicator in indicators:
        numerator = sum(totals[n] for n in registry.parts(indicator, "numerator"))
        below = registry.parts(indicator, "denominator")
        denominator = sum(totals[n] for n in below) if below else None
        value = value_of(numerator, denominator, indicator.factor)
        bounds = registry.reference_range(indicator, s.court, own)
        results.append(Result(indicator.code, indicator.name(language), value, numerator,
                              denominator, indicator.unit, bounds, status_of(value, bounds)))
    return results


def as_json(s: Slice, results: list[Result]) -> dict:
    """The answer of the CLI (--json) and the API."""
    return {"court": s.court.code, "from": s.start.isoformat(), "to": s.end.isoformat(),
            "indicators": [r.as_json() for r in results]}

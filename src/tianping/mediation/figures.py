"""Mediation figures for leaders and partner coordinators (issue 11, part 7): for a period
and the mediations a reader may count, the figures per court, per partner organisation
(the mediator's `Mediator.partner`) and per mediator, with their total.

The period is read twice: a mediation is an **application** of the period when it was
registered in it (`applied_on`: the day a pre-filing mediation was registered or a case
referred); everything else counts the mediations that **ended** in it (`ended_on`), with
what became of them since (their agreement, its confirmation, the ratings), as recorded
now. Formulas (ratios are exact fractions, shown as a percentage with one decimal, half
up; none when the denominator is 0):

- applications = pre-filing mediations registered + cases referred after filing;
- ended = settled + failed + withdrawn (ended in the period, withdrawals included);
- success rate = settled ÷ ended;
- average days = Σ (ended_on − accepted_on) ÷ the ended mediations a mediator had
  accepted, in calendar days (one ended before any acceptance has no mediation period
  and is left out of the average only);
- online share = ended mediations with a session held online (`held_online`) ÷ ended;
- confirmations = ended mediations whose timeline has `confirmation_granted` (the court
  confirmed the agreement); mediation documents = those with `document_issued`;
- agreements performed / broken = `MediationAgreement.performance` of the ended ones;
- rating = Σ stars ÷ number of ratings (`MediationRating`) of the ended ones.

And per court, the pre-filing figures of the indicator engine:

- 诉前调解成功率 = pre-filing mediations settled ÷ pre-filing mediations ended;
- share of disputes settled before filing = pre-filing settled ÷ (pre-filing settled +
  civil first-instance cases (民初) filed in the period). A failed pre-filing mediation
  whose dispute was then filed counts once, in the cases filed;
- 诉前调解适用率 = pre-filing applications ÷ (pre-filing applications + 民初 cases filed
  in the period without a pre-filing mediation of their filing): of the disputes that
  came to the court in the period, the share that went to mediation first.

The cases filed are counted court-wide (a number, no case is shown); a coordinator's
figures have no such court figures (their mediations are not the court's).

Three queries however many courts, partners and mediators: the mediations grouped by
court and mediator with conditional counts and sums, their ratings grouped the same way,
and the civil first-instance cases grouped by court. Rows are added up in Python from
those groups (partners and courts are sums of their mediators' groups).
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
)

from tianping.lib.names import local_name
from tianping.mediation.choices import MediationKind, MediationStatus
from tianping.mediation.models import Mediation, MediationEvent
from tianping.mediation.models_outcomes import MediationRating, Performance

CIVIL_FIRST_INSTANCE = "民初"
NO_PARTNER = "none"  # mediators of no partner organisation (in-court, people's, individuals)
NO_MEDIATOR = "unassigned"  # mediations no mediator held (awaiting, withdrawn before)


def ratio(numerator: int, denominator: int, places: str = "0.001") -> Decimal | None:
    """NUMERATOR ÷ DENOMINATOR rounded half up (0.001: a percentage with one decimal)."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(places),
                                                                rounding=ROUND_HALF_UP)


@dataclass
class Row:
    """The figures of one court, partner or mediator (or of all: the total)."""

    key: object = None
    name: str = ""
    court: str = ""  # the court's code (mediator rows)
    partner: str = ""  # the partner's name (mediator rows)
    applications: int = 0
    pre_filing_applications: int = 0
    referred: int = 0
    ended: int = 0
    settled: int = 0
    pre_filing_ended: int = 0
    pre_filing_settled: int = 0
    online: int = 0
    timed: int = 0  # ended mediations with an acceptance: the average's denominator
    days: int = 0
    confirmed: int = 0
    documents: int = 0
    performed: int = 0
    broken: int = 0
    ratings: int = 0
    stars: int = 0
    # per court, leaders only (None otherwise): civil first-instance cases filed
    cases_filed: int | None = None
    cases_filed_directly: int | None = None

    COUNTS = ("applications", "pre_filing_applications", "referred", "ended", "settled",
              "pre_filing_ended", "pre_filing_settled", "online", "timed", "days",
              "confirmed", "documents", "performed", "broken", "ratings", "stars")

    def add(self, other: "Row") -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("cases_filed", "cases_filed_directly"):
            theirs = getattr(other, name)
            if theirs is not None:
                setattr(self, name, (getattr(self, name) or 0) + theirs)

    @property
    def success_rate(self) -> Decimal | None:
        return ratio(self.settled, self.ended)

    @property
    def average_days(self) -> Decimal | None:
        return ratio(self.days, self.timed, "0.1")

    @property
    def online_share(self) -> Decimal | None:
        return ratio(self.online, self.ended)

    @property
    def rating(self) -> Decimal | None:
        return ratio(self.stars, self.ratings, "0.1")

    @property
    def pre_filing_success_rate(self) -> Decimal | None:
        """诉前调解成功率."""
        return ratio(self.pre_filing_settled, self.pre_filing_ended)

    @property
    def settled_before_filing(self) -> Decimal | None:
        """The share of disputes settled before filing (None without the cases filed)."""
        if self.cases_filed is None:
            return None
        return ratio(self.pre_filing_settled, self.pre_filing_settled + self.cases_filed)

    @property
    def pre_filing_rate(self) -> Decimal | None:
        """诉前调解适用率 (None without the cases filed)."""
        if self.cases_filed_directly is None:
            return None
        return ratio(self.pre_filing_applications,
                     self.pre_filing_applications + self.cases_filed_directly)


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    courts: list
    by_court: list[Row] = field(default_factory=list)
    by_partner: list[Row] = field(default_factory=list)
    by_mediator: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=Row)
    with_cases: bool = False  # the court figures of cases filed are there (leaders)


def _counts(scope, start, end):
    """The mediations of SCOPE registered or ended in START..END, grouped by court and
    mediator (one query)."""
    registered = Q(applied_on__range=(start, end))
    ended = Q(ended_on__range=(start, end))
    pre = Q(kind=MediationKind.PRE_FILING)
    settled = Q(status=MediationStatus.SETTLED)
    accepted = ended & Q(accepted_on__isnull=False)

    def has(kind):
        return Exists(MediationEvent.objects.filter(mediation=OuterRef("pk"), kind=kind))

    length = ExpressionWrapper(F("ended_on") - F("accepted_on"), output_field=DurationField())
    return (
        scope.filter(registered | ended).order_by()
        .values("court_id", "mediator_id", "mediator__name", "mediator__partner_id",
                "mediator__partner__name", "mediator__partner__name_en")
        .annotate(
            applications=Count("id", filter=registered),
            pre_filing_applications=Count("id", filter=registered & pre),
            referred=Count("id", filter=registered & Q(kind=MediationKind.REFERRED)),
            ended=Count("id", filter=ended),
            settled=Count("id", filter=ended & settled),
            pre_filing_ended=Count("id", filter=ended & pre),
            pre_filing_settled=Count("id", filter=ended & pre & settled),
            online=Count("id", filter=ended & Q(held_online=True)),
            timed=Count("id", filter=accepted),
            length=Sum(length, filter=accepted),
            confirmed=Count("id", filter=ended & Q(has("confirmation_granted"))),
            documents=Count("id", filter=ended & Q(has("document_issued"))),
            performed=Count("id", filter=ended & Q(agreement__performance=Performance.PERFORMED)),
            broken=Count("id", filter=ended & Q(agreement__performance=Performance.BROKEN)),
        )
    )


def _ratings(scope, start, end) -> dict[tuple, tuple[int, int]]:
    """(number of ratings, sum of stars) of the mediations of SCOPE ended in the period, by
    (court, mediator) (one query)."""
    rows = (MediationRating.objects
            .filter(mediation__in=scope.filter(ended_on__range=(start, end)).values("pk"))
            .order_by().values("mediation__court_id", "mediation__mediator_id")
            .annotate(n=Count("id"), stars=Sum("stars")))
    return {(r["mediation__court_id"], r["mediation__mediator_id"]): (r["n"], r["stars"] or 0)
            for r in rows}


def _cases_filed(court_ids, start, end) -> dict[int, tuple[int, int]]:
    """Civil first-instance cases filed in the period by court: (all, those whose filing
    had no pre-filing mediation) (one query)."""
    from tianping.cases.models import Case

    direct = Q(filing__isnull=True) | Q(filing__mediation__isnull=True)
    rows = (Case.objects.filter(court_id__in=court_ids, type_code=CIVIL_FIRST_INSTANCE,
                                filed_on__range=(start, end))
            .order_by().values("court_id")
            .annotate(n=Count("id"), direct=Count("id", filter=direct)))
    return {r["court_id"]: (r["n"], r["direct"]) for r in rows}


def _group_row(group: dict) -> Row:
    row = Row()
    for name in Row.COUNTS:
        if name in group:
            setattr(row, name, group[name] or 0)
    length = group.get("length")
    row.days = length.days if isinstance(length, datetime.timedelta) else int(length or 0)
    return row


def figures(courts, start: datetime.date, end: datetime.date, *,
            partner_ids=None, labels=None) -> Figures:
    """The figures of the mediations of COURTS (Court objects) in START..END; with
    PARTNER_IDS only those held by the mediators of those partners (a coordinator's), and
    no court figures of cases filed. LABELS: texts for the rows of no partner and no
    mediator (the caller's language)."""
    labels = labels or {}
    courts = list(courts)
    court_ids = [c.pk for c in courts]
    scope = Mediation.objects.filter(court_id__in=court_ids)
    if partner_ids is not None:
        scope = scope.filter(mediator__partner_id__in=list(partner_ids))
    groups = list(_counts(scope, start, end))
    ratings = _ratings(scope, start, end)
    filed = _cases_filed(court_ids, start, end) if partner_ids is None else {}

    by_court = {c.pk: Row(key=c.pk, name=local_name(c), court=c.code) for c in courts}
    by_partner: dict[object, Row] = {}
    by_mediator: dict[object, Row] = {}
    code_of = {c.pk: c.code for c in courts}
    for group in groups:
        court_id, mediator_id = group["court_id"], group["mediator_id"]
        row = _group_row(group)
        row.ratings, row.stars = ratings.pop((court_id, mediator_id), (0, 0))
        by_court[court_id].add(row)
        if mediator_id is None:
            partner_key = mediator_key = NO_MEDIATOR
            partner_name = mediator_name = labels.get(NO_MEDIATOR, NO_MEDIATOR)
        else:
            mediator_key, mediator_name = mediator_id, group["mediator__name"]
            partner_key = group["mediator__partner_id"] or NO_PARTNER
            partner_name = (_local(group["mediator__partner__name"],
                                   group["mediator__partner__name_en"])
                            if group["mediator__partner_id"]
                            else labels.get(NO_PARTNER, NO_PARTNER))
        partner = by_partner.setdefault(partner_key, Row(key=partner_key, name=partner_name))
        partner.add(row)
        mediator = by_mediator.setdefault(
            mediator_key, Row(key=mediator_key, name=mediator_name, court=code_of[court_id],
                              partner=partner_name if group["mediator__partner_id"] else ""))
        mediator.add(row)
    for court_id, (n, direct) in filed.items():
        by_court[court_id].cases_filed = n
        by_court[court_id].cases_filed_directly = direct
    if partner_ids is None:
        for row in by_court.values():
            row.cases_filed = row.cases_filed or 0
            row.cases_filed_directly = row.cases_filed_directly or 0

    total = Row(key="total")
    for row in by_court.values():
        total.add(row)
    return Figures(
        start=start, end=end, courts=courts,
        by_court=sorted(by_court.values(), key=lambda r: r.court),
        by_partner=sorted(by_partner.values(), key=_last_unnamed),
        by_mediator=sorted(by_mediator.values(), key=_last_unnamed),
        total=total, with_cases=partner_ids is None,
    )


def _last_unnamed(row: Row):
    return (not isinstance(row.key, int), row.name, str(row.key))


def _local(name: str, name_en: str) -> str:
    from django.utils.translation import get_language

    return name_en if name_en and (get_language() or "").startswith("en") else name

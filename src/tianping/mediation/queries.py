"""What the roster's page and API both read: the filters of the roster and each
mediator's performance record (特邀调解规定 art. 10: a file of each mediator's work)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from tianping.mediation.choices import Language, MediatorKind, Speciality

ROSTER_ORDER = ("name", "id")
MAX_QUERY = 50


@dataclass(frozen=True)
class RosterFilter:
    """The roster's filters, each optional. Codes outside the vocabulary match nothing."""

    speciality: str = ""
    language: str = ""
    kind: str = ""
    partner: int | None = None
    township: str = ""
    available: bool | None = None
    q: str = ""
    court: str = ""
    delisted: bool = False  # False: on the roster now; True: those taken off


def filter_mediators(queryset, spec: RosterFilter, today: datetime.date):
    """QUERYSET of mediators narrowed by SPEC; one query however it is narrowed."""
    rows = queryset.filter(delisted_on__isnull=not spec.delisted)
    if spec.speciality:
        rows = rows.filter(specialities__contains=f",{spec.speciality},") if (
            spec.speciality in Speciality.values) else rows.none()
    if spec.language:
        rows = rows.filter(languages__contains=f",{spec.language},") if (
            spec.language in Language.values) else rows.none()
    if spec.kind:
        rows = rows.filter(kind=spec.kind) if spec.kind in MediatorKind.values else rows.none()
    if spec.partner:
        rows = rows.filter(partner_id=spec.partner)
    if spec.township:
        rows = rows.filter(township=spec.township[:60])
    if spec.court:
        rows = rows.filter(court__code=spec.court[:8])
    if spec.q:
        rows = rows.filter(name__contains=spec.q[:MAX_QUERY].strip())
    back = Q(available=False, unavailable_until__lt=today)
    if spec.available is True:
        rows = rows.filter(Q(available=True) | back)
    elif spec.available is False:
        rows = rows.filter(available=False).exclude(back)
    return rows


@dataclass(frozen=True)
class Performance:
    """A mediator's figures (特邀调解规定 art. 10: the performance file). `taken` is 0 and
    the ratios None while there is nothing to count: the pages then say "no mediations
    yet" instead of showing numbers."""

    taken: int = 0
    succeeded: int = 0
    ended: int = 0
    average_days: float | None = None
    online_share: float | None = None
    confirmed: int = 0
    broken: int = 0
    rating: float | None = None

    @property
    def has_mediations(self) -> bool:
        return self.taken > 0

    @property
    def success_rate(self) -> float | None:
        return self.succeeded / self.ended if self.ended else None


def performance(mediator_ids) -> dict[int, Performance]:
    """Each mediator's performance record, by id, counted from the mediations' record:
    mediations taken (the mediator accepted), ended, settled by agreement, the average
    days from acceptance to the end, the share of ended mediations held online (a session
    held by video); agreements confirmed by the court (a `confirmation_granted` event on
    the mediation's timeline), agreements later broken (`MediationAgreement.performance`)
    and the average of the parties' ratings (one decimal). One query for all ids: each
    mediation's outcome read beside it (its agreement joined, the event and the ratings as
    subqueries)."""
    from django.db.models import Count, Exists, OuterRef, Subquery, Sum

    from tianping.mediation.figures import ratio
    from tianping.mediation.models import Mediation, MediationEvent
    from tianping.mediation.models_outcomes import MediationRating
    from tianping.mediation.models_outcomes import Performance as Kept

    ids = list(mediator_ids)
    ratings = MediationRating.objects.filter(mediation=OuterRef("pk")).order_by().values(
        "mediation")
    rows = (Mediation.objects.filter(mediator_id__in=ids, accepted_on__isnull=False)
            .annotate(confirmed=Exists(MediationEvent.objects.filter(
                          mediation=OuterRef("pk"), kind="confirmation_granted")),
                      stars_given=Subquery(ratings.annotate(s=Sum("stars")).values("s")),
                      times_rated=Subquery(ratings.annotate(n=Count("id")).values("n")))
            .values_list("mediator_id", "status", "accepted_on", "ended_on", "held_online",
                         "confirmed", "agreement__performance", "stars_given", "times_rated"))
    counts: dict[int, dict] = {}
    for (mediator_id, status, accepted_on, ended_on, online, confirmed, kept, stars,
         rated) in rows:
        c = counts.setdefault(mediator_id, {"taken": 0, "succeeded": 0, "ended": 0, "days": 0,
                                            "online": 0, "confirmed": 0, "broken": 0,
                                            "stars": 0, "ratings": 0})
        c["taken"] += 1
        c["confirmed"] += bool(confirmed)
        c["broken"] += kept == Kept.BROKEN
        c["stars"] += stars or 0
        c["ratings"] += rated or 0
        if ended_on is not None:
            c["ended"] += 1
            c["days"] += (ended_on - accepted_on).days
            c["online"] += bool(online)
            c["succeeded"] += status == "settled"
    result = {pk: Performance() for pk in ids}
    for pk, c in counts.items():
        ended = c["ended"]
        result[pk] = Performance(
            taken=c["taken"], succeeded=c["succeeded"], ended=ended,
            average_days=round(c["days"] / ended, 1) if ended else None,
            online_share=c["online"] / ended if ended else None,
            confirmed=c["confirmed"], broken=c["broken"],
            rating=float(ratio(c["stars"], c["ratings"], "0.1")) if c["ratings"] else None,
        )
    return result


def open_counts(mediator_ids) -> dict[int, int]:
    """How many open mediations each mediator holds (against their capacity); one query."""
    from django.db.models import Count

    from tianping.mediation.choices import OPEN_STATUSES
    from tianping.mediation.models import Mediation

    rows = (Mediation.objects.filter(mediator_id__in=list(mediator_ids),
                                     status__in=OPEN_STATUSES)
            .values("mediator_id").annotate(n=Count("id")))
    return {row["mediator_id"]: row["n"] for row in rows}


def townships(queryset) -> list[str]:
    """The townships the mediators of QUERYSET serve, for the filter's choices."""
    values = queryset.exclude(township="").values_list("township", flat=True).distinct()
    return sorted(set(values))

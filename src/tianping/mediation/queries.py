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
    """A mediator's figures. `taken` is 0 and the ratios None while there is nothing to
    count: the pages then say "no mediations yet" instead of showing numbers."""

    taken: int = 0
    succeeded: int = 0
    average_days: float | None = None
    online_share: float | None = None
    confirmed: int = 0
    broken: int = 0
    rating: float | None = None

    @property
    def has_mediations(self) -> bool:
        return self.taken > 0


def performance(mediator_ids) -> dict[int, Performance]:
    """Each mediator's performance record, by id: mediations taken, succeeded, average
    days from acceptance to the end, the share held online, agreements judicially
    confirmed, agreements later broken (enforcement applied for), the parties' average
    rating. They are counted from the mediation timeline's events, which the next part of
    the mediation work (pre-filing mediation, outcomes) writes; there are no mediations
    yet, so every mediator has an empty record. One query for all ids once events exist."""
    return {pk: Performance() for pk in mediator_ids}


def townships(queryset) -> list[str]:
    """The townships the mediators of QUERYSET serve, for the filter's choices."""
    values = queryset.exclude(township="").values_list("township", flat=True).distinct()
    return sorted(set(values))

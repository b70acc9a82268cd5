"""Which mediators the court recommends for a dispute (在线调解规则 art. 10: the court
appoints; the party may choose from the roster).

A mediator of the court's roster is a candidate when listed and available on the day.
Candidates are ranked, in one query whatever the size of the roster and the number of
mediations:

1. the dispute's kind among the mediator's specialities;
2. room under the mediator's capacity (open mediations fewer than their capacity);
3. the township of the mediator's area named in a party's address;
4. fewer open mediations;
5. name.

Each recommendation says why (codes worded when read) and what to watch: over capacity,
without the speciality, unavailable. The same warnings stop an appointment unless the
person appointing gives a reason to override them.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tianping.mediation.choices import OPEN_STATUSES, Speciality
from tianping.mediation.models import Mediator

LIMIT = 5


@dataclass(frozen=True)
class Recommendation:
    mediator: Mediator
    open_count: int
    reasons: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())


def mediator_warnings(mediator: Mediator, *, speciality: str, open_count: int,
                      today: datetime.date) -> list[str]:
    """What to watch before appointing MEDIATOR, as codes: "capacity", "speciality",
    "unavailable", "delisted"."""
    found = []
    if not mediator.is_listed:
        found.append("delisted")
    elif not mediator.is_available(today):
        found.append("unavailable")
    if open_count >= mediator.capacity:
        found.append("capacity")
    if speciality and speciality not in mediator.speciality_codes:
        found.append("speciality")
    return found


def warning_text(code: str, mediator: Mediator | None = None, open_count: int = 0) -> str:
    texts = {
        "delisted": _("%(name)s is no longer on the roster."),
        "unavailable": _("%(name)s is not available now."),
        "capacity": _("%(name)s already holds %(open)d open mediation(s), their capacity "
                      "is %(capacity)d."),
        "speciality": _("%(name)s does not list this kind of dispute among their "
                        "specialities."),
    }
    values = {"name": getattr(mediator, "name", ""), "open": open_count,
              "capacity": getattr(mediator, "capacity", 0)}
    return texts[code] % values if code in texts else code


def recommend(court, *, speciality: str = "", townships=(), today: datetime.date,
              limit: int = LIMIT) -> list[Recommendation]:
    """Up to LIMIT mediators of COURT's roster for a dispute of SPECIALITY whose parties
    live in TOWNSHIPS, best first."""
    back = Q(available=False, unavailable_until__lt=today)
    rows = (
        Mediator.objects.filter(court=court, delisted_on__isnull=True)
        .filter(Q(available=True) | back)
        .annotate(open_count=_open_count())
        .annotate(
            has_speciality=_flag(Q(specialities__contains=f",{speciality},"))
            if speciality in Speciality.values else Value(0, output_field=IntegerField()),
            has_room=_flag(Q(open_count__lt=F("capacity"))),
            near=_flag(Q(township__in=[t for t in townships if t]))
            if any(townships) else Value(0, output_field=IntegerField()),
        )
        .select_related("partner")
        .order_by("-has_speciality", "-has_room", "-near", "open_count", "name", "id")[:limit]
    )
    found = []
    for m in rows:
        reasons = []
        if m.has_speciality:
            reasons.append(_("Specialises in this kind of dispute"))
        if m.has_room:
            reasons.append(_("Has room: %(open)d of %(capacity)d open mediations") % {
                "open": m.open_count, "capacity": m.capacity})
        if m.near:
            reasons.append(_("Serves %(township)s, where a party lives") % {
                "township": m.township})
        warnings = [warning_text(code, m, m.open_count) for code in mediator_warnings(
            m, speciality=speciality, open_count=m.open_count, today=today)]
        found.append(Recommendation(m, m.open_count, tuple(reasons), tuple(warnings)))
    return found


def _open_count():
    """The mediator's open mediations, counted for each candidate in the index of open
    mediations by mediator (`mediation_open_by_mediator_idx`, without reading the table):
    a join with every mediation instead reads all of them, the ended ones too (100,000
    mediations: half a second for each recommendation)."""
    from tianping.mediation.models import Mediation

    held = (Mediation.objects.filter(mediator=OuterRef("pk"), status__in=OPEN_STATUSES)
            .order_by().values("mediator").annotate(n=Count("*")).values("n"))
    return Coalesce(Subquery(held, output_field=IntegerField()), Value(0))


def _flag(condition: Q):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def townships_of(addresses, known) -> list[str]:
    """The townships among KNOWN that the ADDRESSES name."""
    return sorted({t for t in known if t and any(t in (a or "") for a in addresses)})

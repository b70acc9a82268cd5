"""The mediation clocks' warnings: each raised once per mediation, clock and due date.

An open mediation is waiting for one date at a time: the court to appoint a mediator
(`appoint_due_on`), the mediator to accept (`accept_due_on`), the mediation period to end
(`ends_on`). A warning is due when that date is within MEDIATION_WARNING_DAYS days (or
has passed) and none was raised for that mediation, clock and date; a date that moved (a
new appointment, an extension) is due again. Warnings go to the court's filing clerks
while a mediator is awaited, and to the mediator (with an account) after appointment; the
unique key makes a sweep run twice, or by two workers at once, raise each warning once.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef

from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.mediation.choices import MediationStatus as S
from tianping.mediation.models import Mediation, MediationWarning
from tianping.notifications.actions import notify

CLOCKS = (
    ("appointment", S.AWAITING_APPOINTMENT, "appoint_due_on"),
    ("acceptance", S.APPOINTED, "accept_due_on"),
    ("period", S.IN_PROGRESS, "ends_on"),
)


def horizon(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=max(settings.MEDIATION_WARNING_DAYS or [0]))


def due(today: datetime.date):
    """(mediation, clock, due date) not yet warned of, in one query per clock."""
    last = horizon(today)
    for clock, status, field in CLOCKS:
        warned = MediationWarning.objects.filter(
            clock=clock, mediation_id=OuterRef("pk"), due_on=OuterRef(field))
        rows = (
            Mediation.objects.filter(status=status, **{f"{field}__lte": last})
            .exclude(Exists(warned))
            .select_related("mediator")
        )
        for m in rows:
            yield m, clock, getattr(m, field)


def sweep(today: datetime.date) -> int:
    raised = 0
    clerks = {}
    for m, clock, day in list(due(today)):
        try:
            with transaction.atomic():
                MediationWarning.objects.create(mediation=m, clock=clock, due_on=day,
                                                raised_on=today)
                people = _people(m, clock, clerks)
                notify(people, key=f"mediation-clock:{m.pk}:{clock}:{day}",
                       kind="mediation.clock", code=m.code, number=m.number, clock=clock,
                       day=day.isoformat(), left=(day - today).days)
        except IntegrityError:  # another sweep raised it meanwhile
            continue
        raised += 1
    return raised


def _people(m: Mediation, clock: str, clerks: dict) -> list[int]:
    if clock == "appointment" or m.mediator is None or m.mediator.user_id is None:
        if m.court_id not in clerks:
            clerks[m.court_id] = list(
                Membership.objects.current().filter(court_id=m.court_id,
                                                    role=Role.FILING_CLERK)
                .values_list("user_id", flat=True))
        return clerks[m.court_id]
    return [m.mediator.user_id]

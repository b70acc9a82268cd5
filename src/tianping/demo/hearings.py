"""Demo hearings at 锡林浩特市人民法院 (内2502): public hearings of 王军's (wangjun) pending
cases in the coming working days, in the court's two courtrooms, and a circuit hearing
(巡回审判) at a gacha, so the calendars and the public notice board (开庭公告) show
something. Made by the platform's own action (`hearings.actions.schedule`); called by
`tianping demo` after the mediations, never by the test fixtures; idempotent (an audit
entry says it was done)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases.choices import PENDING_STATES
from tianping.cases.models import Case
from tianping.courts.holidays import court_calendar
from tianping.courts.models import Court, Courtroom
from tianping.hearings import actions as hearings

LOADED = "demo.hearings_loaded"


def _next_working_days(court, start: datetime.date, n: int) -> list[datetime.date]:
    calendar, day, found = court_calendar(court=court), start, []
    while len(found) < n:
        day += datetime.timedelta(days=1)
        if not calendar.is_rest_day(day):
            found.append(day)
    return found


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_demo_hearings(today: datetime.date | None = None) -> int:
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    court = Court.objects.filter(code="内2502").first()
    judge = get_user_model().objects.filter(username="wangjun").first()
    if court is None or judge is None:
        return 0
    rooms = list(Courtroom.objects.filter(court=court, is_online=False).order_by("name"))
    cases = [c for c in Case.objects.filter(court=court, judge=judge, state__in=PENDING_STATES,
                                            type_code="民初").order_by("filed_on")[:8]
             if hearings.earliest_day(c) <= today + datetime.timedelta(days=10)][:4]
    made = 0
    with transaction.atomic():
        for i, (case, day) in enumerate(zip(cases, _next_working_days(court, today, len(cases)),
                                            strict=False)):
            first = max(day, hearings.earliest_day(case))
            starts = _at(first, 9 if i % 2 == 0 else 14)
            fields = {"place_kind": "courtroom", "courtroom": rooms[i % len(rooms)]} if rooms \
                and i < 3 else {"place_kind": "circuit", "address": "宝力根苏木巴彦查干嘎查",
                                "township": "宝力根苏木"}
            try:
                hearings.schedule(case, actor=judge, starts_at=starts,
                                  ends_at=starts + datetime.timedelta(hours=2), **fields)
            except ValidationError:  # a demo case that cannot be heard yet is skipped
                continue
            made += 1
        record(LOADED, None, actor=None, changes={"hearings": made})
    return made

"""Running a special-procedure case (特别程序, 民事诉讼法 ch. 15): the public notice where the
subject needs one, its end and the time limit counted from it, and finality.

For other apps: `is_final_at_first_instance(case)` says that a case is decided at first
instance with no appeal (特别程序 一审终审, art. 185; a payment order and its rulings are
not appealable either): appeals and effectiveness ask it before they offer an appeal or
wait for an appeal period.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import lock_case
from tianping.cases.events import case_event
from tianping.courts.holidays import court_calendar
from tianping.deadlines.actions import restart_time_limit
from tianping.law import special_procedure as law
from tianping.lib.text import clean_text, too_long
from tianping.payorders import permissions as perms
from tianping.payorders.models import SpecialNotice


def is_final_at_first_instance(case) -> bool:
    """Whether CASE is final when its first-instance decision is made: a special-procedure
    case (including the judicial confirmation of a mediation agreement) or a payment-order
    case. Its judgment or ruling takes effect on service; there is no appeal period."""
    kind = case.filing.kind if case.filing_id else ""
    return law.is_final(kind, case.type_code)


def subject_of(case) -> str:
    """What the special-procedure application asks (a `filings.choices.SpecialSubject`
    code), "" for any other case."""
    if not case.filing_id or case.filing.kind != "special_procedure":
        return ""
    return case.filing.special_subject


def needs_notice(case) -> bool:
    return law.needs_notice(subject_of(case))


def record_notice(case, *, actor, published_on: datetime.date, where: str, acted_for=None,
                  today=None) -> SpecialNotice:
    """The judge records the public notice (where and when published); its end follows
    from the subject (3 months or a year), and the case's limit is counted from it: thirty
    days after the notice ends (art. 187), by moving the start of the limit rather than
    excluding days, since the law counts from the notice's end whatever the days before."""
    today = today or timezone.localdate()
    perms.require_judge(acted_for or actor, case)
    subject = subject_of(case)
    if not law.needs_notice(subject):
        raise ValidationError(_("This application is decided without a public notice."))
    where = clean_text(where or "").strip()
    if not where:
        raise ValidationError({"where": _("Say where the notice was published.")})
    if message := too_long(where, 200):
        raise ValidationError({"where": message})
    if published_on < case.filed_on:
        raise ValidationError(_("The notice cannot be published before the filing date."))
    if published_on > today:
        raise ValidationError(_("Record the notice once it is published."))
    result = law.notice_end(subject, published_on, court_calendar(court=case.court))
    with transaction.atomic():
        case = lock_case(case)
        if SpecialNotice.objects.filter(case=case).exists():
            raise ValidationError(_("The public notice of this case is already recorded."))
        notice = SpecialNotice.objects.create(
            case=case, subject=subject, published_on=published_on, where=where,
            ends_on=result.expires_on,
            steps=[s.as_dict(with_text=False) for s in result.steps], recorded_by=actor)
        case_event(case, "special_notice_published", actor=actor, acted_for=acted_for,
                   published_on=published_on, ends_on=notice.ends_on, where=where)
        restart_time_limit(case, starts_on=notice.ends_on, actor=actor, acted_for=acted_for)
    return notice

"""Time limits in the case workflow: set at filing, suspended, excluded, extended, warned.

Every change is a public event on the case's timeline: the parties are told of every
deduction, extension or recalculation (审判流程公开规定 art. 7; domain-reference §1.10).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import apply_transition, lock_case
from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.cases.permissions import require_case_judge
from tianping.courts.holidays import court_calendar
from tianping.courts.models import CoveredYear
from tianping.deadlines.checks import check_length, refuse_overlap
from tianping.deadlines.models import (
    CaseExclusion,
    CaseTimeLimit,
    ExtensionRequest,
    ExtensionStatus,
)
from tianping.deadlines.permissions import may_decide
from tianping.law.limits import Exclusion, ExclusionKind, Grant, LimitError, compute_limit
from tianping.law.rules import get_rule
from tianping.law.steps import weekends_only_years

_BY_PROCEDURE = {
    ("民初", Procedure.ORDINARY): "civil-ordinary",
    ("民初", Procedure.SUMMARY): "civil-summary",
    ("民初", Procedure.SMALL_CLAIMS): "civil-small-claims",
    ("民初", Procedure.SPECIAL): "civil-special",
    ("行初", Procedure.SUMMARY): "administrative-summary",
}
_BY_TYPE = {
    "民初": "civil-ordinary",
    "民撤": "civil-ordinary",
    "民终": "civil-appeal-judgment",
    "民申": "civil-retrial-review",
    "民特": "civil-special",
    "行初": "administrative-first-instance",
    "行终": "administrative-appeal",
    "刑初": "criminal-first-instance",
    "刑终": "criminal-appeal",
    "执": "enforcement",
    "执恢": "enforcement",
    "民督": "payment-order",
}


# Cases opened from an application whose rule is not its type code's: the judicial
# confirmation of a mediation agreement is a 民特 (or 诉前调确) case ruled within 15 days
# (+10), not the special procedure's 30 days (司法确认规定 arts. 4-5).
_BY_FILING_KIND = {
    "judicial_confirmation": "judicial-confirmation",
    "special_procedure": "civil-special",
    "payment_order": "payment-order",  # 15 days from acceptance to issue the order
}


# Apps above this one that know a case's rule better than its type code (the appeals app:
# a 民终 case against a ruling has 30 days, not the 3 months of an appeal against a
# judgment, CPL art. 183) register a function CASE -> rule code or None, in their ready().
_RULE_SOURCES: list = []


def register_rule_source(source) -> None:
    if source not in _RULE_SOURCES:
        _RULE_SOURCES.append(source)


def rule_code_for(case) -> str | None:
    """Which time-limit rule governs the case: a registered source's answer, else from what
    was filed, its type code and procedure."""
    for source in _RULE_SOURCES:
        if code := source(case):
            return code
    if case.filing_id and (code := _BY_FILING_KIND.get(case.filing.kind)):
        return code
    return _BY_PROCEDURE.get((case.type_code, case.procedure)) or _BY_TYPE.get(case.type_code)


def _explained(case, limit: CaseTimeLimit):
    exclusions = tuple(
        Exclusion(e.kind, e.starts_on, e.ends_on)
        for e in case.exclusions.filter(ends_on__isnull=False)
    )
    grants = tuple(
        Grant(months=x.months, days=x.days)
        for x in case.extensions.filter(status=ExtensionStatus.APPROVED)
    )
    return compute_limit(
        get_rule(limit.rule_code),
        limit.starts_on,
        court_calendar(court=case.court),  # the national table and the court's own days
        exclusions=exclusions,
        grants=grants,
        in_custody=limit.in_custody,
    )


def refresh_time_limit(case, *, actor, acted_for=None, why: str) -> CaseTimeLimit | None:
    """(Re)compute the case's limit from its rule, exclusions and approved extensions.

    The start stays the filing date when the procedure changes (民诉解释 art. 258).
    """
    code = rule_code_for(case)
    if code is None:
        return None
    limit, created = CaseTimeLimit.objects.get_or_create(
        case=case,
        defaults={"rule_code": code, "starts_on": case.filed_on, "expires_on": case.filed_on},
    )
    limit.rule_code = code
    result = _explained(case, limit)
    changed = created or result.expires_on != limit.expires_on
    limit.expires_on = result.expires_on
    limit.steps = [s.as_dict(with_text=False) for s in result.steps]
    limit.provisional_year = min(weekends_only_years(result.steps), default=None)
    limit.save()
    if changed:
        case_event(
            case,
            "time_limit_set",
            actor=actor,
            acted_for=acted_for,
            why=why,
            rule=code,
            expires_on=limit.expires_on,
        )
    return limit


def restart_time_limit(case, *, starts_on: datetime.date, actor, acted_for=None,
                       why: str = "public notice") -> CaseTimeLimit | None:
    """Count the case's limit from STARTS_ON instead of the filing date: a special-procedure
    case with a public notice is decided within thirty days of the notice's end (民事诉讼法
    art. 187). The caller (`payorders.special`) has checked who and locked the case."""
    if starts_on < case.filed_on:
        raise ValidationError(_("The limit cannot start before the filing date."))
    CaseTimeLimit.objects.filter(case=case).update(starts_on=starts_on)
    return refresh_time_limit(case, actor=actor, acted_for=acted_for, why=why)


def recompute_provisional() -> int:
    """Compute again the limits of open cases that took a year's rest days as weekends only,
    now that the holiday schedule of that year is on file (the sweep calls this first, so
    that its warnings use the right dates). Each case under its lock; the changed limits
    are on the case's timeline, by the platform (no actor). Returns how many changed."""
    covered = set(CoveredYear.objects.values_list("year", flat=True))
    ids = list(
        CaseTimeLimit.objects.filter(
            provisional_year__in=covered, case_closed=False
        ).values_list("case_id", flat=True)
    )
    changed = 0
    for case_id in ids:
        with transaction.atomic():
            case = Case.objects.select_for_update().select_related("court").get(pk=case_id)
            if not case.is_pending:
                continue
            before = case.time_limit.expires_on
            limit = refresh_time_limit(case, actor=None, why="holiday schedule")
            changed += limit is not None and limit.expires_on != before
    return changed


def stop_time_limit(case) -> None:
    """The case is closed: its time limit no longer runs (nor counts as overdue)."""
    CaseTimeLimit.objects.filter(case=case).update(case_closed=True)


def _require_pending(case) -> None:
    if not case.is_pending:
        raise ValidationError(
            _("This cannot be done while the case is “%(state)s”.")
            % {"state": case.get_state_display()}
        )


def _within_case_life(case, day: datetime.date, today: datetime.date, what: str) -> None:
    """A date of the case's own history: not before filing, not in the future."""
    if day < case.filed_on:
        raise ValidationError(
            _("%(what)s cannot be before the filing date (%(day)s).")
            % {"what": what, "day": case.filed_on}
        )
    if day > today:
        raise ValidationError(_("%(what)s cannot be in the future.") % {"what": what})


def suspend_case(case, *, actor, on: datetime.date, note: str, acted_for=None, today=None):
    """Suspend proceedings (中止): the clock stops until they resume."""
    require_case_judge(case, acted_for or actor)
    _within_case_life(case, on, today or timezone.localdate(), _("The suspension date"))
    with transaction.atomic():
        case = lock_case(case)
        refuse_overlap(case, on, None)  # suspended from ON until resumed: no day twice
        apply_transition(case, "suspend")
        case.save(update_fields=["state"])
        CaseExclusion.objects.create(
            case=case, kind=ExclusionKind.SUSPENSION, starts_on=on, note=note, recorded_by=actor
        )
        CaseTimeLimit.objects.filter(case=case).update(suspended_since=on)
        case_event(case, "suspended", actor=actor, acted_for=acted_for, on=on, note=note)
    return case


def resume_case(case, *, actor, on: datetime.date, acted_for=None, today=None):
    """Resume: the days suspended (up to the day before resumption) are not counted."""
    require_case_judge(case, acted_for or actor)
    _within_case_life(case, on, today or timezone.localdate(), _("The resumption date"))
    with transaction.atomic():
        case = lock_case(case)
        open_ = case.exclusions.filter(kind=ExclusionKind.SUSPENSION, ends_on__isnull=True).first()
        if open_ is None or on <= open_.starts_on:
            raise ValidationError(_("Resumption must come after the suspension began."))
        last_day = on - datetime.timedelta(days=1)
        refuse_overlap(case, open_.starts_on, last_day, but=open_)  # periods of older data
        apply_transition(case, "resume")
        case.save(update_fields=["state"])
        open_.ends_on = last_day
        open_.save(update_fields=["ends_on"])
        CaseTimeLimit.objects.filter(case=case).update(suspended_since=None)
        case_event(case, "resumed", actor=actor, acted_for=acted_for, on=on)
        _refresh_or_refuse(case, actor=actor, acted_for=acted_for, why="resumed")
    return case


def _refresh_or_refuse(case, **kwargs) -> None:
    """Recompute the limit; a computation the periods on file do not allow is refused (and
    the caller's transaction undone) with the reason, not left to fail as a server error."""
    try:
        refresh_time_limit(case, **kwargs)
    except LimitError as exc:
        raise ValidationError(str(exc)) from None


# How far ahead a period may be recorded: a public notice runs a period fixed by law (30
# days, 60 outside the mainland: Civil Procedure Law arts. 95, 283), so its end is known
# when it starts; any other period is recorded once it has ended.
FUTURE_ALLOWANCE_DAYS = {ExclusionKind.PUBLIC_NOTICE: 60}


def record_exclusion(
    case, *, actor, kind: str, starts_on, ends_on, note="", acted_for=None, today=None
):
    """A period not counted (公告, 鉴定, 和解, 管辖异议 ...), both days included. It lies within
    the case's life (from the filing date at the earliest, ending by today), lasts no longer
    than its kind allows (law.exclusions) and shares no day with another period of the case.

    The judge records it without anyone's approval: the sources (民诉解释 art. 243, 审限规定
    art. 9) name no approver for a deduction, and the rules (law.rules) hold none. Each
    period is bounded, public on the case's timeline and in the audit record."""
    require_case_judge(case, acted_for or actor)
    if kind not in ExclusionKind.values or kind == ExclusionKind.SUSPENSION:
        raise ValidationError(_("Choose the kind of excluded period."))
    if starts_on is None or ends_on is None or ends_on < starts_on:
        raise ValidationError(_("Give the first and the last day of the period, in order."))
    today = today or timezone.localdate()
    ahead = datetime.timedelta(days=FUTURE_ALLOWANCE_DAYS.get(kind, 0))
    _within_case_life(case, starts_on, today, _("The start of the period"))
    _within_case_life(case, ends_on, today + ahead, _("The end of the period"))
    check_length(kind, starts_on, ends_on)
    with transaction.atomic():
        case = lock_case(case)
        _require_pending(case)
        refuse_overlap(case, starts_on, ends_on)
        item = CaseExclusion.objects.create(
            case=case, kind=kind, starts_on=starts_on, ends_on=ends_on, note=note, recorded_by=actor
        )
        _refresh_or_refuse(case, actor=actor, acted_for=acted_for, why="excluded")
        case_event(
            case,
            "period_excluded",
            actor=actor,
            acted_for=acted_for,
            period=kind,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    return item


def record_mediation_exclusion(case, *, actor, kind: str, starts_on, ends_on, note=""):
    """The days of a court-referred mediation not counted in the time limit, recorded by
    the mediation flow when the mediation ends, from the mediation's own dates: the days
    added by the parties' agreement (特邀调解规定 art. 27; 在线调解规则 art. 24), or an
    administrative case's whole mediation period (行诉解释 art. 50). No judge's act: the
    law excludes them; on the timeline and in the audit like any other period."""
    if kind not in (ExclusionKind.MEDIATION_EXTENDED, ExclusionKind.MEDIATION):
        raise ValidationError(_("Choose the kind of excluded period."))
    if ends_on < starts_on:
        return None
    with transaction.atomic():
        case = lock_case(case)
        _require_pending(case)
        refuse_overlap(case, starts_on, ends_on)
        item = CaseExclusion.objects.create(
            case=case, kind=kind, starts_on=starts_on, ends_on=ends_on, note=note,
            recorded_by=actor,
        )
        _refresh_or_refuse(case, actor=actor, why="excluded")
        case_event(case, "period_excluded", actor=actor, period=kind, starts_on=starts_on,
                   ends_on=ends_on)
    return item


def _next_extension(case, limit):
    rule = get_rule(limit.rule_code)
    used = case.extensions.filter(status=ExtensionStatus.APPROVED).count()
    if used >= len(rule.extensions):
        raise ValidationError(
            _("The rule %(rule)s allows no further extension.") % {"rule": rule.code}
        )
    return rule.extensions[used]


def request_extension(case, *, actor, reason: str, today: datetime.date, acted_for=None):
    """Ask to extend (延长审限) at least the rule's lead time before expiry. One request per
    case waits for a decision at a time (a database constraint backs the check)."""
    require_case_judge(case, acted_for or actor)
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    with transaction.atomic():
        case = lock_case(case)
        _require_pending(case)
        if case.extensions.filter(status=ExtensionStatus.REQUESTED).exists():
            raise ValidationError(_("An extension request for this case awaits its decision."))
        limit = CaseTimeLimit.objects.get(case=case)
        step = _next_extension(case, limit)
        last_day = limit.expires_on - datetime.timedelta(days=step.ask_days_before)
        if today > last_day:
            raise ValidationError(
                _(
                    "An extension must be asked for at least %(n)d days before "
                    "the limit expires (by %(day)s)."
                )
                % {"n": step.ask_days_before, "day": last_day}
            )
        request = ExtensionRequest.objects.create(
            case=case,
            months=step.months,
            days=step.days,
            reason=reason.strip(),
            approver=step.approver,
            requested_by=acted_for or actor,
            requested_on=today,
        )
        case_event(
            case,
            "extension_requested",
            actor=actor,
            acted_for=acted_for,
            months=step.months,
            days=step.days,
            reason=reason.strip(),
        )
    return request


def decide_extension(
    request: ExtensionRequest,
    *,
    actor,
    approve: bool,
    note: str,
    today: datetime.date,
    acted_for=None,
) -> ExtensionRequest:
    """The approver decides, at least the rule's lead time before expiry. The case and the
    request are locked and everything is checked again inside: which step this is (and so
    who decides) is derived now, from the extensions approved so far; one decision only."""
    person = acted_for or actor
    with transaction.atomic():
        case = lock_case(request.case)
        request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
        request.case = case
        if request.status != ExtensionStatus.REQUESTED:
            raise ValidationError(_("This request has already been decided."))
        _require_pending(case)
        limit = CaseTimeLimit.objects.get(case=case)
        step = _next_extension(case, limit)
        request.approver, request.months, request.days = step.approver, step.months, step.days
        if not may_decide(person, request):
            raise PermissionDenied(_("You may not decide this extension."))
        too_late = limit.expires_on - datetime.timedelta(days=step.decide_days_before)
        if approve and today > too_late:
            raise ValidationError(
                _("It is too late to approve: the decision is due %(n)d days before expiry.")
                % {"n": step.decide_days_before}
            )
        request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
        request.decided_by, request.decided_on, request.decision_note = actor, today, note
        request.save()
        case_event(
            case, "extension_decided", actor=actor, acted_for=acted_for, approved=approve, note=note
        )
        if approve:
            refresh_time_limit(case, actor=actor, acted_for=acted_for, why="extended")
    return request

"""Time limits in the case workflow: set at filing, suspended, excluded, extended, warned.

Every change is a public event on the case's timeline: the parties are told of every
deduction, extension or recalculation (审判流程公开规定 art. 7; domain-reference §1.10).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.cases.actions import apply_transition, lock_case
from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.permissions import require_case_judge
from tianping.courts.choices import Role
from tianping.courts.holidays import court_calendar
from tianping.courts.permissions import can_approve_extension, roles_in
from tianping.deadlines.models import (
    CaseExclusion,
    CaseTimeLimit,
    ExtensionRequest,
    ExtensionStatus,
)
from tianping.law.limits import Exclusion, ExclusionKind, Grant, LimitError, compute_limit
from tianping.law.rules import get_rule

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
    "民特": "civil-special",
    "行初": "administrative-first-instance",
    "行终": "administrative-appeal",
    "刑初": "criminal-first-instance",
    "刑终": "criminal-appeal",
    "执": "enforcement",
    "执恢": "enforcement",
}


def rule_code_for(case) -> str | None:
    """Which time-limit rule governs the case, from its type code and procedure."""
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
        court_calendar(),
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


def suspend_case(case, *, actor, on: datetime.date, note: str, acted_for=None):
    """Suspend proceedings (中止): the clock stops until they resume."""
    require_case_judge(case, acted_for or actor)
    with transaction.atomic():
        case = lock_case(case)
        apply_transition(case, "suspend")
        case.save(update_fields=["state"])
        CaseExclusion.objects.create(
            case=case, kind=ExclusionKind.SUSPENSION, starts_on=on, note=note, recorded_by=actor
        )
        CaseTimeLimit.objects.filter(case=case).update(suspended_since=on)
        case_event(case, "suspended", actor=actor, acted_for=acted_for, on=on, note=note)
    return case


def resume_case(case, *, actor, on: datetime.date, acted_for=None):
    """Resume: the days suspended (up to the day before resumption) are not counted."""
    require_case_judge(case, acted_for or actor)
    with transaction.atomic():
        case = lock_case(case)
        open_ = case.exclusions.filter(kind=ExclusionKind.SUSPENSION, ends_on__isnull=True).first()
        if open_ is None or on <= open_.starts_on:
            raise ValidationError(_("Resumption must come after the suspension began."))
        apply_transition(case, "resume")
        case.save(update_fields=["state"])
        open_.ends_on = on - datetime.timedelta(days=1)
        open_.save(update_fields=["ends_on"])
        CaseTimeLimit.objects.filter(case=case).update(suspended_since=None)
        case_event(case, "resumed", actor=actor, acted_for=acted_for, on=on)
        refresh_time_limit(case, actor=actor, acted_for=acted_for, why="resumed")
    return case


def record_exclusion(case, *, actor, kind: str, starts_on, ends_on, note="", acted_for=None):
    """A period not counted (公告, 鉴定, 和解, 管辖异议 ...), both days included."""
    require_case_judge(case, acted_for or actor)
    if kind not in ExclusionKind.values or kind == ExclusionKind.SUSPENSION:
        raise ValidationError(_("Choose the kind of excluded period."))
    with transaction.atomic():
        item = CaseExclusion.objects.create(
            case=case, kind=kind, starts_on=starts_on, ends_on=ends_on, note=note, recorded_by=actor
        )
        try:
            refresh_time_limit(case, actor=actor, acted_for=acted_for, why="excluded")
        except LimitError as exc:
            raise ValidationError(str(exc)) from None
        case_event(
            case,
            "period_excluded",
            actor=actor,
            acted_for=acted_for,
            period=ExclusionKind(kind).label,
            starts_on=starts_on,
            ends_on=ends_on,
        )
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
    """Ask to extend (延长审限) at least the rule's lead time before expiry."""
    require_case_judge(case, acted_for or actor)
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
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    with transaction.atomic():
        request = ExtensionRequest.objects.create(
            case=case,
            months=step.months,
            days=step.days,
            reason=reason.strip(),
            approver=step.approver,
            requested_by=actor,
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


def may_decide(user, request: ExtensionRequest) -> bool:
    court = request.case.court
    if request.approver == "higher_court":
        higher = court.parent
        while higher is not None:
            if roles_in(user, higher) & {Role.PRESIDENT, Role.DIVISION_HEAD}:
                return True
            higher = higher.parent
        return False
    return can_approve_extension(user, court)


def decide_extension(
    request: ExtensionRequest,
    *,
    actor,
    approve: bool,
    note: str,
    today: datetime.date,
    acted_for=None,
) -> ExtensionRequest:
    """The approver decides, at least the rule's lead time before expiry."""
    if not may_decide(acted_for or actor, request):
        raise PermissionDenied(_("You may not decide this extension."))
    if request.status != ExtensionStatus.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    limit = CaseTimeLimit.objects.get(case=request.case)
    step = _next_extension(request.case, limit)
    if approve and today > limit.expires_on - datetime.timedelta(days=step.decide_days_before):
        raise ValidationError(
            _("It is too late to approve: the decision is due %(n)d days before expiry.")
            % {"n": step.decide_days_before}
        )
    with transaction.atomic():
        request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
        request.decided_by, request.decided_on, request.decision_note = actor, today, note
        request.save()
        case_event(
            request.case,
            "extension_decided",
            actor=actor,
            acted_for=acted_for,
            approved=approve,
            note=note,
        )
        if approve:
            refresh_time_limit(request.case, actor=actor, acted_for=acted_for, why="extended")
    return request

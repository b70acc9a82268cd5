"""Enforcement on the case pages, read here so that each needs one include line: the
staff panel of a 执 case (title, sums, checklist, milestones, clues, the acts the reader
may do) and the party's panel (progress, clues and answers, or the 申请执行 button on an
effective decision)."""

from django import template
from django.utils import timezone

from tianping.courts.permissions import effective_user
from tianping.enforcement import queries
from tianping.enforcement.permissions import (
    can_act,
    can_assign,
    can_check,
    can_record_title,
    can_report_clue,
    can_restore,
    is_bureau_head,
    is_enforcement_case,
    party_sees,
    staff_sees,
)
from tianping.flows.enforcement import can_apply, enforceable, pending_application

register = template.Library()


@register.simple_tag(takes_context=True)
def case_enforcement(context, case):
    user = effective_user(context["request"])
    if not is_enforcement_case(case) or not staff_sees(user, case):
        return {}
    today = timezone.localdate()
    row = queries.record_of(case)
    out = {"show": True, "record": row, "may_title": can_record_title(user, case),
           "may_assign": can_assign(user, case, row), "may_act": can_act(user, case),
           "today": today}
    if row is None:
        return out
    out.update(
        recovered=queries.recovered(row), checklist=queries.checklist(row, today),
        milestones=list(row.milestones.select_related("recorded_by")),
        clues=list(queries.clues_of(row)), may_close=out["may_act"] and case.judge_id == user.pk,
        may_restore=can_restore(user, row),
        may_mark_major=not row.closing_mode and is_bureau_head(user, case.court),
        may_check=can_check(user, row),
        restored_in=row.restorations.select_related("case").first())
    return out


@register.simple_tag(takes_context=True)
def party_enforcement(context, case):
    user = effective_user(context["request"])
    today = timezone.localdate()
    if is_enforcement_case(case) and party_sees(user, case):
        row = queries.record_of(case)
        if row is None:
            return {}
        return {"show": True, "record": row, "milestones": list(
            queries.milestones_for_party(row)), "recovered": queries.recovered(row),
            "clues": list(queries.clues_of(row, user)),
            "may_report": can_report_clue(user, row)}
    if can_apply(user, case, today):
        effective_on, deadline = enforceable(case, today)
        return {"show": True, "may_apply": True, "deadline": deadline,
                "late": today > deadline}
    pending = pending_application(case, user) if getattr(user, "is_public_user", False) else None
    if pending is not None:
        return {"show": True, "pending": pending}
    return {}

"""The effectiveness-and-appeal section of the case pages (staff and party), read here so
that each page needs one include line."""

from django import template

from tianping.appeals import permissions as perms
from tianping.appeals import queries
from tianping.appeals.choices import AppealStatus, Stage
from tianping.appeals.forms import FeePaidForm, MediationCloseForm
from tianping.cases.choices import CaseState
from tianping.cases.permissions import can_act_as_judge, cases_visible_to
from tianping.courts.permissions import effective_user

register = template.Library()


def _chain(user, case):
    links = queries.chain_of(case)
    visible = set(cases_visible_to(user).filter(pk__in=[link.case_id for link in links])
                  .values_list("pk", flat=True))
    return [{"link": link, "case": link.case, "visible": link.case_id in visible,
             "here": link.case_id == case.pk} for link in links]


@register.simple_tag(takes_context=True)
def case_appeals(context, case, side="staff"):
    user = effective_user(context["request"])
    effect = queries.effect_of(case)
    appeals = effect.appeals if effect else []
    heard = queries.appeals_heard_in(case)
    reviewed = queries.retrial_reviewed_in(case)
    out = {
        "effect": effect, "rows": queries.period_rows(effect),
        "status": queries.status_text(effect), "appeals": appeals, "heard": heard,
        "chain": _chain(user, case), "retrials": queries.retrials_of(case),
        "reviewed": reviewed, "stage": queries.stage_of(case), "Stage": Stage,
    }
    if side == "party":
        own = list(perms.parties_acted_for(user).filter(case=case))
        appealed = {a.appellant_id for a in appeals}
        out["may_appeal"] = bool(effect and effect.result and effect.result.appealable
                                 and not effect.after
                                 and any(p.pk not in appealed for p in own))
        out["may_retry"] = bool(own and effect and effect.is_effective and not effect.after
                                and case.court.parent_id)
        return out
    pending = [a for a in appeals if a.status == AppealStatus.FILED]
    is_judge = can_act_as_judge(user, case)
    out.update(
        may_window=bool(effect and effect.result and effect.result.appealable
                        and perms.can_record_at_window(user, case)),
        may_transfer=bool(pending) and perms.can_transfer(user, case),
        fee_form=FeePaidForm(prefix="fee") if perms.can_record_fee(user, case) else None,
        may_decide=bool(heard) and is_judge and case.state == CaseState.IN_TRIAL,
        may_decide_retrial=bool(reviewed) and is_judge and case.state == CaseState.IN_TRIAL,
    )
    documents = list(case.documents.all()) if is_judge and case.state == CaseState.IN_TRIAL \
        else []
    out["mediation_form"] = (MediationCloseForm(documents=documents, prefix="med")
                             if documents and not heard and not reviewed else None)
    return out

"""What the procedure page and its API both read of a 民督 or 民特 case: the order with each
debtor's service and objection period (the dates computed step by step), the date it takes
effect, the creditor's seven days; the special procedure's subject and public notice; and
what the reader may do now."""

import datetime

from tianping.law import special_procedure as law
from tianping.law.steps import Step
from tianping.payorders import actions, permissions, special
from tianping.payorders.choices import OrderStatus
from tianping.payorders.models import PaymentOrder, SpecialNotice


def _stored_steps(steps) -> list[str]:
    return [Step(s["code"], params=tuple((s.get("params") or {}).items())).text
            for s in steps]


def is_procedure_case(case) -> bool:
    return bool(special.subject_of(case)) or PaymentOrder.objects.filter(case=case).exists()


def procedure_view(case, user, today: datetime.date) -> dict:
    """The state of the case's procedure as USER may act on it (USER sees the case)."""
    view = {"case": case, "today": today, "final": special.is_final_at_first_instance(case),
            "order": None, "special": None}
    order = PaymentOrder.objects.filter(case=case).select_related(
        "order_document", "ruling_document", "litigation_filing",
        "objection_by_party").first()
    if order is not None:
        view["order"] = _order_view(case, order, user, today)
    subject = special.subject_of(case)
    if subject:
        view["special"] = _special_view(case, subject, user)
    return view


def _order_view(case, order, user, today) -> dict:
    effective = actions.effective_date(case, order)
    rows = [{**row, "steps": [s.text for s in row["steps"]],
             "late": row["due"] is not None and today > row["due"]}
            for row in effective["rows"]]
    creditor = actions.creditor_window(case, order)
    judge = permissions.can_judge(user, case)
    window = permissions.can_record_at_window(user, case)
    my_debts = list(permissions.debtor_parties(user, case))
    mine_creditor = permissions.creditor_parties(user, case).exists()
    status = order.status
    can_effect = (judge and status == OrderStatus.ISSUED
                  and effective["effective_on"] is not None
                  and today >= effective["effective_on"])
    return {
        "order": order,
        "debtors": rows,
        "effective_on": effective["effective_on"],
        "effective_steps": ([*rows[-1]["steps"]] if rows and effective["effective_on"]
                            else []),
        "last_due": max((r["due"] for r in rows), default=None)
        if effective["effective_on"] else None,
        "creditor": {**creditor, "steps": [s.text for s in creditor["steps"]]},
        "can": {
            "issue": judge and status == OrderStatus.ACCEPTED,
            "dismiss": judge and status == OrderStatus.ACCEPTED,
            "object": status == OrderStatus.ISSUED and bool(my_debts),
            "object_at_window": status == OrderStatus.ISSUED and window,
            "terminate": judge and status == OrderStatus.OBJECTED,
            "answer": status == OrderStatus.TERMINATED and (mine_creditor or window) and (
                creditor["due"] is None or today <= creditor["due"]),
            "suit": status == OrderStatus.TERMINATED and window
            and creditor["due"] is not None and today > creditor["due"],
            "take_effect": can_effect,
        },
        "my_debtor_parties": my_debts,
        "debtor_parties": list(case.parties.filter(role="respondent")),
        "objection_days": law.OBJECTION_DAYS,
    }


def _special_view(case, subject, user) -> dict:
    notice = SpecialNotice.objects.filter(case=case).first()
    return {
        "subject": subject,
        "subject_label": case.filing.get_special_subject_display(),
        "detail": case.filing.subject_detail,
        "election_on": case.filing.election_on,
        "needs_notice": law.needs_notice(subject),
        "notice_months": law.NOTICE_MONTHS.get(subject),
        "notice_source": law.NOTICE_ARTICLES.get(subject, ""),
        "notice": notice,
        "notice_steps": _stored_steps(notice.steps) if notice else [],
        "can_record_notice": (law.needs_notice(subject) and notice is None
                              and case.is_pending and permissions.can_judge(user, case)),
    }


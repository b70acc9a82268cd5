"""The enforcement clocks and the 终本 preconditions, computed from dates and the kinds of
milestones recorded (no database here).

Milestones (2006 《关于人民法院办理执行案件若干期限的规定》; article numbers UNSURE): the
officer assigned within 7 days of filing; the enforcement notice within 3 days of
assignment; a network search answered within 10 days of its request (investigation
started within 10 days); the property investigation completed within 1 month of filing.
终本 (法〔2016〕373号 art. 1): every `Precondition` on record and ≥ 3 months since filing."""

import datetime
from dataclasses import dataclass

from tianping.enforcement.choices import MilestoneKind as K
from tianping.enforcement.choices import Precondition as P
from tianping.law.periods import add_days, add_months

ASSIGN_DAYS = 7
NOTICE_DAYS = 3
SEARCH_ANSWER_DAYS = 10
INVESTIGATION_MONTHS = 1
TERMINATION_MONTHS = 3


@dataclass(frozen=True)
class Step:
    code: str  # a MilestoneKind, or "assigned"
    due_on: datetime.date | None
    done_on: datetime.date | None

    def state(self, today: datetime.date) -> str:
        if self.done_on is not None:
            return "done"
        if self.due_on is None:
            return "waiting"
        return "overdue" if today > self.due_on else "due"


def checklist(*, filed_on, assigned_on, done: dict) -> list[Step]:
    """The clocked steps of a case: DONE maps a milestone kind to its first date."""
    requested = done.get(K.SEARCH_REQUESTED)
    return [
        Step("assigned", add_days(filed_on, ASSIGN_DAYS), assigned_on),
        Step(K.NOTICE, add_days(assigned_on, NOTICE_DAYS) if assigned_on else None,
             done.get(K.NOTICE)),
        Step(K.SEARCH_REQUESTED, add_days(filed_on, SEARCH_ANSWER_DAYS), requested),
        Step(K.SEARCH_ANSWERED, add_days(requested, SEARCH_ANSWER_DAYS) if requested else None,
             done.get(K.SEARCH_ANSWERED)),
        Step(K.INVESTIGATION_DONE, add_months(filed_on, INVESTIGATION_MONTHS),
             done.get(K.INVESTIGATION_DONE)),
    ]


def missing_preconditions(*, filed_on, kinds: set, today: datetime.date) -> list[str]:
    """The preconditions of 终本 not yet met, as `Precondition` codes, in order."""
    missing = []
    if K.NOTICE not in kinds:
        missing.append(P.NOTICE)
    if not {K.SEARCH_REQUESTED, K.SEARCH_ANSWERED} <= kinds:
        missing.append(P.SEARCHES)
    if K.CONSUMPTION_RESTRICTION not in kinds:
        missing.append(P.CONSUMPTION)
    if K.INVESTIGATION_DONE not in kinds:
        missing.append(P.INVESTIGATION)
    if K.APPLICANT_INTERVIEWED not in kinds:
        missing.append(P.INTERVIEW)
    if K.NO_PROPERTY not in kinds:
        missing.append(P.NO_PROPERTY)
    if today < add_months(filed_on, TERMINATION_MONTHS):
        missing.append(P.THREE_MONTHS)
    return missing


def application_deadline(effective_on: datetime.date) -> datetime.date:
    """CPL art. 250: two years to apply (from the effective date here, as the platform
    knows no performance period)."""
    return add_months(effective_on, 24)


def next_check(closed_on, last_check_on, *, months: int, years: int):
    """After 终本: the next periodic property check, or None once YEARS have passed."""
    base = last_check_on or closed_on
    due = add_months(base, months)
    return due if due <= add_months(closed_on, 12 * years) else None

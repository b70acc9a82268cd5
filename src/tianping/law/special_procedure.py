"""Periods of the special procedure (特别程序, 民事诉讼法 2023 ch. 15) and of the payment
order (督促程序, ch. 17). Pure: no ORM, the dates and the rest-day calendar as arguments;
every result with the steps that led to it (`law.steps`), worded when read.

- Public notice (公告) before the court decides: a missing person three months (art. 191),
  a declaration of death one year, three months after an accident where the authorities
  certify that the person cannot have survived (art. 192), ownerless property one year
  (art. 203). The other subjects have no notice.
- The time limit of a special-procedure case: thirty days from filing, or from the end of
  the public notice (art. 187); an extension is approved by the president.
- Payment order: the debtor pays or objects in writing within fifteen days of receiving
  the order (art. 227 ¶2); the creditor who does not want the suit that follows a
  terminated procedure says so within seven days of receiving the ruling (民诉解释
  art. 438 in the 2022 numbering, UNSURE of the number: docs/architecture.md).
"""

import datetime

from tianping.law.calendar import RestDayCalendar
from tianping.law.periods import PeriodResult, compute_period

# subject code -> months of public notice (民事诉讼法 arts. 191, 192, 203)
NOTICE_MONTHS = {
    "missing": 3,
    "death": 12,
    "death_accident": 3,
    "ownerless_property": 12,
}
NOTICE_ARTICLES = {
    "missing": "民事诉讼法第191条",
    "death": "民事诉讼法第192条",
    "death_accident": "民事诉讼法第192条",
    "ownerless_property": "民事诉讼法第203条",
}
OBJECTION_DAYS = 15  # 民事诉讼法第227条第2款
OBJECTION_SOURCE = "民事诉讼法第227条"
CREDITOR_DAYS = 7  # 民诉解释 (2022) 第438条 (UNSURE of the number)
CREDITOR_SOURCE = "民诉解释第438条"

# What a case filed as these is: decided at first instance, with no appeal (民事诉讼法
# art. 185: 特别程序 一审终审; a payment order and the ruling ending the procedure are not
# appealable either, 民诉解释 art. 432 ¶2 for the ruling, UNSURE of the number).
FINAL_KINDS = frozenset({"special_procedure", "judicial_confirmation", "payment_order"})
FINAL_TYPE_CODES = frozenset({"民特", "民督"})


def needs_notice(subject: str) -> bool:
    return subject in NOTICE_MONTHS


def notice_end(subject: str, published_on: datetime.date,
               calendar: RestDayCalendar) -> PeriodResult:
    """The last day of the public notice published on PUBLISHED_ON (not counted), moved
    off a rest day as every period is (art. 85)."""
    if subject not in NOTICE_MONTHS:
        raise ValueError(f"{subject!r} has no public notice.")
    return compute_period(published_on, calendar, months=NOTICE_MONTHS[subject])


def objection_due(served_on: datetime.date, calendar: RestDayCalendar) -> PeriodResult:
    """The last day the debtor may object to (or pay) a payment order served on SERVED_ON."""
    return compute_period(served_on, calendar, days=OBJECTION_DAYS)


def effective_from(served_on: datetime.date, calendar: RestDayCalendar) -> datetime.date:
    """The day a payment order without objection takes effect: the day after the last
    day of the objection period (UNSURE: the law says only that the creditor may then
    apply for enforcement; docs/architecture.md)."""
    return objection_due(served_on, calendar).expires_on + datetime.timedelta(days=1)


def creditor_due(ruling_served_on: datetime.date, calendar: RestDayCalendar) -> PeriodResult:
    """The last day the creditor may say they do not want the suit (seven days)."""
    return compute_period(ruling_served_on, calendar, days=CREDITOR_DAYS)


def is_final(kind: str, type_code: str) -> bool:
    """Whether a case filed as KIND, numbered with TYPE_CODE, is final at first instance."""
    return kind in FINAL_KINDS or type_code in FINAL_TYPE_CODES

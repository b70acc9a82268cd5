"""The payout clock, as pure computation on dates and amounts (no database).

Each sum of money that reaches the case (received for it, or claimed to it from the
master account) is due to be paid out within `limit` days of that date (法发〔2017〕6号:
30 days from finance's notice; local rules shorter). An approved deferral pauses the clock
for its days; once its reason ends, the money is due by the later of the paused clock and
`resume` days after the end (FUNDS_RESUME_DAYS, UNSURE in the sources). Money leaves the
case first in, first out: a payment is on time when every sum it pays out was still
within its limit on the day it was paid.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0")


@dataclass
class Due:
    on: datetime.date  # arrival date
    amount: Decimal
    due: datetime.date | None  # None while a deferral is in force
    left: Decimal = ZERO


def due_on(arrived: datetime.date, deferrals, limit: int, resume: int) -> datetime.date | None:
    """When money arrived on ARRIVED is due; DEFERRALS are (start, end or None) periods."""
    paused = 0
    latest_end = None
    for start, end in deferrals:
        if end is not None and end <= arrived:
            continue
        if end is None:
            return None
        paused += (end - max(start, arrived)).days
        latest_end = max(latest_end or end, end)
    due = arrived + datetime.timedelta(days=limit + paused)
    if latest_end is not None:
        due = max(due, latest_end + datetime.timedelta(days=resume))
    return due


def run(inflows, outflows, deferrals, limit: int, resume: int):
    """INFLOWS: [(date, amount)]; OUTFLOWS: [(date, amount, tag)] in order. Returns
    (sums still held with their due dates, {tag: on time?} for each outflow)."""
    held = [Due(on, amount, due_on(on, deferrals, limit, resume), amount)
            for on, amount in sorted(inflows, key=lambda x: x[0])]
    verdicts = {}
    first = 0  # the sums before it are used up: first in, first out
    for day, amount, tag in outflows:
        on_time = True
        rest = amount
        i = first
        while rest > 0 and i < len(held):
            due = held[i]
            take = min(due.left, rest)
            due.left -= take
            rest -= take
            if take > 0 and due.due is not None and day > due.due:
                on_time = False
            if due.left <= 0:
                first = i + 1
            i += 1
        verdicts[tag] = on_time
    return [d for d in held if d.left > 0], verdicts

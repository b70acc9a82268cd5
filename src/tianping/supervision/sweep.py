"""The warning of a supervision reply overdue: a case of an open order whose reply date has
passed, warned once, to the case's judge and the order's issuer.

One query finds the cases due (open, the order's reply date before today, no warning yet:
an anti-join); their warnings are inserted in one statement that skips any already there
(the unique key on the warned case) and returns those it inserted, and messages are
written only for these, in the same transaction. A sweep run twice, or by two workers at
once, warns each case once. Hooked into `tianping sweep-deadlines` as mediation's is.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Exists, OuterRef

from tianping.notifications.actions import notify_many
from tianping.supervision.choices import ItemStatus, OrderStatus
from tianping.supervision.models import SupervisedCase, SupervisionWarning

BATCH = 1000


def due(today: datetime.date):
    """(item id, due date, order code, issuer, case number, judge) of the replies overdue on
    TODAY and not warned of yet: one query."""
    warned = SupervisionWarning.objects.filter(item_id=OuterRef("pk"))
    return list(
        SupervisedCase.objects.filter(
            status=ItemStatus.OPEN, order__status=OrderStatus.OPEN,
            order__reply_due_on__lt=today)
        .exclude(Exists(warned))
        .order_by("pk")
        .values_list("pk", "order__reply_due_on", "order__code", "order__issued_by_id",
                     "order__issued_for_id", "case__number", "case__judge_id")
    )


def _insert(rows, today: datetime.date) -> set[int]:
    q = connection.ops.quote_name
    params = []
    for pk, due_on, *_rest in rows:
        params += [pk, connection.ops.adapt_datefield_value(due_on),
                   connection.ops.adapt_datefield_value(today)]
    sql = (
        f"INSERT INTO {q(SupervisionWarning._meta.db_table)} (item_id, due_on, raised_on)"
        f" VALUES {', '.join(['(%s, %s, %s)'] * len(rows))}"
        " ON CONFLICT (item_id) DO NOTHING RETURNING item_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {r[0] for r in cursor.fetchall()}


def sweep(today: datetime.date) -> int:
    """Warn of the replies overdue on TODAY never warned of; how many were warned."""
    rows = due(today)
    raised = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        with transaction.atomic():
            inserted = _insert(batch, today)
            messages = []
            for pk, due_on, code, issued_by, issued_for, number, judge in batch:
                if pk not in inserted:
                    continue
                params = {"code": code, "number": number, "day": due_on.isoformat()}
                for user_id in {judge, issued_for or issued_by} - {None}:
                    messages.append((user_id, f"supervision-overdue:{pk}",
                                     "supervision.overdue", params))
            notify_many(messages)
        raised += len(inserted)
    return raised

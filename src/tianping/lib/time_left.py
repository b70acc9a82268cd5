"""The days left on a time limit as a list shows them: a badge, in the reader's language.

Used by every list of cases (`{% days_left case %}` and the rows read as plain values), so
that "12 days left", "3 days overdue" and "suspended" look the same everywhere."""

import datetime

from django.utils.html import format_html
from django.utils.translation import gettext as _

WARN_DAYS = 15  # days left at which the badge turns to a warning


def days_left_badge(
    expires_on: datetime.date | None,
    suspended_since: datetime.date | None,
    pending: bool,
    today: datetime.date,
) -> str:
    """The badge for a limit expiring on EXPIRES_ON (none for a case without a limit or no
    longer pending)."""
    if expires_on is None or not pending:
        return ""
    if suspended_since:
        return format_html('<span class="badge">{}</span>', _("suspended"))
    left = (expires_on - today).days
    if left < 0:
        return format_html(
            '<span class="badge overdue">{}</span>', _("%(n)d days overdue") % {"n": -left}
        )
    css = "warn" if left <= WARN_DAYS else ""
    return format_html('<span class="badge {}">{}</span>', css, _("%(n)d days left") % {"n": left})

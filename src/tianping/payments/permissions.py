"""Who may see and record a case's fee. The court's filing division (filing clerks, its
head, the president) records payments; whoever may see the case sees its fee."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from tianping.courts.permissions import can_review_filings


def can_record_payment(user, case) -> bool:
    return can_review_filings(user, case.court)


def require_recorder(user, case) -> None:
    if not can_record_payment(user, case):
        raise PermissionDenied(_("Only the filing division of the case's court records fees."))

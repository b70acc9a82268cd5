"""The indicators' writes: a court's own reference range (each one transaction with its
audit entry)."""

from django.db import transaction

from tianping.audit.actions import record
from tianping.indicators.models import ReferenceRange


def set_range(court, code: str, low, high, *, actor, acted_for=None) -> ReferenceRange | None:
    """COURT's own range for indicator CODE: LOW..HIGH (either may be open); with both
    None the court's own range is removed (the default applies again). Audited."""
    with transaction.atomic():
        found = ReferenceRange.objects.select_for_update().filter(court=court, code=code).first()
        before = None if found is None else [_text(found.low), _text(found.high)]
        if low is None and high is None:
            if found is not None:
                found.delete()
                record("indicators.range_removed", court, actor=actor, acted_for=acted_for,
                       changes={"code": code, "from": before, "to": None})
            return None
        if found is None:
            found = ReferenceRange(court=court, code=code)
        found.low, found.high = low, high
        found.save()
        record("indicators.range_set", court, actor=actor, acted_for=acted_for,
               changes={"code": code, "from": before, "to": [_text(low), _text(high)]})
        return found


def _text(value):
    return None if value is None else str(value)

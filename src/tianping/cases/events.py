"""Constructors of case timeline events. Called only from actions, inside their transaction."""

from django.db.models import Max

from tianping.cases.models import Case, CaseEvent
from tianping.lib.plain import plain


def case_event(
    case: Case, kind: str, *, actor, acted_for=None, is_public=True, **details
) -> CaseEvent:
    """Append the next numbered event; the case row is locked by the calling action."""
    last = case.events.aggregate(last=Max("seq"))["last"] or 0
    return CaseEvent.objects.create(
        case=case,
        seq=last + 1,
        kind=kind,
        is_public=is_public,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details={k: plain(v) for k, v in details.items()},
    )

"""Constructors of filing timeline events. Called only from actions, inside their transaction."""

from django.db.models import Max

from tianping.filings.models import Filing, FilingEvent
from tianping.lib.plain import plain


def filing_event(filing: Filing, kind: str, *, actor, acted_for=None, **details) -> FilingEvent:
    """Append the next numbered event; the filing row is locked by the calling action."""
    last = filing.events.aggregate(last=Max("seq"))["last"] or 0
    return FilingEvent.objects.create(
        filing=filing,
        seq=last + 1,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details={k: plain(v) for k, v in details.items()},
    )

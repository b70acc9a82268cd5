"""Reads of filings beyond the permission scope (which lives in `filings.permissions`)."""

from tianping.filings.permissions import filings_visible_to


def review_queue(user, court):
    """Filings awaiting review at COURT: green channel first, then by the clock."""
    return (
        filings_visible_to(user)
        .filter(court=court)
        .open_for_review()
        .select_related("court", "filer")
        .prefetch_related("parties")
        .green_first()
    )

"""Closing a case in a test the way the rules allow: from trial, with its document."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "判决书.pdf") -> SimpleUploadedFile:
    """A small PDF upload (its content passes the upload check)."""
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def close_in_trial(case, *, actor, mode="judgment", closed_on=None, acted_for=None, note=""):
    """Start the trial if it has not started, then close CASE with a document (through the
    flow: the time limit stops too)."""
    from tianping.cases.actions import start_trial
    from tianping.flows.cases import close_case

    if case.state != "in_trial":
        case = start_trial(case, actor=actor, acted_for=acted_for)
    return close_case(
        case,
        actor=actor,
        acted_for=acted_for,
        mode=mode,
        closed_on=closed_on or timezone.localdate(),
        note=note,
        documents=[pdf()],
    )

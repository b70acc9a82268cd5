"""What a filer is told about their filing, the same on the portal pages and in the API:
the open correction notice, what to do or wait for next, the timeline in words, the
receipt. Reads only; the filing comes from `filings.queries` (the permission choke point).
"""

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.courts.choices import CourtLevel
from tianping.courts.codes import province_character
from tianping.courts.models import Court
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.choices import FilingStatus as S
from tianping.filings.events import filing_timeline

FIRST_INSTANCE_LEVELS = (CourtLevel.BASIC, CourtLevel.INTERMEDIATE)


def filing_courts(user):
    """The courts a case is filed at online: those that hear cases at first instance, the
    basic courts and the intermediate courts (for the cases their jurisdiction gives them
    at first instance). The courts of the filer's province come first (read from their
    identity number, where they gave one), then by code, so the nearest are at the top."""
    courts = Court.objects.active().filter(level__in=FIRST_INSTANCE_LEVELS)
    character = province_character(getattr(user, "id_number", "") or "")
    if character is None:
        return courts.order_by("code")
    away = Case(
        When(code__startswith=character, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return courts.annotate(away=away).order_by("away", "code")


def listed(filings):
    """The filer's filings as listed to them: not a deleted draft (withdrawn before it was
    ever handed in: nothing of it reached the court)."""
    return filings.exclude(status=S.WITHDRAWN, submitted_at__isnull=True)


def open_notice(filing):
    """The correction notice the filer has not answered yet, if any."""
    return filing.corrections.filter(answered_at__isnull=True).first()


def unanswered(filing):
    """The same, from corrections prefetched with a list of filings."""
    return next((n for n in filing.corrections.all() if n.answered_at is None), None)


def filing_next(filing, notice=None) -> dict:
    """What the filer is expected to do next, or waits for, with a link where there is one."""
    code, status = filing.code, filing.status
    if status == S.DRAFT:
        return {
            "text": _("Finish the draft and submit it."),
            "url": reverse("online:step", args=[code, "review"]),
        }
    if status == S.CORRECTION_REQUESTED and notice is not None:
        return {
            "text": _("Corrections requested: answer by %(date)s.")
            % {"date": notice.respond_by.isoformat()},
            "to_correct": notice.items,
            "url": reverse("online:correction", args=[code]),
        }
    if status == S.SUBMITTED:
        return {
            "text": _("Wait for the court's review, due by %(date)s.")
            % {"date": filing.review_due_on.isoformat() if filing.review_due_on else "—"}
        }
    if status == S.ACCEPTED and hasattr(filing, "case"):
        return {
            "text": _("Filed as case %(number)s.") % {"number": filing.case.number},
            "url": reverse("party_cases:detail", args=[filing.case.code]),
        }
    if status == S.REFUSED:
        return {
            "text": _("Refused by ruling. Reasons: %(reasons)s")
            % {"reasons": filing.refusal_reasons}
        }
    if status == S.TRANSFERRED and filing.transferred_to_id:
        return {"text": _("Transferred to %(court)s.") % {"court": filing.transferred_to.name}}
    if status == S.AT_ASSISTING_COURT:
        return {"text": _("The assisting court is checking your papers.")}
    mediation = getattr(filing, "mediation", None) if status in (
        S.IN_MEDIATION, S.SETTLED_IN_MEDIATION) else None
    if mediation is not None:
        text = (_("Your dispute is in pre-filing mediation %(number)s: follow it, answer and "
                  "join the sessions there.") if status == S.IN_MEDIATION
                else _("Settled in mediation %(number)s."))
        return {"text": text % {"number": mediation.number},
                "url": reverse("mediation:detail", args=[mediation.code])}
    return {"text": filing.get_status_display()}


def event_label(event) -> str:
    """A filing event as a sentence in the reader's language (the registry's wording)."""
    return filing_timeline.sentence(event)


def receipt_context(filing) -> dict:
    """What the dated receipt shows (登记立案规定 art. 2): number, court, time, parties."""
    parties = list(filing.parties.all())
    return {
        "filing": filing,
        "parties": parties,
        "claimants": [p for p in parties if p.role in CLAIMANT_ROLES],
        "opponents": [p for p in parties if p.role in OPPONENT_ROLES],
        "attachment_count": filing.attachments.count(),
        "received_at": timezone.localtime(filing.submitted_at),
    }

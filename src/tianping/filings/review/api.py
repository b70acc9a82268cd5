"""Filing review in the REST API (/api/v1/filing-review): the pages' operations, same actions.

Permissions and reads are those of the pages (`review.reads`): the filing division of a
court, or of the court that took a filing in for another (跨域立案). A filing that is not
visible is 404. An action on a filing someone else has just acted on is 409 with the
current status (send `expected_status` to be told even before trying); an action the law
or the workflow does not allow now is 422 with the reasons.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.courts.models import Court, ServicePoint
from tianping.courts.permissions import effective_user
from tianping.filings import actions
from tianping.filings.choices import AttachmentKind
from tianping.filings.events import filing_timeline
from tianping.filings.limits import default_respond_by
from tianping.filings.models import Filing, FilingParty
from tianping.filings.online.api_schemas import MediationChoiceIn
from tianping.filings.permissions import can_choose_mediation
from tianping.filings.queries import mediation_state
from tianping.filings.review import reads as review
from tianping.filings.review.api_schemas import (
    ConflictOut,
    CorrectionIn,
    CrossRegionIn,
    DecisionIn,
    QueueRowOut,
    RefusalIn,
    ReviewFilingOut,
    TransferIn,
    WindowIn,
)
from tianping.flows.filing import accept_filing, file_on_the_spot
from tianping.lib.api_pages import PageIn, PageOut, page_response
from tianping.lib.keyset import rows_page
from tianping.lib.labels import label, labels_of
from tianping.lib.text import clean_text

QUEUE_ORDER = ("priority", "review_due_on", "submitted_at", "id")

router = Router(tags=["filing review"])


def _row(filing, today=None, case=None) -> dict:
    days_left, flag = review.clock_of(filing, today or timezone.localdate())
    green = ["livelihood", "enterprise", "migrant_wages"]
    return {
        "code": filing.code,
        "court": filing.court.code,
        "assisting_court": filing.assisting_court.code if filing.assisting_court_id else None,
        "status": filing.status,
        "status_label": label(filing, "status"),
        "kind": filing.kind,
        "kind_label": label(filing, "kind"),
        "channel": filing.channel,
        "channel_label": label(filing, "channel"),
        "service_point": filing.service_point.name if filing.service_point_id else None,
        "received_at": filing.submitted_at,
        "review_due_on": filing.review_due_on,
        "days_left": days_left,
        "flag": flag,
        "green_channel": [g for g in green if getattr(filing, f"is_{g}")],
        "parties": [_party(p) for p in filing.parties.all()],
        "case_number": case.number if case else None,
    }


def _party(party) -> dict:
    return {
        "role": party.role,
        "role_label": label(party, "role"),
        "kind": party.kind,
        "name": party.name,
        "doc_type": party.doc_type,
        "id_number_masked": party.masked_id_number,
    }


def _filing_out(filing, user=None) -> dict:
    case = review.case_of(filing)
    url = lambda name, *args: reverse(f"review:{name}", args=[filing.code, *args])  # noqa: E731
    return {
        **_row(filing, case=case),
        "cause": str(filing.cause) if filing.cause_id else None,
        "claims": filing.claims,
        "amount": filing.amount,
        "facts": filing.facts,
        "refusal_reasons": filing.refusal_reasons,
        "refusal_basis": filing.refusal_basis,
        "refusal_pending": actions.pending_refusal(filing) is not None,
        "transferred_to": filing.transferred_to.code if filing.transferred_to_id else None,
        "corrections": list(filing.corrections.all()),
        "attachments": [
            {
                "id": a.pk,
                "kind": a.kind,
                "name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "url": url("attachment", a.pk),
            }
            for a in filing.attachments.all()
        ],
        "events": [
            {
                "seq": e.seq,
                "kind": e.kind,
                "at": e.at,
                "details": e.details,
                "text": filing_timeline.sentence(e),
                "actor": str(e.actor) if e.actor_id else None,
            }
            for e in filing.events.select_related("actor")
        ],
        "documents": {name: url("document", name) for name in review.documents_of(filing)},
        "mediation": _mediation(filing, user),
    }


def _mediation(filing, user) -> dict | None:
    state = mediation_state(filing)
    return state and {**state, "can_choose": can_choose_mediation(user, filing)}


def _court(code: str | None, courts=None) -> Court:
    code = clean_text(code)
    found = next((c for c in courts if c.code == code), None) if courts else None
    found = found or Court.objects.filter(code=code, is_active=True).first()
    if found is None or (courts is not None and found not in courts):
        raise Http404("No such court.")
    return found


def _decide(request, code: str, expected: str | None, run):
    """Run one decision; 409 when another clerk acted first, with the status now."""
    filing = review.get_filing_for_clerk(effective_user(request), code)
    if review.status_changed(filing, expected):
        return _conflict(request, code)
    try:
        return run(filing)
    except ValidationError:
        if review.status_changed(filing, None):
            return _conflict(request, code)
        raise


def _conflict(request, code):
    filing = review.get_filing_for_clerk(effective_user(request), code)
    return Status(
        409,
        {
            "detail": _("Someone else has just acted on this filing; reload it."),
            "status": filing.status,
            "status_label": label(filing, "status"),
        },
    )


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": request.acting_for}


def _clerk_out(request, code: str) -> dict:
    user = effective_user(request)
    return _filing_out(review.get_filing_for_clerk(user, code), user)


@router.get("/queue", response=PageOut[QueueRowOut], summary="Review queue of a court (立案审查)")
def queue(
    request,
    paging: Query[PageIn],
    court: str | None = None,
    status: str = "",
    channel: str = "",
    q: str = "",
):
    """Q: a receipt number, or part of a party's name."""
    user = effective_user(request)
    courts = review.reviewing_courts(user)
    chosen = _court(court, courts) if court else courts[0]
    today = timezone.localdate()
    status, channel, q = clean_text(status), clean_text(channel), clean_text(q)[:100]
    rows = review.queue_queryset(user, chosen, status=status, channel=channel, search=q)
    page = rows_page(review.queue_values(rows), QUEUE_ORDER, after=paging.after, size=paging.limit)
    review.queue_details(page.items, today)
    return page_response([_queue_item(row, chosen) for row in page.items], page.next)


GREEN = ("livelihood", "enterprise", "migrant_wages")


def _queue_item(row: dict, court) -> dict:
    """A row of `review.queue_details` as `QueueRowOut` (the same as `_row` of a filing)."""
    statuses, kinds = labels_of(Filing, "status"), labels_of(Filing, "kind")
    channels, roles = labels_of(Filing, "channel"), labels_of(FilingParty, "role")
    return {
        "code": row["code"],
        "court": court.code,
        "assisting_court": row["assisting_court_code"],
        "status": row["status"],
        "status_label": statuses.get(row["status"], row["status"]),
        "kind": row["kind"],
        "kind_label": kinds.get(row["kind"], row["kind"]),
        "channel": row["channel"],
        "channel_label": channels.get(row["channel"], row["channel"]),
        "service_point": row["service_point_name"],
        "received_at": row["submitted_at"],
        "review_due_on": row["review_due_on"],
        "days_left": row["days_left"],
        "flag": row["flag"],
        "green_channel": [g for g in GREEN if row[f"is_{g}"]],
        "parties": [
            {
                "role": p["role"],
                "role_label": roles.get(p["role"], p["role"]),
                "kind": p["kind"],
                "name": p["name"],
                "doc_type": p["doc_type"],
                "id_number_masked": p["id_number_masked"],
            }
            for p in row["parties"]
        ],
        "case_number": None,  # a filing in the queue has no case yet
    }


@router.get(
    "/cross-region", response=PageOut[QueueRowOut], summary="Filings taken in for other courts"
)
def cross_region_list(request, paging: Query[PageIn], court: str | None = None):
    user = effective_user(request)
    courts = review.reviewing_courts(user)
    chosen = _court(court, courts) if court else courts[0]
    rows = review.taken_in_for_others(user, chosen)
    page = rows_page(rows, ("-created_at", "-id"), after=paging.after, size=paging.limit)
    return {"items": [_row(f, case=review.case_of(f)) for f in page.items], "next": page.next}


@router.post("/window", response={201: ReviewFilingOut}, summary="Hand in a walk-in's complaint")
def window(request, payload: WindowIn):
    courts = review.reviewing_courts(effective_user(request))
    court = _court(payload.court, courts)
    point = None
    if payload.service_point:
        point = get_object_or_404(ServicePoint, court=court, name=payload.service_point)
    complaint = {
        "court": court,
        "channel": payload.channel,
        "service_point": point,
        "parties": [p.dict() for p in payload.parties],
        "fields": payload.fields(),
        "today": timezone.localdate(),
        "key": payload.submission_key,
        **_by(request),
    }
    if payload.file_now:  # filed on the spot (当场立案): the case at once, or nothing
        filing, _case = file_on_the_spot(**complaint)
    else:
        filing = actions.hand_in_at_window(**complaint, mediation_choice=payload.mediation_choice)
    return Status(
        201, _clerk_out(request, filing.code)
    )


@router.post(
    "/cross-region", response={201: ReviewFilingOut}, summary="Take papers for another court"
)
def cross_region(request, payload: CrossRegionIn):
    courts = review.reviewing_courts(effective_user(request))
    assisting = _court(payload.assisting_court, courts) if payload.assisting_court else courts[0]
    filing = actions.take_in_for_other_court(
        actor=request.user,
        assisting_court=assisting,
        court=_court(payload.court),
        parties=[p.dict() for p in payload.parties],
        fields=payload.fields(),
        uploads=[],
        upload_kind=AttachmentKind.OTHER,
        forward=payload.forward,
        today=timezone.localdate(),
    )
    return Status(
        201, _clerk_out(request, filing.code)
    )


@router.get("/{code}", response=ReviewFilingOut, summary="One filing with its papers and timeline")
def filing_detail(request, code: str):
    filing = review.get_filing_for_clerk(effective_user(request), code)
    record_view(request, filing)
    return _filing_out(filing, effective_user(request))


@router.post(
    "/{code}/accept",
    response={200: ReviewFilingOut, 409: ConflictOut},
    summary="File the case",
)
def accept(request, code: str, payload: DecisionIn | None = None):
    def run(filing):
        accept_filing(filing, **_by(request))
        return filing_detail(request, code)

    return _decide(request, code, payload.expected_status if payload else None, run)


@router.post(
    "/{code}/request-correction",
    response={200: ReviewFilingOut, 409: ConflictOut},
    summary="Ask for corrections, every item in one notice (一次性告知)",
)
def request_correction(request, code: str, payload: CorrectionIn):
    def run(filing):
        respond_by = payload.respond_by or default_respond_by(timezone.localdate())
        actions.request_correction(
            filing, items=payload.items, respond_by=respond_by, **_by(request)
        )
        return filing_detail(request, code)

    return _decide(request, code, payload.expected_status, run)


@router.post(
    "/{code}/propose-refusal",
    response={200: ReviewFilingOut, 409: ConflictOut},
    summary="Propose a refusal by ruling (不予受理), for a judge of the court to decide",
)
def propose_refusal(request, code: str, payload: RefusalIn):
    def run(filing):
        actions.propose_refusal(
            filing, basis=payload.basis, reasons=payload.reasons, **_by(request)
        )
        return filing_detail(request, code)

    return _decide(request, code, payload.expected_status, run)


@router.post(
    "/{code}/mediation-choice",
    response=ReviewFilingOut,
    summary="Record the party's consent to mediation first, or their refusal (分调裁审)",
)
def mediation_choice(request, code: str, payload: MediationChoiceIn):
    filing = review.get_filing_for_clerk(effective_user(request), code)
    actions.record_mediation_choice(filing, choice=payload.choice, **_by(request))
    return _clerk_out(request, code)


@router.post(
    "/{code}/transfer", response={200: ReviewFilingOut, 409: ConflictOut}, summary="Transfer"
)
def transfer(request, code: str, payload: TransferIn):
    def run(filing):
        to_court = _court(payload.to_court)
        actions.transfer_filing(filing, to_court=to_court, reason=payload.reason, **_by(request))
        return filing_detail(request, code)

    return _decide(request, code, payload.expected_status, run)


@router.post(
    "/{code}/forward",
    response={200: ReviewFilingOut, 409: ConflictOut},
    summary="Assisting court: checked, forward to the court with jurisdiction",
)
def forward(request, code: str, payload: DecisionIn | None = None):
    def run(filing):
        actions.forward_filing(filing, actor=request.user)
        return filing_detail(request, code)

    return _decide(request, code, payload.expected_status if payload else None, run)


@router.post("/{code}/attachments", response={201: ReviewFilingOut}, summary="Upload papers")
def attach(
    request,
    code: str,
    files: File[list[UploadedFile]],
    kind: Form[AttachmentKind] = AttachmentKind.OTHER,
):
    filing = review.get_filing_for_clerk(effective_user(request), code)
    actions.attach_files(filing, files, actor=request.user, kind=kind)
    return Status(201, filing_detail(request, code))

"""Online filing in the REST API (/api/v1/filings): the same actions as the portal pages.

Litigants and lawyers only (staff get 403, anonymous callers 401). A filing of someone
else is the same 404 as one that does not exist. Errors of the actions come back as 422
with their messages.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import Body, File, Form, Header, Query, Router, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.courts.permissions import can_file_online
from tianping.filings import actions
from tianping.filings.actions.drafting import delete_draft as delete_draft_action
from tianping.filings.choices import AttachmentKind, Channel
from tianping.filings.documents import stored_pdf
from tianping.filings.events import STAFF_ONLY
from tianping.filings.limits import KEY_LENGTH, MAX_EVIDENCE_ROWS, MAX_PARTIES
from tianping.filings.online import forms as f
from tianping.filings.online import reads
from tianping.filings.online.api_schemas import (
    AnswerIn,
    CreateIn,
    DraftIn,
    EvidenceIn,
    FilingAttachmentOut,
    FilingPartyIn,
    FilingSummaryOut,
    MediationChoiceIn,
    MyFilingOut,
    RepresentativeIn,
    SubmitIn,
)
from tianping.filings.permissions import (
    can_choose_mediation,
    filings_visible_to,
    get_filing_for_user,
)
from tianping.filings.queries import mediation_state
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page
from tianping.lib.pdf import pdf_bytes_response
from tianping.lib.text import ApiList, clean_text, too_long
from tianping.parties.copying import party_fields

router = Router(tags=["online filing"])


def _user(request):
    if not can_file_online(request.user):
        raise PermissionDenied("Online filing is for litigants and lawyers.")
    return request.user


def _filing(request, code):
    return get_filing_for_user(_user(request), code)


def _summary(filing, notice=None) -> dict:
    case = getattr(filing, "case", None) if filing.status == "accepted" else None
    return {
        "code": filing.code,
        "court_code": filing.court.code,
        "court_name": filing.court.name,
        "kind": filing.kind,
        "status": filing.status,
        "status_name": str(filing.get_status_display()),
        "created_at": filing.created_at,
        "submitted_at": filing.submitted_at,
        "review_due_on": filing.review_due_on,
        "case_number": case.number if case else None,
        "next": reads.filing_next(filing, notice),
    }


def _rep_out(rep) -> dict:
    return {
        "party": rep.party.position,
        "kind": rep.kind,
        "name": rep.name,
        "licence_number": rep.licence_number,
        "law_firm": rep.law_firm,
        "authorisation": actions.attachment_ref(rep.authorisation) if rep.authorisation else None,
    }


def _attachment_out(item) -> dict:
    return {
        "ref": actions.attachment_ref(item),
        "kind": item.kind,
        "name": item.original_name,
        "content_type": item.content_type,
        "size": item.size,
        "sha256": item.sha256,
    }


def _filing_out(filing) -> dict:
    filing = get_filing_for_user(filing.filer, filing.code)  # fresh, with its relations
    notice = reads.open_notice(filing)
    return {
        **_summary(filing, notice),
        **{
            k: getattr(filing, k)
            for k in (
                "is_livelihood",
                "is_enterprise",
                "is_migrant_wages",
                "claims",
                "amount",
                "facts",
                "special_subject",
                "subject_detail",
                "election_on",
            )
        },
        "cause_code": filing.cause.code if filing.cause_id else None,
        "cause_name": filing.cause.name if filing.cause_id else None,
        "parties": [
            {
                **party_fields(p),
                "position": p.position,
                "was": p.position,
                "masked_id_number": p.masked_id_number,
            }
            for p in filing.parties.all()
        ],
        "representatives": [
            _rep_out(r) for r in filing.representatives.select_related("party", "authorisation")
        ],
        "evidence": [
            {
                "name": e.name,
                "source": e.source,
                "purpose": e.purpose,
                "attachment": actions.attachment_ref(e.attachment) if e.attachment else "",
            }
            for e in filing.evidence.select_related("attachment")
        ],
        "attachments": [_attachment_out(a) for a in filing.attachments.all()],
        "events": [
            {"seq": e.seq, "kind": e.kind, "at": e.at, "text": reads.event_label(e)}
            for e in filing.events.exclude(kind__in=STAFF_ONLY)
        ],
        "open_notice": notice,
        "mediation": _mediation(filing, filing.filer),
    }


def _mediation(filing, user) -> dict | None:
    state = mediation_state(filing)
    return state and {**state, "can_choose": can_choose_mediation(user, filing)}


@router.get("", response=PageOut[FilingSummaryOut], summary="My filings, newest first")
def list_filings(request, paging: Query[PageIn]):
    filings = (
        reads.listed(filings_visible_to(_user(request)))
        .select_related("court", "case", "transferred_to")
        .prefetch_related("corrections")
    )
    page = rows_page(filings, ("-created_at", "-id"), after=paging.after, size=paging.limit)
    return {"items": [_summary(x, reads.unanswered(x)) for x in page.items], "next": page.next}


@router.post("", response={201: MyFilingOut}, summary="Start a draft (online filing)")
def create_filing(request, payload: CreateIn):
    user = _user(request)
    court = reads.filing_courts(user).filter(code=payload.court_code).first()
    if court is None:
        raise ValidationError(
            f"No court hearing cases at first instance has the code {payload.court_code}."
        )
    fields = payload.dict(exclude={"court_code"})
    filing = actions.start_filing(
        actor=user, court=court, channel=Channel.ONLINE, filer=user, **fields
    )
    return Status(201, _filing_out(filing))


@router.get("/{code}", response=MyFilingOut, summary="One filing with its timeline and notice")
def get_filing(request, code: str):
    filing = _filing(request, code)
    record_view(request, filing)
    return _filing_out(filing)


@router.patch("/{code}", response=MyFilingOut, summary="Save fields of a draft")
def update_draft(request, code: str, payload: DraftIn):
    filing = _filing(request, code)
    nullable = {"amount", "cause_code", "election_on"}
    data = {
        k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in nullable
    }
    if "cause_code" in data:
        data["cause"] = f.cause_for(filing, data.pop("cause_code") or "", on=timezone.localdate())
    actions.save_draft(filing, actor=request.user, **data)
    return _filing_out(filing)


@router.delete(
    "/{code}",
    response={204: None},
    summary="Delete a draft never handed in (its parties, evidence list and files go with it)",
)
def delete_draft(request, code: str):
    filing = _filing(request, code)
    delete_draft_action(filing, actor=request.user)
    return Status(204, None)


@router.put("/{code}/parties", response=MyFilingOut, summary="Replace the parties")
def set_parties(request, code: str, payload: Body[ApiList(FilingPartyIn, MAX_PARTIES)]):
    filing = _filing(request, code)
    actions.save_parties(filing, [p.dict() for p in payload], actor=request.user)
    return _filing_out(filing)


@router.post(
    "/{code}/representatives",
    response={201: MyFilingOut},
    summary="Add a representative with the power of attorney (multipart)",
)
def add_representative(
    request, code: str, payload: Form[RepresentativeIn], authorisation: File[UploadedFile]
):
    filing = _editable(request, code)
    data = payload.dict()
    actions.add_representative(
        filing,
        actor=request.user,
        party=data.pop("party"),
        authorisation=authorisation,
        **data,
    )
    return Status(201, _filing_out(filing))


@router.delete(
    "/{code}/representatives/{index}",
    response=MyFilingOut,
    summary="Remove a representative (by its place in the list)",
)
def remove_representative(request, code: str, index: int):
    filing = _editable(request, code)
    actions.remove_representative(filing, index, actor=request.user)
    return _filing_out(filing)


def _editable(request, code):
    filing = _filing(request, code)
    if filing.status not in ("draft", "correction_requested"):
        raise ValidationError("This filing can no longer be changed.")
    return filing


@router.put("/{code}/evidence", response=MyFilingOut, summary="Replace the evidence list")
def set_evidence(request, code: str, payload: Body[ApiList(EvidenceIn, MAX_EVIDENCE_ROWS)]):
    filing = _editable(request, code)
    actions.save_evidence(filing, [item.dict() for item in payload], actor=request.user)
    return _filing_out(filing)


@router.post(
    "/{code}/attachments",
    response={201: FilingAttachmentOut},
    summary="Upload a file (PDF, JPEG, PNG or OFD; the content is checked)",
)
def upload(
    request,
    code: str,
    file: File[UploadedFile],
    kind: Form[AttachmentKind] = AttachmentKind.EVIDENCE,
):
    filing = _filing(request, code)
    item = actions.attach_file(filing, file, actor=request.user, kind=kind)
    return Status(201, _attachment_out(item))


@router.delete(
    "/{code}/attachments/{ref}",
    response={204: None},
    summary="Remove an uploaded file from a filing that can still be changed",
)
def remove_attachment(request, code: str, ref: str):
    filing = _filing(request, code)
    try:
        item = actions.find_attachment(filing, ref)
    except ValidationError:
        item = None
    if item is None:
        raise Http404
    actions.remove_attachment(filing, item, actor=request.user)
    return Status(204, None)


SUBMIT_BODY = {
    "requestBody": {
        "required": False,
        "content": {"application/json": {"schema": SubmitIn.model_json_schema()}},
    }
}


@router.post(
    "/{code}/submit",
    response=MyFilingOut,
    openapi_extra=SUBMIT_BODY,
    summary="Hand the filing in; the same Idempotency-Key (even at once) gives the same filing",
)
def submit(request, code: str, idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    filing = _filing(request, code)
    key = clean_text(idempotency_key) or _body_key(request)
    if key and (message := too_long(key, KEY_LENGTH)):
        raise ValidationError(f"Idempotency-Key: {message}")
    filing = actions.submit_filing(filing, actor=request.user, submission_key=key)
    return _filing_out(filing)


def _body_key(request) -> str | None:
    """The key from an optional body: JSON {"submission_key": ...} or a form field."""
    if request.content_type != "application/json":
        return clean_text(request.POST.get("submission_key")) or None
    try:
        return SubmitIn.model_validate_json(request.body or b"{}").submission_key
    except ValueError as exc:
        raise ValidationError('The body must be JSON such as {"submission_key": "..."}.') from exc


@router.post(
    "/{code}/mediation-choice",
    response=MyFilingOut,
    summary="Consent to mediation first, or decline it, where a rule recommends it (分调裁审)",
)
def mediation_choice(request, code: str, payload: MediationChoiceIn):
    filing = _filing(request, code)
    actions.record_mediation_choice(filing, choice=payload.choice, actor=request.user)
    return _filing_out(filing)


@router.post("/{code}/correction", response=MyFilingOut, summary="Answer the correction notice")
def answer_correction(request, code: str, payload: AnswerIn):
    filing = _filing(request, code)
    filing = actions.answer_correction(filing, actor=request.user, answer=payload.answer.strip())
    return _filing_out(filing)


@router.post("/{code}/withdraw", response=MyFilingOut, summary="Withdraw the filing")
def withdraw(request, code: str):
    filing = _filing(request, code)
    return _filing_out(actions.withdraw_filing(filing, actor=request.user))


@router.get("/{code}/receipt.pdf", summary="The dated receipt as PDF (laid out once, then kept)")
def receipt_pdf(request, code: str):
    filing = _filing(request, code)
    if filing.submitted_at is None:
        raise Http404
    context = reads.receipt_context(filing)
    data = stored_pdf(filing, "receipt", "filings/documents/receipt.html", context, request)
    return pdf_bytes_response(data, filename=f"receipt-{code}.pdf")

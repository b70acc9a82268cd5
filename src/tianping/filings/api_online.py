"""Online filing in the REST API (/api/v1/filings): the same actions as the portal pages.

Litigants and lawyers only (staff get 403, anonymous callers 401). A filing of someone
else is the same 404 as one that does not exist. Errors of the actions come back as 422
with their messages.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import File, Form, Header, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from tianping.courts.models import Court
from tianping.courts.permissions import can_file_online
from tianping.filings import actions
from tianping.filings import forms_online as f
from tianping.filings.choices import AttachmentKind, Channel, FilingKind, PartyKind, PartyRole
from tianping.filings.choices import RepresentativeKind as RepKind
from tianping.filings.queries import filings_visible_to, get_filing_for_user
from tianping.lib.pdf import pdf_response

router = Router(tags=["online filing"])


class NextOut(Schema):
    text: str
    url: str | None = None
    to_correct: list[str] = []


class FilingSummaryOut(Schema):
    code: str = Field(..., description="The receipt number.")
    court_code: str
    court_name: str
    kind: str
    status: str
    status_name: str
    created_at: datetime
    submitted_at: datetime | None
    review_due_on: date | None
    case_number: str | None
    next: NextOut


class PartyIn(Schema):
    role: PartyRole
    kind: PartyKind = PartyKind.NATURAL_PERSON
    name: str = Field("", max_length=200)
    doc_type: str = Field("resident_id", max_length=40)
    id_number: str = Field("", max_length=40)
    legal_representative: str = Field("", max_length=100)
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=300)
    was: int | None = Field(
        None,
        description="Position of the party this row replaces: its representatives stay with it.",
    )


class PartyOut(PartyIn):
    position: int
    masked_id_number: str


class RepresentativeIn(Schema):
    party: int = Field(..., description="Position of the party represented.")
    kind: RepKind
    name: str = Field(..., max_length=100)
    id_number: str = Field("", max_length=40)
    licence_number: str = Field("", max_length=17)
    law_firm: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)


class RepresentativeOut(Schema):
    party: int
    kind: str
    name: str
    licence_number: str
    law_firm: str
    authorisation: str | None


class EvidenceIn(Schema):
    name: str = Field(..., max_length=200)
    source: str = Field("", max_length=200)
    purpose: str = Field("", max_length=300)
    attachment: str = Field("", description="The ref of an uploaded file.")


class AttachmentOut(Schema):
    ref: str
    kind: str
    name: str
    content_type: str
    size: int
    sha256: str


class EventOut(Schema):
    seq: int
    kind: str
    at: datetime
    text: str


class NoticeOut(Schema):
    items: list[str]
    respond_by: date
    issued_at: datetime


class FilingOut(FilingSummaryOut):
    is_livelihood: bool
    is_enterprise: bool
    is_migrant_wages: bool
    cause_code: str | None
    cause_name: str | None
    claims: str
    amount: Decimal | None
    facts: str
    parties: list[PartyOut]
    representatives: list[RepresentativeOut]
    evidence: list[EvidenceIn]
    attachments: list[AttachmentOut]
    events: list[EventOut]
    open_notice: NoticeOut | None


class CreateIn(Schema):
    court_code: str
    kind: FilingKind = FilingKind.CIVIL
    is_livelihood: bool = False
    is_enterprise: bool = False
    is_migrant_wages: bool = False


class DraftIn(Schema):
    kind: FilingKind | None = None
    is_livelihood: bool | None = None
    is_enterprise: bool | None = None
    is_migrant_wages: bool | None = None
    claims: str | None = None
    amount: Decimal | str | None = Field(None, description="Yuan; empty for none.")
    facts: str | None = None
    cause_code: str | None = Field(None, description="From the catalog in force today.")


class SubmitIn(Schema):
    submission_key: str | None = Field(None, max_length=50)


class AnswerIn(Schema):
    answer: str = ""


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
        "next": f.filing_next(filing, notice),
    }


def _rep_out(rep) -> dict:
    return {
        "party": rep.party.position,
        "kind": rep.kind,
        "name": rep.name,
        "licence_number": rep.licence_number,
        "law_firm": rep.law_firm,
        "authorisation": f.attachment_ref(rep.authorisation) if rep.authorisation else None,
    }


def _attachment_out(item) -> dict:
    return {
        "ref": f.attachment_ref(item),
        "kind": item.kind,
        "name": item.original_name,
        "content_type": item.content_type,
        "size": item.size,
        "sha256": item.sha256,
    }


def _filing_out(filing) -> dict:
    filing = get_filing_for_user(filing.filer, filing.code)  # fresh, with its relations
    notice = f.open_notice(filing)
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
            )
        },
        "cause_code": filing.cause.code if filing.cause_id else None,
        "cause_name": filing.cause.name if filing.cause_id else None,
        "parties": [
            {
                **f._party_dict(p),
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
                "attachment": f.attachment_ref(e.attachment) if e.attachment else "",
            }
            for e in filing.evidence.select_related("attachment")
        ],
        "attachments": [_attachment_out(a) for a in filing.attachments.all()],
        "events": [
            {"seq": e.seq, "kind": e.kind, "at": e.at, "text": f.event_label(e)}
            for e in filing.events.all()
        ],
        "open_notice": notice,
    }


@router.get("", response=list[FilingSummaryOut], summary="My filings, newest first")
def list_filings(request):
    filings = (
        filings_visible_to(_user(request))
        .select_related("court", "case", "transferred_to")
        .prefetch_related("corrections")
    )
    return [
        _summary(x, next((n for n in x.corrections.all() if n.answered_at is None), None))
        for x in filings
    ]


@router.post("", response={201: FilingOut}, summary="Start a draft (online filing)")
def create_filing(request, payload: CreateIn):
    user = _user(request)
    court = Court.objects.active().filter(code=payload.court_code).first()
    if court is None:
        raise ValidationError(f"No active court has the code {payload.court_code}.")
    fields = payload.dict(exclude={"court_code"})
    filing = actions.start_filing(
        actor=user, court=court, channel=Channel.ONLINE, filer=user, **fields
    )
    return Status(201, _filing_out(filing))


@router.get("/{code}", response=FilingOut, summary="One filing with its timeline and notice")
def get_filing(request, code: str):
    return _filing_out(_filing(request, code))


@router.patch("/{code}", response=FilingOut, summary="Save fields of a draft")
def update_draft(request, code: str, payload: DraftIn):
    filing = _filing(request, code)
    nullable = {"amount", "cause_code"}
    data = {
        k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in nullable
    }
    if "cause_code" in data:
        data["cause"] = f.cause_for(filing, data.pop("cause_code") or "", on=timezone.localdate())
    if "amount" in data:
        data["amount"] = f.parse_amount(data["amount"])
    actions.save_draft(filing, actor=request.user, **data)
    return _filing_out(filing)


@router.put("/{code}/parties", response=FilingOut, summary="Replace the parties")
def set_parties(request, code: str, payload: list[PartyIn]):
    filing = _filing(request, code)
    f.save_parties(filing, [p.dict() for p in payload], actor=request.user)
    return _filing_out(filing)


@router.post(
    "/{code}/representatives",
    response={201: FilingOut},
    summary="Add a representative with the power of attorney (multipart)",
)
def add_representative(
    request, code: str, payload: Form[RepresentativeIn], authorisation: File[UploadedFile]
):
    filing = _editable(request, code)
    f.add_representative(filing, payload.dict(), authorisation, actor=request.user)
    return Status(201, _filing_out(filing))


@router.delete(
    "/{code}/representatives/{index}",
    response=FilingOut,
    summary="Remove a representative (by its place in the list)",
)
def remove_representative(request, code: str, index: int):
    filing = _editable(request, code)
    f.remove_representative(filing, index, actor=request.user)
    return _filing_out(filing)


def _editable(request, code):
    filing = _filing(request, code)
    if filing.status not in ("draft", "correction_requested"):
        raise ValidationError("This filing can no longer be changed.")
    return filing


@router.put("/{code}/evidence", response=FilingOut, summary="Replace the evidence list")
def set_evidence(request, code: str, payload: list[EvidenceIn]):
    filing = _editable(request, code)
    f.save_evidence(filing, [item.dict() for item in payload], actor=request.user)
    return _filing_out(filing)


@router.post(
    "/{code}/attachments",
    response={201: AttachmentOut},
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
        item = f.find_attachment(filing, ref)
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
    response=FilingOut,
    openapi_extra=SUBMIT_BODY,
    summary="Hand the filing in; the same Idempotency-Key gives the same filing",
)
def submit(request, code: str, idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    filing = _filing(request, code)
    key = idempotency_key or _body_key(request)
    key = f"{filing.code}:{key[:50]}" if key else None
    filing = actions.submit_filing(filing, actor=request.user, submission_key=key)
    return _filing_out(filing)


def _body_key(request) -> str | None:
    """The key from an optional body: JSON {"submission_key": ...} or a form field."""
    if request.content_type != "application/json":
        return request.POST.get("submission_key") or None
    try:
        return SubmitIn.model_validate_json(request.body or b"{}").submission_key
    except ValueError as exc:
        raise ValidationError('The body must be JSON such as {"submission_key": "..."}.') from exc


@router.post("/{code}/correction", response=FilingOut, summary="Answer the correction notice")
def answer_correction(request, code: str, payload: AnswerIn):
    filing = _filing(request, code)
    filing = actions.answer_correction(filing, actor=request.user, answer=payload.answer.strip())
    return _filing_out(filing)


@router.post("/{code}/withdraw", response=FilingOut, summary="Withdraw the filing")
def withdraw(request, code: str):
    filing = _filing(request, code)
    return _filing_out(actions.withdraw_filing(filing, actor=request.user))


@router.get("/{code}/receipt.pdf", summary="The dated receipt as PDF")
def receipt_pdf(request, code: str):
    filing = _filing(request, code)
    if filing.submitted_at is None:
        raise Http404
    return pdf_response(
        "filings/documents/receipt.html",
        f.receipt_context(filing),
        filename=f"receipt-{code}.pdf",
        request=request,
    )

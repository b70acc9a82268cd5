"""Document templates and issued documents in the REST API (/api/v1/documents): a court's
templates (list, read, a version, save a new version, preview as PDF) for its administrator
and president; issuing a document on a case and reading the ones issued, for its judge,
judge assistant or clerk. The same permissions, queries and actions as the pages: 404 for
what one may not see, 403 for an act one may not take, 422 for bad input."""

import datetime

from django.http import Http404
from ninja import Field, Path, Router, Schema, Status

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user
from tianping.documents import actions, queries
from tianping.documents.choices import Kind
from tianping.documents.models import DocumentTemplate, IssuedDocument
from tianping.documents.permissions import case_for_issuer, court_for_templates
from tianping.documents.placeholders import FIELDS, MAX_BODY, MAX_TITLE
from tianping.lib.pdf import pdf_bytes_response
from tianping.lib.text import ApiText

router = Router(tags=["documents"])
CODE = Path(..., min_length=1, max_length=12)
KIND = Path(..., min_length=1, max_length=24, description=f"One of: {', '.join(Kind.values)}.")
ID = Path(..., ge=1, le=2**62)


class DocTemplateRowOut(Schema):
    kind: str
    label: str
    version: int
    own: bool = Field(description="The court's own text (else the national default).")
    title: str


class DocTemplateListOut(Schema):
    items: list[DocTemplateRowOut]
    fields: dict[str, str] = Field(description="Every field a text may use, with its meaning.")


class DocTemplateVersionOut(Schema):
    id: int
    kind: str
    court: str | None = Field(description="None: the national default.")
    version: int
    title: str
    body: str
    in_force: bool
    changed_by: str
    changed_at: datetime.datetime


class DocTemplateDetailOut(Schema):
    in_force: DocTemplateVersionOut
    versions: list[DocTemplateVersionOut]


class DocTemplateIn(Schema):
    title: ApiText(MAX_TITLE)
    body: ApiText(MAX_BODY) = Field(description="Plain text; fields as {{ 案号 }}.")


class IssueDocumentIn(Schema):
    kind: str = Field(max_length=24, description=f"One of: {', '.join(Kind.values)}.")
    party: int | None = Field(None, ge=1, le=2**62, description="The addressee party's id.")
    representative: int | None = Field(None, ge=1, le=2**62,
                                       description="The addressee representative's id.")
    hearing: str | None = Field(None, max_length=12, description="A scheduled hearing's code "
                                "(summons, notice to appear).")
    evidence_deadline: datetime.date | None = Field(
        None, ge=datetime.date(2000, 1, 1), le=datetime.date(2100, 12, 31),
        description="Last day to produce evidence (notice to produce evidence).")
    idempotency_key: ApiText(100) = Field("", description="A retry with the same key returns "
                                          "the same document.")


class IssuedDocumentOut(Schema):
    id: int
    kind: str
    title: str
    addressee: str
    party: int | None
    hearing: str | None
    template_id: int
    template_version: int
    template_is_default: bool
    document: int = Field(description="The case document's id.")
    issued_at: datetime.datetime


class IssuedDocumentListOut(Schema):
    items: list[IssuedDocumentOut]


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _kind(kind: str) -> str:
    if kind not in Kind.values:
        raise Http404("No such kind of document.")
    return kind


def _version(t: DocumentTemplate) -> dict:
    return {"id": t.pk, "kind": t.kind, "court": t.court.code if t.court_id else None,
            "version": t.version, "title": t.title, "body": t.body, "in_force": t.is_active,
            "changed_by": str(t.changed_by) if t.changed_by_id else "",
            "changed_at": t.changed_at}


def _issued(i: IssuedDocument) -> dict:
    return {"id": i.pk, "kind": i.kind, "title": i.document.title, "addressee": i.addressee,
            "party": i.party_id, "hearing": i.hearing.code if i.hearing_id else None,
            "template_id": i.template_id, "template_version": i.template.version,
            "template_is_default": i.template.court_id is None, "document": i.document_id,
            "issued_at": i.issued_at}


@router.get("/courts/{code}", response=DocTemplateListOut,
            summary="A court's document templates: each kind with the version in force")
def court_templates(request, code: str = CODE):
    court = court_for_templates(effective_user(request), code)
    return {"items": [{"kind": r["kind"], "label": str(r["label"]),
                       "version": r["template"].version, "own": r["own"],
                       "title": r["template"].title} for r in queries.overview(court)],
            "fields": {name: str(meaning) for name, meaning in FIELDS.items()}}


@router.get("/courts/{code}/{kind}", response=DocTemplateDetailOut,
            summary="A kind's text in force at the court and every version kept")
def template_detail(request, code: str = CODE, kind: str = KIND):
    court = court_for_templates(effective_user(request), code)
    kind = _kind(kind)
    return {"in_force": _version(queries.template_in_force(court, kind)),
            "versions": [_version(t) for t in queries.versions(court, kind)]}


@router.put("/courts/{code}/{kind}", response=DocTemplateVersionOut,
            summary="Save the court's text of a kind as a new version (the old one is kept)")
def save_template(request, payload: DocTemplateIn, code: str = CODE, kind: str = KIND):
    court = court_for_templates(effective_user(request), code)
    saved = actions.save_template(court, _kind(kind), title=payload.title, body=payload.body,
                                  **_acting(request))
    return _version(saved)


@router.post("/courts/{code}/{kind}/preview", response={200: bytes},
             summary="Lay out a text as PDF with made-up case data (nothing saved)")
def preview(request, payload: DocTemplateIn, code: str = CODE, kind: str = KIND):
    court = court_for_templates(effective_user(request), code)
    data = actions.preview(court, _kind(kind), title=payload.title, body=payload.body,
                           **_acting(request))
    return pdf_bytes_response(data, filename=f"preview-{kind}.pdf")


@router.get("/cases/{code}", response=IssuedDocumentListOut,
            summary="The documents issued from templates on a case")
def case_documents(request, code: str = CODE):
    case = case_for_issuer(effective_user(request), code)
    return {"items": [_issued(i) for i in queries.issued_on_case(case)]}


@router.post("/cases/{code}", response={201: IssuedDocumentOut},
             summary="Issue a document on a case from the court's template in force")
def issue(request, payload: IssueDocumentIn, code: str = CODE):
    case = case_for_issuer(effective_user(request), code)
    party = rep = hearing = None
    if payload.party is not None:
        party = case.parties.filter(pk=payload.party).first()
        if party is None:
            raise Http404("No such party.")
    if payload.representative is not None:
        rep = case.representatives.filter(pk=payload.representative).first()
        if rep is None:
            raise Http404("No such representative.")
    if payload.hearing:
        hearing = case.hearings.filter(code=payload.hearing).first()
        if hearing is None:
            raise Http404("No such hearing.")
    issued = actions.issue(case, payload.kind, addressee_party=party,
                           addressee_representative=rep, hearing=hearing,
                           evidence_deadline=payload.evidence_deadline,
                           key=payload.idempotency_key, **_acting(request))
    return Status(201, _issued(issued))


@router.get("/cases/{code}/issued/{pk}", response={200: bytes},
            summary="An issued document as PDF")
def issued_pdf(request, code: str = CODE, pk: int = ID):
    case = case_for_issuer(effective_user(request), code)
    item = queries.issued_on_case(case).filter(pk=pk).first()
    if item is None:
        raise Http404("No such document.")
    record_view(request, case, "document_read", title=item.document.title)
    with item.document.file.open("rb") as stored:
        return pdf_bytes_response(stored.read(), filename=f"{item.kind}-{item.pk}.pdf")

"""A mediation's outcome in the REST API (/api/v1/mediation): the agreement (drafted from a
template, signed online or on paper), the applications it makes (judicial confirmation,
mediation document), performance, the parties' ratings, and the judge's ruling on the
case applied for. The same flows and actions as the pages (`flows.mediation_outcomes`,
`actions_outcomes`), which check the permission again.

An act refused answers 422 with its messages (by field where the action names one), one the
reader may not do 403, what the reader may not see 404."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from tianping.cases.permissions import get_case_for_user
from tianping.filings.limits import MAX_PARTIES
from tianping.flows import mediation_outcomes as flow
from tianping.lib.api_errors import ErrorOut
from tianping.lib.money import ApiAmount
from tianping.lib.text import ApiList, ApiText
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.agreement_templates import TEMPLATES, default_template, draft_text
from tianping.mediation.api_mediations import CODE, _located
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import MediationRating
from tianping.mediation.permissions import (
    can_conduct,
    get_mediation_for_user,
    parties_answered_by,
)

router = Router(tags=["mediation"])
PartyId = Field(..., ge=1, le=2**62)


class MediationSignatureOut(Schema):
    party: int
    party_name: str
    method: str = Field(description="online or paper")
    method_label: str
    signed_at: datetime.datetime
    joins_confirmation: bool


class MediationSettlementOut(Schema):
    mediation: str
    template: str
    template_label: str
    text: str
    amount: str | None = Field(description="Yuan, two decimals, as text (exact).")
    pay_by: datetime.date | None
    version: int
    drafted_at: datetime.datetime
    signatures: list[MediationSignatureOut]
    unsigned_parties: list[int]
    in_effect_since: datetime.date | None
    confirmation_due: datetime.date | None = Field(
        description="The last day to apply for judicial confirmation (30 days).")
    route: str = Field(description="confirmation, document, voluntary or empty")
    route_label: str
    application: str | None = Field(description="The receipt number of the application.")
    application_status_label: str | None
    case_number: str | None
    performance: str = Field(description="performed, broken or empty")
    performance_label: str
    allowed_actions: list[str]


class MediationTemplateOut(Schema):
    template: str
    label: str
    text: str


class MediationDraftIn(Schema):
    template: str = Field(..., max_length=24, description=f"One of: {', '.join(TEMPLATES)}.")
    text: ApiText(outcomes.AGREEMENT_LENGTH)
    amount: ApiAmount = None
    pay_by: datetime.date | None = None


class MediationSignIn(Schema):
    party: int = PartyId
    version: int = Field(..., ge=1, le=10000, description="The version the party read.")
    joins_confirmation: bool = False


class MediationPaperIn(Schema):
    parties: ApiList(int, MAX_PARTIES)
    joins_confirmation: ApiList(int, MAX_PARTIES) = []


class MediationPerformanceIn(Schema):
    performed: bool
    note: ApiText(outcomes.COMMENT_LENGTH) = ""


class MediationRatingIn(Schema):
    party: int = PartyId
    stars: int = Field(..., ge=1, le=5)
    comment: ApiText(outcomes.COMMENT_LENGTH) = ""


class MediationRatingOut(Schema):
    party: int
    stars: int
    comment: str


class MediationRulingIn(Schema):
    decision: Literal["granted", "dismissed"]
    reasons: ApiText(4000) = ""


class MediationRulingOut(Schema):
    case: str
    number: str
    state: str
    closure_mode: str
    closed_on: datetime.date | None
    documents: list[str]


AGREEMENT = {200: MediationSettlementOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MADE = {201: MediationSettlementOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _allowed(user, m, agreement, own, unsigned_own, conductor) -> list[str]:
    found = []
    in_progress = m.status == MediationStatus.IN_PROGRESS
    signed = agreement is not None and agreement.is_signed
    if conductor and in_progress and not signed:
        found.append("draft")
    if agreement is not None and in_progress and not signed:
        if unsigned_own:
            found.append("sign")
        if conductor:
            found.append("paper")
    if signed and not agreement.route and (conductor or own):
        found += ["join", "confirmation", "document", "voluntary"]
    if signed and (conductor or own):
        found.append("performance")
    return found


def _agreement_out(user, m) -> dict:
    agreement = outcomes.agreement_of(m)
    if agreement is None:
        raise Http404("No agreement yet.")
    parties = list(m.filing.parties.all())
    names = {p.pk: p.name for p in parties}
    signatures = list(agreement.signatures.filter(version=agreement.version))
    signed = {s.party_id for s in signatures}
    own = list(parties_answered_by(user, m))
    request = agreement.request
    case = getattr(request, "case", None) if request is not None else None
    return {
        "mediation": m.code, "template": agreement.template,
        "template_label": str(TEMPLATES.get(agreement.template, agreement.template)),
        "text": agreement.text,
        "amount": f"{agreement.amount:.2f}" if agreement.amount is not None else None,
        "pay_by": agreement.pay_by, "version": agreement.version,
        "drafted_at": agreement.drafted_at,
        "signatures": [{"party": s.party_id, "party_name": names.get(s.party_id, ""),
                        "method": s.method, "method_label": s.get_method_display(),
                        "signed_at": s.signed_at, "joins_confirmation": s.joins_confirmation}
                       for s in signatures],
        "unsigned_parties": [p.pk for p in parties if p.pk not in signed],
        "in_effect_since": agreement.signed_on,
        "confirmation_due": outcomes.confirmation_due(agreement, m.court)
        if agreement.is_signed else None,
        "route": agreement.route,
        "route_label": agreement.get_route_display() if agreement.route else "",
        "application": request.code if request is not None else None,
        "application_status_label": request.get_status_display() if request else None,
        "case_number": case.number if case is not None else None,
        "performance": agreement.performance,
        "performance_label": agreement.get_performance_display() if agreement.performance
        else "",
        "allowed_actions": _allowed(user, m, agreement, own,
                                    [p for p in own if p.pk not in signed],
                                    can_conduct(user, m)),
    }


def _act(request, code, act, payload=None, status=200):
    m = get_mediation_for_user(request.user, code)
    if m.filing_id is None:
        raise Http404("No agreement for a case referred after filing.")
    try:
        act(m)
    except ValidationError as error:
        fields = set(type(payload).model_fields) if payload is not None else ()
        return Status(422, _located(error, fields))
    m.refresh_from_db()
    return Status(status, _agreement_out(request.user, m))


def _party(m, pk):
    found = m.filing.parties.filter(pk=pk).first()
    if found is None:
        raise ValidationError({"party": _("That is not a party of this dispute.")})
    return found


@router.get("/mediations/{code}/agreement", response={200: MediationSettlementOut,
                                                       404: ErrorOut},
            summary="The agreement, its signatures and what comes after")
def agreement(request, code: str = CODE):
    m = get_mediation_for_user(request.user, code)
    if m.filing_id is None:
        raise Http404("No agreement.")
    return _agreement_out(request.user, m)


@router.get("/mediations/{code}/agreement/templates",
            response={200: list[MediationTemplateOut], 403: ErrorOut, 404: ErrorOut},
            summary="The templates, each filled in from the dispute (the mediator)")
def templates(request, code: str = CODE):
    m = get_mediation_for_user(request.user, code)
    if m.filing_id is None or not can_conduct(request.user, m):
        raise Http404("No templates.")
    first = default_template(m)
    keys = [first, *[k for k in TEMPLATES if k != first]]
    return [{"template": k, "label": str(TEMPLATES[k]),
             "text": draft_text(m, k, amount=m.filing.amount)} for k in keys]


@router.post("/mediations/{code}/agreement", response=MADE,
             summary="Draft the agreement, or a new version before every party has signed")
def draft(request, payload: MediationDraftIn, code: str = CODE):
    return _act(request, code, lambda m: flow.draft(
        m, actor=request.user, template=payload.template, text=payload.text,
        amount=payload.amount, pay_by=payload.pay_by), payload, status=201)


@router.post("/mediations/{code}/agreement/sign", response=AGREEMENT,
             summary="Sign the agreement online, as the party (or their representative)")
def sign(request, payload: MediationSignIn, code: str = CODE):
    return _act(request, code, lambda m: flow.sign(
        m, _party(m, payload.party), actor=request.user, version=payload.version,
        joins_confirmation=payload.joins_confirmation), payload)


@router.post("/mediations/{code}/agreement/paper", response=AGREEMENT,
             summary="Record signatures on paper with the signed scan (the mediator)")
def sign_paper(request, payload: Form[MediationPaperIn], scan: File[UploadedFile],
               code: str = CODE):
    def act(m):
        chosen = [_party(m, pk) for pk in payload.parties]
        flow.sign_on_paper(m, actor=request.user, scan=scan, parties=chosen,
                           joins_confirmation=payload.joins_confirmation)

    return _act(request, code, act, payload)


@router.post("/mediations/{code}/agreement/join", response=AGREEMENT,
             summary="Join the joint application for judicial confirmation (a party)")
def join(request, code: str = CODE):
    def act(m):
        own = list(parties_answered_by(request.user, m))
        if not own:
            raise ValidationError(_("Only a party can join the application."))
        for party in own:
            outcomes.join_confirmation(m, party, actor=request.user)

    return _act(request, code, act)


@router.post("/mediations/{code}/agreement/confirmation", response=AGREEMENT,
             summary="Apply for judicial confirmation (every party has joined; 30 days)")
def apply_confirmation(request, code: str = CODE):
    return _act(request, code, lambda m: flow.apply_for_confirmation(m, actor=request.user))


@router.post("/mediations/{code}/agreement/document", response=AGREEMENT,
             summary="Apply for a mediation document (调解书)")
def apply_document(request, code: str = CODE):
    return _act(request, code, lambda m: flow.apply_for_document(m, actor=request.user))


@router.post("/mediations/{code}/agreement/voluntary", response=AGREEMENT,
             summary="The parties carry out the agreement themselves")
def voluntary(request, code: str = CODE):
    return _act(request, code, lambda m: flow.perform_voluntarily(m, actor=request.user))


@router.post("/mediations/{code}/agreement/performance", response=AGREEMENT,
             summary="Record whether the agreement was performed (mediator or party)")
def performance(request, payload: MediationPerformanceIn, code: str = CODE):
    from django.utils import timezone

    return _act(request, code, lambda m: outcomes.note_performance(
        m, actor=request.user, performed=payload.performed, note=payload.note,
        today=timezone.localdate()), payload)


@router.post("/mediations/{code}/rating",
             response={201: MediationRatingOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
             summary="Rate the mediation once it has ended (a party, once)")
def rate(request, payload: MediationRatingIn, code: str = CODE):
    m = get_mediation_for_user(request.user, code)
    if m.filing_id is None:
        raise Http404("Not rated here.")
    try:
        row = outcomes.rate(m, _party(m, payload.party), actor=request.user,
                            stars=payload.stars, comment=payload.comment)
    except ValidationError as error:
        return Status(422, _located(error, set(MediationRatingIn.model_fields)))
    row = MediationRating.objects.get(pk=row.pk)
    return Status(201, {"party": row.party_id, "stars": row.stars, "comment": row.comment})


def _ruled(request, code, act, payload=None):
    case = get_case_for_user(request.user, code)
    try:
        case = act(case)
    except ValidationError as error:
        fields = set(type(payload).model_fields) if payload is not None else ()
        return Status(422, _located(error, fields))
    return Status(200, {"case": case.code, "number": case.number, "state": case.state,
                        "closure_mode": case.closure_mode, "closed_on": case.closed_on,
                        "documents": [d.title for d in case.documents.all()]})


RULED = {200: MediationRulingOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.post("/cases/{code}/confirmation", response=RULED,
             summary="Rule on an application for judicial confirmation (the case's judge)")
def decide_confirmation(request, payload: MediationRulingIn, code: str = CODE):
    return _ruled(request, code, lambda case: flow.decide_confirmation(
        case, actor=request.user, granted=payload.decision == "granted",
        reasons=payload.reasons), payload)


@router.post("/cases/{code}/mediation-document", response=RULED,
             summary="Issue the mediation document applied for (the case's judge)")
def issue_document(request, code: str = CODE):
    return _ruled(request, code, lambda case: flow.issue_document(case, actor=request.user))

"""Effectiveness and appeals in the REST API (/api/v1/appeals): a case's effect, periods,
appeals and chain; the party's appeal and retrial application; the window appeal, the fee
and the transfer; the appeal court's incoming list and filings; the outcome. The same
permissions, queries, actions and flows as the pages: 404 for what one may not see, 403
for an act one may not take, 422 for bad input."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from ninja import File, Form, Path, Router, Status
from ninja.files import UploadedFile

from tianping.appeals import actions, queries
from tianping.appeals import permissions as perms
from tianping.appeals.api_schemas import (
    AppealFeeIn,
    AppealIn,
    AppealOut,
    AppealOutcomeIn,
    CaseEffectOut,
    IncomingOut,
    LinkedCaseOut,
    MediationCloseIn,
    RetrialIn,
    RetrialOut,
    RetrialOutcomeIn,
    WindowAppealIn,
)
from tianping.appeals.choices import AppealChannel, RetrialStatus
from tianping.appeals.models import Appeal, RetrialApplication
from tianping.cases.permissions import cases_visible_to, get_case_for_user
from tianping.courts.permissions import effective_user, require_staff
from tianping.flows import appeals as flow
from tianping.flows.closing import close_on_mediation_service

router = Router(tags=["appeals"])
CODE = Path(..., min_length=1, max_length=12)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _appeal_out(a) -> dict:
    return {
        "code": a.code, "case": a.case.code, "case_number": a.case.number,
        "appellant": a.appellant.name, "channel": a.channel, "status": a.status,
        "filed_on": a.filed_on, "served_on": a.served_on, "last_day": a.last_day,
        "late_ground": a.late_ground, "fee_amount": a.fee_amount, "fee_due_on": a.fee_due_on,
        "fee_paid_on": a.fee_paid_on, "appeal_court": a.appeal_court.code,
        "transferred_at": a.transferred_at,
        "second_case_number": a.second_case.number if a.second_case_id else None,
        "outcome": a.outcome, "decided_on": a.decided_on,
    }


def _retrial_out(r) -> dict:
    return {
        "code": r.code, "case_number": r.case.number, "applicant": r.applicant.name,
        "court": r.court.code, "status": r.status, "filed_on": r.filed_on,
        "effective_on": r.effective_on,
        "review_case_number": r.review_case.number if r.review_case_id else None,
        "outcome": r.outcome,
    }


def _effect_out(user, case) -> dict:
    effect = queries.effect_of(case)
    links = queries.chain_of(case)
    visible = set(cases_visible_to(user).filter(pk__in=[x.case_id for x in links])
                  .values_list("pk", flat=True))
    result = effect.result if effect else None
    return {
        "case": case.code, "number": case.number,
        "closing_document": effect.document.title if effect and effect.document else None,
        "document_kind": effect.kind if effect else None,
        "status": queries.status_text(effect),
        "effective_on": effect.effective_on if effect else None,
        "is_effective": bool(effect and effect.is_effective),
        "unserved": list(result.unserved) if result else [],
        "periods": queries.period_rows(effect),
        "explanation": [s.text for s in result.steps] if result else [],
        "appeals": [_appeal_out(a) for a in Appeal.objects.filter(case=case)],
        "appeals_heard": [_appeal_out(a) for a in Appeal.objects.filter(second_case=case)],
        "retrials": [_retrial_out(r) for r in queries.retrials_of(case)],
        "chain": [{"number": x.case.number,
                   "code": x.case.code if x.case_id in visible else None,
                   "court": x.case.court.code, "stage": x.stage, "state": x.case.state}
                  for x in links],
    }


def _case(request, code):
    user = effective_user(request)
    return user, get_case_for_user(user, code)


@router.get("/cases/{code}", response=CaseEffectOut,
            summary="When the case's decision takes effect, its appeals and linked cases")
def case_effect(request, code: str = CODE):
    user, case = _case(request, code)
    return _effect_out(user, case)


@router.post("/cases/{code}/appeals", response={201: AppealOut},
             summary="A party (or their lawyer) appeals online")
def appeal(request, payload: AppealIn, code: str = CODE):
    user, case = _case(request, code)
    party = perms.parties_acted_for(user).filter(case=case, pk=payload.party).first()
    if party is None:
        raise PermissionDenied
    row = actions.file_appeal(case, party=party, channel=AppealChannel.ONLINE,
                              grounds=payload.grounds, requests=payload.requests,
                              amount=payload.amount, **_acting(request))
    return Status(201, _appeal_out(row))


@router.post("/cases/{code}/window-appeals", response={201: AppealOut},
             summary="The filing division records a paper appeal with its scan")
def window_appeal(request, payload: Form[WindowAppealIn], petition: File[UploadedFile],
                  code: str = CODE):
    user = require_staff(effective_user(request))
    case = get_case_for_user(user, code)
    if not perms.can_record_at_window(user, case):
        raise PermissionDenied
    party = case.parties.filter(pk=payload.party).first()
    if party is None:
        raise Http404
    row = actions.file_appeal(case, party=party, channel=AppealChannel.WINDOW,
                              grounds=payload.grounds, requests=payload.requests,
                              amount=payload.amount, petition=petition,
                              late_ground=payload.late_ground,
                              late_reason=payload.late_reason, **_acting(request))
    return Status(201, _appeal_out(row))


@router.post("/appeals/{code}/fee", response=AppealOut,
             summary="Record the appeal fee paid (the first-instance court)")
def fee(request, payload: AppealFeeIn, code: str = CODE):
    user = require_staff(effective_user(request))
    row = Appeal.objects.filter(code=code, case__in=cases_visible_to(user)).first()
    if row is None:
        raise Http404
    row = actions.record_fee_paid(row, paid_on=payload.paid_on, receipt=payload.receipt,
                                  **_acting(request))
    return _appeal_out(row)


@router.post("/cases/{code}/transfer", response=list[AppealOut],
             summary="Transfer the file to the appeal court (上诉案件移送)")
def transfer(request, code: str = CODE):
    user = require_staff(effective_user(request))
    case = get_case_for_user(user, code)
    return [_appeal_out(a) for a in actions.transfer(case, **_acting(request))]


@router.get("/incoming", response=IncomingOut,
            summary="Appeals and retrial applications waiting for the caller's court")
def incoming(request):
    user = require_staff(effective_user(request))
    courts = perms.dockets_of(user)
    return {
        "appeals": [{"case": a.case.code, "number": a.case.number,
                     "court": a.case.court.code, "appellant": a.appellant.name,
                     "transferred_at": a.transferred_at}
                    for a in queries.incoming_appeals(courts)],
        "retrials": [{"code": r.code, "case_number": r.case.number,
                      "court": r.case.court.code, "applicant": r.applicant.name,
                      "filed_on": r.filed_on} for r in queries.incoming_retrials(courts)],
    }


@router.post("/incoming/{code}/second-instance", response={201: LinkedCaseOut},
             summary="The appeal court files the second-instance case (民终 ...)")
def docket(request, code: str = CODE):
    user = require_staff(effective_user(request))
    row = Appeal.objects.filter(case__code=code, appeal_court_id__in=perms.dockets_of(user)
                                ).select_related("case").first()
    if row is None:
        raise Http404
    second = flow.docket_appeal(row.case, **_acting(request))
    return Status(201, {"code": second.code, "number": second.number})


@router.post("/cases/{code}/outcome", response=CaseEffectOut,
             summary="The second-instance judge closes the case with its outcome")
def outcome(request, payload: Form[AppealOutcomeIn], document: File[UploadedFile],
            code: str = CODE):
    user, case = _case(request, code)
    flow.decide_appeal(case, outcome=payload.outcome, decided_on=payload.decided_on,
                       documents=[document], **_acting(request))
    return _effect_out(user, get_case_for_user(user, code))


@router.post("/cases/{code}/mediation-close", response=CaseEffectOut,
             summary="Close on the mediation document's service on the last party")
def mediation_close(request, payload: MediationCloseIn, code: str = CODE):
    user, case = _case(request, code)
    document = case.documents.filter(pk=payload.document).first()
    if document is None:
        raise Http404
    close_on_mediation_service(case, document=document, **_acting(request))
    return _effect_out(user, get_case_for_user(user, code))


@router.post("/cases/{code}/retrials", response={201: RetrialOut},
             summary="A party applies for a retrial (申请再审) to the court above")
def retrial(request, payload: RetrialIn, code: str = CODE):
    user, case = _case(request, code)
    party = perms.parties_acted_for(user).filter(case=case, pk=payload.party).first()
    if party is None:
        raise PermissionDenied
    row = actions.apply_for_retrial(case, party=party, grounds=payload.grounds,
                                    today=timezone.localdate(), **_acting(request))
    return Status(201, _retrial_out(row))


@router.post("/retrials/{code}/review-case", response={201: LinkedCaseOut},
             summary="The court applied to files the review case (民申 ...)")
def docket_retrial(request, code: str = CODE):
    user = require_staff(effective_user(request))
    row = RetrialApplication.objects.filter(code=code, court_id__in=perms.dockets_of(user),
                                            status=RetrialStatus.APPLIED).first()
    if row is None:
        raise Http404
    review = flow.docket_retrial(row, **_acting(request))
    return Status(201, {"code": review.code, "number": review.number})


@router.post("/cases/{code}/retrial-outcome", response=CaseEffectOut,
             summary="The review's judge decides the retrial application")
def retrial_outcome(request, payload: Form[RetrialOutcomeIn], document: File[UploadedFile],
                    code: str = CODE):
    user, case = _case(request, code)
    flow.decide_retrial(case, outcome=payload.outcome, decided_on=payload.decided_on,
                        documents=[document], **_acting(request))
    return _effect_out(user, get_case_for_user(user, code))

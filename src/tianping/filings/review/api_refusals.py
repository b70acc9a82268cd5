"""The judges' side of a refusal in the REST API (/api/v1/refusals): the proposals to refuse
a judge may decide, one proposal, and the decision. The same permissions and action as
the pages (`filings.permissions.can_decide_refusal`, `actions.decide_refusal`): a judge
or the president of the filing's court, never the one who proposed it."""

import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from ninja import Router, Schema

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user, require_staff
from tianping.filings import actions, permissions
from tianping.filings.limits import REASONS_LENGTH
from tianping.filings.review import reads
from tianping.lib.labels import label
from tianping.lib.text import ApiText

router = Router(tags=["refusals"])


class RefusalOut(Schema):
    code: str
    court: str
    filing_status: str
    filing_status_label: str
    basis: str
    basis_label: str
    reasons: str
    proposed_by: str
    proposed_at: datetime.datetime
    outcome: str
    outcome_label: str
    decided_by: str | None
    decided_at: datetime.datetime | None
    note: str
    can_decide: bool
    documents: dict[str, str]


class RefusalDecisionIn(Schema):
    """REFUSE issues the ruling in the judge's name; DECLINE sends the filing back to review
    and needs a NOTE saying why."""

    decision: Literal["refuse", "decline"]
    note: ApiText(REASONS_LENGTH) = ""


def _out(user, proposal) -> dict:
    filing = proposal.filing
    documents = {
        name: reverse("review:document", args=[filing.code, name])
        for name in reads.documents_of(filing)
        if name == "refusal-ruling"
    }
    return {
        "code": filing.code,
        "court": filing.court.code,
        "filing_status": filing.status,
        "filing_status_label": label(filing, "status"),
        "basis": proposal.basis,
        "basis_label": label(proposal, "basis"),
        "reasons": proposal.reasons,
        "proposed_by": str(proposal.proposed_by),
        "proposed_at": proposal.proposed_at,
        "outcome": proposal.outcome,
        "outcome_label": label(proposal, "outcome"),
        "decided_by": str(proposal.decided_by) if proposal.decided_by_id else None,
        "decided_at": proposal.decided_at,
        "note": proposal.note,
        "can_decide": permissions.can_decide_refusal(user, proposal),
        "documents": documents,
    }


@router.get("", response=list[RefusalOut], summary="Proposals to refuse for me to decide")
def to_decide(request):
    user = require_staff(effective_user(request))
    rows = permissions.refusals_to_decide(user).select_related("filing__court", "proposed_by")
    return [_out(user, p) for p in rows[:200]]


@router.get("/{code}", response=RefusalOut, summary="The latest proposal to refuse a filing")
def refusal(request, code: str):
    user = effective_user(request)
    proposal = permissions.get_refusal_for_judge(user, code)
    record_view(request, proposal.filing)
    return _out(user, proposal)


@router.post(
    "/{code}/decision", response=RefusalOut, summary="Decide a proposal to refuse (judges)"
)
def decide(request, code: str, payload: RefusalDecisionIn):
    user = effective_user(request)
    proposal = permissions.get_refusal_for_judge(user, code)
    if not permissions.can_decide_refusal(user, proposal):
        raise PermissionDenied
    proposal = actions.decide_refusal(
        proposal,
        refuse=payload.decision == "refuse",
        note=payload.note,
        actor=request.user,
        acted_for=request.acting_for,
    )
    return _out(user, permissions.get_refusal_for_judge(user, code))

"""The court's check of the lawyers who registered there, in the REST API
(/api/v1/lawyer-registrations): the registrations waiting at the courts where the caller
is a filing clerk or administrator, and the decision (verify, or refuse with the reason).
The same gate, permission and action as the page (`courts.lawyers`), in the caller's own
name like the page (a backup does not verify for another)."""

import datetime
from typing import Literal

from ninja import Field, Path, Query, Router, Schema

from tianping.courts import lawyers
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page
from tianping.lib.labels import label
from tianping.lib.names import local_name
from tianping.lib.text import ApiText

router = Router(tags=["lawyers"])


class EarlierRefusalOut(Schema):
    decided_at: datetime.datetime | None
    court: str
    licence_number: str
    law_firm: str
    reason: str


class LawyerRegistrationOut(Schema):
    id: int
    full_name: str
    id_number: str = Field(description="Masked.")
    phone: str
    email: str
    licence_number: str
    law_firm: str
    court: str
    court_name: str
    submitted_at: datetime.datetime
    status: str
    status_label: str
    decided_at: datetime.datetime | None
    decided_by: str | None
    reason: str
    earlier_refusals: list[EarlierRefusalOut] = Field(
        description="This person's registrations refused before, newest first."
    )


class LawyerDecisionIn(Schema):
    """VERIFY makes the account a lawyer's; REFUSE needs the REASON, which the lawyer is
    shown."""

    decision: Literal["verify", "refuse"]
    reason: ApiText(500) = ""


def _out(application, earlier) -> dict:
    user = application.user
    return {
        "id": application.pk,
        "full_name": user.full_name,
        "id_number": user.masked_id_number,
        "phone": user.phone,
        "email": user.email,
        "licence_number": application.licence_number,
        "law_firm": application.law_firm,
        "court": application.court.code,
        "court_name": local_name(application.court),
        "submitted_at": application.submitted_at,
        "status": application.status,
        "status_label": label(application, "status"),
        "decided_at": application.decided_at,
        "decided_by": str(application.decided_by) if application.decided_by_id else None,
        "reason": application.reason,
        "earlier_refusals": [
            {"decided_at": r.decided_at, "court": r.court.code, "licence_number":
             r.licence_number, "law_firm": r.law_firm, "reason": r.reason}
            for r in earlier
        ],
    }


@router.get(
    "", response=PageOut[LawyerRegistrationOut], summary="Lawyers waiting for my court's check"
)
def pending(request, paging: Query[PageIn]):
    lawyers.require_verifier(request.user)
    rows = lawyers.pending_applications(request.user)
    page = rows_page(rows, ("submitted_at", "id"), after=paging.after, size=paging.limit)
    earlier = lawyers.earlier_refusals(page.items)
    return {"items": [_out(a, earlier[a.pk]) for a in page.items], "next": page.next}


@router.post(
    "/{pk}/decision", response=LawyerRegistrationOut, summary="Verify or refuse a lawyer"
)
def decide(request, payload: LawyerDecisionIn, pk: int = Path(..., ge=1, le=2**62)):
    lawyers.require_verifier(request.user)
    application = lawyers.get_application_to_decide(request.user, pk)
    decided = lawyers.decide_application(
        application, actor=request.user, verify=payload.decision == "verify",
        reason=payload.reason,
    )
    return _out(decided, lawyers.earlier_refusals([decided])[decided.pk])

"""Accounts in the REST API: self-registration of litigants and lawyers (anonymous, counted
and bounded per address like the page), the signed-in person's profile (read, contact
details changed) and a refused lawyer's registration sent again. The same actions and
checks as the pages (`accounts.registration`); a problem with one field is answered 422
with its location, like django-ninja's own (`["body", "payload", "id_number"]`)."""

import datetime
from enum import Enum

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status

from tianping.accounts import registration
from tianping.lib.api_errors import ErrorOut
from tianping.lib.labels import label
from tianping.lib.names import local_name
from tianping.lib.text import ApiText

router = Router(tags=["accounts"])

RegistrationIdType = Enum(
    "RegistrationIdType", {code.upper(): code for code, _name in registration.id_types()},
    type=str,
)


class LawyerDetailsIn(Schema):
    """The bar licence number (17 digits), the law firm and the code of the court that
    checks them (a court of `GET /api/v1/courts` or the court directory)."""

    licence_number: ApiText(17)
    law_firm: ApiText(registration.FIRM_LENGTH)
    court: ApiText(20)


class RegistrationIn(Schema):
    """A litigant's registration; with `lawyer`, a lawyer's, waiting for the court's check.
    A mobile phone number or an e-mail address is needed: the account signs in with it."""

    full_name: ApiText(registration.NAME_LENGTH)
    phone: ApiText(20) = ""
    email: ApiText(registration.EMAIL_LENGTH) = ""
    id_type: RegistrationIdType
    id_number: ApiText(40)
    password: str = Field(..., max_length=128)
    lawyer: LawyerDetailsIn | None = None


class LawyerApplicationOut(Schema):
    status: str
    status_label: str
    court: str
    court_name: str
    licence_number: str
    law_firm: str
    submitted_at: datetime.datetime
    decided_at: datetime.datetime | None
    reason: str = Field(description="Why the court refused it; empty otherwise.")
    may_apply_again: bool


class RegisteredOut(Schema):
    username: str = Field(description="The name to sign in with.")
    full_name: str
    kind: str
    lawyer_application: LawyerApplicationOut | None


class LawyerProfileOut(Schema):
    licence_number: str
    law_firm: str


class ProfileOut(Schema):
    username: str
    full_name: str
    kind: str
    kind_label: str
    phone: str
    email: str
    address: str
    id_type: str
    id_type_label: str
    id_number: str = Field(description="Masked: the full number is never sent.")
    lawyer: LawyerProfileOut | None
    lawyer_application: LawyerApplicationOut | None


class ProfileIn(Schema):
    """The contact details to change; a field left out stays as it is, "" clears it."""

    phone: ApiText(20) | None = None
    email: ApiText(registration.EMAIL_LENGTH) | None = None
    address: ApiText(registration.ADDRESS_LENGTH) | None = None


LAWYER_FIELDS = {"licence_number", "law_firm", "court"}


def located(error: ValidationError, *, lawyer_within: str | None = None) -> dict:
    """An action's ValidationError as the answer's `detail`: by field where it names them
    (LAWYER_WITHIN: the object holding the lawyer's fields)."""
    if not hasattr(error, "error_dict"):
        return {"detail": error.messages}
    problems = []
    for name, messages in error.message_dict.items():
        where = ["body", "payload"]
        if name in LAWYER_FIELDS and lawyer_within:
            where.append(lawyer_within)
        for message in messages:
            problems.append({"loc": [*where, name], "msg": message, "type": "value_error"})
    return {"detail": problems}


def application_out(application, user) -> dict | None:
    if application is None:
        return None
    return {
        "status": application.status,
        "status_label": label(application, "status"),
        "court": application.court.code,
        "court_name": local_name(application.court),
        "licence_number": application.licence_number,
        "law_firm": application.law_firm,
        "submitted_at": application.submitted_at,
        "decided_at": application.decided_at,
        "reason": application.reason,
        "may_apply_again": registration.may_apply_again(user),
    }


def _court(code: str):
    from tianping.courts.models import Court

    return Court.objects.active().filter(code=code).first()


@router.post(
    "/registrations",
    auth=None,
    response={201: RegisteredOut, 422: ErrorOut, 429: ErrorOut},
    summary="Register as a litigant or a lawyer",
    openapi_extra={"responses": {"429": {"description": "Too many registrations from this "
                                         "address this hour: the message says when to try."}}},
)
def register(request, payload: RegistrationIn):
    address = request.META.get("REMOTE_ADDR")
    try:
        registration.admit_attempt(address)
    except ValidationError as error:
        return Status(429, {"detail": error.messages[0]})
    lawyer = None
    if payload.lawyer is not None:
        lawyer = payload.lawyer.dict() | {"court": _court(payload.lawyer.court)}
    try:
        user = registration.register(
            full_name=payload.full_name,
            phone=payload.phone,
            email=payload.email,
            id_type=payload.id_type.value,
            id_number=payload.id_number,
            password=payload.password,
            lawyer=lawyer,
            ip_address=address,
        )
    except ValidationError as error:
        return Status(422, located(error, lawyer_within="lawyer"))
    return Status(201, {
        "username": user.username,
        "full_name": user.full_name,
        "kind": user.kind,
        "lawyer_application": application_out(user.lawyer_application, user),
    })


def profile_out(user) -> dict:
    lawyer = getattr(user, "lawyer_profile", None)
    return {
        "username": user.username,
        "full_name": user.full_name,
        "kind": user.kind,
        "kind_label": str(user.get_kind_display()),
        "phone": user.phone,
        "email": user.email,
        "address": user.address,
        "id_type": user.id_type,
        "id_type_label": str(dict(registration.id_types()).get(user.id_type, user.id_type)),
        "id_number": user.masked_id_number,
        "lawyer": (
            {"licence_number": lawyer.licence_number, "law_firm": lawyer.law_firm}
            if lawyer is not None else None
        ),
        "lawyer_application": application_out(user.lawyer_application, user),
    }


@router.get("/profile", response=ProfileOut, summary="My account (identity number masked)")
def profile(request):
    return profile_out(request.user)


@router.patch(
    "/profile", response={200: ProfileOut, 422: ErrorOut}, summary="Change my contact details"
)
def change_profile(request, payload: ProfileIn):
    user = request.user
    given = payload.dict(exclude_none=True)
    values = {name: given.get(name, getattr(user, name)) for name in registration.PROFILE_FIELDS}
    try:
        user = registration.update_profile(user, actor=user, **values)
    except ValidationError as error:
        return Status(422, located(error))
    return Status(200, profile_out(user))


@router.post(
    "/profile/lawyer-application",
    response={201: LawyerApplicationOut, 422: ErrorOut},
    summary="Send a refused registration as a lawyer again, corrected",
)
def apply_again(request, payload: LawyerDetailsIn):
    user = request.user
    try:
        application = registration.apply_again(
            user,
            actor=user,
            licence_number=payload.licence_number,
            law_firm=payload.law_firm,
            court=_court(payload.court),
            ip_address=request.META.get("REMOTE_ADDR"),
        )
    except ValidationError as error:
        return Status(422, located(error))
    return Status(201, application_out(application, user))

"""Self-registration of litigants and lawyers, and the owner's changes to their account.

Each is one action: one transaction and its audit entry. Forms check the input (identity
numbers through `catalog.identity`, the licence number's 17 digits); the actions check
again what only the database knows (the sign-in name or licence already taken).

A lawyer registers as a litigant with a `LawyerApplication` at a court: a filing clerk or
the administrator of that court verifies it (`courts.lawyers`), and only then does the
account become a lawyer's, with the `LawyerProfile` that lets it act for others.
"""

import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tianping.accounts import throttle
from tianping.accounts.choices import UserKind
from tianping.accounts.models import LawyerApplication, LawyerProfile, User
from tianping.audit.actions import model_changes, record
from tianping.catalog.choices import DocumentType
from tianping.catalog.identity import IdentityError, validate_document
from tianping.lib.text import clean_text, too_long

PHONE = re.compile(r"^1\d{10}$")
LICENCE_NUMBER = re.compile(r"^\d{17}$")
PROFILE_FIELDS = ("phone", "email", "address")
NAME_LENGTH, FIRM_LENGTH, ADDRESS_LENGTH, EMAIL_LENGTH = 100, 200, 200, 254
Status = LawyerApplication.Status


def id_types() -> list[tuple[str, str]]:
    """The identity documents a person registers with (a company's code is not one)."""
    return [c for c in DocumentType.choices if c[0] != DocumentType.USCC]


def phone_message() -> str:
    return _("A mobile phone number has 11 digits and starts with 1.")


def licence_message() -> str:
    return _("A bar licence number has 17 digits.")


def sign_in_name(phone: str, email: str) -> str:
    """The name the person signs in with: the mobile number, else the e-mail address."""
    return (phone or email).strip().lower()


def name_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def licence_taken(licence_number: str, *, besides: User | None = None) -> bool:
    """Whether a lawyer holds LICENCE_NUMBER, or a registration waits or was verified with
    it (BESIDES: the person applying again, whose own refused registrations do not count)."""
    applied = LawyerApplication.objects.filter(licence_number=licence_number).exclude(
        status=Status.REFUSED
    )
    held = LawyerProfile.objects.filter(licence_number=licence_number)
    if besides is not None:
        applied, held = applied.exclude(user=besides), held.exclude(user=besides)
    return held.exists() or applied.exists()


def admit_attempt(ip_address: str | None) -> None:
    """Count an attempt to register from IP_ADDRESS, or refuse it when the address had its
    share this hour (REGISTRATIONS_PER_ADDRESS). The page and the API call it first, before
    any check, so that guessing who has an account is slow too."""
    minutes = throttle.registration_minutes_refused(ip_address)
    if minutes:
        raise ValidationError(
            ngettext(
                "Too many registrations from your network. Try again in %(minutes)d minute.",
                "Too many registrations from your network. Try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
        )
    throttle.note_registration_attempt(ip_address)


def check_lawyer(lawyer: dict, errors: dict) -> dict:
    """LAWYER's details ({licence_number, law_firm, court}) checked, into ERRORS by field."""
    licence = (lawyer.get("licence_number") or "").strip()
    firm = clean_text(lawyer.get("law_firm") or "").strip()
    court = lawyer.get("court")
    if not LICENCE_NUMBER.match(licence):
        errors["licence_number"] = [licence_message()]
    if not firm:
        errors["law_firm"] = [_("Give the name of your law firm.")]
    elif message := too_long(firm, FIRM_LENGTH):
        errors["law_firm"] = [message]
    if court is None or not getattr(court, "is_active", False):
        errors["court"] = [_("Choose the court that checks your licence.")]
    return {"licence_number": licence, "law_firm": firm, "court": court}


def check_details(
    *,
    full_name=None,
    phone=None,
    email=None,
    id_type=None,
    id_number=None,
    password=None,
    lawyer: dict | None = None,
    need_contact: bool = True,
) -> dict:
    """The registration's details checked as the page and the API both check them, and
    normalised (the identity number as `catalog.identity` writes it). A value of None is
    not checked (the form found it wrong already); NEED_CONTACT: a phone or an e-mail is
    needed (to sign in with). Raises ValidationError with the messages by field."""
    errors: dict[str, list[str]] = {}
    found = {"phone": (phone or "").strip(), "email": (email or "").strip()}
    if full_name is not None:
        found["full_name"] = clean_text(full_name).strip()
        if not found["full_name"]:
            errors["full_name"] = [_("Give your full name.")]
        elif message := too_long(found["full_name"], NAME_LENGTH):
            errors["full_name"] = [message]
    if found["phone"] and not PHONE.match(found["phone"]):
        errors["phone"] = [phone_message()]
    if found["email"]:
        try:
            validate_email(found["email"])
            if len(found["email"]) > EMAIL_LENGTH:
                raise ValidationError(validate_email.message)
        except ValidationError as error:
            errors["email"] = error.messages
    if need_contact and not found["phone"] and not found["email"]:
        errors["phone"] = [_("Give a mobile phone number or an e-mail address.")]
    if id_type is not None and id_number is not None:
        if id_type not in dict(id_types()):
            errors["id_type"] = [_("Choose one of the identity documents listed.")]
        else:
            try:
                found["id_number"] = validate_document(
                    id_type, id_number, today=timezone.localdate()
                )
            except IdentityError as error:
                errors["id_number"] = [str(error)]
        found["id_type"] = id_type
    if password is not None:
        candidate = User(
            username=sign_in_name(found["phone"], found["email"]),
            full_name=found.get("full_name", ""),
            email=found["email"],
        )
        try:
            validate_password(password, candidate)
        except ValidationError as error:
            errors["password"] = error.messages
    if lawyer is not None:
        found["lawyer"] = check_lawyer(lawyer, errors)
    if errors:
        raise ValidationError(errors)
    return found


@transaction.atomic
def register(
    *,
    full_name: str,
    phone: str,
    email: str,
    id_type: str,
    id_number: str,
    password: str,
    lawyer: dict | None = None,
    ip_address: str | None = None,
) -> User:
    """Create a litigant's account; with LAWYER ({licence_number, law_firm, court}) also the
    registration a court will verify. Every detail is checked here (`check_details`), as
    the page's form and the API's schema cannot know whether the name or licence is taken;
    the attempt was counted by `admit_attempt` before."""
    found = check_details(
        full_name=full_name, phone=phone, email=email, id_type=id_type, id_number=id_number,
        password=password, lawyer=lawyer,
    )
    username = sign_in_name(found["phone"], found["email"])
    if name_taken(username):
        raise ValidationError(
            _("An account already uses this phone number or e-mail address. Sign in, or reset "
              "the password from the sign-in page.")
        )
    if lawyer is not None and licence_taken(found["lawyer"]["licence_number"]):
        raise ValidationError(_("This bar licence number is already registered."))
    user = User(
        username=username,
        kind=UserKind.LITIGANT,
        full_name=found["full_name"],
        phone=found["phone"],
        email=found["email"],
        id_type=id_type,
        id_number=found["id_number"],
    )
    user.set_password(password)
    user.save()
    details = {"kind": UserKind.LITIGANT, "id_type": id_type}
    if lawyer is not None:
        application = LawyerApplication.objects.create(user=user, **found["lawyer"])
        details |= {"lawyer_application": application.pk, "court": application.court.code}
    record("user.registered", user, actor=user, changes=details, ip_address=ip_address)
    return user


def may_apply_again(user) -> bool:
    """Whether USER's latest registration as a lawyer was refused (and they are not a lawyer
    since): they may correct it and apply again."""
    application = user.lawyer_application
    return (
        application is not None
        and application.status == Status.REFUSED
        and user.kind == UserKind.LITIGANT
    )


@transaction.atomic
def apply_again(
    user: User, *, actor, licence_number: str, law_firm: str, court, ip_address=None
) -> LawyerApplication:
    """A refused lawyer's corrected registration: a new one, pending at COURT, the refused
    one kept as it was (its refusal stays in the list and the audit record)."""
    if actor.pk != user.pk:
        raise ValidationError(_("Only the account's owner applies again."))
    row = User.objects.select_for_update().get(pk=user.pk)
    if not may_apply_again(row):
        raise ValidationError(
            _("Only a registration the court refused can be corrected and sent again.")
        )
    errors: dict[str, list[str]] = {}
    found = check_lawyer(
        {"licence_number": licence_number, "law_firm": law_firm, "court": court}, errors
    )
    if errors:
        raise ValidationError(errors)
    if licence_taken(found["licence_number"], besides=row):
        raise ValidationError(_("This bar licence number is already registered."))
    refused = row.lawyer_application
    application = LawyerApplication.objects.create(user=row, **found)
    record(
        "lawyer.applied_again",
        row,
        actor=actor,
        ip_address=ip_address,
        changes={
            "lawyer_application": application.pk,
            "refused_application": refused.pk,
            "refusal_reason": refused.reason,
            "licence_number": [refused.licence_number, application.licence_number],
            "law_firm": [refused.law_firm, application.law_firm],
            "court": [refused.court.code, application.court.code],
        },
    )
    return application


def check_profile(*, phone: str, email: str, address: str) -> dict:
    """The contact details as the profile page and the API check them, cleaned."""
    found = check_details(phone=phone, email=email, need_contact=False)
    found["address"] = clean_text(address or "").strip()
    if message := too_long(found["address"], ADDRESS_LENGTH):
        raise ValidationError({"address": [message]})
    return found


@transaction.atomic
def update_profile(user: User, *, actor, phone: str, email: str, address: str) -> User:
    """The owner changes their contact details; the sign-in name stays as it was."""
    if actor.pk != user.pk:
        raise ValidationError(_("Only the account's owner changes these details here."))
    found = check_profile(phone=phone, email=email, address=address)
    phone, email, address = found["phone"], found["email"], found["address"]
    row = User.objects.select_for_update().get(pk=user.pk)
    before = {name: getattr(row, name) for name in PROFILE_FIELDS}
    row.phone, row.email, row.address = phone, email, address
    row.save(update_fields=list(PROFILE_FIELDS))
    changes = {k: v for k, v in model_changes(before, row).items() if k in PROFILE_FIELDS}
    if changes:
        record("user.profile_changed", row, actor=actor, changes=changes)
    return row


@transaction.atomic
def change_password(user: User, *, new_password: str, ip_address: str | None = None) -> None:
    """The owner sets a new password (the old one was checked by the form)."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record("user.password_changed", user, actor=user, ip_address=ip_address)

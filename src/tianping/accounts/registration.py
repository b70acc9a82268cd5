"""Self-registration of litigants and lawyers, and the owner's changes to their account.

Each is one action: one transaction and its audit entry. Forms check the input (identity
numbers through `catalog.identity`, the licence number's 17 digits); the actions check
again what only the database knows (the sign-in name or licence already taken).

A lawyer registers as a litigant with a `LawyerApplication` at a court: a filing clerk or
the administrator of that court verifies it (`courts.lawyers`), and only then does the
account become a lawyer's, with the `LawyerProfile` that lets it act for others.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.accounts.choices import UserKind
from tianping.accounts.models import LawyerApplication, LawyerProfile, User
from tianping.audit.actions import model_changes, record

LICENCE_NUMBER = re.compile(r"^\d{17}$")
PROFILE_FIELDS = ("phone", "email", "address")


def sign_in_name(phone: str, email: str) -> str:
    """The name the person signs in with: the mobile number, else the e-mail address."""
    return (phone or email).strip().lower()


def name_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def licence_taken(licence_number: str) -> bool:
    """Whether a lawyer holds LICENCE_NUMBER, or a registration waits or was verified with it."""
    applied = LawyerApplication.objects.filter(licence_number=licence_number).exclude(
        status=LawyerApplication.Status.REFUSED
    )
    return (
        LawyerProfile.objects.filter(licence_number=licence_number).exists() or applied.exists()
    )


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
    registration a court will verify. The password is checked by the form's validators."""
    username = sign_in_name(phone, email)
    if not username:
        raise ValidationError(_("Give a mobile phone number or an e-mail address."))
    if name_taken(username):
        raise ValidationError(
            _("An account already uses this phone number or e-mail address. Sign in, or reset "
              "the password from the sign-in page.")
        )
    if lawyer is not None:
        if not LICENCE_NUMBER.match(lawyer["licence_number"]):
            raise ValidationError(_("A bar licence number has 17 digits."))
        if licence_taken(lawyer["licence_number"]):
            raise ValidationError(_("This bar licence number is already registered."))
    user = User(
        username=username,
        kind=UserKind.LITIGANT,
        full_name=full_name,
        phone=phone,
        email=email,
        id_type=id_type,
        id_number=id_number,
    )
    user.set_password(password)
    user.save()
    details = {"kind": UserKind.LITIGANT, "id_type": id_type}
    if lawyer is not None:
        application = LawyerApplication.objects.create(
            user=user,
            licence_number=lawyer["licence_number"],
            law_firm=lawyer["law_firm"],
            court=lawyer["court"],
        )
        details |= {"lawyer_application": application.pk, "court": application.court.code}
    record("user.registered", user, actor=user, changes=details, ip_address=ip_address)
    return user


@transaction.atomic
def update_profile(user: User, *, actor, phone: str, email: str, address: str) -> User:
    """The owner changes their contact details; the sign-in name stays as it was."""
    if actor.pk != user.pk:
        raise ValidationError(_("Only the account's owner changes these details here."))
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

"""Court administration: what a court's administrator does for their own court.

Staff accounts (create, deactivate, reactivate, issue a password reset), their roles at the
court, its courtrooms and its own calendar days. Each action checks the predicate of
`courts.permissions` again (a page that forgot cannot open a hole), runs in one
transaction and writes its audit entry there, with the fields before and after; a
password never appears in the record, nor does a reset token.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tianping.accounts.choices import UserKind
from tianping.audit.actions import field_values, model_changes, record
from tianping.courts.models import CalendarDay, Court, Courtroom, Division, Membership
from tianping.courts.permissions import (
    can_administer_court,
    can_create_account,
    can_grant_role,
    can_manage_account,
    can_remove_membership,
)


@dataclass(frozen=True)
class ResetLink:
    """The parts of a one-time link to set a password (accounts:password_reset_confirm).
    Shown once to the administrator who hands it over; stored nowhere."""

    uidb64: str
    token: str


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _reset_link(account) -> ResetLink:
    return ResetLink(
        urlsafe_base64_encode(force_bytes(account.pk)), default_token_generator.make_token(account)
    )


def _audit(action: str, obj, actor, changes: dict, ip_address) -> None:
    record(action, obj, actor=actor, changes=changes, ip_address=ip_address)


# Staff accounts


def create_staff_account(
    court: Court,
    *,
    actor,
    username: str,
    full_name: str,
    role: str,
    division: Division | None = None,
    phone: str = "",
    email: str = "",
    ip_address=None,
):
    """A new staff account holding ROLE at COURT, with no password yet: the link returned
    lets its owner set one. Returns (account, link)."""
    User = get_user_model()
    _require(can_create_account(actor, court, role, division), _("You may not grant this role."))
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError({"username": _("This username is taken.")})
        account = User(
            username=username,
            full_name=full_name,
            phone=phone,
            email=email,
            kind=UserKind.STAFF,
            is_staff=False,
            is_superuser=False,
        )
        account.set_unusable_password()
        account.full_clean()
        account.save()
        membership = Membership(user=account, court=court, role=role, division=division)
        membership.full_clean()
        membership.save()
        _audit("user.created", account, actor, field_values(account), ip_address)
        _audit("membership.created", membership, actor, field_values(membership), ip_address)
        link = _reset_link(account)
    return account, link


def set_account_active(account, *, actor, court: Court, active: bool, ip_address=None):
    """Deactivate (signed out everywhere, API tokens refused) or reactivate ACCOUNT."""
    _require(can_manage_account(actor, account, court), _("You may not manage this account."))
    with transaction.atomic():
        before = account.is_active
        account.is_active = active
        account.save(update_fields=["is_active"])
        action = "user.reactivated" if active else "user.deactivated"
        changes = {"is_active": {"from": before, "to": active}, "court": court.code}
        _audit(action, account, actor, changes, ip_address)
    return account


def issue_password_reset(account, *, actor, court: Court, ip_address=None) -> ResetLink:
    """The old password stops working (and every session of the account ends); the link
    returned, valid once and for PASSWORD_RESET_TIMEOUT, lets the owner set a new one."""
    _require(can_manage_account(actor, account, court), _("You may not manage this account."))
    with transaction.atomic():
        account.set_unusable_password()
        account.save(update_fields=["password"])
        changes = {"password": {"changed": True}, "court": court.code}  # never the value
        _audit("user.password_reset_issued", account, actor, changes, ip_address)
        return _reset_link(account)


# Roles at the court


def grant_role(
    account, *, actor, court: Court, role: str, division: Division | None = None, ip_address=None
) -> Membership:
    """Give ACCOUNT the ROLE at COURT (again, if it once held it). Never sight of the
    courts below: that is the superusers' to give."""
    _require(
        can_grant_role(actor, account, court, role, division), _("You may not grant this role.")
    )
    with transaction.atomic():
        membership = Membership.objects.filter(user=account, court=court, role=role).first()
        if membership is None:
            membership = Membership(user=account, court=court, role=role, division=division)
            membership.full_clean()
            membership.save()
            _audit("membership.created", membership, actor, field_values(membership), ip_address)
            return membership
        if Membership.objects.current().filter(pk=membership.pk).exists():
            raise ValidationError(_("This person already holds this role here."))
        before = field_values(membership)
        membership.division = division
        membership.is_active, membership.sees_lower_courts = True, False
        membership.starts_on = membership.ends_on = None
        membership.full_clean()
        membership.save()
        changes = model_changes(before, membership)
        _audit("membership.changed", membership, actor, changes, ip_address)
    return membership


def remove_role(membership: Membership, *, actor, ip_address=None) -> Membership:
    """The role ends (the row stays, for the record and to give the role back later)."""
    _require(can_remove_membership(actor, membership), _("You may not remove this role."))
    with transaction.atomic():
        before = field_values(membership)
        membership.is_active = False
        membership.save(update_fields=["is_active"])
        changes = model_changes(before, membership)
        _audit("membership.removed", membership, actor, changes, ip_address)
    return membership


# Courtrooms and the court's own calendar days


def save_courtroom(court: Court, *, actor, room: Courtroom | None = None, ip_address=None,
                   **fields) -> Courtroom:
    _require(can_administer_court(actor, court), _("You do not administer this court."))
    if room is not None and room.court_id != court.pk:
        raise PermissionDenied(_("This courtroom belongs to another court."))
    with transaction.atomic():
        before = field_values(room) if room is not None else {}
        room = room or Courtroom(court=court)
        for name, value in fields.items():
            setattr(room, name, value)
        room.court = court
        room.full_clean()
        room.save()
        action = "courtroom.changed" if before else "courtroom.created"
        _audit(action, room, actor, model_changes(before, room), ip_address)
    return room


def delete_courtroom(room: Courtroom, *, actor, ip_address=None) -> None:
    _require(can_administer_court(actor, room.court), _("You do not administer this court."))
    try:
        with transaction.atomic():
            _audit("courtroom.deleted", room, actor, field_values(room), ip_address)
            room.delete()
    except ProtectedError:  # hearings were held or are scheduled in it: their record stays
        raise ValidationError(
            _("Hearings were scheduled in this courtroom: it cannot be deleted.")) from None


def add_calendar_day(court: Court, *, actor, day, is_rest_day: bool, name: str = "",
                     ip_address=None) -> CalendarDay:
    """One of COURT's own days (a local holiday, a closure, a make-up working day); it
    applies to this court only, over the national table."""
    _require(can_administer_court(actor, court), _("You do not administer this court."))
    with transaction.atomic():
        entry = CalendarDay(court=court, day=day, is_rest_day=is_rest_day, name=name)
        entry.full_clean()
        entry.save()
        _audit("calendarday.created", entry, actor, field_values(entry), ip_address)
    return entry


def delete_calendar_day(entry: CalendarDay, *, actor, ip_address=None) -> None:
    court = entry.court
    _require(
        court is not None and can_administer_court(actor, court),
        _("You do not administer this court."),
    )
    with transaction.atomic():
        _audit("calendarday.deleted", entry, actor, field_values(entry), ip_address)
        entry.delete()

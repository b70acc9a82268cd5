"""Verifying the lawyers who registered themselves (律师身份核验).

A lawyer registers at a court (`accounts.registration`); a filing clerk or the
administrator of that court checks the licence and verifies or refuses it here. Verifying
makes the account a lawyer's, with the `LawyerProfile` that lets it act for clients;
refusing leaves it a litigant's, with the reason. One action each: one transaction, the
audit entry and a message to the lawyer.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.accounts.choices import UserKind
from tianping.accounts.models import LawyerApplication, LawyerProfile, User
from tianping.audit.actions import record
from tianping.courts.permissions import can_verify_lawyers, lawyer_verifying_court_ids
from tianping.notifications.actions import notify

Status = LawyerApplication.Status


def require_verifier(user) -> None:
    """The gate of the lawyers' list, page and API: a filing clerk or administrator of a
    court (`permissions.can_verify_lawyers` decides each registration)."""
    if not lawyer_verifying_court_ids(user):
        raise PermissionDenied


def earlier_refusals(applications) -> dict[int, list[LawyerApplication]]:
    """The refused registrations of the people of APPLICATIONS made before each (a lawyer
    who corrected and applied again), newest first, by application id; one query."""
    applications = list(applications)
    by_user: dict[int, list] = {}
    refused = LawyerApplication.objects.filter(
        user_id__in={a.user_id for a in applications}, status=Status.REFUSED
    ).select_related("court").order_by("-submitted_at", "-id")
    for row in refused:
        by_user.setdefault(row.user_id, []).append(row)
    return {
        a.pk: [r for r in by_user.get(a.user_id, []) if r.submitted_at < a.submitted_at]
        for a in applications
    }


def pending_applications(user):
    """The registrations waiting at the courts where USER verifies lawyers, oldest first."""
    return LawyerApplication.objects.filter(
        court_id__in=lawyer_verifying_court_ids(user), status=Status.PENDING
    ).select_related("user", "court")


def recently_decided(user, limit: int = 20):
    return (
        LawyerApplication.objects.filter(court_id__in=lawyer_verifying_court_ids(user))
        .exclude(status=Status.PENDING)
        .select_related("user", "court", "decided_by")
        .order_by("-decided_at")[:limit]
    )


def get_application_to_decide(user, pk: int) -> LawyerApplication:
    found = pending_applications(user).filter(pk=pk).first()
    if found is None:
        raise Http404("No such registration.")
    return found


@transaction.atomic
def decide_application(
    application: LawyerApplication, *, actor, verify: bool, reason: str = ""
) -> LawyerApplication:
    """Verify or refuse a lawyer's registration (checked again, under the row's lock)."""
    row = LawyerApplication.objects.select_for_update().select_related("court").get(
        pk=application.pk
    )
    if not can_verify_lawyers(actor, row.court):
        raise PermissionDenied
    if row.status != Status.PENDING:
        raise ValidationError(_("This registration has already been decided."))
    if not verify and not reason.strip():
        raise ValidationError(_("Say why the registration is refused."))
    user = User.objects.select_for_update().get(pk=row.user_id)
    if verify:
        if LawyerProfile.objects.filter(licence_number=row.licence_number).exists():
            raise ValidationError(_("Another lawyer already holds this bar licence number."))
        LawyerProfile.objects.create(
            user=user, licence_number=row.licence_number, law_firm=row.law_firm
        )
        user.kind = UserKind.LAWYER
        user.save(update_fields=["kind"])
    row.status = Status.VERIFIED if verify else Status.REFUSED
    row.decided_by, row.decided_at, row.reason = actor, timezone.now(), reason.strip()
    row.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    record(
        "lawyer.verified" if verify else "lawyer.refused",
        user,
        actor=actor,
        changes={
            "licence_number": row.licence_number,
            "court": row.court.code,
            "status": row.status,
            "reason": row.reason,
        },
    )
    notify(
        [user],
        key=f"lawyer-application:{row.pk}:{row.status}",
        kind="lawyer.decided",
        status=row.status,
        court=row.court.code,  # named when read, in the reader's language
        reason=row.reason,
    )
    return row


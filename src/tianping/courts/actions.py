"""Use cases of the courts app. Each writes its audit entry in the same transaction."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.audit.actions import field_values, record
from tianping.courts.middleware import SESSION_KEY
from tianping.courts.models import Backup, Court
from tianping.courts.permissions import can_act_for, can_name_backup, may_be_backup_of


def create_court(*, actor, **fields) -> Court:
    """Create a court after checking its code against its level and higher court."""
    court = Court(**fields)
    court.full_clean()
    with transaction.atomic():
        court.save()
        record("court.created", court, actor=actor, changes=field_values(court))
    return court


def name_backup(
    principal, *, actor, backup, away_from: datetime.date, away_until: datetime.date, reason=""
) -> Backup:
    """The principal (A) names a backup (B) who may act for them while they are away."""
    if actor.pk != principal.pk or not can_name_backup(principal):
        raise PermissionDenied(_("Only a staff member can name their own backup."))
    if backup.pk == principal.pk:
        raise ValidationError(_("You cannot be your own backup."))
    if not may_be_backup_of(backup, principal):
        raise ValidationError(_("The backup must be a member of staff of your own court."))
    if away_until < away_from:
        raise ValidationError(_("The end of the absence is before its start."))
    with transaction.atomic():
        entry = Backup.objects.create(
            principal=principal,
            backup=backup,
            away_from=away_from,
            away_until=away_until,
            reason=reason,
        )
        record("backup.named", entry, actor=actor, changes=field_values(entry))
    return entry


def cancel_backup(entry: Backup, *, actor) -> None:
    if actor.pk != entry.principal_id:
        raise PermissionDenied(_("Only the person who named the backup can cancel it."))
    with transaction.atomic():
        entry.is_active = False
        entry.save(update_fields=["is_active"])
        record("backup.cancelled", entry, actor=actor)


def start_acting_for(request, principal) -> None:
    """The backup starts acting for the principal in this session."""
    if not can_act_for(request.user, principal):
        raise PermissionDenied(_("You are not this person's backup today."))
    request.session[SESSION_KEY] = principal.pk
    record("backup.acting_started", principal, actor=request.user, acted_for=principal)


def stop_acting_for(request) -> None:
    principal = getattr(request, "acting_for", None)
    request.session.pop(SESSION_KEY, None)
    if principal is not None:
        record("backup.acting_stopped", principal, actor=request.user, acted_for=principal)
    request.acting_for = None

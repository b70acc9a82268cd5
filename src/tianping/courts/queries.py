"""Reads of court data through the permission choke point."""

from django.http import Http404

from tianping.courts.models import Backup, Court
from tianping.courts.permissions import can_administer_court, visible_court_ids


def courts_visible_to(user):
    """Courts the user may see as staff, with their higher court loaded."""
    return Court.objects.filter(pk__in=visible_court_ids(user)).select_related("parent")


def get_court_for_user(user, code: str) -> Court:
    """The court with CODE if the user may see it; otherwise the same 404 as a missing one."""
    court = courts_visible_to(user).filter(code=code).first()
    if court is None:
        raise Http404("No such court.")
    return court


def get_court_to_administer(user, code: str) -> Court:
    """The court with CODE if USER administers it; otherwise the same 404 as a missing one."""
    court = Court.objects.filter(code=code).first()
    if court is None or not can_administer_court(user, court):
        raise Http404("No such court.")
    return court


def public_courts():
    """What anyone may see: active courts with their service points (诉讼服务点)."""
    return (
        Court.objects.active().select_related("parent").prefetch_related("service_points__liaisons")
    )


def backups_acting_for(user, on=None):
    """Principals the user may currently act for."""
    return Backup.objects.in_force(on).filter(backup=user).select_related("principal")


def backups_of(user):
    """Backups the user has named, newest first."""
    return Backup.objects.filter(principal=user).select_related("backup")

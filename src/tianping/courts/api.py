import datetime

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from tianping.courts import actions
from tianping.courts.permissions import effective_user
from tianping.courts.queries import backups_of, courts_visible_to, get_court_for_user
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page

router = Router(tags=["courts"])
backup_router = Router(tags=["A/B backup"])


class CourtOut(Schema):
    code: str
    name: str
    level: str
    special_kind: str
    parent_code: str | None


class NamedOut(Schema):
    name: str
    kind: str


class CourtDetailOut(CourtOut):
    divisions: list[NamedOut]
    teams: list[NamedOut]
    courtrooms: list[str]
    service_points: list[str]


def _court_out(court) -> dict:
    return {
        "code": court.code,
        "name": court.name,
        "level": court.level,
        "special_kind": court.special_kind,
        "parent_code": court.parent.code if court.parent_id else None,
    }


@router.get("", response=PageOut[CourtOut], summary="Courts the user may see")
def list_courts(request, paging: Query[PageIn]):
    courts = courts_visible_to(effective_user(request))
    page = rows_page(courts, ("code", "id"), after=paging.after, size=paging.limit)
    return {"items": [_court_out(c) for c in page.items], "next": page.next}


@router.get("/{code}", response=CourtDetailOut, summary="One court with its structure")
def court_detail(request, code: str):
    court = get_court_for_user(effective_user(request), code)
    return {
        **_court_out(court),
        "divisions": [{"name": d.name, "kind": d.kind} for d in court.divisions.all()],
        "teams": [{"name": t.name, "kind": t.kind} for t in court.teams.all()],
        "courtrooms": [r.name for r in court.courtrooms.all()],
        "service_points": [p.name for p in court.service_points.all()],
    }


class BackupIn(Schema):
    backup_username: str
    away_from: datetime.date
    away_until: datetime.date
    reason: str = ""


class BackupOut(Schema):
    id: int
    backup_username: str
    away_from: datetime.date
    away_until: datetime.date
    reason: str
    is_active: bool


def _backup_out(entry) -> dict:
    return {
        "id": entry.pk,
        "backup_username": entry.backup.username,
        "away_from": entry.away_from,
        "away_until": entry.away_until,
        "reason": entry.reason,
        "is_active": entry.is_active,
    }


@backup_router.get("", response=PageOut[BackupOut], summary="Backups (AB角) I have named")
def my_backups(request, paging: Query[PageIn]):
    backups = backups_of(request.user)
    page = rows_page(backups, ("-away_from", "-id"), after=paging.after, size=paging.limit)
    return {"items": [_backup_out(b) for b in page.items], "next": page.next}


@backup_router.post("", response={201: BackupOut}, summary="Name a backup for an absence")
def create_backup(request, payload: BackupIn):
    backup = get_object_or_404(get_user_model(), username=payload.backup_username)
    entry = actions.name_backup(
        request.user,
        actor=request.user,
        backup=backup,
        away_from=payload.away_from,
        away_until=payload.away_until,
        reason=payload.reason,
    )
    return Status(201, _backup_out(entry))

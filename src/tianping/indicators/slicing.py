"""Resolving the team and cause parts of a slice (`compute.make_slice`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tianping.catalog.models import CatalogEntry
from tianping.courts.models import Team


def team_of(team, court_ids) -> tuple[int | None, str]:
    """TEAM (a Team or its id) of one of the courts: (its id, its name)."""
    if team is None or team == "":
        return None, ""
    if not isinstance(team, Team):
        team = Team.objects.filter(pk=team).first() if str(team).isdigit() else None
    if team is None or team.court_id not in court_ids:
        raise ValidationError(_("The court has no such team."))
    return team.pk, team.name


def causes_of(cause) -> tuple[tuple[int, ...] | None, str]:
    """CAUSE (a catalog entry or its id) and every entry under it in its catalog version
    (through `parent_code`): (their ids, its name)."""
    if cause is None or cause == "":
        return None, ""
    if not isinstance(cause, CatalogEntry):
        cause = CatalogEntry.objects.filter(pk=cause).first() if str(cause).isdigit() else None
    if cause is None:
        raise ValidationError(_("No such cause of action."))
    rows = list(CatalogEntry.objects.filter(version_id=cause.version_id)
                .values_list("pk", "code", "parent_code"))
    children: dict[str, list] = {}
    for pk, code, parent in rows:
        children.setdefault(parent, []).append((pk, code))
    found, todo = [cause.pk], [cause.code]
    while todo:
        for pk, code in children.get(todo.pop(), ()):
            found.append(pk)
            todo.append(code)
    return tuple(sorted(set(found))), cause.name

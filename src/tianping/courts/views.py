from django.http import Http404
from django.shortcuts import render

from tianping.courts.permissions import effective_user, is_staff_member
from tianping.courts.queries import courts_visible_to, public_courts


def _staff_sight(request) -> set[int]:
    """Ids of the courts whose internal details (teams and their members) the signed-in
    staff member may see; none for a visitor or a litigant."""
    user = effective_user(request)
    if not user.is_authenticated or not is_staff_member(user):
        return set()
    return {court.pk for court in courts_visible_to(user)}


def court_list(request):
    """The court directory, open to everyone: active courts with their higher court."""
    courts = list(public_courts().order_by("level", "code"))
    return render(request, "courts/court_list.html", {"courts": courts})


def court_detail(request, code):
    """A court's public page: divisions, courtrooms, service points and the courts below.
    Its teams and their members are shown to the staff who see the court only."""
    court = public_courts().filter(code=code).first()
    if court is None:
        raise Http404("No such court.")
    internal = court.pk in _staff_sight(request)
    context = {
        "court": court,
        "divisions": court.divisions.all(),
        "teams": (
            court.teams.select_related("division").prefetch_related("memberships__user")
            if internal
            else None
        ),
        "courtrooms": court.courtrooms.all(),
        "service_points": court.service_points.prefetch_related("liaisons"),
        "children": public_courts().filter(parent=court),
    }
    return render(request, "courts/court_detail.html", context)

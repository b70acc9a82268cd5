from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tianping.courts.permissions import effective_user, require_staff
from tianping.courts.queries import courts_visible_to, get_court_for_user


def _staff_only(request):
    require_staff(effective_user(request))


@login_required
def court_list(request):
    """The courts the staff member can see, as a tree by higher court."""
    _staff_only(request)
    courts = list(courts_visible_to(effective_user(request)))
    return render(request, "courts/court_list.html", {"courts": courts})


@login_required
def court_detail(request, code):
    _staff_only(request)
    court = get_court_for_user(effective_user(request), code)
    context = {
        "court": court,
        "divisions": court.divisions.all(),
        "teams": court.teams.select_related("division").prefetch_related("memberships__user"),
        "courtrooms": court.courtrooms.all(),
        "service_points": court.service_points.prefetch_related("liaisons"),
        "children": court.children.filter(
            pk__in=[c.pk for c in courts_visible_to(effective_user(request))]
        ),
    }
    return render(request, "courts/court_detail.html", context)

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from tianping.courts.queries import public_courts


@login_required
def portal_home(request):
    if not request.user.is_public_user:
        raise PermissionDenied
    from tianping.cases.permissions import cases_visible_to
    from tianping.filings.permissions import filings_visible_to

    profile = getattr(request.user, "lawyer_profile", None)
    context = {
        "profile": profile,
        "filings": filings_visible_to(request.user).select_related("court")[:5],
        "cases": cases_visible_to(request.user).select_related("court", "judge")[:5],
    }
    return render(request, "portal/home.html", context)


def courts(request):
    """Public directory: courts, their addresses and service points with liaison persons."""
    return render(request, "portal/courts.html", {"courts": public_courts()})

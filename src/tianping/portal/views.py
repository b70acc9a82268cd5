from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from tianping.courts.queries import public_courts


@login_required
def portal_home(request):
    if not request.user.is_public_user:
        raise PermissionDenied
    profile = getattr(request.user, "lawyer_profile", None)
    return render(request, "portal/home.html", {"profile": profile})


def courts(request):
    """Public directory: courts, their addresses and service points with liaison persons."""
    return render(request, "portal/courts.html", {"courts": public_courts()})

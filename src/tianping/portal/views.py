from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from tianping.courts.permissions import public_user_page
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


@public_user_page
def lawyer_desk(request):
    """A verified lawyer's filings and cases, with clients and the dates to watch."""
    from tianping.portal.lawyer import desk, is_lawyer

    if not is_lawyer(request.user):
        raise PermissionDenied
    context = desk(request.user, request.GET.get("q", ""))
    context["today"] = timezone.localdate()
    return render(request, "portal/lawyer.html", context)

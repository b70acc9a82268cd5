from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tianping.notifications.actions import mark_read


@login_required
def inbox(request):
    """The signed-in person's messages, newest first (only their own)."""
    notes = request.user.notifications.all()[:200]
    return render(request, "notifications/inbox.html", {"notes": notes})


@login_required
@require_POST
def mark_all_read(request):
    mark_read(request.user)
    return redirect("notifications:inbox")

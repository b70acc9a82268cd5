from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.courts import actions, permissions
from tianping.courts.models import Backup
from tianping.courts.queries import backups_acting_for, backups_of
from tianping.workspace.forms import BackupForm
from tianping.workspace.todo import todos


def home(request):
    """Send each person to their own home: staff to the workspace, the public to the portal."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.user.is_court_staff or request.user.is_superuser:
        return redirect("workspace:home")
    return redirect("portal:home")


def _require_staff(request):
    permissions.require_staff(permissions.effective_user(request))


@login_required
def workspace_home(request):
    _require_staff(request)
    user = permissions.effective_user(request)
    memberships = user.memberships.current().select_related("court", "division")
    teams = user.team_memberships.select_related("team__court", "team__division").prefetch_related(
        "team__memberships__user"
    )
    context = {
        "staff": user,
        "memberships": memberships,
        "team_memberships": teams,
        "can_act_for": backups_acting_for(request.user),
        "my_backups": backups_of(user).in_force(),
        "todos": todos(user, timezone.localdate()),
    }
    return render(request, "workspace/home.html", context)


@login_required
def backups(request):
    """Name a backup for an absence, cancel one, or start acting for a colleague."""
    _require_staff(request)
    user = request.user
    form = BackupForm(request.POST or None, principal=user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.name_backup(user, actor=user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, exc.messages if hasattr(exc, "messages") else str(exc))
        else:
            messages.success(request, _("Your backup has been named."))
            return redirect("workspace:backups")
    context = {
        "form": form,
        "my_backups": backups_of(user),
        "can_act_for": backups_acting_for(user),
    }
    return render(request, "workspace/backups.html", context)


@login_required
@require_POST
def cancel_backup(request, pk):
    entry = get_object_or_404(Backup, pk=pk, principal=request.user)
    actions.cancel_backup(entry, actor=request.user)
    messages.success(request, _("The backup has been cancelled."))
    return redirect("workspace:backups")


@login_required
@require_POST
def act_for(request, user_id):
    principal = get_object_or_404(get_user_model(), pk=user_id)
    actions.start_acting_for(request, principal)
    messages.success(request, _("You are now acting for %(name)s.") % {"name": principal})
    return redirect("workspace:home")


@login_required
@require_POST
def stop_acting(request):
    actions.stop_acting_for(request)
    messages.success(request, _("You are acting for yourself again."))
    return redirect("workspace:home")

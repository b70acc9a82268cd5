"""Court administration pages: a court's administrator manages their own court.

Staff accounts and their roles here; courtrooms and the court's calendar days are in
`views_admin_premises`. Every page answers 404 for a court the person does not administer
(the same as a missing one), and every change goes through `courts.administration`,
which checks again and writes the audit record. Administration is not delegated: these
pages act in the signed-in person's own name even while they stand in for a colleague.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tianping.courts import administration
from tianping.courts.forms_admin import NewAccountForm, RoleFields
from tianping.courts.models import Court, Membership
from tianping.courts.permissions import (
    can_manage_account,
    grantable_roles,
    manageable_account_ids,
)
from tianping.courts.queries import get_court_to_administer


def administered_court(request, code: str) -> Court:
    """The court with CODE if the signed-in person administers it; 404 otherwise."""
    return get_court_to_administer(request.user, code)


def client_address(request):
    return request.META.get("REMOTE_ADDR")


def _account_of(court: Court, user_id: int):
    """An account that has held a role at COURT; 404 for anyone else."""
    person = get_user_model().objects.filter(pk=user_id, memberships__court=court).first()
    if person is None:
        raise Http404("No such account here.")
    return person


def _error_text(exc) -> list[str]:
    return exc.messages if hasattr(exc, "messages") else [str(exc)]


@login_required
def home(request, code):
    """The court's staff, with their roles here, and the way to the other pages."""
    court = administered_court(request, code)
    rows = (
        Membership.objects.filter(court=court)
        .select_related("user", "division")
        .order_by("user__full_name", "user__username", "role")
    )
    staff: dict[int, dict] = {}
    for m in rows:
        staff.setdefault(m.user_id, {"account": m.user, "roles": []})["roles"].append(m)
    reachable = manageable_account_ids(request.user, court, list(staff))
    for entry in staff.values():
        entry["manageable"] = entry["account"].pk in reachable
    context = {"court": court, "staff": list(staff.values())}
    return render(request, "courts/admin/home.html", context)


@login_required
@never_cache
def new_account(request, code):
    court = administered_court(request, code)
    roles = grantable_roles(request.user, court)
    form = NewAccountForm(request.POST or None, court=court, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            account, link = administration.create_staff_account(
                court, actor=request.user, ip_address=client_address(request), **form.cleaned_data
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _error_text(exc))
        else:
            return _show_link(request, court, account, link, created=True)
    return render(request, "courts/admin/new_account.html", {"court": court, "form": form})


@login_required
def account(request, code, user_id):
    court = administered_court(request, code)
    person = _account_of(court, user_id)
    form = RoleFields(court=court, roles=_roles(request, court))
    return _account_page(request, court, person, form)


def _roles(request, court) -> set[str]:
    return grantable_roles(request.user, court)


def _account_page(request, court, person, role_form, status=200):
    context = {
        "court": court,
        "person": person,
        "manageable": can_manage_account(request.user, person, court),
        "roles_here": person.memberships.filter(court=court).select_related("division"),
        "grantable": grantable_roles(request.user, court),
        "role_form": role_form,
    }
    return render(request, "courts/admin/account.html", context, status=status)


@login_required
@require_POST
def set_active(request, code, user_id):
    court = administered_court(request, code)
    person = _account_of(court, user_id)
    active = request.POST.get("active") == "1"
    administration.set_account_active(
        person, actor=request.user, court=court, active=active, ip_address=client_address(request)
    )
    done = _("The account is active again.") if active else _("The account is deactivated.")
    messages.success(request, done)
    return redirect("courts:admin_account", court.code, person.pk)


@login_required
@require_POST
@never_cache
def reset_password(request, code, user_id):
    court = administered_court(request, code)
    person = _account_of(court, user_id)
    link = administration.issue_password_reset(
        person, actor=request.user, court=court, ip_address=client_address(request)
    )
    return _show_link(request, court, person, link, created=False)


def _show_link(request, court, person, link, *, created):
    """The one-time link, in this answer only (never in a message or a redirect)."""
    path = reverse("accounts:password_reset_confirm", args=(link.uidb64, link.token))
    context = {
        "court": court,
        "person": person,
        "link": request.build_absolute_uri(path),
        "created": created,
    }
    return render(request, "courts/admin/reset_link.html", context)


@login_required
@require_POST
def grant_role(request, code, user_id):
    court = administered_court(request, code)
    person = _account_of(court, user_id)
    form = RoleFields(request.POST, court=court, roles=_roles(request, court))
    if form.is_valid():
        try:
            administration.grant_role(
                person,
                actor=request.user,
                court=court,
                ip_address=client_address(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("The role has been granted."))
            return redirect("courts:admin_account", court.code, person.pk)
    if not can_manage_account(request.user, person, court):
        raise PermissionDenied
    return _account_page(request, court, person, form, status=400)


@login_required
@require_POST
def remove_role(request, code, pk):
    court = administered_court(request, code)
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk, court=court)
    administration.remove_role(membership, actor=request.user, ip_address=client_address(request))
    messages.success(request, _("The role has been removed."))
    return redirect("courts:admin_account", court.code, membership.user_id)

"""Court administration pages: the court's courtrooms and its own calendar days.

Same rules as `views_admin`: 404 for a court the person does not administer, every change
through `courts.administration` (checked again, audited).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.courts import administration
from tianping.courts.forms_admin import CalendarDayForm, CourtroomForm
from tianping.courts.models import CalendarDay, Courtroom
from tianping.courts.views_admin import administered_court, client_address
from tianping.lib.form_errors import add_errors as _add_errors


@login_required
def courtrooms(request, code):
    """The court's courtrooms, and a form to add one."""
    court = administered_court(request, code)
    form = CourtroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            administration.save_courtroom(
                court, actor=request.user, ip_address=client_address(request), **form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The courtroom has been added."))
            return redirect("courts:admin_courtrooms", court.code)
    context = {"court": court, "rooms": court.courtrooms.order_by("name"), "form": form}
    return render(request, "courts/admin/courtrooms.html", context)


@login_required
def courtroom(request, code, pk):
    court = administered_court(request, code)
    room = get_object_or_404(Courtroom, pk=pk, court=court)
    initial = {f: getattr(room, f) for f in ("name", "location", "is_online", "seats")}
    form = CourtroomForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            administration.save_courtroom(
                court,
                actor=request.user,
                room=room,
                ip_address=client_address(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The courtroom has been saved."))
            return redirect("courts:admin_courtrooms", court.code)
    return render(
        request, "courts/admin/courtroom.html", {"court": court, "room": room, "form": form}
    )


@login_required
@require_POST
def delete_courtroom(request, code, pk):
    court = administered_court(request, code)
    room = get_object_or_404(Courtroom, pk=pk, court=court)
    try:
        administration.delete_courtroom(room, actor=request.user,
                                        ip_address=client_address(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The courtroom has been deleted."))
    return redirect("courts:admin_courtrooms", court.code)


@login_required
def calendar(request, code):
    """The court's own calendar days (over the national holiday table), and a form to add
    one."""
    court = administered_court(request, code)
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            administration.add_calendar_day(
                court, actor=request.user, ip_address=client_address(request), **form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The day has been added."))
            return redirect("courts:admin_calendar", court.code)
    context = {"court": court, "days": court.calendar_days.order_by("-day"), "form": form}
    return render(request, "courts/admin/calendar.html", context)


@login_required
@require_POST
def delete_calendar_day(request, code, pk):
    court = administered_court(request, code)
    entry = get_object_or_404(CalendarDay, pk=pk, court=court)
    administration.delete_calendar_day(
        entry, actor=request.user, ip_address=client_address(request)
    )
    messages.success(request, _("The day has been deleted."))
    return redirect("courts:admin_calendar", court.code)

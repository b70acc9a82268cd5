"""Partner organisations, their agreements and coordinators, and the stations: lists and
pages for whoever may read them (the court's staff; a coordinator their own partner), and
the forms of the court's administrator and president. Same rules as `views`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.lib.form_errors import add_errors
from tianping.mediation import actions, queries
from tianping.mediation.forms import AgreementForm, CoordinatorForm, PartnerForm, StationForm
from tianping.mediation.models import PartnerCoordinator
from tianping.mediation.permissions import (
    can_keep_roster,
    get_agreement_for_user,
    get_court_to_keep,
    get_partner_for_user,
    get_station_for_user,
    kept_courts,
    partners_visible_to,
    require_reader,
    stations_visible_to,
)
from tianping.mediation.views import client_address


@login_required
def partners(request):
    """Partner organisations and stations the reader may see."""
    require_reader(request.user)
    context = {
        "partners": partners_visible_to(request.user).select_related("court").order_by(
            "court__code", "-active", "name", "id"),
        "stations": stations_visible_to(request.user).select_related("partner").order_by(
            "-active", "name", "id"),
        "kept": list(kept_courts(request.user)),
    }
    return render(request, "mediation/partners.html", context)


@login_required
def partner(request, pk):
    """A partner's page: its agreements, stations, coordinators and mediators (the
    coordinator's page of their own organisation)."""
    entry = get_partner_for_user(request.user, pk)
    keeper = can_keep_roster(request.user, entry.court)
    mediators = list(entry.mediators.order_by("delisted_on", "name", "id"))
    context = {
        "partner": entry, "keeper": keeper, "today": timezone.localdate(),
        "agreements": entry.agreements.all(),
        "stations": entry.stations.order_by("-active", "name"),
        "mediators": mediators,
        "figures": queries.performance([m.pk for m in mediators]),
        "coordinators": entry.coordinators.filter(active=True).select_related("user"),
        "coordinator_form": CoordinatorForm() if keeper else None,
    }
    return render(request, "mediation/partner.html", context)


def _form_page(request, form, title, court, back=None):
    return render(request, "mediation/form.html",
                  {"form": form, "title": title, "court": court, "back": back})


@login_required
def new_partner(request, code):
    court = get_court_to_keep(request.user, code)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = actions.save_partner(court, actor=request.user,
                                         ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The partner has been added."))
            return redirect("mediation:partner", entry.pk)
    return _form_page(request, form, _("Add a partner organisation"), court)


@login_required
def edit_partner(request, pk):
    entry = get_partner_for_user(request.user, pk)
    court = get_court_to_keep(request.user, entry.court.code)
    initial = {f: getattr(entry, f) for f in actions.PARTNER_FIELDS}
    form = PartnerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_partner(court, actor=request.user, partner=entry,
                                 ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The partner has been saved."))
            return redirect("mediation:partner", entry.pk)
    return _form_page(request, form, _("Change a partner organisation"), court, entry)


def _agreement_form(request, partner, agreement=None):
    get_court_to_keep(request.user, partner.court.code)
    initial = {f: getattr(agreement, f) for f in actions.AGREEMENT_FIELDS} if agreement else None
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_agreement(partner, actor=request.user, agreement=agreement,
                                   ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The agreement has been saved."))
            return redirect("mediation:partner", partner.pk)
    title = _("Change an agreement") if agreement else _("Add an agreement")
    return _form_page(request, form, title, partner.court, partner)


@login_required
def new_agreement(request, pk):
    return _agreement_form(request, get_partner_for_user(request.user, pk))


@login_required
def edit_agreement(request, pk):
    agreement = get_agreement_for_user(request.user, pk)
    return _agreement_form(request, agreement.partner, agreement)


@login_required
@require_POST
def add_coordinator(request, pk):
    entry = get_partner_for_user(request.user, pk)
    get_court_to_keep(request.user, entry.court.code)
    form = CoordinatorForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        actions.add_coordinator(entry, actor=request.user, ip_address=client_address(request),
                                username=form.cleaned_data["username"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The coordinator has been added."))
    return redirect("mediation:partner", entry.pk)


@login_required
@require_POST
def end_coordinator(request, pk):
    entry = PartnerCoordinator.objects.filter(
        pk=pk, partner__in=partners_visible_to(request.user)).select_related(
        "partner__court").first()
    partner = get_partner_for_user(request.user, entry.partner_id if entry else None)
    get_court_to_keep(request.user, partner.court.code)
    actions.end_coordinator(entry, actor=request.user, ip_address=client_address(request))
    messages.success(request, _("The coordinator's role has ended."))
    return redirect("mediation:partner", partner.pk)


def _station_form(request, court, station=None):
    initial = None
    if station is not None:
        initial = {f: getattr(station, f) for f in actions.STATION_FIELDS if f != "partner"}
        initial["partner"] = station.partner_id
    form = StationForm(request.POST or None, court=court, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_station(court, actor=request.user, station=station,
                                 ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The station has been saved."))
            return redirect("mediation:partners")
    title = _("Change a station") if station else _("Add a station, window or room")
    return _form_page(request, form, title, court)


@login_required
def new_station(request, code):
    return _station_form(request, get_court_to_keep(request.user, code))


@login_required
def edit_station(request, pk):
    station = get_station_for_user(request.user, pk)
    return _station_form(request, get_court_to_keep(request.user, station.court.code), station)

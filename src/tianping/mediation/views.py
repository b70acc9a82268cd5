"""The roster's pages: the roster with its filters, a mediator's page, the forms to add,
change and remove a mediator, the public roster of a court, and a coordinator's start.

Reading goes through the scopes of `permissions` (404 for what the reader may not see);
every change goes through `actions` (checked again, audited). Keeping the roster is done
in the signed-in person's own name, like court administration.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.courts.models import Court
from tianping.lib.form_errors import add_errors
from tianping.lib.keyset import rows_page
from tianping.mediation import actions, queries
from tianping.mediation.forms import DelistForm, MediatorForm, RosterFilterForm
from tianping.mediation.models import Partner
from tianping.mediation.permissions import (
    can_keep_roster,
    coordinated_partner_ids,
    get_court_to_keep,
    get_mediator_for_user,
    kept_courts,
    mediators_visible_to,
    partners_visible_to,
    public_roster,
    require_reader,
)


def client_address(request):
    return request.META.get("REMOTE_ADDR")


def _roster(request, mediators, partners, *, public_court=None):
    filters = RosterFilterForm(
        request.GET or None, partners=partners, townships=queries.townships(mediators)
    )
    spec = filters.spec() if request.GET else queries.RosterFilter()
    rows = queries.filter_mediators(mediators, spec, timezone.localdate())
    page = rows_page(rows.select_related("partner", "court"), queries.ROSTER_ORDER,
                     after=request.GET.get("after"), size=50)
    query = request.GET.copy()
    query.pop("after", None)
    return {
        "filters": filters, "mediators": page.items, "page": page,
        "query": query.urlencode(), "today": timezone.localdate(),
        "public_court": public_court,
    }


@login_required
def roster(request):
    """The mediators the reader may see: the whole roster of their court for its staff, a
    partner's own mediators for its coordinator."""
    user = request.user
    require_reader(user)
    partners = partners_visible_to(user).order_by("name")
    context = _roster(request, mediators_visible_to(user), list(partners))
    records = queries.performance(m.pk for m in context["mediators"])  # one query a page
    for m in context["mediators"]:
        m.figures = records[m.pk]
    context["kept"] = list(kept_courts(user))
    context["coordinated"] = list(Partner.objects.filter(pk__in=coordinated_partner_ids(user)))
    return render(request, "mediation/roster.html", context)


def public(request, code):
    """A court's roster as anyone may read it (no telephone, no notes)."""
    court = get_object_or_404(Court, code=code, is_active=True)
    partners = list(Partner.objects.filter(court=court, active=True).order_by("name"))
    context = _roster(request, public_roster(court), partners, public_court=court)
    return render(request, "mediation/public_roster.html", context)


@login_required
def mediator(request, pk):
    entry = get_mediator_for_user(request.user, pk)
    figures = queries.performance([entry.pk])[entry.pk]
    keeper = can_keep_roster(request.user, entry.court)
    context = {
        "mediator": entry, "figures": figures, "keeper": keeper,
        "delist_form": DelistForm() if keeper and entry.is_listed else None,
        "available": entry.is_available(timezone.localdate()),
    }
    return render(request, "mediation/mediator.html", context)


def _mediator_initial(entry) -> dict:
    fields = ("name", "kind", "phone", "township", "capacity", "available",
              "unavailable_until", "availability_note")
    initial = {f: getattr(entry, f) for f in fields}
    initial.update(partner=entry.partner_id, username=entry.user.username if entry.user else "",
                   specialities=entry.speciality_codes, languages=entry.language_codes)
    return initial


@login_required
def new_mediator(request, code):
    court = get_court_to_keep(request.user, code)
    form = MediatorForm(request.POST or None, court=court, new=True)
    if request.method == "POST" and form.is_valid():
        try:
            entry = actions.save_mediator(court, actor=request.user,
                                          ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The mediator has been added to the roster."))
            return redirect("mediation:mediator", entry.pk)
    context = {"court": court, "form": form, "title": _("Add a mediator")}
    return render(request, "mediation/form.html", context)


@login_required
def edit_mediator(request, pk):
    entry = get_mediator_for_user(request.user, pk)
    court = get_court_to_keep(request.user, entry.court.code)
    form = MediatorForm(request.POST or None, court=court, new=False,
                        initial=_mediator_initial(entry))
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_mediator(court, actor=request.user, mediator=entry,
                                  ip_address=client_address(request), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The mediator's entry has been saved."))
            return redirect("mediation:mediator", entry.pk)
    context = {"court": court, "form": form, "title": _("Change a mediator's entry"),
               "back": entry}
    return render(request, "mediation/form.html", context)


@login_required
@require_POST
def delist_mediator(request, pk):
    entry = get_mediator_for_user(request.user, pk)
    get_court_to_keep(request.user, entry.court.code)
    form = DelistForm(request.POST)
    if form.is_valid():
        try:
            actions.delist_mediator(entry, actor=request.user, on=form.cleaned_data["on"],
                                    reason=form.cleaned_data["reason"],
                                    ip_address=client_address(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The mediator has been removed from the roster."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("mediation:mediator", entry.pk)


@login_required
@require_POST
def relist_mediator(request, pk):
    entry = get_mediator_for_user(request.user, pk)
    get_court_to_keep(request.user, entry.court.code)
    try:
        actions.relist_mediator(entry, actor=request.user, on=timezone.localdate(),
                                ip_address=client_address(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The mediator is on the roster again."))
    return redirect("mediation:mediator", entry.pk)

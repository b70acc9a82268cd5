"""A court's own reference ranges (`/indicators/ranges/`): for each computed indicator the
default (the settings' for the court's level, else the registry's: none is known, see
registry.py) and the court's own low and high, set by its president or trial management
office (`permissions.can_set_ranges`), each change audited (`actions.set_range`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tianping.courts.permissions import effective_user, require_staff
from tianping.indicators import actions, permissions, registry
from tianping.indicators.forms import RangeForm
from tianping.indicators.views import reports_url
from tianping.indicators.views_common import UNIT_WORDS, range_text


def _default(indicator, court):
    return registry.reference_range(indicator, court, own={})


@login_required
def ranges(request):
    user = require_staff(effective_user(request))
    courts = permissions.range_courts(user)
    if not courts:
        raise PermissionDenied
    code = request.POST.get("court") or request.GET.get("court", "")
    court = next((c for c in courts if c.code == code), courts[0])
    failed = None
    if request.method == "POST":
        form = RangeForm(request.POST)
        if form.is_valid() and form.cleaned_data["code"] in registry.BY_CODE:
            data = form.cleaned_data
            actions.set_range(court, data["code"], data["low"], data["high"],
                              actor=request.user, acted_for=getattr(request, "acting_for", None))
            messages.success(request, _("The reference range of %(name)s is saved.")
                             % {"name": registry.BY_CODE[data["code"]].name(get_language())})
            return redirect(f"{reverse('indicators:ranges')}?court={court.code}")
        failed = form
    own = registry.court_ranges(court)
    lines = []
    for indicator in registry.COMPUTED:
        mine = own.get(indicator.code)
        if failed is not None and failed.data.get("code") == indicator.code:
            form = failed
        else:
            form = RangeForm(initial={"code": indicator.code,
                                      "low": mine.low if mine else None,
                                      "high": mine.high if mine else None},
                             auto_id=f"id_{indicator.code}_%s")
        lines.append({"name": indicator.name(get_language()), "form": form,
                      "unit": str(UNIT_WORDS[indicator.unit]) or "—",
                      "default": range_text(_default(indicator, court), indicator.unit),
                      "own": mine is not None, "note": _(indicator.unsure) if indicator.unsure
                      else ""})
    context = {"courts": courts, "court": court, "lines": lines, "tab": "ranges",
               "reports_url": reports_url()}
    return render(request, "indicators/ranges.html", context,
                  status=422 if failed is not None else 200)

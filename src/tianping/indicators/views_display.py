"""The big screen (电子展示屏): the token management page for a court's president, trial
management office and administrator, and the screen itself, opened by its token with no
sign-in (see `display.py`). The screen's views read only the token in the address: they
set no cookie, sign nobody in and open nothing else."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from tianping.courts.permissions import effective_user
from tianping.indicators import compute, display, permissions, registry
from tianping.indicators.models import DisplayToken
from tianping.indicators.views_common import STATUS_LABELS, UNIT_WORDS, range_text
from tianping.lib.names import local_name


class TokenForm(forms.Form):
    label = forms.CharField(label=_("Screen"), max_length=60,
                            help_text=_("Where it hangs, e.g. 立案大厅屏."))
    include_lower = forms.BooleanField(label=_("With the courts below"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


def _court(request):
    """The court whose screens the page is about (?court=CODE, else the first kept)."""
    user = effective_user(request)
    courts = permissions.display_token_courts(user)
    if not courts:
        raise PermissionDenied(_("A court's screens are kept by its president, its trial "
                                 "management office and its administrator."))
    code = request.GET.get("court") or request.POST.get("court") or courts[0].code
    court = next((c for c in courts if c.code == code), None)
    if court is None:
        raise PermissionDenied(_("You do not keep that court's screens."))
    return user, court, courts


def _tokens_page(request, court, courts, form, *, made=None, status=200):
    rows = DisplayToken.objects.filter(court=court).select_related("created_by")
    return render(request, "indicators/display_tokens.html", {
        "court": court, "court_name": local_name(court), "courts": courts, "form": form,
        "rows": rows, "made": made,
        "made_url": request.build_absolute_uri(
            reverse("indicators:display", args=[made[1]])) if made else "",
    }, status=status)


@login_required
def tokens(request):
    """The court's screens: make one (its address is shown once), revoke one."""
    user, court, courts = _court(request)
    if request.method != "POST":
        return _tokens_page(request, court, courts, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _tokens_page(request, court, courts, form, status=422)
    made = display.create_token(court=court, label=form.cleaned_data["label"], actor=user,
                                include_lower=form.cleaned_data["include_lower"])
    return _tokens_page(request, court, courts, TokenForm(), made=made)


@login_required
@require_POST
def revoke(request, pk: int):
    user = effective_user(request)
    row = get_object_or_404(DisplayToken.objects.select_related("court"), pk=pk)
    if not permissions.can_manage_display_tokens(user, row.court):
        raise PermissionDenied(_("You do not keep that court's screens."))
    display.revoke_token(row, actor=user)
    return redirect(reverse("indicators:display_tokens") + f"?court={row.court.code}")


def _screen_context(token: str) -> dict:
    row = display.find_token(token)
    if row is None:
        raise Http404
    display.mark_seen(row)
    data = display.screen_data(row)
    return {"row": row, "court_name": local_name(row.court), "data": data,
            "figures": [_figure(r) for r in data["indicators"]],
            "now": timezone.localtime(), "token": token,
            "chart": {"months": data["trend"]["months"], "series": data["trend"]["series"],
                      "names": data["trend"]["names"]}}


def _figure(r) -> dict:
    """One tile of the screen: the figure, its unit and whether it is in its range."""
    css = {compute.MET: "met", compute.NOT_MET: "not-met"}.get(r.status, "")
    number = "—" if r.value is None else (
        str(r.value.to_integral_value()) if r.unit == registry.CASES else f"{r.value:.2f}")
    return {"name": r.name, "number": number,
            "unit": str(UNIT_WORDS.get(r.unit, "")) if r.value is not None else "",
            "status": str(STATUS_LABELS[r.status]) if css else "", "css": css,
            "range": "" if r.range is None else range_text(r.range, r.unit)}


def _no_store(response):
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def screen(request, token: str):
    """The big screen: full page, no menu; it reloads its figures every minute."""
    return _no_store(render(request, "indicators/display.html", _screen_context(token)))


@require_GET
def screen_part(request, token: str):
    """The screen's figures alone, which the page fetches every minute."""
    return _no_store(render(request, "indicators/display_screen.html",
                            _screen_context(token)))

"""The first dashboard's address (`cases:dashboard`), kept working: it sends leaders and
the trial management office to the indicator pages (`indicators:court`, issue 13 part
7) with the same court and period; anyone else is refused as before."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse

from tianping.courts.permissions import effective_user
from tianping.indicators.permissions import indicator_courts


@login_required
def dashboard(request):
    if not indicator_courts(effective_user(request)):
        raise PermissionDenied
    q = QueryDict(mutable=True)
    for old, new in (("court", "court"), ("start", "from"), ("end", "to")):
        if request.GET.get(old) and request.GET[old] != "*":
            q[new] = request.GET[old]
    if request.GET.get("court") == "*":
        q["lower"] = "1"
    url = reverse("indicators:court")
    return redirect(f"{url}?{q.urlencode()}" if q else url)

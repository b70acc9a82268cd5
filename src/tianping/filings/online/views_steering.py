"""The filer's answer to a recommendation to mediate first (分调裁审), from the wizard's
last step: one call of `actions.record_mediation_choice`, the same the API makes. The
answer never holds up handing in."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tianping.filings import actions
from tianping.filings.choices import FilingStatus
from tianping.filings.online.views import filing_of, portal_view


@portal_view
@require_POST
def mediation_choice(request, code):
    filing = filing_of(request, code)
    try:
        filing = actions.record_mediation_choice(
            filing, choice=request.POST.get("choice", ""), actor=request.user
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    if filing.status == FilingStatus.DRAFT:
        return redirect("online:step", filing.code, "review")
    return redirect("online:detail", filing.code)

"""The filing division records the party's answer to a recommendation to mediate first
(分调裁审) on the review page: one call of `actions.record_mediation_choice`, the same the
API makes. The answer changes neither the status nor the review clock."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tianping.courts.permissions import effective_user
from tianping.filings import actions
from tianping.filings.review import reads


@login_required
@require_POST
def mediation_choice(request, code):
    filing = reads.get_filing_for_clerk(effective_user(request), code)
    try:
        actions.record_mediation_choice(
            filing,
            choice=request.POST.get("choice", ""),
            actor=request.user,
            acted_for=request.acting_for,
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("review:detail", filing.code)

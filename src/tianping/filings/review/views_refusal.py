"""The judges' side of a refusal (不予受理): the proposals waiting for a judge of the court,
and one proposal with the filing, to decide (issue the ruling, or send it back).

Who may decide: `filings.permissions.can_decide_refusal` (a judge or the president of
the filing's court, never the one who proposed it); the action checks again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user, require_staff
from tianping.filings import actions, permissions
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.review import forms_decisions as d
from tianping.filings.review import reads


@login_required
def refusals(request):
    """The proposals to refuse that the signed-in judge (or president) may decide."""
    user = require_staff(effective_user(request))
    rows = permissions.refusals_to_decide(user).select_related(
        "filing__court", "filing__cause", "proposed_by"
    )
    return render(request, "filings/review/refusals.html", {"rows": rows})


@login_required
def refusal(request, code):
    """One proposal to refuse, with the filing; a judge of the court decides it here."""
    user = effective_user(request)
    proposal = permissions.get_refusal_for_judge(user, code)
    filing = proposal.filing
    form = d.RefusalDecisionForm(request.POST or None)
    if request.method == "POST":
        if not permissions.can_decide_refusal(user, proposal):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.decide_refusal(
                    proposal,
                    refuse=data["decision"] == "refuse",
                    note=data["note"],
                    actor=request.user,
                    acted_for=request.acting_for,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                done = (
                    _("The ruling has been issued.")
                    if data["decision"] == "refuse"
                    else _("The refusal was not approved; the filing is back in review.")
                )
                messages.success(request, done)
                return redirect("review:refusal", code)
    else:
        record_view(request, filing)
    context = {
        "filing": filing,
        "proposal": proposal,
        "form": form,
        "can_decide": permissions.can_decide_refusal(user, proposal),
        "claimants": filing.parties_in(CLAIMANT_ROLES),
        "opponents": filing.parties_in(OPPONENT_ROLES),
        "amount": reads.yuan(filing.amount),
        "documents": reads.documents_of(filing),
    }
    return render(request, "filings/review/refusal.html", context)

"""The lawyers waiting for verification at the courts where the signed-in person is a
filing clerk or administrator (`courts.lawyers`): verify or refuse, each audited. In the
person's own name, like court administration."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.courts import lawyers
from tianping.lib.text import clean_text


def _gate(request):
    lawyers.require_verifier(request.user)


@login_required
def pending(request):
    _gate(request)
    pending = list(lawyers.pending_applications(request.user))
    earlier = lawyers.earlier_refusals(pending)
    for application in pending:
        application.earlier_refusals = earlier[application.pk]
    context = {"pending": pending, "decided": lawyers.recently_decided(request.user)}
    return render(request, "courts/lawyers.html", context)


@login_required
@require_POST
def decide(request, pk):
    _gate(request)
    application = lawyers.get_application_to_decide(request.user, pk)
    verify = request.POST.get("decision") == "verify"
    reason = clean_text(request.POST.get("reason", ""))[:500]
    try:
        lawyers.decide_application(application, actor=request.user, verify=verify, reason=reason)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        name = application.user.full_name
        if verify:
            messages.success(request, _("%(name)s is verified as a lawyer.") % {"name": name})
        else:
            messages.success(request, _("%(name)s's registration is refused.") % {"name": name})
    return redirect("courts:lawyers")

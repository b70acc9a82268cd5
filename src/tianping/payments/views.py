"""The page of a case's fee: what is due and by when, and the clerk's record of a payment
(the same action as the API)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user, require_staff
from tianping.payments import actions, queries
from tianping.payments.forms import PaymentForm
from tianping.payments.permissions import require_recorder


@login_required
def case_fee(request, code):
    user = effective_user(request)
    require_staff(user)
    case = get_case_for_user(user, code)
    require_recorder(user, case)
    fee = queries.fee_of(case)
    if fee is None:
        raise Http404("This case has no acceptance fee.")
    form = PaymentForm(initial={"amount": fee.amount, "paid_on": timezone.localdate()})
    if request.method == "POST":
        form = PaymentForm(request.POST)
        if form.is_valid():
            try:
                actions.record_payment(
                    fee, actor=request.user, acted_for=request.acting_for, **form.cleaned_data
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The payment has been recorded."))
                return redirect("payments:case", code=case.code)
    else:
        record_view(request, case, "fee_viewed")
    context = {
        "case": case,
        "fee": fee,
        "form": form,
        "overdue": queries.is_overdue(fee, timezone.localdate()),
    }
    return render(request, "payments/case.html", context)

from django import forms
from django.utils.translation import gettext_lazy

from tianping.law.fee_relief import (
    GROUNDS,
    GROUNDS_BY_CODE,
    KIND_LABELS,
    KINDS,
    MIN_REDUCTION_PERCENT,
    percent_problem,
)
from tianping.lib.money import YuanField
from tianping.lib.widgets import DateInput

_ = gettext_lazy


class Form(forms.Form):
    """Labels stand above their fields, with no colon (an ASCII one reads wrongly in
    Chinese), as on the other staff and party pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PaymentForm(Form):
    """A payment the clerk confirms by hand: the amount, the day, the receipt reference."""

    amount = YuanField(label=_("Amount paid (yuan)"))
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput())
    receipt = forms.CharField(label=_("Receipt reference"), max_length=64)


class NoticeReceivedForm(Form):
    received_on = forms.DateField(label=_("Notice received on"), widget=DateInput())


def ground_choices():
    """The grounds of arts. 45–47, grouped by the aid they give: choosing one chooses it."""
    groups = [("", _("Choose the ground of your application"))]
    for kind in KINDS:
        options = [
            (g.code, _("art. %(article)d item %(item)d: %(label)s")
             % {"article": g.article, "item": g.item, "label": g.label})
            for g in GROUNDS
            if g.kind == kind
        ]
        groups.append((KIND_LABELS[kind], options))
    return groups


class ReliefApplicationForm(Form):
    """An application for judicial aid (司法救助): who asks, on which ground, why, and the
    proof of hardship (art. 48)."""

    applicant = forms.TypedChoiceField(label=_("Applicant"), coerce=int, empty_value=None)
    ground = forms.ChoiceField(
        label=_("Ground"),
        help_text=_(
            "Measures on the Payment of Litigation Costs, arts. 45–47: the ground decides "
            "whether you ask for a waiver, a reduction or a deferral. Only natural persons can "
            "be exempted."
        ),
    )
    percent = forms.IntegerField(
        label=_("Reduction asked (per cent)"),
        min_value=MIN_REDUCTION_PERCENT,
        max_value=99,
        required=False,
        help_text=_("For a reduction only: at least 30 per cent (art. 46)."),
    )
    statement = forms.CharField(
        label=_("Why you cannot afford the fee"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    proof = forms.FileField(
        label=_("Proof of hardship (PDF, JPEG, PNG or OFD)"),
        required=False,
        help_text=_(
            "For example a certificate of minimum living allowance, of disability or of legal "
            "aid. It can also be handed in at the court's window."
        ),
    )

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = ground_choices()
        self.fields["applicant"].choices = [("", _("Choose the party who applies"))] + [
            (p.pk, f"{p.role_label} {p.name}") for p in parties
        ]

    def clean(self):
        """A ground that gives a reduction needs the reduction asked (the action checks
        the same; here the message stands at the field, and what was entered stays)."""
        data = super().clean()
        ground = GROUNDS_BY_CODE.get(data.get("ground") or "")
        if ground is not None and "percent" not in self.errors:
            if problem := percent_problem(ground.kind, data.get("percent")):
                self.add_error("percent", problem)
        return data


class ReliefDecisionForm(Form):
    # No decision is chosen for the decider: the first option is empty, and required.
    grant = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[
            ("", _("Choose: grant or refuse")),
            ("yes", _("Grant the application")),
            ("no", _("Refuse the application")),
        ],
        empty_value=None,
    )
    percent = forms.IntegerField(
        label=_("Reduction granted (per cent)"),
        min_value=MIN_REDUCTION_PERCENT,
        max_value=99,
        required=False,
        help_text=_("For a reduction: at least 30 per cent (art. 46)."),
    )
    deferred_until = forms.DateField(
        label=_("Deferred until"),
        widget=DateInput(),
        required=False,
        help_text=_("For a deferral: leave empty to defer until the judgment (art. 50)."),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when refusing: the party receives them in writing (art. 48)."),
    )

    def __init__(self, *args, kind=None, **kwargs):
        """Only the fields the application's KIND needs: the reduction for a reduction,
        the date for a deferral."""
        super().__init__(*args, **kwargs)
        if kind is not None and kind != "reduce":
            del self.fields["percent"]
        if kind is not None and kind != "defer":
            del self.fields["deferred_until"]

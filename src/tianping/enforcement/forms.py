"""The enforcement forms: they parse and check input; the actions decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.enforcement.actions import TEXT_MAX
from tianping.enforcement.choices import ClosingMode, MilestoneKind, TitleKind
from tianping.lib.money import YuanField
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput

FILE_HELP = _("PDF, JPEG, PNG or OFD")


def _text(label, required=True, rows=3, **kw):
    return forms.CharField(label=label, required=required, max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": rows}), **kw)


class ApplyForm(CleanTextForm):
    amount = YuanField(label=_("Amount applied for (yuan)"),
                       help_text=_("What the decision awards you and is still unpaid."))
    request = _text(_("What you ask the court to enforce"))


class TitleForm(CleanTextForm):
    title_kind = forms.ChoiceField(label=_("Kind of title"), choices=TitleKind.choices)
    title_number = forms.CharField(label=_("Title number"), max_length=80)
    issuing_body = forms.CharField(label=_("Issuing body"), max_length=200)
    title_effective_on = forms.DateField(label=_("Title effective on"), widget=DateInput())
    amount_applied = YuanField(label=_("Amount applied for (yuan)"), required=False)
    applicant_name = forms.CharField(label=_("Applicant"), max_length=200)
    respondent_name = forms.CharField(label=_("Respondent"), max_length=200)
    request = _text(_("Request"), required=False)
    is_major = forms.BooleanField(label=_("Major case (pooled under the bureau head)"),
                                  required=False)
    title_document = forms.FileField(label=_("Title document"), help_text=FILE_HELP)


def officer_choices(court):
    ids = Membership.objects.current().filter(
        court=court, role=Role.ENFORCEMENT_OFFICER).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk")


class AssignForm(CleanTextForm):
    officer = forms.ModelChoiceField(label=_("Enforcement officer"), queryset=None)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args, court, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officer_choices(court)
        self.fields["officer"].label_from_instance = lambda u: u.full_name or u.username


class MilestoneForm(CleanTextForm):
    kind = forms.ChoiceField(label=_("Milestone"), choices=[
        c for c in MilestoneKind.choices if c[0] != MilestoneKind.PERIODIC_CHECK])
    done_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    amount = YuanField(label=_("Amount (yuan)"), required=False,
                       help_text=_("For a seizure, deduction, sale or direct payment."))
    note = _text(_("Note"), required=False, rows=2)
    document = forms.FileField(label=_("Document"), required=False,
                               help_text=_("Required for 失信 and 限制消费: the decision."))


class CloseForm(CleanTextForm):
    mode = forms.ChoiceField(label=_("Closing mode"), choices=ClosingMode.choices)
    closed_on = forms.DateField(label=_("Closing date"), widget=DateInput(),
                                initial=timezone.localdate)
    note = _text(_("Note"), required=False, rows=2)
    document = forms.FileField(
        label=_("Ruling or closing document"), required=False,
        help_text=_("Required for 终本, 终结执行, 不予执行 and 驳回申请: the ruling (裁定书)."))


class ClueForm(CleanTextForm):
    text = _text(_("The property clue"), rows=4,
                 help_text=_("Where the property is: bank account, real estate, vehicle, "
                             "business, income …"))
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False,
                                 help_text=FILE_HELP)


class ReplyForm(CleanTextForm):
    reply = _text(_("Your answer to the applicant"))


class CheckForm(CleanTextForm):
    done_on = forms.DateField(label=_("Checked on"), widget=DateInput(),
                              initial=timezone.localdate)
    note = _text(_("Result"), required=False, rows=2)

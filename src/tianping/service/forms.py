"""Forms of the service pages: they only parse and check input; the actions decide."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput
from tianping.service.choices import ELECTRONIC, Channel

# Generated documents of a case that can be served by name (the notices of the filing).
NAMED_DOCUMENTS = {
    "acceptance-notice": _("Notice of acceptance (受理案件通知书)"),
    "response-notice": _("Notice to respond (应诉通知书)"),
}
ELECTRONIC_CHOICES = [(c.value, c.label) for c in ELECTRONIC]
SERVE_CHOICES = ELECTRONIC_CHOICES + [(Channel.POSTAL.value, Channel.POSTAL.label)]


def new_key() -> str:
    return uuid.uuid4().hex


class KeyedForm(CleanTextForm):
    """A form sent once: its key, made when the form is shown, makes a retry the same
    request (a double click, a reload after a lost answer)."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("key", new_key())
        super().__init__(*args, **kwargs)


class AddressForm(CleanTextForm):
    postal_address = forms.CharField(label=_("Postal address"), max_length=300, required=False)
    postal_code = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    recipient = forms.CharField(label=_("Recipient"), max_length=100, required=False)
    phone = forms.CharField(label=_("Mobile telephone for SMS"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    abroad = forms.BooleanField(label=_("Domiciled outside the mainland of China"),
                                required=False)
    consent = forms.BooleanField(label=_("Consents to electronic service"), required=False)
    channels = forms.MultipleChoiceField(label=_("Electronic channels consented to"),
                                         choices=ELECTRONIC_CHOICES, required=False,
                                         widget=forms.CheckboxSelectMultiple)
    consented_on = forms.DateField(label=_("Consent given on"), required=False,
                                   widget=DateInput())


class SignedAddressForm(AddressForm):
    form_file = forms.FileField(label=_("Signed address confirmation form (PDF or photo)"))


class ServeForm(KeyedForm):
    party = forms.TypedChoiceField(label=_("Party"), coerce=int)
    document = forms.ChoiceField(label=pgettext_lazy("served", "Document"))
    channels = forms.MultipleChoiceField(label=_("Serve by"), choices=SERVE_CHOICES,
                                         widget=forms.CheckboxSelectMultiple)
    tracking_number = forms.CharField(label=_("Tracking number (court post)"), max_length=40,
                                      required=False)
    posted_on = forms.DateField(label=_("Posted on (court post)"), required=False,
                                widget=DateInput())

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [
            (p.pk, f"{p.role_label} {p.name}") for p in case.parties.all()]
        documents = [(f"doc:{d.pk}", d.title) for d in case.documents.order_by("uploaded_at")]
        named = [(f"name:{n}", str(t)) for n, t in NAMED_DOCUMENTS.items()]
        self.fields["document"].choices = documents + named


class ReceiptForm(forms.Form):
    receipt_on = forms.DateField(label=_("Date on the returned receipt"), widget=DateInput())


class DirectForm(KeyedForm):
    signed_on = forms.DateField(label=pgettext_lazy("service", "Signed on"), widget=DateInput())
    recipient = forms.CharField(label=_("Signed by"), max_length=100)


class RetainedForm(KeyedForm):
    left_on = forms.DateField(label=_("Left at the address on"), widget=DateInput())
    witness = forms.CharField(label=_("Witness"), max_length=200)
    reason = forms.CharField(label=_("Why it was left (refused to sign)"), max_length=500)
    photo = forms.FileField(label=_("Photo taken at the address"))


class PublicNoticeForm(KeyedForm):
    published_on = forms.DateField(label=_("Published on (the last posting)"),
                                   widget=DateInput())
    where = forms.CharField(label=_("Where it was published"), max_length=200)
    abroad = forms.BooleanField(label=_("The party is domiciled abroad (60 days)"),
                                required=False)

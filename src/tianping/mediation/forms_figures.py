"""The period of the mediation figures (page and API alike): `from` and `to`, by default
the first of January of this year to today; at most five years, between 2000 and 2100."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tianping.lib.widgets import DateInput

MAX_YEARS = 5
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class FiguresForm(forms.Form):
    def __init__(self, data=None, *, today: datetime.date):
        defaults = {"from": datetime.date(today.year, 1, 1).isoformat(),
                    "to": today.isoformat()}
        given = {k: v for k, v in (data or {}).items() if k in defaults and v}
        super().__init__({**defaults, **given})
        self.fields["from"] = forms.DateField(label=_("From"), widget=DateInput())
        self.fields["to"] = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        for name in ("from", "to"):
            if data.get(name) and not EARLIEST <= data[name] <= LATEST:
                self.add_error(name, _("Give a day between %(first)s and %(last)s.") % {
                    "first": EARLIEST.isoformat(), "last": LATEST.isoformat()})
                return data
        if start and end:
            if start > end:
                raise ValidationError(_("The period must start before it ends."))
            if start < years_before(end, MAX_YEARS):
                raise ValidationError(
                    _("The period is at most %(years)s years long.") % {"years": MAX_YEARS})
        return data

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        return self.cleaned_data["from"], self.cleaned_data["to"]


# The names of the rows that are no partner or no mediator, in the reader's language: for
# the page and the API alike.
def row_labels() -> dict:
    from django.utils.translation import gettext_lazy

    from tianping.mediation import figures as mediation_figures

    labels = {
        mediation_figures.NO_PARTNER: gettext_lazy("Mediators of no partner organisation"),
        mediation_figures.NO_MEDIATOR: gettext_lazy("No mediator appointed"),
    }
    return {key: str(text) for key, text in labels.items()}

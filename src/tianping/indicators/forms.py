"""The forms of the indicator pages: the slice and period (every page and the drill-down
read the same query parameters), and a court's own reference range."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tianping.cases.choices import Procedure
from tianping.catalog.choices import CatalogKind
from tianping.catalog.models import CatalogEntry
from tianping.courts.choices import Role
from tianping.courts.models import Court, Division, Team
from tianping.indicators import compute, permissions
from tianping.indicators.reads import add_months, month_end

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The type-code prefixes offered (any other prefix can be given in the address).
TYPE_PREFIXES = [
    ("民初", _("Civil, first instance (民初)")), ("民终", _("Civil, second instance (民终)")),
    ("刑初", _("Criminal, first instance (刑初)")), ("刑终", _("Criminal, second instance (刑终)")),
    ("行初", _("Administrative, first instance (行初)")),
    ("行终", _("Administrative, second instance (行终)")),
    ("民", _("All civil (民…)")), ("刑", _("All criminal (刑…)")),
    ("行", _("All administrative (行…)")), ("执", _("Enforcement (执…)")),
]
CAUSE_KINDS = (CatalogKind.CIVIL_CAUSES, CatalogKind.ADMINISTRATIVE_CAUSES)
SLICE_FIELDS = ("court", "lower", "division", "team", "judge", "judge_name", "type", "cause",
                "procedure", "from", "to")


def quick_periods(today: datetime.date) -> list[tuple[str, datetime.date, datetime.date]]:
    """This month, last month, this year, last year (to today where the period runs on)."""
    first = today.replace(day=1)
    last_month = add_months(first, -1)
    return [
        (_("This month"), first, today),
        (_("Last month"), last_month, month_end(last_month)),
        (_("This year"), today.replace(month=1, day=1), today),
        (_("Last year"), datetime.date(today.year - 1, 1, 1),
         datetime.date(today.year - 1, 12, 31)),
    ]


class SliceForm(forms.Form):
    """Which court (among those USER may see), which part of it, which period. Valid: its
    `slice` is the checked `compute.Slice`, which USER may see."""

    court = forms.ChoiceField(label=_("Court"))
    lower = forms.BooleanField(label=_("With the courts below"), required=False)
    division = forms.ChoiceField(label=_("Division"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    judge = forms.ChoiceField(label=_("Judge"), required=False)
    type = forms.ChoiceField(label=_("Case type"), required=False)
    cause = forms.CharField(label=_("Cause of action"), required=False, max_length=200,
                            widget=forms.TextInput(attrs={"list": "causes"}))
    procedure = forms.ChoiceField(label=_("Procedure"), required=False)
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)

    judge_name = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)

    def __init__(self, data, *, user, today: datetime.date, own=False):
        """OWN: a reader who oversees no court may still ask for their own figures (the
        judge's drill-down from their scorecard)."""
        self.user = user
        self.courts = permissions.indicator_courts(user)
        self.own = own and not self.courts
        if self.own:
            ids = {m.court_id for m in permissions.current_memberships(user)}
            self.courts = list(Court.objects.filter(pk__in=ids).order_by("code"))
        data = {k: v for k, v in (data or {}).items() if v not in (None, "")}
        data = {("start" if k == "from" else "end" if k == "to" else k): v
                for k, v in data.items()}
        defaults = {"court": self.courts[0].code if self.courts else "",
                    "start": today.replace(month=1, day=1).isoformat(),
                    "end": today.isoformat()}
        super().__init__({**defaults, **data})
        self.fields["court"].choices = [(c.code, c.name) for c in self.courts]
        court = self.chosen_court()
        self.whole = court is not None and permissions.sees_whole_court(user, court)
        divisions = Division.objects.filter(court=court).order_by("name") if court else []
        if court is not None and not self.whole and not self.own:
            divisions = divisions.filter(pk__in=permissions.headed_division_ids(user, court))
        anyone = [("", _("All"))]
        self.fields["division"].choices = (anyone if self.whole or self.own else []) + [
            (d.name, d.name) for d in divisions]
        if not self.whole:
            self.fields["lower"].disabled = True
            if not self.own and divisions and not data.get("division") and not data.get("judge"):
                self.data["division"] = divisions[0].name  # a division head: theirs
        teams = Team.objects.filter(court=court).order_by("name") if court else []
        if court is not None and not self.whole:
            teams = teams.filter(division__in=divisions)
        self.fields["team"].choices = anyone + [(str(t.pk), t.name) for t in teams]
        self.fields["judge"].choices = anyone + [
            (str(pk), name) for pk, name in self.judges(court, divisions)]
        self.fields["type"].choices = anyone + TYPE_PREFIXES
        if data.get("type") and data["type"] not in dict(TYPE_PREFIXES):
            self.fields["type"].choices.append((data["type"], data["type"]))
        self.fields["procedure"].choices = anyone + list(Procedure.choices)

    def chosen_court(self):
        code = self.data.get("court", "")
        return next((c for c in self.courts if c.code == code), None)

    def judges(self, court, divisions):
        from django.contrib.auth import get_user_model

        if court is None:
            return []
        if self.own:
            return [(self.user.pk, self.user.full_name)]
        found = get_user_model().objects.filter(
            memberships__court=court, memberships__role=Role.JUDGE,
            memberships__is_active=True)
        if not self.whole:
            found = found.filter(memberships__division__in=divisions)
        return found.order_by("full_name").values_list("pk", "full_name").distinct()

    def clean(self):
        data = super().clean()
        start, end, court = data.get("start"), data.get("end"), self.chosen_court()
        if self.errors or court is None:
            return data
        cause = None
        if data.get("cause"):
            cause = (CatalogEntry.objects.filter(version__kind__in=CAUSE_KINDS)
                     .filter(name=data["cause"].strip())
                     .order_by("-version__valid_from", "-version_id").first())
            if cause is None:
                self.add_error("cause", _("No cause of action has this name."))
                return data
        try:
            self.slice = compute.make_slice(
                court, start, end, include_lower=data.get("lower") and self.whole,
                division=data.get("division") or None, judge=self.judge_user(data),
                type_prefix=data.get("type", ""), procedure=data.get("procedure", ""),
                team=data.get("team") or None, cause=cause)
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        if not permissions.can_view_page_slice(self.user, self.slice):
            raise ValidationError(_("You may not see the figures of this part of the court."))
        return data

    def judge_user(self, data):
        from django.contrib.auth import get_user_model

        pk = data.get("judge")
        if pk:
            return get_user_model().objects.filter(pk=pk).first()
        return data.get("judge_name") or None

    def query(self, **more) -> str:
        """The query string of this slice (for links to the drill-down and the other views),
        with MORE added or replaced."""
        from django.http import QueryDict

        q = QueryDict(mutable=True)
        for name in SLICE_FIELDS:
            key = {"from": "start", "to": "end"}.get(name, name)
            value = self.cleaned_data.get(key) if hasattr(self, "cleaned_data") else None
            if value in (None, "", False):
                continue
            q[name] = value.isoformat() if isinstance(value, datetime.date) else (
                "1" if value is True else str(value))
        for key, value in more.items():
            if value is None:
                q.pop(key, None)
            else:
                q[key] = value
        return q.urlencode()


class RangeForm(forms.Form):
    """A court's own reference range for one indicator (both ends may be open)."""

    code = forms.CharField(widget=forms.HiddenInput)
    low = forms.DecimalField(label=_("Lowest value"), required=False, max_digits=12,
                             decimal_places=2)
    high = forms.DecimalField(label=_("Highest value"), required=False, max_digits=12,
                              decimal_places=2)

    def clean(self):
        data = super().clean()
        low, high = data.get("low"), data.get("high")
        if low is not None and high is not None and low > high:
            raise ValidationError(_("The lowest value is above the highest."))
        return data


class PeriodForm(forms.Form):
    """The period of a scorecard (this year to today unless given)."""

    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)

    def __init__(self, data, *, today: datetime.date):
        given = {("start" if k == "from" else "end" if k == "to" else k): v
                 for k, v in (data or {}).items() if v}
        super().__init__({"start": today.replace(month=1, day=1).isoformat(),
                          "end": today.isoformat(), **given})

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError(_("The period ends before it starts."))
        return data

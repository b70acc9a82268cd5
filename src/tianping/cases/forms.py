"""Forms of the case pages: list filters, hand assignment, closing, dashboard period.

The list filter and the dashboard form also parse the API's query parameters, so that a
page and its endpoint read their input the same way.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.cases.actions import missing_document
from tianping.cases.assignment import eligible_judges
from tianping.cases.choices import DOCUMENT_REQUIRED, CaseState, ClosureMode
from tianping.cases.models import CaseParty
from tianping.courts.choices import DivisionKind, Role
from tianping.courts.models import Court, Division, Membership
from tianping.courts.permissions import OVERSIGHT_ROLES, roles_in, visible_court_ids
from tianping.lib.text import clean_text
from tianping.lib.uploads import check_uploads
from tianping.lib.widgets import DateInput, QuickCheckbox, QuickHidden, QuickSelect, QuickText

PENDING, CLOSED, ALL = "pending", "closed", "all"
TRIAL_DIVISIONS = [
    DivisionKind.CIVIL,
    DivisionKind.CRIMINAL,
    DivisionKind.ADMINISTRATIVE,
    DivisionKind.ENFORCEMENT,
    DivisionKind.TRIBUNAL,
    DivisionKind.OTHER,
]
DATE_INPUT = DateInput()


def filter_choices(court_ids, *, judges: bool) -> dict[str, list]:
    """The choices of the case filter for COURT_IDS in one query, a UNION of the three
    lists (rather than a query each), each in its table's order: "court" (code, name) by
    code, "division" (id, name, court's short name, court's name) by court and name, and
    with JUDGES "judge" (user name, full name or else user name) by user name."""
    from django.db.models import CharField, F, IntegerField, Value
    from django.db.models.functions import Cast

    def text(value=""):
        return Value(value, output_field=CharField())

    def part(rows, kind, key, label, short=None, court=None, first=None, second=None):
        columns = {
            "t": Value(kind, output_field=IntegerField()),
            "k": key,
            "a": label,
            "b": short or text(),
            "c": court or text(),
            "s1": first or text(),
            "s2": second or text(),
        }
        return rows.order_by().annotate(**columns).values_list(*columns)

    parts = [
        part(Court.objects.filter(pk__in=court_ids), 0, F("code"), F("name"), first=F("code")),
        part(
            Division.objects.filter(court_id__in=court_ids, kind__in=TRIAL_DIVISIONS),
            1,
            Cast("pk", CharField()),
            F("name"),
            F("court__short_name"),
            F("court__name"),
            F("court__code"),
            F("name"),
        ),
    ]
    if judges:
        members = Membership.objects.current().filter(court_id__in=court_ids, role=Role.JUDGE)
        user = F("user__username")
        parts.append(part(members, 2, user, F("user__full_name"), first=user))
    found = {"court": [], "division": [], "judge": {}}
    rows = parts[0].union(*parts[1:], all=True).order_by("t", "s1", "s2")
    for kind, key, label, short, court, _first, _second in rows:
        if kind == 0:
            found["court"].append((key, label))
        elif kind == 1:
            found["division"].append((int(key), label, short, court))
        else:
            found["judge"].setdefault(key, label or key)
    found["judge"] = list(found["judge"].items())
    return found


def _once(read):
    """Choices read when first needed (shown, or a value to check), then kept."""
    kept = []

    def choices():
        if not kept:
            kept.append(read())
        return kept[0]

    return choices


class CaseFilterForm(forms.Form):
    """Which cases a staff member's list shows. Only the courts they can see are offered.

    `q` searches the case number (a part of it will do: 民初123), a party's name and the
    cause. A judge's list shows their own cases until they ask for more (`mine` is on when
    nothing is asked, on the page)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=QuickText(attrs={"placeholder": _("Case number, party or cause")}),
    )
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[(PENDING, _("Pending")), (CLOSED, _("Closed")), (ALL, _("All"))],
        widget=QuickSelect,
    )
    court = forms.ChoiceField(label=_("Court"), required=False, widget=QuickSelect)
    division = forms.TypedChoiceField(
        label=_("Division"), required=False, coerce=int, widget=QuickSelect
    )
    judge = forms.ChoiceField(label=_("Judge"), required=False, widget=QuickSelect)
    mine = forms.BooleanField(label=_("Only my cases"), required=False, widget=QuickCheckbox)

    def __init__(self, data=None, *, user, courts=None, mine_first=False):
        """COURTS: the courts USER may see, if the caller has them (else read when shown).
        The choices are read only when the form is shown or the filter is given: the API,
        which shows no form, reads none of them unless asked to filter. MINE_FIRST (the
        page): a judge who has asked for nothing yet (or only for a next page) sees their
        own cases."""
        asked = {k for k in (data or {}) if k != "after"}
        if mine_first and not asked and Role.JUDGE in roles_in(user):
            data = {**(data or {}), "mine": "on"}
        super().__init__(data)
        self.user = user
        court_ids = visible_court_ids(user)
        many = len(court_ids) > 1
        judges = bool(roles_in(user) & OVERSIGHT_ROLES) or user.is_superuser
        lists = _once(lambda: filter_choices(court_ids, judges=judges))
        self.fields["court"].choices = _once(
            lambda: [("", _("All courts"))]
            + ([(c.code, c.name) for c in courts] if courts is not None else lists()["court"])
        )
        if not many:
            self.fields["court"].widget = QuickHidden()
        self.fields["division"].choices = _once(
            lambda: [("", _("All divisions"))]
            + [
                (pk, f"{short or court} · {title}" if many else title)
                for pk, title, short, court in lists()["division"]
            ]
        )
        if judges:
            self.fields["judge"].choices = _once(lambda: [("", _("All judges")), *lists()["judge"]])
        else:
            del self.fields["judge"]
        if Role.JUDGE not in roles_in(user):
            del self.fields["mine"]

    def apply(self, cases):
        """CASES narrowed by the valid filters, green-channel cases first, then the oldest."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        state = data.get("state") or PENDING
        if state == PENDING:
            cases = cases.pending()
        elif state == CLOSED:
            cases = cases.filter(state__in=[CaseState.CLOSED, CaseState.ARCHIVED])
        if data.get("court"):
            cases = cases.filter(court__code=data["court"])
        if data.get("division"):
            cases = cases.filter(division_id=data["division"])
        if data.get("judge"):
            cases = cases.filter(judge__username=data["judge"])
        if data.get("mine"):
            cases = cases.filter(judge=self.user)
        if data.get("q"):
            cases = cases.filter(search_condition(data["q"]))
        if state == CLOSED:
            return cases.order_by("-closed_on", "-id")
        if state == PENDING:
            return cases.green_first()
        return cases.order_by("-filed_on", "-id")  # all states: the newest first


def search_condition(text: str) -> Q:
    """Cases whose number holds TEXT (spaces left out, ASCII brackets read as the number's
    full-width ones, a final 号 optional: "(2026)内2502民初123号" and "民初 123" both find
    （2026）内2502民初123号), or one of whose parties' names holds it, or whose cause does.
    Party names through a subquery: no duplicate rows, so the list keeps its order and pages."""
    words = clean_text(text).strip()
    number = re.sub(r"\s+", "", words).replace("(", "（").replace(")", "）").removesuffix("号")
    condition = Q(cause__name__icontains=words) | Q(
        pk__in=CaseParty.objects.filter(name__icontains=words).values("case_id")
    )
    if number:
        condition |= Q(number__icontains=number)
    return condition


class JudgeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s (%(load)d pending)") % {"name": obj, "load": obj.load}


class AssignForm(forms.Form):
    """A leader designates the judge (指定分案) and says why."""

    judge = JudgeChoiceField(label=_("Judge"), queryset=None, empty_label=None)
    reason = forms.CharField(
        label=_("Reason for assigning by hand"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, court, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = eligible_judges(court)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        return [f for f in (super(MultipleFileField, self).clean(d, initial) for d in items) if f]


class CloseForm(forms.Form):
    """Closing (结案): how, when, a note, the documents (judgment, mediation paper, ruling),
    and the judge's confirmation: the closing page is the step that asks for it, and
    works without JavaScript. Which modes need their document: `DOCUMENT_REQUIRED`."""

    mode = forms.ChoiceField(
        label=_("Closure mode"), choices=[("", "——"), *ClosureMode.choices]
    )
    closed_on = forms.DateField(label=_("Closing date"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    documents = MultipleFileField(
        label=_("Documents (PDF, OFD, JPEG or PNG)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.ofd,.jpg,.jpeg,.png"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I have checked the mode, the date and the documents. Closing ends the trial "
            "acts on this case and stops its time limit; it cannot be undone."
        ),
    )

    def clean_documents(self):
        return check_uploads(self.cleaned_data.get("documents") or [])

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode in DOCUMENT_REQUIRED and not data.get("documents") and "documents" in data:
            self.add_error("documents", missing_document(mode))
        if mode == ClosureMode.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Say in the note how the case ended."))
        return data


ALL_COURTS = "*"


class DashboardForm(forms.Form):
    """The court (or every court one oversees) and the period of the dashboard."""

    court = forms.ChoiceField(label=_("Court"))
    start = forms.DateField(label=_("From"), widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), widget=DATE_INPUT)

    def __init__(self, data=None, *, courts, today: datetime.date):
        self.courts = list(courts)
        choices = [(c.code, c.name) for c in self.courts]
        if len(self.courts) > 1:
            choices.insert(0, (ALL_COURTS, _("All courts I oversee, together")))
        defaults = {
            "court": choices[0][0] if choices else "",
            "start": datetime.date(today.year, 1, 1).isoformat(),
            "end": today.isoformat(),
        }
        given = {k: v for k, v in (data or {}).items() if k in defaults and v}
        super().__init__({**defaults, **given})
        self.fields["court"].choices = choices

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError(_("The period must start before it ends."))
        return data

    def chosen_courts(self) -> list:
        code = self.cleaned_data["court"]
        return [c for c in self.courts if code in (ALL_COURTS, c.code)]

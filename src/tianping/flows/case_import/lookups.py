"""What the rows name, looked up once per distinct value: courts (made from the court-code
catalog when missing), divisions, judges, causes, the time-limit rule and its expiry."""

import datetime

from django.utils.translation import gettext as _

from tianping.cases.models import Case
from tianping.catalog import reference
from tianping.catalog.choices import CatalogKind
from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.courts import permissions as court_perms
from tianping.courts.choices import DivisionKind, Role
from tianping.courts.holidays import court_calendar
from tianping.courts.models import Court, Division, Membership
from tianping.deadlines.actions import rule_code_for
from tianping.flows.case_import.reading import CaseImportError
from tianping.law.limits import LimitError, compute_limit
from tianping.law.rules import get_rule
from tianping.law.steps import weekends_only_years

IMPORTED_RULE = "imported"  # a time limit taken from the file where no rule applies
CAUSE_KINDS = (CatalogKind.CIVIL_CAUSES, CatalogKind.ADMINISTRATIVE_CAUSES,
               CatalogKind.CRIMINAL_CHARGES)
DIVISION_KINDS = (("立案", DivisionKind.FILING), ("执行", DivisionKind.ENFORCEMENT),
                  ("刑", DivisionKind.CRIMINAL), ("行政", DivisionKind.ADMINISTRATIVE),
                  ("法庭", DivisionKind.TRIBUNAL), ("民", DivisionKind.CIVIL),
                  ("审判管理", DivisionKind.TRIAL_MANAGEMENT))


class Courts:
    """Court codes -> courts of the platform, or catalog rows to create; and whether the
    importing user may import for them."""

    def __init__(self, user):
        self.user = user
        self.existing = {code: court for code, court in
                         ((c.code, c) for c in Court.objects.all())}
        self.checked: dict[str, bool] = {}

    def check(self, code: str, year: int, line: int) -> None:
        if code in self.checked:
            return
        if code not in self.existing and self._catalog_chain(code, year) is None:
            raise CaseImportError(_("The court %(code)s is neither on the platform nor in the "
                                    "court-code catalog.") % {"code": code}, line)
        if self.user is not None and not self._may_import(code, year):
            raise CaseImportError(_("You may not import cases of the court %(code)s: only of "
                                    "your court, and of the courts below it that you oversee.")
                                  % {"code": code}, line)
        self.checked[code] = True

    def _catalog_chain(self, code: str, year: int):
        """The catalog rows from CODE up to the first court on the platform (that court
        last), or None when the catalog does not know CODE."""
        chain, seen = [], set()
        while code and code not in self.existing:
            row = reference.court_in_year(code, year) or reference.court_by_code(code)
            if row is None or code in seen:
                return None
            chain.append(row)
            seen.add(code)
            code = row.parent_code
        return chain + ([self.existing[code]] if code else [])

    def _may_import(self, code: str, year: int) -> bool:
        if code in self.existing:
            return court_perms.can_import_cases(self.user, self.existing[code])
        chain = self._catalog_chain(code, year)
        above = chain[-1] if chain and isinstance(chain[-1], Court) else None
        return court_perms.can_import_cases_below(self.user, above) if above else (
            court_perms.is_superuser(self.user))

    def create_missing(self, codes_years) -> list[str]:
        """Make the courts the rows need and the platform lacks, parents first."""
        made = []
        for code, year in sorted(codes_years):
            chain = self._catalog_chain(code, year) or []
            for row in reversed([r for r in chain if not isinstance(r, Court)]):
                if row.code in self.existing:
                    continue
                parent = self.existing.get(row.parent_code)
                name = row.name if not Court.objects.filter(name=row.name).exists() else (
                    f"{row.name}（{row.code}）")
                court = Court.objects.create(name=name[:100], code=row.code, level=row.level,
                                             parent=parent)
                self.existing[row.code] = court
                made.append(row.code)
        return made


def division_kind(name: str) -> str:
    return next((kind for word, kind in DIVISION_KINDS if word in name), DivisionKind.OTHER)


class Places:
    """Divisions by (court, name), made when missing; judges by (court, full name)."""

    def __init__(self, court_ids):
        self.divisions = {(d.court_id, d.name): d.pk
                          for d in Division.objects.filter(court_id__in=court_ids)}
        self.judges = {}
        rows = (Membership.objects.filter(court_id__in=court_ids)
                .exclude(user__full_name="").order_by("id")
                .values_list("court_id", "user__full_name", "user_id", "role"))
        for court_id, name, user_id, role in rows:  # a judge's post wins over another
            if role == Role.JUDGE or (court_id, name) not in self.judges:
                self.judges[(court_id, name)] = user_id

    def division_id(self, court_id: int, name: str) -> int | None:
        if not name:
            return None
        key = (court_id, name)
        if key not in self.divisions:
            self.divisions[key] = Division.objects.create(
                court_id=court_id, name=name, kind=division_kind(name)).pk
        return self.divisions[key]

    def judge(self, court_id: int, name: str) -> tuple[int | None, str]:
        """(staff member's id, "") or (None, the historical name)."""
        if not name:
            return None, ""
        user_id = self.judges.get((court_id, name))
        return (user_id, "") if user_id else (None, name)


class Causes:
    """案由 names -> catalog entries, from the version in force on the filing date."""

    def __init__(self):
        versions = list(CatalogVersion.objects.filter(kind__in=CAUSE_KINDS)
                        .order_by("-valid_from", "-id").values_list("pk", "valid_from",
                                                                     "valid_to"))
        self.versions = versions
        self.by_name: dict[str, dict[int, int]] = {}
        for version_id, name, pk in CatalogEntry.objects.filter(
                version_id__in=[v[0] for v in versions]).values_list("version_id", "name", "pk"):
            self.by_name.setdefault(name, {}).setdefault(version_id, pk)
        self._memo = {}

    def known(self, name: str) -> bool:
        return name in self.by_name

    def entry_id(self, name: str, filed_on: datetime.date) -> int | None:
        key = (name, filed_on.year, filed_on >= datetime.date(filed_on.year, 7, 1))
        if key not in self._memo:
            self._memo[key] = self._pick(name, filed_on)
        return self._memo[key]

    def _pick(self, name, filed_on):
        entries = self.by_name.get(name)
        if not entries:
            return None
        for version_id, start, end in self.versions:
            if version_id in entries and (start is None or start <= filed_on) and (
                    end is None or filed_on <= end):
                return entries[version_id]
        return next(entries[v[0]] for v in self.versions if v[0] in entries)


class TimeLimits:
    """The expiry of a case's time limit by the rules, computed once per (rule, start day,
    court calendar)."""

    def __init__(self):
        self.rules: dict[tuple[str, str], str | None] = {}
        self.calendars = {}
        self.memo = {}

    def rule(self, type_code: str, procedure: str) -> str | None:
        key = (type_code, procedure)
        if key not in self.rules:
            self.rules[key] = rule_code_for(Case(type_code=type_code, procedure=procedure))
        return self.rules[key]

    def compute(self, rule_code: str, filed_on: datetime.date, court_id: int):
        """(expires_on, steps, provisional year) or None when it cannot be computed."""
        key = (rule_code, filed_on, court_id)
        if key not in self.memo:
            calendar = self.calendars.get(court_id)
            if calendar is None:
                calendar = self.calendars[court_id] = court_calendar(
                    court=Court(pk=court_id))
            try:
                result = compute_limit(get_rule(rule_code), filed_on, calendar)
            except (LimitError, KeyError, ValueError):
                self.memo[key] = None
            else:
                self.memo[key] = (result.expires_on,
                                  [s.as_dict(with_text=False) for s in result.steps],
                                  min(weekends_only_years(result.steps), default=None))
        return self.memo[key]

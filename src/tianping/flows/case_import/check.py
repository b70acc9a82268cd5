"""The first pass: every row checked, against the file and the platform, before anything
is written. The first bad row stops the import (CaseImportError with its line)."""

import datetime
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from tianping.cases.models import Case
from tianping.flows.case_import.lookups import Causes, Courts
from tianping.flows.case_import.parse import Row, checked_rows
from tianping.flows.case_import.reading import CaseImportError
from tianping.mediation.models import Mediation

CHUNK = 5000
MAX_WARNINGS = 200  # kept on the run; all are counted


class Spool:
    """The checked rows, kept in a temporary file for the writing pass (so that the file
    is not parsed twice, nor held in memory)."""

    def __init__(self):
        self.file = tempfile.TemporaryFile()
        self.batch: list[tuple] = []

    def add(self, row: Row) -> None:
        self.batch.append(row.as_tuple())
        if len(self.batch) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            pickle.dump(self.batch, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            self.batch = []

    def rows(self):
        self.flush()
        self.file.seek(0)
        while True:
            try:
                batch = pickle.load(self.file)  # our own file, written just before
            except EOFError:
                return
            for values in batch:
                yield Row.from_tuple(values)

    def close(self) -> None:
        self.file.close()


@dataclass
class Survey:
    rows: int = 0
    cases: int = 0
    mediations: int = 0
    created: int = 0
    updated: int = 0
    links: int = 0
    court_years: set = field(default_factory=set)  # (code, year) of the rows
    warnings: list = field(default_factory=list)
    warning_count: int = 0
    origins_found: set = field(default_factory=set)  # 原审案号 that are cases
    courts: Courts | None = None
    causes: Causes | None = None
    spool: Spool | None = None

    def warn(self, line: int, kind: str, value: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append({"line": line, "kind": kind, "value": value})


def survey(path: Path, *, user, progress, today: datetime.date | None = None,
           spool: bool = True) -> Survey:
    """Check every row (raises on the first bad one); with SPOOL, keep them for `write`."""
    result = Survey(courts=Courts(user), causes=Causes(), spool=Spool() if spool else None)
    pending_cases, pending_mediations = {}, {}
    origins: list[tuple[int, str, bool]] = []
    origin_of: dict[str, str] = {}
    case_numbers: set[str] = set()
    for row in checked_rows(path, today):
        result.rows += 1
        if result.spool is not None:
            result.spool.add(row)
        result.courts.check(row.court_code, row.year, row.line)
        result.court_years.add((row.court_code, row.year))
        if row.is_mediation:
            if user is None:
                raise CaseImportError(_("A pre-filing mediation needs the user who imports it: "
                                        "give --user."), row.line)
            result.mediations += 1
            pending_mediations[row.number] = row.line
        else:
            result.cases += 1
            case_numbers.add(row.number)
            pending_cases[row.number] = row.line
            if row.origin:
                origins.append((row.line, row.origin, row.origin_parsed))
                origin_of[row.number] = row.origin
            if row.cause and not result.causes.known(row.cause):
                result.warn(row.line, "cause_unknown", row.cause)
        if len(pending_cases) >= CHUNK:
            _check_cases(pending_cases, result)
        if len(pending_mediations) >= CHUNK:
            _check_mediations(pending_mediations, result)
        progress.step(result.rows)
    _check_cases(pending_cases, result)
    _check_mediations(pending_mediations, result)
    _check_origins(origins, origin_of, case_numbers, result)
    return result


def _check_cases(pending: dict[str, int], result: Survey) -> None:
    """Which numbers are cases already: imported ones are updated; a case run on the
    platform is never overwritten."""
    found = Case.objects.filter(number__in=list(pending)).values_list("number", "import_run_id")
    for number, run_id in found:
        if run_id is None:
            raise CaseImportError(_("The case %(number)s was run on the platform: an import "
                                    "does not overwrite it.") % {"number": number},
                                  pending[number])
        result.updated += 1
    result.created = result.cases - result.updated
    pending.clear()


def _check_mediations(pending: dict[str, int], result: Survey) -> None:
    found = Mediation.objects.filter(number__in=list(pending)).values_list("number", "imported")
    for number, imported in found:
        if not imported:
            raise CaseImportError(_("The mediation %(number)s was run on the platform: an "
                                    "import does not overwrite it.") % {"number": number},
                                  pending[number])
    pending.clear()


def _check_origins(origins, origin_of, case_numbers, result: Survey) -> None:
    """原审案号: a case of the file or of the platform; else kept as a reference (warned)."""
    outside = sorted({o for _line, o, parsed in origins if parsed and o not in case_numbers})
    on_platform = set()
    for start in range(0, len(outside), CHUNK):
        on_platform.update(Case.objects.filter(number__in=outside[start:start + CHUNK])
                           .values_list("number", flat=True))
    for line, origin, parsed in origins:
        if not parsed:
            result.warn(line, "origin_unparsed", origin)
        elif origin in case_numbers or origin in on_platform:
            result.origins_found.add(origin)
            result.links += 1
        else:
            result.warn(line, "origin_missing", origin)
    _refuse_loops(origin_of, origins)


def _refuse_loops(origin_of: dict[str, str], origins) -> None:
    done: set[str] = set()
    for start in origin_of:
        path, number = [], start
        while number in origin_of and number not in done:
            if number in path:
                line = next((ln for ln, o, _p in origins if o == origin_of[number]), None)
                raise CaseImportError(_("The 原审案号 of %(number)s leads back to it: the "
                                        "chain of cases loops.") % {"number": number}, line)
            path.append(number)
            number = origin_of[number]
        done.update(path)

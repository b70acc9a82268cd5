"""Historical case import (issue 13 part 1): `import_file` loads the cases of an older
system from a CSV (UTF-8 or GB18030) or xlsx file into the records the platform's own
cases use (cases, time limits, 原审案号 links, pre-filing mediations), so that they count
exactly alike. All or nothing: every row is checked first (the first bad row stops the
import with its line and reason), then everything is written in one transaction.

    result = import_file(path, user=None, dry_run=False, progress=None)

The columns, choices and mappings: docs/architecture.md, "Historical import".
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.cases.models import ImportRun
from tianping.cases.models_import import ImportStatus
from tianping.flows.case_import.check import survey
from tianping.flows.case_import.columns import WARNING_TEXTS
from tianping.flows.case_import.parse import count_rows
from tianping.flows.case_import.progress import Progress
from tianping.flows.case_import.reading import CaseImportError
from tianping.flows.case_import.write import write
from tianping.indicators.reads import forget

__all__ = ["CaseImportError", "ImportResult", "import_file", "warning_text"]


@dataclass
class ImportResult:
    rows: int = 0
    cases: int = 0
    created: int = 0
    updated: int = 0
    mediations: int = 0
    links: int = 0
    courts_created: list[str] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    warning_count: int = 0
    dry_run: bool = False
    run: ImportRun | None = None


def warning_text(warning: dict) -> str:
    """A stored warning in the active language."""
    return str(WARNING_TEXTS[warning["kind"]]) % {"value": warning["value"]}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_upload(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def import_file(path, *, user=None, dry_run=False, progress=None, run: ImportRun | None = None,
                file_name: str | None = None, today: datetime.date | None = None
                ) -> ImportResult:
    """Import the file at PATH as USER (None: the operator, any court); DRY_RUN checks only.
    PROGRESS(done, total) is called as it goes (the rows checked, then the rows written:
    total is twice the rows, once for a dry run). RUN: the run row the page made (else one
    is made, except for a dry run). Raises CaseImportError on bad input, nothing written."""
    path = Path(path)
    if run is None and not dry_run:
        run = ImportRun.objects.create(user=user, file_name=(file_name or path.name)[:200],
                                       sha256=sha256_of(path), status=ImportStatus.RUNNING)
    elif run is not None:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING)
    tracker = Progress(run, progress)
    try:
        rows = count_rows(path)
        tracker.start(rows if dry_run else 2 * rows)
        checked = survey(path, user=user, progress=tracker, today=today,
                         spool=not dry_run)
        result = ImportResult(rows=checked.rows, cases=checked.cases, created=checked.created,
                              updated=checked.updated, mediations=checked.mediations,
                              links=checked.links, warnings=checked.warnings,
                              warning_count=checked.warning_count, dry_run=dry_run, run=run)
        if not dry_run:
            result.courts_created = write(path, checked, run=run, user=user, progress=tracker)
            transaction.on_commit(forget)  # kept indicator figures no longer hold
        tracker.step(tracker.total, force=True)
        if checked.spool is not None:
            checked.spool.close()
    except CaseImportError as error:
        _finish(run, ImportStatus.FAILED, error_line=error.line, error=str(error),
                done=tracker.done, total=tracker.total)
        raise
    finally:
        tracker.close()
    _finish(run, ImportStatus.CHECKED if dry_run else ImportStatus.DONE, result=result,
            done=tracker.total, total=tracker.total)
    return result


def _finish(run, status, *, result: ImportResult | None = None, **values) -> None:
    if run is None:
        return
    if result is not None:
        values.update(created=result.created, updated=result.updated,
                      mediations=result.mediations, links=result.links,
                      courts_created=result.courts_created, warnings=result.warnings,
                      warning_count=result.warning_count)
    with transaction.atomic():
        for name, value in values.items():
            setattr(run, name, value)
        run.status, run.finished_at = status, timezone.now()
        run.save()
        if status == ImportStatus.DONE:
            record("cases.imported", run, actor=run.user, changes={
                "file": run.file_name, "sha256": run.sha256, "created": run.created,
                "updated": run.updated, "mediations": run.mediations, "links": run.links,
                "courts_created": run.courts_created, "warnings": run.warning_count})

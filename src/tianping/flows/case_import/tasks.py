"""The import page's background task (django-tasks; run by `tianping db_worker`)."""

import shutil
import tempfile
from pathlib import Path

from django.utils import translation
from django_tasks import task

from tianping.cases.models import ImportRun
from tianping.flows.case_import import CaseImportError, import_file


@task()
def run_import(code: str, language: str = "zh-hans") -> str:
    """Import the file uploaded for the run CODE; errors are written on the run in
    LANGUAGE (the uploader's). Returns the run's status."""
    run = ImportRun.objects.select_related("user").get(code=code)
    with translation.override(language), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        with run.file.open("rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
        try:
            import_file(path, user=run.user, dry_run=run.dry_run, run=run,
                        file_name=run.file_name)
        except CaseImportError:
            pass  # written on the run: the page shows it
        finally:
            run.file.delete(save=False)
            ImportRun.objects.filter(pk=run.pk).update(file="")
    run.refresh_from_db()
    return run.status


def queue_import(upload, *, user, court, dry_run: bool, language: str) -> ImportRun:
    """Keep the uploaded file on a new run and queue its import (after the commit)."""
    from django.db import transaction

    from tianping.flows.case_import import sha256_of_upload

    with transaction.atomic():
        run = ImportRun(user=user, court=court, file_name=(upload.name or "")[:200],
                        sha256=sha256_of_upload(upload), dry_run=dry_run)
        run.file.save("upload", upload, save=False)
        run.save()
        transaction.on_commit(lambda: run_import.enqueue(run.code, language))
    return run

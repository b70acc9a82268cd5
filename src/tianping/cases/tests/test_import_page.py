"""The historical import page: upload, progress, result; refused to litigants and judges."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.cases.models import Case, ImportRun

pytestmark = pytest.mark.django_db

CSV = ("案号,立案日期,结案日期,结案方式,承办法官\n"
       "（2024）内2502民初11号,2024-01-10,2024-03-01,判决,王军\n"
       "（2024）内2502民初12号,2024-02-01,,,老法官\n")
BAD = "案号,立案日期,结案日期,结案方式\n（2024）内2502民初13号,2024-03-01,2024-02-01,判决\n"


def upload(text, name="历史案件.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def post(client, data, capture):
    with capture(execute=True):
        return client.post("/cases/import/", data)


def test_upload_imports_and_the_run_page_shows_progress_and_result(
        client, trial_management, django_capture_on_commit_callbacks):
    client.force_login(trial_management)
    page = client.get("/cases/import/")
    assert page.status_code == 200 and "审限届满日期" in page.content.decode()
    response = post(client, {"file": upload(CSV, encoding="gb18030")},
                    django_capture_on_commit_callbacks)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/import/{run.code}/"
    assert Case.objects.filter(import_run=run).count() == 2
    assert Case.objects.get(number="（2024）内2502民初12号").historical_judge == "老法官"
    text = client.get(response["Location"]).content.decode()
    assert "<strong>已导入</strong>" in text
    assert '<progress max="100" value="100">' in text and "历史案件.csv" in text
    assert not run.file  # the upload is not kept
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<section class="card" id="import-progress"')
    assert "hx-trigger" not in partial  # finished: it stops polling


def test_a_running_import_polls_itself(client, trial_management):
    client.force_login(trial_management)
    run = ImportRun.objects.create(user=trial_management, court=trial_management.memberships
                                   .first().court, file_name="x.csv", sha256="0",
                                   status="running", total=200, done=50)
    text = client.get(f"/cases/import/{run.code}/").content.decode()
    assert 'hx-trigger="every 1s"' in text and '<progress max="100" value="25">' in text


def test_a_dry_run_writes_nothing_and_a_bad_file_shows_its_line(
        client, trial_management, django_capture_on_commit_callbacks):
    client.force_login(trial_management)
    post(client, {"file": upload(CSV), "dry_run": "on"}, django_capture_on_commit_callbacks)
    assert not Case.objects.filter(number__contains="民初11号").exists()
    checked = ImportRun.objects.get()
    assert checked.status == "checked" and checked.created == 2
    response = post(client, {"file": upload(BAD)}, django_capture_on_commit_callbacks)
    text = client.get(response["Location"]).content.decode()
    failed = ImportRun.objects.get(status="failed")
    assert failed.error_line == 2
    assert "第 2 行" in text and "早于" in text  # in the uploader's language
    assert not Case.objects.filter(number__contains="民初13号").exists()


def test_a_file_of_the_wrong_type_is_refused_with_the_form_kept(client, trial_management):
    client.force_login(trial_management)
    response = client.post("/cases/import/", {
        "file": SimpleUploadedFile("cases.pdf", b"%PDF-1.4", content_type="application/pdf")})
    assert response.status_code == 422 and "csv" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("persona", ["litigant", "judge", "filing_clerk"])
def test_litigants_judges_and_clerks_are_refused(client, request, persona, trial_management):
    user = request.getfixturevalue(persona)
    run = ImportRun.objects.create(user=trial_management, file_name="x.csv", sha256="0")
    client.force_login(user)
    assert client.get("/cases/import/").status_code == 403
    assert client.post("/cases/import/", {"file": upload(CSV)}).status_code == 403
    assert client.get(f"/cases/import/{run.code}/").status_code == 404


def test_an_imported_case_opens_like_any_other(client, trial_management, president,
                                               django_capture_on_commit_callbacks):
    client.force_login(trial_management)
    post(client, {"file": upload(CSV)}, django_capture_on_commit_callbacks)
    imported = Case.objects.get(number="（2024）内2502民初12号")
    client.force_login(president)
    page = client.get(f"/cases/{imported.code}/")
    assert page.status_code == 200 and "（2024）内2502民初12号" in page.content.decode()
    assert client.get("/cases/?q=民初12").status_code == 200

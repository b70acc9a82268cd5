"""Historical case import (issue 13 part 1): files in, cases that count like the
platform's own out; bad input stops it with the line and the reason, nothing written."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tianping.appeals.choices import Outcome, Stage
from tianping.appeals.models import DisputeCase
from tianping.cases.choices import CaseState, ClosureMode, Procedure
from tianping.cases.models import Case, ImportRun
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.courts.models import Court, Division
from tianping.deadlines.models import CaseTimeLimit
from tianping.flows.case_import import CaseImportError, import_file, warning_text
from tianping.indicators.compute import compute, make_slice
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import Mediation

pytestmark = pytest.mark.django_db

HEADER = ["案号", "立案日期", "结案日期", "结案方式", "案由", "适用程序", "承办部门", "承办法官",
          "标的额", "审限届满日期", "原审案号"]
ROWS = [
    ["（2024）内2502民初1号", "2024-01-10", "2024-03-01", "判决", "民间借贷纠纷", "普通程序",
     "民事审判第一庭", "王军", "10,000.50", "", ""],
    ["（2024）内2502民初2号", "2024/02/01", "2024-04-01", "判决", "买卖合同纠纷", "简易程序",
     "民事审判第一庭", "老法官", "", "", ""],
    ["（2024）内2502民初3号", "2024年2月5日", "2024-03-05", "调解", "", "简易程序",
     "民事审判第二庭", "老法官", "", "2024-05-05", ""],
    ["（2024）内2502民初4号", "2024-03-01", "", "", "", "简易程序", "民事审判第二庭", "老法官",
     "", "", ""],
    ["（2024）内25民终1号", "2024-05-01", "2024-06-01", "改判", "", "", "民事审判第一庭", "包文",
     "", "", "（2024）内2502民初1号"],
    ["（2024）内25民终2号", "2024-05-02", "2024-06-02", "维持原判", "", "", "", "", "", "",
     "（2024）内2502民初2号"],
    ["（2024）内2502民诉前调1号", "2024-01-05", "2024-01-20", "调解成功", "", "", "", "", "",
     "", ""],
    ["（2024）内2502民诉前调2号", "2024-01-06", "2024-01-25", "调解不成功", "", "", "", "", "",
     "", ""],
    ["（2024）内2502执1号", "2024-07-01", "2024-08-01", "终结", "", "", "执行局", "", "", "",
     "（2024）内2502民初3号"],
    ["（2024）内2502民初5号", "2024-04-01", "2024-09-01", "撤诉", "没有这个案由", "", "", "",
     "", "", "（2023）内2502民初999号"],
]


def write_csv(tmp_path, rows, header=HEADER, encoding="utf-8", name="cases.csv"):
    path = tmp_path / name
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def importer(higher_court_officer):
    """巴雅尔, trial management of 内25 overseeing the courts below (内2502)."""
    return higher_court_officer


@pytest.fixture
def imported(tmp_path, importer):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])  # the causes of action
    return import_file(write_csv(tmp_path, ROWS), user=importer)


def case(number):
    return Case.objects.get(number=number)


def test_the_rows_become_cases_time_limits_links_and_mediations(imported, judge):
    assert (imported.created, imported.updated, imported.mediations, imported.links) == (
        8, 0, 2, 3)
    first = case("（2024）内2502民初1号")
    assert first.state == CaseState.CLOSED and first.closure_mode == ClosureMode.JUDGMENT
    assert first.judge == judge and first.historical_judge == ""
    assert first.amount == Decimal("10000.50") and first.cause.name == "民间借贷纠纷"
    assert first.division.name == "民事审判第一庭" and first.import_run == imported.run
    second = case("（2024）内2502民初2号")
    assert second.judge is None and second.historical_judge == "老法官"
    assert second.procedure == Procedure.SUMMARY
    new_division = Division.objects.get(court__code="内2502", name="民事审判第二庭")
    assert case("（2024）内2502民初4号").division == new_division
    assert case("（2024）内2502民初4号").state == CaseState.ASSIGNED
    # the time limit: given, or by the rules (civil summary procedure: 3 months)
    assert case("（2024）内2502民初3号").time_limit.expires_on == datetime.date(2024, 5, 5)
    limit = CaseTimeLimit.objects.get(case=second)
    assert limit.rule_code == "civil-summary" and limit.expires_on == datetime.date(2024, 5, 6)
    assert limit.case_closed
    appeal = DisputeCase.objects.get(case=case("（2024）内25民终1号"))
    assert (appeal.origin, appeal.stage, appeal.outcome) == (first, Stage.SECOND,
                                                             Outcome.AMENDED)
    assert DisputeCase.objects.get(case=first).stage == Stage.FIRST
    assert appeal.dispute_id == DisputeCase.objects.get(case=first).dispute_id
    enforcement = DisputeCase.objects.get(case=case("（2024）内2502执1号"))
    assert enforcement.stage == Stage.ENFORCEMENT
    settled = Mediation.objects.get(number="（2024）内2502民诉前调1号")
    assert settled.status == MediationStatus.SETTLED and settled.ended_on.day == 20
    assert settled.imported and Mediation.objects.get(
        number="（2024）内2502民诉前调2号").status == MediationStatus.FAILED
    # 原审案号 not in the data: kept as a reference, reported
    missing = case("（2024）内2502民初5号")
    assert missing.origin_reference == "（2023）内2502民初999号"
    assert not DisputeCase.objects.filter(case=missing).exists()
    assert missing.cause is None and missing.cause_text == "没有这个案由"
    with translation.override("en"):
        texts = [(w["line"], warning_text(w)) for w in imported.warnings]
    assert (11, "原审案号 （2023）内2502民初999号 is in neither the file nor the platform: "
                "kept as a reference.") in texts
    assert (11, "The cause “没有这个案由” is not in the catalog: kept as text.") in texts


def test_imported_cases_count_like_the_platforms_own(imported):
    s = make_slice("内2502", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    values = {r.code: r.value for r in compute(s)}
    # 民初1,2,3,5 closed; 民初1 and 2 appealed; 民初1 amended
    assert values["appeal_rate"] == Decimal("50.00")
    assert values["reversal_remand_rate"] == Decimal("25.00")
    # 5 disputes (民初1-5); 件: those and 民终1, 民终2, 执1
    assert values["case_dispute_ratio"] == Decimal("1.60")
    assert values["prefiling_mediation_success_rate"] == Decimal("50.00")
    assert values["summary_procedure_rate"] == Decimal("50.00")  # 民初2, 3 of 4
    assert values["received"] == Decimal("5.00")
    # a historical judge, by name: 民初2, 3, 4 filed; 2 closed, one by mediation
    judge = make_slice("内2502", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31),
                       judge="老法官")
    by_judge = {r.code: r.value for r in compute(judge)}
    assert by_judge["received"] == Decimal("3.00") and by_judge["closed"] == Decimal("2.00")
    assert by_judge["mediation_withdrawal_rate"] == Decimal("50.00")


def test_importing_again_updates_and_never_duplicates(imported, tmp_path, importer):
    rows = [list(r) for r in ROWS]
    rows[3][2:4] = ["2024-10-01", "判决"]  # 民初4 closed since
    again = import_file(write_csv(tmp_path, rows, name="again.csv"), user=importer)
    assert (again.created, again.updated) == (0, 8)
    assert Case.objects.filter(number__contains="内2502民初").count() == 5
    assert case("（2024）内2502民初4号").state == CaseState.CLOSED
    assert DisputeCase.objects.filter(case__number="（2024）内25民终1号").count() == 1
    assert Mediation.objects.filter(number__contains="诉前调").count() == 2
    assert ImportRun.objects.count() == 2


def test_an_import_drops_the_kept_indicator_figures(tmp_path, importer,
                                                  django_capture_on_commit_callbacks):
    """Figures kept in the cache before an import are not shown after it."""
    from tianping.indicators.reads import figures

    s = make_slice("内2502", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    received = {r.code: r for r in figures(s)}["received"]
    with django_capture_on_commit_callbacks(execute=True):
        import_file(write_csv(tmp_path, ROWS), user=importer)
    assert {r.code: r for r in figures(s)}["received"].numerator == received.numerator + 5


def test_the_platform_numbers_new_cases_after_the_imported_ones(imported):
    """A court that imported 民初1–5 of 2024 files its next 2024 民初 case as 民初6, not as
    a number an imported case already has."""
    from tianping.catalog.numbering import issue_case_number

    issued = issue_case_number(court_code="内2502", type_code="民初", year=2024)
    assert issued.serial == 6 and not Case.objects.filter(number=issued.number).exists()
    assert issue_case_number(court_code="内25", type_code="民终", year=2024).serial == 3
    assert issue_case_number(court_code="内2502", type_code="民初", year=2025).serial == 1


def test_a_dry_run_writes_nothing(tmp_path, importer):
    before = (Case.objects.count(), Mediation.objects.count(), ImportRun.objects.count())
    result = import_file(write_csv(tmp_path, ROWS), user=importer, dry_run=True)
    assert (result.created, result.mediations, result.links) == (8, 2, 3)
    assert (Case.objects.count(), Mediation.objects.count(),
            ImportRun.objects.count()) == before


def test_gb18030_and_xlsx_files(tmp_path, importer):
    path = write_csv(tmp_path, ROWS[:2], encoding="gb18030")
    assert import_file(path, user=importer).created == 2
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Case number", "Filed on", "Closed on", "Closure mode", "Judge"])
    sheet.append(["（2024）内2502民初7号", datetime.date(2024, 3, 1), datetime.date(2024, 4, 1),
                  "judgment", "王军"])
    xlsx = tmp_path / "cases.xlsx"
    book.save(xlsx)
    result = import_file(xlsx, user=importer)
    assert result.created == 1
    assert case("（2024）内2502民初7号").closed_on == datetime.date(2024, 4, 1)


def test_a_court_missing_from_the_platform_is_made_from_the_catalog(tmp_path,
                                                                    higher_court_officer):
    rows = [["（2024）内2522民初1号", "2024-01-10", "", "", "", "", "", "", "", "", ""]]
    result = import_file(write_csv(tmp_path, rows), user=higher_court_officer)
    court = Court.objects.get(code="内2522")
    assert court.name == "阿巴嘎旗人民法院" and court.parent.code == "内25"
    assert result.courts_created == ["内2522"]


BAD = [
    (["（2024）内2502民初9号", "2024-13-40"], 2,
     "立案日期 “2024-13-40” is not a date (write 2024-03-31)."),
    (["（2024）内2502民初9号", "2024-03-01", "2024-02-01", "判决"], 2,
     "The closing date 2024-02-01 is before the filing date 2024-03-01."),
    (["（2024）内2502民初9号", "2024-03-01", "2024-04-01", "算了"], 2,
     "Unknown closure mode “算了”"),
    (["（2024）内2502民初9号", "2024-03-01", "2024-04-01", "改判"], 2,
     "“改判” ends a second-instance case (…终) only."),
    (["2024内2502民初1号", "2024-03-01"], 2, "The case number 2024内2502民初1号 cannot be read"),
    (["（2024）内9999民初1号", "2024-03-01"], 2,
     "The court 内9999 is neither on the platform nor in the court-code catalog."),
]


@pytest.mark.parametrize(("row", "line", "reason"), BAD)
def test_a_bad_row_stops_the_import_with_its_line_and_nothing_is_written(
        tmp_path, importer, row, line, reason):
    rows = [ROWS[0], row + [""] * (len(HEADER) - len(row))]
    before = Case.objects.count()
    with translation.override("en"), pytest.raises(CaseImportError) as error:
        import_file(write_csv(tmp_path, rows), user=importer)
    assert error.value.line == line + 1 and reason in str(error.value)
    assert str(error.value).startswith(f"Line {line + 1}: ")
    assert Case.objects.count() == before
    run = ImportRun.objects.get()
    assert run.status == "failed" and run.error_line == line + 1


def test_errors_read_in_chinese(tmp_path, importer):
    rows = [["（2024）内2502民初1号", "2024-03-01", "2024-02-01", "判决"]]
    with translation.override("zh-hans"), pytest.raises(CaseImportError) as error:
        import_file(write_csv(tmp_path, rows, header=HEADER[:4]), user=importer)
    assert str(error.value).startswith("第 2 行") or "第2行" in str(error.value)
    assert "早于" in str(error.value)


def test_missing_columns_and_wrong_encoding(tmp_path, importer):
    with translation.override("en"), pytest.raises(CaseImportError) as error:
        import_file(write_csv(tmp_path, [["（2024）内2502民初1号"]], header=["案号", "案由"]),
                    user=importer)
    assert "Missing column(s): 立案日期 (filed on)." in str(error.value)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("案号,立案日期\n".encode("utf-16"))
    with translation.override("en"), pytest.raises(CaseImportError) as error:
        import_file(utf16, user=importer)
    assert "neither UTF-8 nor GB18030" in str(error.value)


def test_a_judge_may_not_import_and_a_court_below_needs_oversight(tmp_path, judge, president):
    with translation.override("en"), pytest.raises(CaseImportError) as error:
        import_file(write_csv(tmp_path, ROWS[:1]), user=judge)
    assert "You may not import cases of the court 内2502" in str(error.value)
    rows = [["（2024）内2522民初1号", "2024-01-10"] + [""] * 9]
    with pytest.raises(CaseImportError):
        import_file(write_csv(tmp_path, rows), user=president)  # 内2502 does not oversee it
    assert not Court.objects.filter(code="内2522").exists()


def test_the_command_prints_progress_and_exits_2_on_bad_input(tmp_path, capsys, importer):
    path = write_csv(tmp_path, ROWS)
    call_command("cases", "import", str(path), "--user", importer.username)
    out, err = capsys.readouterr()
    assert "100%" in err and "8" in out
    bad = write_csv(tmp_path, [["（2024）内2502民初9号", "yesterday"]], header=HEADER[:2],
                    name="bad.csv")
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("cases", "import", str(bad), "--dry-run")
    assert error.value.returncode == 2
    assert str(error.value).startswith("Line 2: 立案日期 “yesterday” is not a date")

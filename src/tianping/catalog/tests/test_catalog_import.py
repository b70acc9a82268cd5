"""Importing official tables: every shared table agrees with the built-in catalogs; bad files
are refused with a clear message, and an import applies whole or not at all."""

import os
import re
from collections import Counter
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tianping.audit.models import AuditEntry
from tianping.catalog import builtin
from tianping.catalog.actions import import_catalog
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError
from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.catalog.queries import cause_version_for

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[4]
KIND_OF_FILE = {
    "case_types_2016.csv": CatalogKind.CASE_TYPES,
    "civil_causes_2020.csv": CatalogKind.CIVIL_CAUSES,
    "civil_causes_2025.csv": CatalogKind.CIVIL_CAUSES,
    "administrative_causes_2021.csv": CatalogKind.ADMINISTRATIVE_CAUSES,
    "criminal_charges_2024.csv": CatalogKind.CRIMINAL_CHARGES,
    "court_codes_2018.csv": CatalogKind.COURT_CODES,
}
NOT_CATALOGS = {
    "administrative_cause_rules_2021.csv",  # how to word a cause, not a list of causes
    "cn_public_holidays_2024_2026.csv",  # the deadlines' calendar
    "civil_causes_2020_provenance.csv",  # where each row of the 2020 table comes from
}
LATER_COURTS = {"京0491", "粤0192", "京74"}
LATER_TYPE_CODES = {"民诉前调", "诉前调确", "诉前调书"}
SPECIAL_CODES = {"知", "金"}
CIVIL_HEADER = ",".join(
    [
        "诉讼类型",
        "层级",
        "一级编号",
        "一级案由",
        "二级编号",
        "二级案由",
        "三级编号",
        "三级案由",
        "四级编号",
        "四级案由",
    ]
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def shared() -> Path:
    base = os.environ.get("TIANPING_SHARED_DIR")
    folder = (Path(base) if base else REPO.parent / "shared") / "reference-data"
    if not folder.is_dir():
        pytest.skip(f"shared reference data not found at {folder}; set TIANPING_SHARED_DIR")
    return folder


def entries_of(kind: str, label: str) -> dict[str, CatalogEntry]:
    return {
        e.code: e for e in CatalogEntry.objects.filter(version__kind=kind, version__label=label)
    }


def tree(entries: dict[str, CatalogEntry]) -> dict[str, tuple]:
    return {
        code: (e.name, e.parent_code, e.level, e.path, e.category) for code, e in entries.items()
    }


def import_shared(shared: Path, filename: str) -> dict[str, CatalogEntry]:
    kind = KIND_OF_FILE[filename]
    import_catalog(kind, (shared / filename).read_bytes(), actor=None, label="official")
    return entries_of(kind, "official")


def civil_table(*rows: str) -> bytes:
    return "\n".join([CIVIL_HEADER, *rows]).encode()


# Every shared table, cross-checked against the built-in catalogs.


def test_every_shared_table_is_a_catalog_or_known_not_to_be_one(shared):
    assert {p.name for p in shared.glob("*.csv")} == set(KIND_OF_FILE) | NOT_CATALOGS


def test_shared_civil_causes_import_as_the_built_in_2025_revision(shared):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])

    imported = import_shared(shared, "civil_causes_2025.csv")

    assert Counter(e.level for e in imported.values()) == {1: 12, 2: 59, 3: 514, 4: 470}
    assert tree(imported) == tree(entries_of(CatalogKind.CIVIL_CAUSES, "2025"))
    sale = imported["88"]
    assert (sale.name, sale.parent_code) == ("买卖合同纠纷", "十")
    assert sale.path == "合同、准合同纠纷 › 合同纠纷"
    assert imported["8.1"].name == "隐私权纠纷" and imported["8.1"].parent_code == "8"
    assert imported["第十二部分"].name == "特殊诉讼程序案件案由"


def test_shared_2020_civil_causes_import_as_the_built_in_2020_revision(shared):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])

    imported = import_shared(shared, "civil_causes_2020.csv")

    assert Counter(e.level for e in imported.values()) == {1: 11, 2: 54, 3: 473, 4: 389}
    assert tree(imported) == tree(entries_of(CatalogKind.CIVIL_CAUSES, "2020"))
    level_three = sorted(int(code) for code, e in imported.items() if e.level == 3)
    assert level_three == list(range(1, 474))  # numbered without gap or duplicate
    assert "第十二部分" not in imported  # the twelfth part came with the 2025 revision


def test_a_case_filed_in_2025_gets_a_2020_cause_and_one_filed_in_2026_a_2025_cause():
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])

    in_2025 = cause_version_for(date(2025, 12, 31))
    in_2026 = cause_version_for(date(2026, 1, 1))
    in_2021 = cause_version_for(date(2021, 1, 1))

    assert (in_2021.label, in_2025.label, in_2026.label) == ("2020", "2020", "2025")
    assert in_2025.entries.filter(level=3).count() == 473
    assert in_2026.entries.filter(level=3).count() == 514


def test_shared_administrative_causes_import_as_the_built_in_2021_rules(shared):
    sync_builtin_catalogs([CatalogKind.ADMINISTRATIVE_CAUSES])

    imported = import_shared(shared, "administrative_causes_2021.csv")

    assert Counter(e.level for e in imported.values()) == {1: 1, 2: 22, 3: 140}
    assert tree(imported) == tree(entries_of(CatalogKind.ADMINISTRATIVE_CAUSES, "2021"))
    warning = imported["1"]
    assert (warning.name, warning.parent_code, warning.category) == ("警告", "一", "行政处罚")
    assert imported["十二"].name == "行政收费"  # written (十二） in the source


def test_shared_criminal_charges_import_as_the_built_in_2024_list(shared):
    sync_builtin_catalogs([CatalogKind.CRIMINAL_CHARGES])

    imported = import_shared(shared, "criminal_charges_2024.csv")

    built_in = entries_of(CatalogKind.CRIMINAL_CHARGES, "2024")
    assert len(imported) == len(built_in) == 484
    assert {c: (e.name, e.category, e.extra) for c, e in imported.items()} == {
        c: (e.name, e.category, e.extra) for c, e in built_in.items()
    }
    assert imported["1"].name == "背叛国家罪" and imported["1"].category == "危害国家安全罪"
    assert imported["1"].extra["article"] == "第102条"


def test_shared_court_codes_import_as_the_built_in_courts_less_the_later_ones(shared):
    sync_builtin_catalogs([CatalogKind.COURT_CODES])

    imported = import_shared(shared, "court_codes_2018.csv")

    built_in = entries_of(CatalogKind.COURT_CODES, "2018")
    assert len(imported) == 3526
    assert set(built_in) - set(imported) == LATER_COURTS
    built_in_tree = tree(built_in)
    assert tree(imported) == {code: built_in_tree[code] for code in imported}
    assert imported["内25"].name == "内蒙古自治区锡林郭勒盟中级人民法院"
    assert imported["内25"].path == "最高人民法院 › 内蒙古自治区高级人民法院"
    assert imported["赣0721"].extra == {"note": "代字尚未修改"}


def test_shared_case_types_import_as_the_built_in_types_less_later_and_special_codes(shared):
    sync_builtin_catalogs([CatalogKind.CASE_TYPES])

    imported = import_shared(shared, "case_types_2016.csv")

    built_in = entries_of(CatalogKind.CASE_TYPES, "2016")
    assert len(imported) == 129
    assert set(built_in) - set(imported) == LATER_TYPE_CODES | SPECIAL_CODES
    for code, entry in imported.items():
        same = built_in[code]
        assert entry.category == same.category, code
        assert entry.extra["covers"] == same.extra["covers"], code
        assert entry.extra["standard_codes"] == same.extra["standard_codes"], code
    assert imported["民初"].name == "民事一审案件" and imported["民初"].category == "民事案件"
    assert built_in["知"].extra["kind"] == "special"
    assert built_in["民诉前调"].category == "民事案件"


def test_an_import_is_recorded_in_the_audit_log_with_its_figures(shared, demo):
    version = import_catalog(
        CatalogKind.CRIMINAL_CHARGES,
        (shared / "criminal_charges_2024.csv").read_bytes(),
        actor=demo["admin"],
        label="2024-b",
        source="test",
    )

    entry = AuditEntry.objects.get(action="catalog.imported")
    assert entry.actor == demo["admin"] and entry.object_id == str(version.pk)
    assert entry.changes["entries"] == 484 and entry.changes["label"] == "2024-b"
    assert version.imported_by == demo["admin"]


# Built-in catalogs.


def test_built_in_sync_loads_every_catalog_once():
    first = sync_builtin_catalogs()
    second = sync_builtin_catalogs()

    assert {(r.kind, r.label, r.status) for r in first} == {
        ("case-types", "2016", "created"),
        ("civil-causes", "2020", "created"),
        ("civil-causes", "2025", "created"),
        ("administrative-causes", "2021", "created"),
        ("criminal-charges", "2024", "created"),
        ("court-codes", "2018", "created"),
    }
    assert {r.status for r in second} == {"unchanged"}
    counts = dict(CatalogVersion.objects.values_list("label", "entry_count"))
    assert counts == {
        "2016": 134,
        "2020": 927,
        "2025": 1055,
        "2021": 163,
        "2024": 484,
        "2018": 3529,
    }
    assert CatalogEntry.objects.count() == sum(counts.values())


def test_built_in_versions_carry_their_source_and_dates():
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES, CatalogKind.COURT_CODES])

    civil = CatalogVersion.objects.get(kind=CatalogKind.CIVIL_CAUSES, label="2025")
    civil_2020 = CatalogVersion.objects.get(kind=CatalogKind.CIVIL_CAUSES, label="2020")
    courts = CatalogVersion.objects.get(kind=CatalogKind.COURT_CODES)
    assert "法〔2025〕226号" in civil.source and str(civil.valid_from) == "2026-01-01"
    assert civil.valid_to is None
    assert "法〔2020〕347号" in civil_2020.source and "重建版本" in civil_2020.source
    assert (str(civil_2020.valid_from), str(civil_2020.valid_to)) == ("2021-01-01", "2025-12-31")
    assert courts.valid_from is None and "YB/T 51202" in courts.source
    internet_court = CatalogEntry.objects.get(version=courts, code="京0491")
    assert str(internet_court.valid_from) == "2018-09-09"


def test_a_changed_built_in_catalog_reloads_in_place(monkeypatch):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])
    before = dict(CatalogEntry.objects.values_list("code", "pk"))
    monkeypatch.setattr(builtin, "FORMAT_REVISION", "test")

    results = sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])

    assert {r.status for r in results} == {"updated"}
    # Filings and cases point at entries: a reload keeps them.
    assert dict(CatalogEntry.objects.values_list("code", "pk")) == before


def test_sync_command_reports_each_catalog(capsys):
    out = StringIO()
    call_command("catalog", "sync", "civil-causes", stdout=out)
    call_command("catalog", "sync", "civil-causes", stdout=out)

    lines = out.getvalue().splitlines()
    assert "2020" in lines[0] and "created" in lines[0] and "927" in lines[0]
    assert "2025" in lines[1] and "created" in lines[1] and "1055" in lines[1]
    assert "unchanged" in lines[3] and "unchanged" in lines[4]


# Bad files.


def refused(kind: str, data: bytes, **options) -> list[str]:
    options = {"actor": None, "label": "test", **options}
    with pytest.raises(CatalogImportError) as exc:
        import_catalog(kind, data, **options)
    return exc.value.errors


def test_gbk_file_is_refused_with_how_to_convert_it(shared):
    data = (shared / "administrative_causes_2021.csv").read_text(encoding="utf-8")

    [error] = refused(CatalogKind.ADMINISTRATIVE_CAUSES, data.encode("gbk"))

    assert "looks GBK-encoded" in error
    assert "iconv -f GB18030 -t UTF-8" in error and "--encoding gb18030" in error
    assert not CatalogVersion.objects.exists()


def test_gbk_file_imports_when_its_encoding_is_named(shared):
    data = (shared / "administrative_causes_2021.csv").read_text(encoding="utf-8")

    version = import_catalog(
        CatalogKind.ADMINISTRATIVE_CAUSES,
        data.encode("gbk"),
        actor=None,
        label="gbk",
        encoding="gbk",
    )

    assert version.entry_count == 163
    assert version.entries.get(code="1").name == "警告"


def test_utf8_file_with_byte_order_mark_is_read():
    data = "\ufeff".encode() + civil_table("民事,1,第一部分,人格权纠纷,,,,,,")

    version = import_catalog(CatalogKind.CIVIL_CAUSES, data, actor=None, label="bom")

    assert version.entries.get().name == "人格权纠纷"


def test_wrong_columns_name_the_missing_ones_and_the_expected_header(shared):
    data = (shared / "criminal_charges_2024.csv").read_bytes()

    errors = refused(CatalogKind.CIVIL_CAUSES, data)

    assert "lacks the columns 层级, 一级编号" in errors[0]
    assert f"Expected header: {CIVIL_HEADER}" in errors[0]
    assert "those of the catalog “Criminal charges (刑事罪名)”" in errors[1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"\n \n", "The file is empty."),
        (CIVIL_HEADER.encode() + b"\n", "The file has a header but no rows."),
        (b"PK\x03\x04\x14\x00", "This is an Excel workbook, not a CSV file."),
    ],
)
def test_empty_or_unreadable_files_are_refused_plainly(data, message):
    assert refused(CatalogKind.CIVIL_CAUSES, data)[0].startswith(message)


def test_duplicate_codes_are_reported_with_both_lines():
    data = civil_table("民事,1,第一部分,人格权纠纷,,,,,,", "民事,1,第一部分,婚姻家庭纠纷,,,,,,")

    assert refused(CatalogKind.CIVIL_CAUSES, data) == [
        "Line 3: code 第一部分 appears again (first on line 2)."
    ]


def test_level_4_cause_without_its_parent_is_reported_with_its_line():
    data = civil_table(
        "民事,1,第一部分,人格权纠纷,,,,,,",
        "民事,2,第一部分,人格权纠纷,一,人格权纠纷,,,,",
        "民事,4,第一部分,人格权纠纷,一,人格权纠纷,8,隐私权、个人信息保护纠纷,（1）,隐私权纠纷",
    )

    assert refused(CatalogKind.CIVIL_CAUSES, data) == [
        "Line 4: the level-4 entry 8.1 隐私权纠纷 names its parent 8, which is not in the file."
    ]


def test_every_bad_line_is_reported_at_once():
    data = civil_table(
        "民事,1,第一部分,人格权纠纷,,,,,,", "民事,9,,,,,,,,", "刑事,1,第二部分,,,,,,,"
    )

    errors = refused(CatalogKind.CIVIL_CAUSES, data)

    assert errors == [
        "Line 3: 层级 must be a number from 1 to 4, not “9”.",
        "Line 4: 诉讼类型 is “刑事”; this table is for 民事.",
        "Line 4: the level-1 cause lacks its number or its name.",
    ]


def test_an_error_on_the_last_line_leaves_nothing_behind(shared):
    lines = (shared / "civil_causes_2025.csv").read_text(encoding="utf-8").splitlines()
    lines[-1] = re.sub(r"^民事,\d,", "民事,5,", lines[-1])

    errors = refused(CatalogKind.CIVIL_CAUSES, "\n".join(lines).encode())

    assert errors == [f"Line {len(lines)}: 层级 must be a number from 1 to 4, not “5”."]
    assert not CatalogVersion.objects.exists()
    assert not CatalogEntry.objects.exists()
    assert not AuditEntry.objects.filter(action="catalog.imported").exists()


def test_an_existing_label_is_refused_unless_replaced():
    first = civil_table("民事,1,第一部分,人格权纠纷,,,,,,")
    second = civil_table(
        "民事,1,第一部分,人格权纠纷,,,,,,", "民事,1,第二部分,婚姻家庭、继承纠纷,,,,,,"
    )
    version = import_catalog(CatalogKind.CIVIL_CAUSES, first, actor=None, label="2020")

    [error] = refused(CatalogKind.CIVIL_CAUSES, second, label="2020")
    replaced = import_catalog(
        CatalogKind.CIVIL_CAUSES, second, actor=None, label="2020", replace=True
    )

    assert "Version 2020 of this catalog exists already" in error
    assert replaced.pk == version.pk and replaced.entry_count == 2
    assert sorted(replaced.entries.values_list("code", flat=True)) == ["第一部分", "第二部分"]


def test_dates_out_of_order_are_refused():
    data = civil_table("民事,1,第一部分,人格权纠纷,,,,,,")

    errors = refused(CatalogKind.CIVIL_CAUSES, data, valid_from="2026-01-01", valid_to="2025-01-01")

    assert errors == ["“Valid to” is before “valid from”."]


# The command line.


def test_import_command_exits_with_status_2_and_every_error(tmp_path):
    table = tmp_path / "causes.csv"
    table.write_bytes(civil_table("民事,1,第一部分,人格权纠纷,,,,,,", "民事,9,,,,,,,,"))

    with pytest.raises(CommandError) as exc:
        call_command("catalog", "import", "civil-causes", str(table), "--label", "2020")

    assert exc.value.returncode == 2
    assert "causes.csv was not imported" in str(exc.value)
    assert "Line 3: 层级 must be a number from 1 to 4" in str(exc.value)


def test_import_command_loads_a_table_with_its_version_details(tmp_path):
    table = tmp_path / "causes.csv"
    table.write_bytes(civil_table("民事,1,第一部分,人格权纠纷,,,,,,"))
    out = StringIO()

    call_command(
        "catalog",
        "import",
        "civil-causes",
        str(table),
        "--label",
        "2020",
        "--valid-from",
        "2021-01-01",
        "--valid-to",
        "2025-12-31",
        "--source",
        "法〔2020〕347号",
        stdout=out,
    )

    version = CatalogVersion.objects.get(kind="civil-causes", label="2020")
    assert (str(version.valid_from), str(version.valid_to)) == ("2021-01-01", "2025-12-31")
    assert version.source == "法〔2020〕347号" and not version.is_builtin
    assert "Imported 1 entries" in out.getvalue()

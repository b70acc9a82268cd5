"""Finding entries: by pinyin initials, name or code; the version in force on a day; the
history of a court code that changed hands."""

from datetime import date

import pytest
from django.utils import translation

from tianping.catalog.actions import import_catalog
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError
from tianping.catalog.queries import (
    cause_version_for,
    entry_history,
    get_entry,
    resolve_version,
    search_entries,
)

pytestmark = pytest.mark.django_db

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
# A FIXTURE written for these tests, standing in for a court's own copy of the official 2020
# table: its numbering is made up so that an answer from it cannot be mistaken for one from
# the built-in (reconstructed) 2020 revision or from 2025.
FIXTURE_2020 = "\n".join(
    [
        CIVIL_HEADER,
        "民事,1,第四部分,合同、准合同纠纷,,,,,,",
        "民事,2,第四部分,合同、准合同纠纷,十,合同纠纷,,,,",
        "民事,3,第四部分,合同、准合同纠纷,十,合同纠纷,901,买卖合同纠纷,,",
        "民事,4,第四部分,合同、准合同纠纷,十,合同纠纷,901,买卖合同纠纷,（1）,分期付款买卖合同纠纷",
    ]
).encode()
COURT_HEADER = "代码,上级代码,分级码,名称,代字,生效日期,失效日期"
# A FIXTURE: code 赣0721 held by one court until 2016 and by its renamed successor since.
FIXTURE_COURTS = "\n".join(
    [
        COURT_HEADER,
        "0,-1,000,最高人民法院,最高法,,",
        "1700,0,E00,江西省高级人民法院,赣,,",
        "1743,1700,E70,江西省赣州市中级人民法院,赣07,,",
        "1745,1743,E72,赣县人民法院,赣0721,,2016-12-31",
        "1746,1743,E72,赣州市赣县区人民法院,赣0721,2017-01-01,",
    ]
).encode()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def civil():
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])


@pytest.fixture
def official_2020(civil):
    return import_catalog(
        CatalogKind.CIVIL_CAUSES,
        FIXTURE_2020,
        actor=None,
        label="2020",
        replace=True,
        valid_from=date(2021, 1, 1),
        valid_to=date(2025, 12, 31),
        source="法〔2020〕347号",
    )


def names(entries) -> list[str]:
    return [entry.name for entry in entries]


def test_pinyin_initials_find_the_cause_first(civil):
    found = search_entries(CatalogKind.CIVIL_CAUSES, "mmht")

    assert found[0].name == "买卖合同纠纷"
    assert "分期付款买卖合同纠纷" in names(found)


def test_pinyin_initials_are_matched_inside_a_name_too(civil):
    found = search_entries(CatalogKind.CIVIL_CAUSES, "fqfk")

    assert names(found) == ["分期付款买卖合同纠纷"]


def test_full_pinyin_and_capitals_find_the_cause(civil):
    assert search_entries(CatalogKind.CIVIL_CAUSES, "MaiMai HeTong")[0].name == "买卖合同纠纷"


def test_part_of_a_name_finds_every_cause_containing_it(civil):
    found = search_entries(CatalogKind.CIVIL_CAUSES, "民间借贷", limit=50)

    assert found and all("民间借贷" in name for name in names(found))


def test_a_code_finds_its_entry_first_and_then_those_below_it(civil):
    found = search_entries(CatalogKind.CIVIL_CAUSES, "88", limit=50)

    assert (found[0].code, found[0].name) == ("88", "买卖合同纠纷")
    assert {"88.1", "88.8"} <= {entry.code for entry in found}


def test_a_search_result_shows_where_the_cause_sits(civil):
    [entry] = search_entries(CatalogKind.CIVIL_CAUSES, "分期付款买卖")

    assert entry.path == "合同、准合同纠纷 › 合同纠纷 › 买卖合同纠纷"


def test_nothing_matching_gives_no_results(civil):
    assert search_entries(CatalogKind.CIVIL_CAUSES, "zzzzqqq") == []


def test_case_types_are_found_by_code_including_later_and_special_codes():
    sync_builtin_catalogs([CatalogKind.CASE_TYPES])

    assert search_entries(CatalogKind.CASE_TYPES, "民诉前调")[0].name == "民事诉前调解案件"
    assert search_entries(CatalogKind.CASE_TYPES, "民初")[0].name == "民事一审案件"
    special = get_entry(CatalogKind.CASE_TYPES, "知")
    assert special.name == "知识产权" and special.extra["kind"] == "special"


def test_a_search_takes_few_queries(civil, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        found = search_entries(CatalogKind.CIVIL_CAUSES, "htjf", limit=20)
        [entry.version.label for entry in found]
    assert len(found) == 20


# The version in force.


def test_a_case_filed_before_2026_takes_its_cause_from_the_2020_rules(civil):
    assert cause_version_for(date(2025, 6, 1)).label == "2020"
    assert cause_version_for(date(2026, 3, 1)).label == "2025"


def test_the_same_search_answers_from_the_version_in_force_on_the_filing_date(civil):
    before = search_entries(CatalogKind.CIVIL_CAUSES, "mmht", on=date(2025, 6, 1))
    after = search_entries(CatalogKind.CIVIL_CAUSES, "mmht", on=date(2026, 3, 1))

    assert (before[0].code, before[0].version.label) == ("84", "2020")
    assert (after[0].code, after[0].version.label) == ("88", "2025")


def test_before_2021_no_cause_version_is_in_force(civil):
    assert cause_version_for(date(2020, 12, 31)) is None
    assert search_entries(CatalogKind.CIVIL_CAUSES, "mmht", on=date(2020, 12, 31)) == []


def test_a_courts_official_2020_table_replaces_the_built_in_one_and_stays(official_2020):
    found = search_entries(CatalogKind.CIVIL_CAUSES, "mmht", on=date(2025, 6, 1))
    assert (found[0].code, found[0].version.label) == ("901", "2020")

    [result] = [r for r in sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES]) if r.label == "2020"]

    assert result.status == "kept-imported"
    assert search_entries(CatalogKind.CIVIL_CAUSES, "mmht", on=date(2025, 6, 1))[0].code == "901"


def test_without_a_date_today_s_version_is_used(civil, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2025, 6, 1))
    assert resolve_version(CatalogKind.CIVIL_CAUSES).label == "2020"
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 6, 1))
    assert resolve_version(CatalogKind.CIVIL_CAUSES).label == "2025"
    assert resolve_version(CatalogKind.CIVIL_CAUSES, version="2020").label == "2020"


# Court codes that changed hands.


@pytest.fixture
def courts():
    return import_catalog(CatalogKind.COURT_CODES, FIXTURE_COURTS, actor=None, label="history")


def test_a_recoded_court_is_found_under_its_name_on_the_day(courts):
    assert get_entry(CatalogKind.COURT_CODES, "赣0721", on=date(2016, 6, 1)).name == "赣县人民法院"
    assert get_entry(CatalogKind.COURT_CODES, "赣0721", on=date(2020, 1, 1)).name == (
        "赣州市赣县区人民法院"
    )
    assert get_entry(CatalogKind.COURT_CODES, "赣0721").name == "赣州市赣县区人民法院"


def test_a_court_code_keeps_its_history(courts):
    history = entry_history(CatalogKind.COURT_CODES, "赣0721")

    assert [(e.name, e.valid_from, e.valid_to) for e in history] == [
        ("赣县人民法院", None, date(2016, 12, 31)),
        ("赣州市赣县区人民法院", date(2017, 1, 1), None),
    ]


def test_a_search_on_a_day_shows_only_the_court_of_that_day(courts):
    found = search_entries(CatalogKind.COURT_CODES, "赣0721", on=date(2016, 6, 1))

    assert names(found) == ["赣县人民法院"]
    assert found[0].path == "最高人民法院 › 江西省高级人民法院 › 江西省赣州市中级人民法院"


def test_overlapping_periods_of_one_code_are_refused():
    table = FIXTURE_COURTS.replace(b"2017-01-01", b"2016-06-01")

    with pytest.raises(CatalogImportError, match="Line 6: code 赣0721 appears again"):
        import_catalog(CatalogKind.COURT_CODES, table, actor=None, label="bad")


def test_a_built_in_court_founded_after_2018_exists_only_from_its_founding_day():
    sync_builtin_catalogs([CatalogKind.COURT_CODES])

    assert get_entry(CatalogKind.COURT_CODES, "京0491", on=date(2018, 1, 1)) is None
    internet_court = get_entry(CatalogKind.COURT_CODES, "京0491", on=date(2019, 1, 1))
    assert internet_court.name == "北京互联网法院"
    assert get_entry(CatalogKind.COURT_CODES, "京01", on=date(2010, 1, 1)).name == (
        "北京市第一中级人民法院"
    )

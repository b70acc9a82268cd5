"""The catalog pages: anyone browses and searches; administrators import tables."""

import html
import re
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.catalog.models import CatalogVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_language():
    """A request in English leaves English active in this thread: put back what was there."""
    with translation.override(translation.get_language()):
        yield


INDEX = "/catalogs/"
CIVIL = "/catalogs/civil-causes/"
IMPORT = "/catalogs/import/"
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
TABLE = f"{CIVIL_HEADER}\n民事,1,第一部分,人格权纠纷,,,,,,\n".encode()


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def civil():
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])


def text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def rows(page: str) -> list[str]:
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)[1]
    return [text(row) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def upload(data: bytes, name: str = "table.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


# Browsing and searching, for anyone.


def test_anonymous_visitor_sees_the_catalogs_with_their_versions(english, civil):
    page = english.get(INDEX).content.decode()

    assert "Civil causes of action (民事案由)" in page
    [newer, older] = rows(page.split("Civil causes of action")[1])
    assert newer.startswith(
        "2025 《民事案件案由规定》（2025年修正，法〔2025〕226号） 2026-01-01 — 1055 Built in"
    )
    assert older.startswith("2020 《民事案件案由规定》（2020年修正，法〔2020〕347号；重建版本")
    assert "2021-01-01 2025-12-31 927 Built in" in older
    assert "The built-in 2020 civil causes of action" in text(page)
    assert "are a reconstruction" in text(page)


def test_the_browser_lists_causes_in_their_hierarchy(english, civil):
    page = english.get(CIVIL).content.decode()

    # code, name, then the part each cause belongs to
    assert rows(page)[:3] == [
        "第一部分 人格权纠纷",
        "一 人格权纠纷 人格权纠纷",
        "1 生命权、身体权、健康权纠纷 人格权纠纷",
    ]
    assert 'class="catalog-tree catalog-level-3"' in page
    assert "Page 1 of 11" in text(page)


def test_a_search_by_pinyin_initials_shows_the_cause_and_where_it_sits(english, civil):
    page = english.get(CIVIL, {"q": "mmht"}).content.decode()

    assert rows(page)[0] == "88 买卖合同纠纷 合同、准合同纠纷 › 合同纠纷 合同、准合同纠纷"
    assert 'value="mmht"' in page  # the box keeps what was typed


def test_htmx_search_returns_only_the_results(english, civil):
    response = english.get(CIVIL, {"q": "mmht"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()

    assert "<html" not in page and "<form" not in page
    assert rows(page)[0].startswith("88 买卖合同纠纷")
    assert "HX-Request" in response["Vary"]


def test_the_search_box_updates_the_results_as_one_types(english, civil):
    page = english.get(CIVIL).content.decode()

    box = re.search(r'<input type="search"[^>]*>', page, re.S)[0]
    assert 'hx-trigger="input changed delay:250ms, search"' in box
    assert 'hx-target="#catalog-results"' in box


def test_a_date_with_no_version_in_force_says_so(english, civil):
    page = english.get(CIVIL, {"on": "2020-06-01"}).content.decode()

    assert "No version of this catalog is in force on 2020-06-01." in text(page)


def test_a_date_in_2025_browses_the_2020_revision(english, civil):
    page = english.get(CIVIL, {"on": "2025-06-01", "q": "84"}).content.decode()

    assert "Version 2020" in text(page)
    assert rows(page)[0].startswith("84 买卖合同纠纷")


def test_a_version_can_be_chosen_by_label(english, civil):
    page = english.get(CIVIL, {"version": "2025", "q": "88"}).content.decode()

    assert "Version 2025" in text(page)
    assert rows(page)[0].startswith("88 买卖合同纠纷")


def test_court_codes_show_their_validity(english):
    sync_builtin_catalogs([CatalogKind.COURT_CODES])

    page = english.get("/catalogs/court-codes/", {"q": "京0491"}).content.decode()

    assert rows(page) == [
        "京0491 北京互联网法院 最高人民法院 › 北京市高级人民法院 › "
        "北京市第四中级人民法院（又名北京铁路运输中级法院） Basic court "
        "2018-09-09 – …"
    ]


def test_an_unknown_catalog_is_not_found(client):
    assert client.get("/catalogs/recipes/").status_code == 404


# The picker.


def test_picker_results_are_choices_carrying_their_code(english, civil):
    page = english.get(f"{CIVIL}picker/", {"field": "cause", "cause__search": "mmht"})
    body = page.content.decode()

    assert "<html" not in body
    first = re.search(r"<button[^>]*>", body)[0]
    assert 'data-code="88"' in first and 'data-label="88 买卖合同纠纷"' in first


def test_picker_searches_the_version_in_force_on_the_given_day(english, civil):
    page = english.get(
        f"{CIVIL}picker/", {"field": "cause", "cause__search": "mmht", "on": "2020-06-01"}
    ).content.decode()

    assert "data-code" not in page and "Nothing matches." in page


def test_picker_included_in_a_form_fills_a_hidden_field():
    request = RequestFactory().get("/")
    page = render_to_string(
        "catalog/picker.html",
        {
            "kind": "civil-causes",
            "name": "cause",
            "on": date(2026, 3, 1),
            "value": "88",
            "value_label": "88 买卖合同纠纷",
        },
        request=request,
    )

    assert '<input type="hidden" name="cause" value="88">' in page
    assert 'hx-get="/catalogs/civil-causes/picker/"' in page
    assert "&quot;on&quot;: &quot;2026-03-01&quot;" in page or '"on": "2026-03-01"' in page
    assert 'value="88 买卖合同纠纷"' in page


# Importing, for administrators.


def test_judge_may_not_open_the_import_page(demo, login):
    assert login(demo["wangjun"]).get(IMPORT).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in_for_the_import(client):
    response = client.get(IMPORT)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_superuser_imports_a_table_and_sees_it(demo, login):
    client = login(demo["platform"])

    response = client.post(
        IMPORT,
        {
            "kind": "civil-causes",
            "file": upload(TABLE),
            "label": "2020",
            "source": "法〔2020〕347号",
            "valid_from": "2021-01-01",
            "valid_to": "2025-12-31",
            "encoding": "utf-8",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/catalogs/civil-causes/?version=2020"
    version = CatalogVersion.objects.get(kind="civil-causes", label="2020")
    assert version.entry_count == 1 and version.imported_by == demo["platform"]


def test_a_refused_import_shows_every_error_and_keeps_the_fields(demo, login):
    client = login(demo["platform"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    bad = f"{CIVIL_HEADER}\n民事,9,,,,,,,,\n民事,1,,人格权纠纷,,,,,,\n".encode()

    page = client.post(
        IMPORT,
        {
            "kind": "civil-causes",
            "file": upload(bad),
            "label": "2020",
            "source": "法〔2020〕347号",
            "encoding": "utf-8",
        },
    ).content.decode()

    assert "The table was not imported" in page
    assert "Line 2: 层级 must be a number from 1 to 4, not “9”." in html.unescape(page)
    assert "Line 3: the level-1 cause lacks its number or its name." in html.unescape(page)
    assert 'value="2020"' in page and 'value="法〔2020〕347号"' in page
    assert not CatalogVersion.objects.exists()


def test_a_gbk_upload_is_refused_with_the_gbk_message(demo, login):
    client = login(demo["platform"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = client.post(
        IMPORT,
        {
            "kind": "civil-causes",
            "file": upload(TABLE.decode().encode("gbk")),
            "label": "2020",
            "encoding": "utf-8",
        },
    ).content.decode()

    assert "it looks GBK-encoded" in page


def test_the_superuser_reads_catalog_entries_in_the_admin_but_cannot_edit_them(demo, login, civil):
    client = login(demo["platform"])

    listing = client.get("/admin/catalog/catalogentry/", {"q": "买卖合同纠纷"})

    assert listing.status_code == 200 and "买卖合同纠纷" in listing.content.decode()
    assert client.get("/admin/catalog/catalogentry/add/").status_code == 403
    assert client.get("/admin/catalog/catalogversion/add/").status_code == 403


def test_judge_has_no_catalog_admin(demo, login):
    client = login(demo["wangjun"])

    assert client.get("/admin/catalog/catalogentry/").status_code in (302, 403)

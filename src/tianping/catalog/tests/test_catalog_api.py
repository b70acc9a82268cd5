"""The catalogs over the API: versions, search, one entry by code, and imports."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tianping.accounts.tokens import issue_token
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.catalog.models import CatalogVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_language():
    """A request in English leaves English active in this thread: put back what was there."""
    with translation.override(translation.get_language()):
        yield


API = "/api/v1/catalogs"
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
def judge(client, demo, login):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES, CatalogKind.COURT_CODES])
    return login(demo["wangjun"])


def test_anonymous_callers_are_refused(client):
    assert client.get(API).status_code == 401
    assert client.get(f"{API}/civil-causes/entries").status_code == 401


def test_versions_list_every_catalog_version(judge):
    versions = {(v["kind"], v["label"]): v for v in judge.get(API).json()}

    civil = versions[("civil-causes", "2025")]
    assert (civil["valid_from"], civil["valid_to"], civil["entry_count"]) == (
        "2026-01-01",
        None,
        1055,
    )
    assert civil["is_builtin"] and "法〔2025〕226号" in civil["source"]
    assert versions[("court-codes", "2018")]["entry_count"] == 3529


def test_search_by_pinyin_initials(judge):
    body = judge.get(f"{API}/civil-causes/entries", {"q": "mmht", "limit": 3}).json()

    assert body["version"]["label"] == "2025"
    assert [(e["code"], e["name"]) for e in body["entries"]][0] == ("88", "买卖合同纠纷")
    assert body["entries"][0]["path"] == "合同、准合同纠纷 › 合同纠纷"
    assert body["entries"][0]["initials"] == "mmhtjf" and len(body["entries"]) == 3


def test_search_on_a_day_without_a_version_in_force_is_empty(judge):
    body = judge.get(f"{API}/civil-causes/entries", {"q": "mmht", "on": "2020-06-01"}).json()

    assert body == {"version": None, "entries": []}


def test_search_takes_a_fixed_number_of_queries(judge, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # session, user, version, entries
        response = judge.get(f"{API}/civil-causes/entries", {"q": "jf", "limit": 100})
    assert len(response.json()["entries"]) == 100


def test_one_entry_by_code(judge):
    body = judge.get(f"{API}/civil-causes/entries/88.1").json()

    assert (body["name"], body["parent_code"], body["level"]) == ("分期付款买卖合同纠纷", "88", 4)
    assert body["version"]["label"] == "2025"


def test_a_court_code_is_looked_up_on_a_day(judge):
    assert (
        judge.get(f"{API}/court-codes/entries/京0491", {"on": "2019-01-01"}).json()["name"]
        == "北京互联网法院"
    )
    assert judge.get(f"{API}/court-codes/entries/京0491", {"on": "2018-01-01"}).status_code == 404


def test_unknown_codes_and_catalogs_are_not_found(judge):
    assert judge.get(f"{API}/civil-causes/entries/99999").status_code == 404
    assert judge.get(f"{API}/recipes/entries").status_code == 404


def test_a_token_reads_the_catalogs_too(client, demo):
    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])
    token = issue_token(demo["lixia"], name="test")

    response = client.get(f"{API}/civil-causes/entries/88", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.json()["name"] == "买卖合同纠纷"


# Imports.


def post_import(client, data: bytes, **fields):
    form = {"label": "2020", "valid_from": "2021-01-01", "valid_to": "2025-12-31", **fields}
    upload = SimpleUploadedFile("table.csv", data, content_type="text/csv")
    return client.post(f"{API}/civil-causes/import", {"file": upload, **form})


def test_judge_may_not_import(judge):
    before = list(CatalogVersion.objects.values_list("pk", "label", "checksum"))

    assert post_import(judge, TABLE).status_code == 403
    assert list(CatalogVersion.objects.values_list("pk", "label", "checksum")) == before


def test_the_superuser_imports_a_table(client, demo, login):
    login(demo["platform"])

    response = post_import(client, TABLE, source="法〔2020〕347号")

    assert response.status_code == 201
    assert response.json() | {"imported_at": None} == {
        "kind": "civil-causes",
        "label": "2020",
        "source": "法〔2020〕347号",
        "valid_from": "2021-01-01",
        "valid_to": "2025-12-31",
        "is_builtin": False,
        "entry_count": 1,
        "imported_at": None,
    }


def test_a_bad_table_is_refused_with_every_error(client, demo, login):
    login(demo["platform"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    response = post_import(client, TABLE.decode().encode("gbk"))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert "it looks GBK-encoded" in error
    assert not CatalogVersion.objects.filter(label="2020").exists()

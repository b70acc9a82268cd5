"""The tools API: fees, case-number parsing and identity checks for integrations."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from stdnum.cn import ric

from tianping.accounts.tokens import issue_token

pytestmark = pytest.mark.django_db

VALID_ID = "11010519491231002X"  # born 1949-12-31, female (17th digit 2)


@pytest.fixture
def clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return login(demo["lixia"])


def post(client, url, body, **extra):
    return client.post(url, body, content_type="application/json", **extra)


@pytest.mark.parametrize(
    "url, body",
    [
        ("/api/v1/fees", {"kind": "property", "amount": "1000000"}),
        ("/api/v1/case-numbers/parse", {"numbers": ["（2024）京0105民初1234号"]}),
        ("/api/v1/identity/check", {"doc_type": "resident_id", "number": VALID_ID}),
    ],
)
def test_anonymous_callers_are_refused(client, demo, url, body):
    assert post(client, url, body).status_code == 401


# Fees


def test_fee_answer_is_the_json_of_the_fee_command(clerk):
    # given
    out = StringIO()
    with translation.override("en"):  # the language the clerk fixture chose
        call_command("fee", "property", "1000000", "--summary", "--json", stdout=out)
    # when
    response = post(
        clerk, "/api/v1/fees", {"kind": "property", "amount": "1000000", "summary": True}
    )
    # then
    assert response.status_code == 200
    assert response.json() == json.loads(out.getvalue())
    assert response.json()["fee"] == "6900.00"


@pytest.mark.parametrize("amount", ["1000000", 1000000, 1000000.0, "1000000.00"])
def test_amount_may_be_a_string_or_a_number(clerk, amount):
    body = post(clerk, "/api/v1/fees", {"kind": "property", "amount": amount}).json()
    assert (body["fee"], body["fee_min"], body["fee_max"]) == ("13800.00",) * 3


def test_fee_given_as_a_range_has_no_single_figure(clerk):
    body = post(clerk, "/api/v1/fees", {"kind": "divorce"}).json()
    assert (body["fee"], body["fee_min"], body["fee_max"]) == (None, "50.00", "300.00")


def test_an_integration_calls_with_a_token(client, demo):
    token = issue_token(demo["lixia"], name="test")
    response = post(
        client,
        "/api/v1/fees",
        {"kind": "property", "amount": "10000"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.json()["fee"] == "50.00"


@pytest.mark.parametrize(
    "body, message",
    [
        ({"kind": "property", "amount": "-1"}, "must not be negative"),
        ({"kind": "property", "amount": "ten"}, "is not a number"),
        ({"kind": "property", "amount": "1.001"}, "more than two decimal places"),
        ({"kind": "property", "amount": 10**14}, "larger than the maximum"),
        ({"kind": "property"}, "needs an amount"),
        ({"kind": "labour", "amount": "100"}, "takes no amount"),
        ({"kind": "enforcement", "amount": "100", "reason": "mediation"}, "halving applies"),
        ({"kind": "no-such-kind", "amount": "100"}, "property"),
        ({"kind": "property", "amount": True}, "string"),
    ],
)
def test_bad_fee_input_is_422_with_the_reason(clerk, body, message):
    response = post(clerk, "/api/v1/fees", body)
    assert response.status_code == 422
    assert message in json.dumps(response.json()["detail"], ensure_ascii=False)


# Case numbers


def test_parse_keeps_the_input_order_and_counts(clerk):
    numbers = ["（2024）京0105民初1234号", "garbage", "（2014）京海民初字第123号", ""]
    body = post(clerk, "/api/v1/case-numbers/parse", {"numbers": numbers}).json()
    assert [r["input"] for r in body["results"]] == numbers
    assert [("error" in r) for r in body["results"]] == [False, True, False, True]
    assert (body["valid"], body["invalid"]) == (2, 2)
    assert body["results"][0] == {
        "input": "（2024）京0105民初1234号",
        "year": 2024,
        "court_code": "京0105",
        "court_name": "北京市朝阳区人民法院",
        "special_code": None,
        "type_code": "民初",
        "type_name": "民事一审案件",
        "serial": 1234,
        "legacy": False,
        "normalized": "（2024）京0105民初1234号",
    }
    assert body["results"][2]["legacy"] is True


def test_parse_refuses_more_than_a_thousand_numbers(clerk):
    numbers = ["（2024）京0105民初1号"] * 1001
    assert post(clerk, "/api/v1/case-numbers/parse", {"numbers": numbers}).status_code == 422


# Identity


def test_valid_resident_id_gives_birth_date_and_sex(clerk):
    body = post(
        clerk, "/api/v1/identity/check", {"doc_type": "resident_id", "number": "11010519491231002x"}
    ).json()
    assert body == {
        "valid": True,
        "normalized": VALID_ID,
        "masked": "110105********002X",
        "birth_date": "1949-12-31",
        "sex": "female",
        "error": None,
        "error_code": None,
    }


def test_invalid_number_is_never_echoed_in_full(clerk):
    # given: a mistyped check digit
    number = VALID_ID[:-1] + ("0" if ric.calc_check_digit(VALID_ID) != "0" else "1")
    # when
    response = post(clerk, "/api/v1/identity/check", {"doc_type": "resident_id", "number": number})
    # then
    body = response.json()
    assert (body["valid"], body["normalized"], body["error_code"]) == (False, None, "checksum")
    assert body["masked"] == "110105********0020"
    assert "check digit" in body["error"]
    assert number not in response.content.decode()


def test_document_without_birth_date_is_checked_by_format(clerk):
    body = post(
        clerk, "/api/v1/identity/check", {"doc_type": "hk_macao_permit", "number": "h1234 5678"}
    ).json()
    assert body["valid"] and body["normalized"] == "H12345678"
    assert body["masked"] == "H1*****78" and body["birth_date"] is None and body["sex"] is None


def test_unknown_document_type_is_422(clerk):
    response = post(clerk, "/api/v1/identity/check", {"doc_type": "library_card", "number": "1"})
    assert response.status_code == 422

"""The tool pages: a visitor computes a litigation fee; a clerk checks a column of case numbers."""

import html
import re

import pytest

pytestmark = pytest.mark.django_db

FEES = "/tools/fees/"
CASE_NUMBERS = "/tools/case-numbers/"


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def errors_of(page: str, field: str) -> str:
    match = re.search(rf'<div id="id_{field}_errors"[^>]*>(.*?)</div>', page, re.S)
    return text(match[1]) if match else ""


def table_rows(page: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)[1]
    return [
        [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


# Fee calculator


def test_anonymous_visitor_gets_the_fee_of_a_property_case_step_by_step(client, demo):
    client.cookies["django_language"] = "en"
    # when
    page = client.get(FEES, {"kind": "property", "amount": "1000000"}).content.decode()
    # then
    assert "<html" in page and "Fee: 13,800.00 yuan" in text(page)
    rows = table_rows(page)
    assert [row[1:] for row in rows] == [
        ["up to 10,000.00", "", "50.00"],
        ["10,000.00 – 100,000.00", "2.5%", "2,250.00"],
        ["100,000.00 – 200,000.00", "2%", "2,000.00"],
        ["200,000.00 – 500,000.00", "1.5%", "4,500.00"],
        ["500,000.00 – 1,000,000.00", "1%", "5,000.00"],
    ]


def test_htmx_request_gets_only_the_result(client, demo):
    response = client.get(
        FEES, {"kind": "property", "amount": "1000000"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page and "<form" not in page
    assert 'id="fee-result"' in page and "13,800.00" in page
    assert "HX-Request" in response["Vary"]


def test_summary_procedure_halves_the_fee(client, demo):
    page = client.get(FEES, {"kind": "property", "amount": "1000000", "summary": "on"})
    assert "6,900.00 元" in text(page.content.decode())
    assert "13,800.00" in text(page.content.decode())  # the full fee before halving


def test_amount_with_thousands_separators_is_understood(client, demo):
    page = client.get(FEES, {"kind": "property", "amount": "1,000,000"}).content.decode()
    assert "13,800.00" in page and 'value="1,000,000"' in page


def test_fee_the_law_gives_as_a_range_shows_both_ends(client, demo):
    client.cookies["django_language"] = "en"
    page = text(client.get(FEES, {"kind": "divorce", "amount": ""}).content.decode())
    assert "Fee range: 50.00 to 300.00 yuan" in page


@pytest.mark.parametrize(
    "kind, amount, message",
    [
        ("property", "-5", "must not be negative"),
        ("property", "12万", "is not a number"),
        ("property", "100.005", "more than two decimal places"),
        ("property", "99999999999999999", "larger than the maximum"),
        ("property", "", "this fee needs an amount"),
        ("labour", "5000", "this fee takes no amount"),
    ],
)
def test_bad_amount_is_explained_next_to_the_field_and_kept(english, demo, kind, amount, message):
    # when
    page = english.get(FEES, {"kind": kind, "amount": amount}).content.decode()
    # then
    assert message in errors_of(page, "amount")
    assert f'value="{amount}"' in page or not amount
    assert "Correct the marked field to see the fee." in page
    assert 'aria-invalid="true"' in page


def test_htmx_request_puts_the_error_next_to_the_field(english, demo):
    page = english.get(
        FEES, {"kind": "property", "amount": "abc"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in page
    assert 'id="id_amount_errors" class="field-errors" hx-swap-oob="true"' in page
    assert "is not a number" in errors_of(page, "amount")


def test_halving_an_application_fee_is_refused_at_the_summary_box(english, demo):
    page = english.get(
        FEES, {"kind": "payment-order", "amount": "10000", "summary": "on"}
    ).content.decode()
    assert "case acceptance fees" in errors_of(page, "summary")
    assert errors_of(page, "amount") == ""


def test_signed_in_litigant_uses_the_calculator_too(client, demo, login):
    login(demo["zhangsan"])
    page = client.get(FEES, {"kind": "property", "amount": "1000000"}).content.decode()
    assert "13,800.00" in page


# Case-number checker

PASTED = (
    "（2024）京0105民初1234号\n\nnot a number\n"
    "（2014）京海民初字第123号\r\n（2024）京0105民初1号之一\n"
)


def test_anonymous_visitor_uses_the_checker_too(client, demo):
    # like the fee calculator and the catalogs, a public tool: no sign-in asked
    response = client.get(CASE_NUMBERS)
    assert response.status_code == 200
    response = client.post(CASE_NUMBERS, {"numbers": "（2024）京0105民初1234号"})
    assert response.status_code == 200 and "1234" in response.content.decode()


def test_clerk_checks_a_pasted_column_in_input_order(english, demo, login):
    # given
    login(demo["lixia"])
    # when
    page = english.post(CASE_NUMBERS, {"numbers": PASTED}).content.decode()
    # then
    rows = table_rows(page)
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("1", "（2024）京0105民初1234号", "valid"),
        ("3", "not a number", "invalid"),
        ("4", "（2014）京海民初字第123号", "valid"),
        ("5", "（2024）京0105民初1号之一", "invalid"),
    ]
    assert rows[0][3:] == [
        "2024",
        "京0105 北京市朝阳区人民法院",
        "—",
        "民初 民事一审案件",
        "1234",
        "current",
        "（2024）京0105民初1234号",
    ]
    assert rows[2][8] == "pre-2016"
    assert "starts with the year in brackets" in rows[1][3]
    assert "2 valid" in text(page) and "2 invalid" in text(page)
    assert PASTED.splitlines()[0] in page  # the textarea keeps what was pasted


def test_htmx_check_returns_only_the_result(client, demo, login):
    login(demo["lixia"])
    page = client.post(
        CASE_NUMBERS, {"numbers": PASTED}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in page and '<textarea name="numbers"' not in page
    assert len(table_rows(page)) == 4


def test_empty_paste_is_refused(english, demo, login):
    login(demo["lixia"])
    page = english.post(CASE_NUMBERS, {"numbers": "\n  \n"}).content.decode()
    assert "Paste at least one case number." in errors_of(page, "numbers")


def test_more_than_a_thousand_lines_are_refused(english, demo, login):
    login(demo["lixia"])
    numbers = "\n".join(f"（2024）京0105民初{n}号" for n in range(1, 1002))
    page = english.post(CASE_NUMBERS, {"numbers": numbers}).content.decode()
    assert "1001 case numbers: check at most 1000 at a time." in errors_of(page, "numbers")


def test_signed_in_litigant_may_check_case_numbers(client, demo, login):
    login(demo["zhangsan"])
    page = client.post(CASE_NUMBERS, {"numbers": "（2024）京0105民初1234号"}).content.decode()
    assert table_rows(page)[0][2] in ("valid", "有效")

"""The big screen (电子展示屏, issue 13 part 5): its token opens the court's screen and
nothing else, sets no cookie, and stops working once revoked; the screen shows what the
engine computes and the overdue case numbers, never a party's name or identity number."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.cases.choices import CaseState
from tianping.cases.models import Case, CaseParty
from tianping.courts.models import Court
from tianping.deadlines.models import CaseTimeLimit
from tianping.indicators import compute, display, registry
from tianping.indicators.models import DisplayToken, ReferenceRange

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_screens():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def court(demo_network):
    return Court.objects.get(code="内2502")


@pytest.fixture
def token(court, demo):
    _row, token = display.create_token(court=court, label="立案大厅屏", actor=demo["chenzhi"])
    return token


@pytest.fixture
def overdue(court):
    """A pending case 10 days past its limit, of a party whose name and number are secret."""
    today = timezone.localdate()
    case = Case.objects.create(
        number="（2026）内2502民初9999号", court=court, type_code="民初", procedure="ordinary",
        filed_on=today - datetime.timedelta(days=200), state=CaseState.ASSIGNED)
    CaseTimeLimit.objects.create(case=case, rule_code="test", starts_on=case.filed_on,
                                 expires_on=today - datetime.timedelta(days=10))
    CaseParty.objects.create(case=case, role="plaintiff", kind="natural", name="赵秘密",
                             doc_type="resident_id", id_number="152502199001019999")
    return case


def screen_url(token):
    return reverse("indicators:display", args=[token])


def test_the_token_is_kept_hashed_shown_once_and_audited(court, demo, client):
    client.force_login(demo["chenzhi"])
    response = client.post(reverse("indicators:display_tokens") + "?court=内2502",
                           {"label": "审委会会议室"})
    assert response.status_code == 200
    row = DisplayToken.objects.get(label="审委会会议室")
    [token] = set(re.findall(r"/indicators/display/([\w-]{20,})/", response.content.decode()))
    assert row.digest == display.digest_of(token) and token not in row.digest
    assert token.startswith(row.prefix) and len(row.prefix) == display.PREFIX_LENGTH
    again = client.get(reverse("indicators:display_tokens")).content.decode()
    assert "审委会会议室" in again and row.prefix in again and token not in again
    entry = AuditEntry.objects.get(action="indicators.display_token_created")
    assert entry.actor == demo["chenzhi"] and token not in str(entry.changes)


def test_the_screen_opens_without_sign_in_and_sets_no_cookie(court, token, client):
    response = client.get(screen_url(token))
    assert response.status_code == 200
    assert response.cookies == {} and "sessionid" not in client.cookies
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "锡林浩特市人民法院" in html or court.name in html
    assert "vendor/echarts/echarts.min.js" in html and 'id="trend"' in html
    assert "<script>" not in html  # nothing inline under the CSP
    part = client.get(reverse("indicators:display_screen", args=[token]))
    assert part.status_code == 200 and part.cookies == {}
    assert DisplayToken.objects.get().last_seen_at is not None


def test_the_token_opens_nothing_else(court, token, client):
    assert client.get(screen_url(token)).status_code == 200
    for url in ("/workspace/", "/indicators/display/tokens/", "/indicators/reports/",
                f"/indicators/reports/download/?court=内2502&period=year&year=2026"
                f"&format=xlsx&token={token}", "/deadlines/overdue/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], url
    api = client.get("/api/v1/indicators/compute?court=内2502&from=2026-01-01&to=2026-12-31",
                     HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code in (401, 403)


def test_a_wrong_or_revoked_token_is_not_found(court, token, client, demo):
    assert client.get(screen_url(token[:-1] + ("A" if token[-1] != "A" else "B"))
                      ).status_code == 404
    assert client.get(screen_url("x")).status_code == 404
    row = DisplayToken.objects.get()
    client.force_login(demo["chenzhi"])
    response = client.post(reverse("indicators:display_token_revoke", args=[row.pk]))
    assert response.status_code == 302
    client.logout()
    assert client.get(screen_url(token)).status_code == 404
    assert client.get(reverse("indicators:display_screen", args=[token])).status_code == 404
    assert AuditEntry.objects.filter(action="indicators.display_token_revoked").count() == 1


def test_who_keeps_the_screens(court, demo, client):
    for name in ("zhangsan", "wangjun", "lixia", "liuqiang"):
        client.force_login(demo[name])
        assert client.get(reverse("indicators:display_tokens")).status_code == 403, name
    for name in ("chenzhi", "admin"):
        client.force_login(demo[name])
        assert client.get(reverse("indicators:display_tokens")).status_code == 200, name
    row, _token = display.create_token(court=court, label="屏", actor=demo["chenzhi"])
    client.force_login(demo["wangjun"])
    assert client.post(reverse("indicators:display_token_revoke", args=[row.pk])
                       ).status_code == 403
    assert DisplayToken.objects.get(pk=row.pk).revoked_at is None


def test_the_screen_shows_the_engines_figures_and_no_party(court, token, overdue, client):
    today = timezone.localdate()
    filed = today.replace(month=1, day=5)
    for n, days in enumerate((20, 35, 61)):
        closed = min(filed + datetime.timedelta(days=days), today)
        Case.objects.create(number=f"（2026）内2502民初{9000 + n}号", court=court,
                            type_code="民初", procedure="ordinary", filed_on=filed,
                            closed_on=closed, closure_mode="judgment", state=CaseState.CLOSED)
    ReferenceRange.objects.create(court=court, code="clearance_rate", low=999, high=1000)
    html = client.get(screen_url(token)).content.decode()
    s = compute.make_slice(court, today.replace(month=1, day=1), today)
    results = {r.code: r for r in compute.compute(s, display.SCREEN_CODES)}
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for code in display.SCREEN_CODES:
        r = results[code]
        if r.value is None:
            continue
        shown = str(r.value.to_integral_value()) if r.unit == "cases" else f"{r.value:.2f}"
        assert f"{registry.BY_CODE[code].name_zh} {shown}" in text, code
    assert "not-met" in html  # the clearance rate is out of its (impossible) range
    assert "（2026）内2502民初9999号" in text
    assert re.search(r"（2026）内2502民初9999号 \S* ?10 ", text)
    assert "赵秘密" not in html and "152502199001019999" not in html


def test_the_demo_makes_one_screen_and_tells_its_address_once(court, client):
    from tianping.demo.display import load_demo_display

    path = load_demo_display()
    assert path.startswith("/indicators/display/") and client.get(path).status_code == 200
    assert load_demo_display() == ""

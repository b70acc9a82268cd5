import pytest

from tianping.accounts.tokens import issue_token

pytestmark = pytest.mark.django_db


def test_schema_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in schema["paths"] and "/api/v1/courts" in schema["paths"]


def test_anonymous_callers_are_refused(client, demo):
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/courts").status_code == 401


def test_an_integration_calls_with_a_token(client, demo):
    token = issue_token(demo["wangjun"], name="test")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    body = response.json()
    assert body["username"] == "wangjun"
    assert [(m["court_code"], m["role"]) for m in body["memberships"]] == [("内2502", "judge")]


def test_a_wrong_token_is_refused(client, demo):
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer tp_wrong").status_code == 401


def test_courts_list_shows_only_visible_courts(client, demo, login):
    login(demo["bayar"])
    codes = [c["code"] for c in client.get("/api/v1/courts").json()["items"]]
    assert sorted(codes) == sorted(["内25", "内2501", "内2502"])


def test_court_of_another_court_is_404_in_the_api(client, demo, login):
    login(demo["sarula"])
    assert client.get("/api/v1/courts/内2502").status_code == 404
    detail = client.get("/api/v1/courts/内2501").json()
    assert "立案庭" in [d["name"] for d in detail["divisions"]]


@pytest.mark.parametrize("debug", [False, True])
def test_a_body_over_the_upload_limit_gets_413_with_a_message(client, demo, login, settings, debug):
    # given a signed-in clerk who sends a JSON body of more than 5 MB (with DEBUG on, django-
    # ninja answered such a request with a 500 and a traceback; with it off, an HTML 400)
    settings.DEBUG = debug
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    login(demo["lixia"])
    numbers = ["（2024）京0105民初1234号"] * 200_000  # about 6 MB of JSON

    response = client.post(
        "/api/v1/case-numbers/parse", {"numbers": numbers}, content_type="application/json"
    )

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "too large" in response.json()["detail"]

"""The error pages (templates/403.html, 404.html, 500.html): the site's own layout with a
way on, in the reader's language; the 500 page renders without a request."""

import pytest
from django.template import loader
from django.test import Client
from django.utils import translation


def test_500_renders_without_a_request_in_both_languages():
    for language, home in (("zh-hans", "天平"), ("en", "Tianping")):
        with translation.override(language):
            html = loader.get_template("500.html").render()
        assert f'lang="{language}"' in html and home in html
        assert "/tools/fees/" in html and "500" in html


@pytest.mark.django_db
def test_404_has_the_layout_and_a_way_on(client, demo_network):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'class="topbar"' in html and "/tools/fees/" in html and "/portal/courts/" in html


@pytest.mark.django_db
def test_404_in_english(demo_network):
    english = Client(headers={"accept-language": "en"})
    english.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = english.get("/no-such-page/").content.decode()
    assert "Page not found" in html and "Fee calculator" in html


@pytest.mark.django_db
def test_403_has_the_layout(client, login, demo):
    login(demo["wangjun"])
    response = client.get("/portal/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="topbar"' in html and "403" in html and "/tools/fees/" in html


def test_the_reader_s_punctuation_helpers():
    from django.template import engines

    template = engines["django"].from_string(
        "{{ a|joined }}|{% colon %}|{{ b|paren }}|{{ c|money }}|{% period %}"
    )
    context = {"a": ["一", "二"], "b": "法官", "c": "1384.5"}
    with translation.override("zh-hans"):
        assert template.render(context) == "一；二|：|（法官）|1,384.50|。"
    with translation.override("en"):
        assert template.render(context) == "一; 二|: | (法官)|1,384.50|. "

"""Chinese is the default and complete; English is the source language."""

from pathlib import Path

import polib
import pytest
from django.conf import settings


def _catalog(language):
    return polib.pofile(
        str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po")
    )


def test_every_message_has_a_chinese_translation():
    catalog = _catalog("zh_Hans")
    missing = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    assert missing == []


@pytest.mark.django_db
def test_pages_are_chinese_even_for_an_english_browser_until_english_is_chosen(client):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "<h1>登录</h1>" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert "<h1>Sign in</h1>" in client.get("/accounts/login/").content.decode()

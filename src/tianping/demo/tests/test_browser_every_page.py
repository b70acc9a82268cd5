"""Every persona's main pages, in Chinese and in English, read well: no raw key, no Python
value, no over-long amount, no ASCII punctuation or English sentence on a Chinese page
(lib/testing/browser.assert_reads_well). The demo's filings and cases are loaded, so the
lists, timelines, time limits and dashboards are not empty. Screenshots of each page at
phone and desktop width go to the screenshots directory, for a person to look at."""

import re
import warnings
from functools import cache
from pathlib import Path

import polib
import pytest

from tianping.cases.models import Case
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.demo.cases import load_demo_cases
from tianping.filings.models import Filing
from tianping.lib.testing.browser import problems, shoot, sign_in, visible_text

pytestmark = pytest.mark.browser

# Names a page may show in Latin letters on a Chinese page (the product's own name), and
# the column heads Django's admin hides for screen readers, which Django has not translated.
ALLOWED = ("Tianping", "MODEL NAME", "ADD LINK", "CHANGE OR VIEW LIST LINK")
SOURCE = Path(__file__).resolve().parents[2]  # src/tianping
GETTEXT = re.compile(r'\b(?:_|gettext|gettext_lazy)\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
ENGLISH = re.compile(r"English on a Chinese page: '(.+?)'")


@cache
def _translated_msgids() -> frozenset[str]:
    catalog = polib.pofile(str(SOURCE / "locale/zh_Hans/LC_MESSAGES/django.po"))
    return frozenset(" ".join(e.msgid.split()) for e in catalog if e.translated())


@cache
def _source_strings() -> tuple[str, ...]:
    """Every string given to gettext and every {% translate %}/{% blocktranslate %} text of the
    source (outside the tests), blanks collapsed, variables as %(name)s."""
    found = []
    for path in [*SOURCE.rglob("*.html"), *SOURCE.rglob("*.py")]:
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for call in GETTEXT.findall(text):  # _("a" "b"): the strings joined
            found.append("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call)))
        found += re.findall(r'translate "((?:[^"\\]|\\.)*)"', text)
        found += re.findall(r"(?s)blocktranslate[^%]*%\}(.*?)\{% endblocktranslate", text)
    return tuple(
        re.sub(r"\{\{\s*(\w+)\s*\}\}", r"%(\1)s", " ".join(f.split())) for f in found
    )


def untranslated(phrase: str) -> bool:
    """PHRASE comes from a source string nobody has translated yet: the translation pass at
    the end of a piece of work (makemessages, then the Chinese) is where that is fixed."""
    words = " ".join(phrase.split())
    sources = [s for s in _source_strings() if words in s]
    return any(s not in _translated_msgids() for s in sources)


# Steps whose problems are known and being fixed elsewhere ({step: what and where}): reported
# as warnings, not failures, until then. Empty: every page must read well.
KNOWN: dict[str, str] = {}


def _objects():
    case = Case.objects.filter(court__code="内2502").exclude(state="closed")
    case = case.filter(extensions__isnull=False).first() or case.first()
    mine = Filing.objects.filter(filer__username="zhangsan")
    waiting = Filing.objects.filter(court__code="内2502", status="submitted").first()
    party_case = Case.objects.filter(filing__filer__username="zhangsan").first()
    return {
        "suspended": Case.objects.filter(court__code="内2502", state="suspended").first().code,
        "closed": Case.objects.filter(court__code="内2502", state="closed").first().code,
        "case": case.code,
        "filing": mine.filter(status="accepted").first().code,
        "review": waiting.code,
        "party_case": party_case.code,
    }


def _pages(o):
    """(persona or None, step name, path)"""
    return [
        (None, "fees", "/tools/fees/"),
        (None, "case-numbers", "/tools/case-numbers/"),
        (None, "catalogs", "/catalogs/"),
        (None, "civil-causes", "/catalogs/civil-causes/"),
        (None, "courts", "/courts/"),
        (None, "court", "/courts/内2502/"),
        (None, "courts-and-points", "/portal/courts/"),
        ("zhangsan", "portal", "/portal/"),
        ("zhangsan", "my-filings", "/portal/filings/"),
        ("zhangsan", "my-filing", f"/portal/filings/{o['filing']}/"),
        ("zhangsan", "my-cases", "/portal/cases/"),
        ("zhangsan", "my-case", f"/portal/cases/{o['party_case']}/"),
        ("lixia", "workspace-clerk", "/workspace/"),
        ("lixia", "review-queue", "/filing-review/"),
        ("lixia", "in-review", f"/filing-review/{o['review']}/"),
        ("wangjun", "workspace-judge", "/workspace/"),
        ("wangjun", "case-list", "/cases/"),
        ("wangjun", "case", f"/cases/{o['case']}/"),
        ("wangjun", "time-limit", f"/time-limits/cases/{o['case']}/"),
        ("wangjun", "suspended-case", f"/cases/{o['suspended']}/"),
        ("wangjun", "suspended-limit", f"/time-limits/cases/{o['suspended']}/"),
        ("wangjun", "closed-case", f"/cases/{o['closed']}/"),
        ("chenzhi", "dashboard", "/cases/dashboard/"),
        ("chenzhi", "overdue", "/time-limits/overdue/"),
        ("chenzhi", "extensions", "/time-limits/extensions/"),
        ("liuqiang", "workspace-head", "/workspace/"),
        ("bayar", "dashboard-higher", "/cases/dashboard/"),
        ("tuya", "workspace-erenhot", "/workspace/"),
        ("tuya", "review-queue-erenhot", "/filing-review/"),
        ("admin", "court-administration", "/courts/内2502/administration/"),
        ("platform", "django-admin", "/admin/"),
    ]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_persona_s_main_pages_read_well(page, language):
    sync_builtin_catalogs()  # as `tianping demo` does: the catalogs and the cases' causes
    load_demo_cases()
    pages = _pages(_objects())
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": page.base_url}]
    )
    found, known, later, who = {}, {}, [], None
    for persona, step, path in pages:
        if persona != who:
            page.context.clear_cookies()
            page.context.add_cookies(
                [{"name": "django_language", "value": language, "url": page.base_url}]
            )
            if persona:
                sign_in(page, persona)
            who = persona
        response = page.goto(page.base_url + path)
        assert response.status == 200, f"{persona} {path}: {response.status}"
        shoot(page, f"{language}-{step}")
        for problem in problems(visible_text(page), language, ALLOWED):
            english = ENGLISH.fullmatch(problem)
            if english and untranslated(english.group(1)):
                later.append(f"{path}: {english.group(1)}")
            elif step in KNOWN:
                known.setdefault(f"{step} ({KNOWN[step]})", []).append(problem)
            else:
                found.setdefault(f"{persona} {path}", []).append(problem)
    if later:
        warnings.warn("Not translated yet:\n" + "\n".join(sorted(set(later))), stacklevel=1)
    if known:
        warnings.warn(
            "Known problems left:\n" + "\n".join(f"{k}: {v}" for k, v in known.items()),
            stacklevel=1,
        )
    assert found == {}, "\n".join(f"{where}: {what}" for where, what in found.items())

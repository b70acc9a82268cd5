"""The review page and queue as a Chinese filing clerk reads them: full-width brackets, the
days left in words, and no "show the full number" button where there is no number."""

import pytest
from django.utils import timezone

from tianping.filings.tests.test_review_pages import make_filing
from tianping.lib.testing.browser import problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    return login(demo["lixia"])


def test_the_review_due_date_reads_with_full_width_brackets(chinese_clerk, demo):
    filing = make_filing(demo, on=timezone.localdate())
    html = chinese_clerk.get(f"/filing-review/{filing.code}/").content.decode()
    due = filing.review_due_on.isoformat()
    assert f"{due}（剩余 " in html and f"{due} (" not in html


def test_a_party_without_a_number_has_no_reveal_button(chinese_clerk, demo):
    filing = make_filing(demo)
    # a plaintiff who knew only the defendant's name and telephone
    filing.parties.filter(role="defendant").update(id_number="")
    html = chinese_clerk.get(f"/filing-review/{filing.code}/").content.decode()
    defendant = filing.parties.get(role="defendant")
    plaintiff = filing.parties.get(role="plaintiff")
    assert f"/parties/{defendant.pk}/reveal/" not in html
    assert f"/parties/{plaintiff.pk}/reveal/" in html


def test_the_queue_says_the_days_left_in_chinese(chinese_clerk, demo):
    make_filing(demo, on=timezone.localdate())
    html = chinese_clerk.get("/filing-review/").content.decode()
    assert "Days left" not in html and "剩余 " in html
    row = html[html.index("<tbody") :]
    assert not [p for p in problems(row, "zh-hans") if "ASCII" in p]

"""The filing division and a judge in a real browser: lixia searches the queue, proposes a
refusal and files another filing after confirming; wangjun finds the refusal on his
workspace and issues the ruling; zhangsan finds the ruling on his filing's page."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import make_filing
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser

# Strings of these pages that may still wait for their translation (the translator comes
# at the end): a Chinese page may show them in English until then, and only them.
NEW_STRINGS = (
    "Waiting for me",
    "Filings to review",
    "Review due today or overdue",
    "Corrections answered, back in review",
    "Refusals to decide",
    "Refusals to decide (不予受理)",
    "My cases due within 30 days",
    "Newly assigned to me, trial not started",
    "Extension requests to decide",
    "Cases without a judge",
    "Receipt number or party name",
    "Amount claimed",
    "Everything open",
    "Due today or overdue",
    "Corrections answered",
    "Propose a refusal by written ruling (不予受理)",
    "A judge of the court decides the refusal and signs the ruling; you cannot decide your "
    "own proposal. The ruling names the parties, the statutory basis and the right to "
    "appeal within ten days.",
    "Statutory basis",
    "Propose the refusal to a judge",
    "I have checked the filing: it meets the conditions for filing. This cannot be undone.",
    "The refusal has been proposed; a judge of the court decides.",
    "Refusal proposed to a judge",
    "Civil Procedure Law art. 122: the conditions of a suit are not met",
    "The filing division proposes to refuse these filings; a judge of the court decides and "
    "the ruling is issued in the judge's name. Proposals you made yourself are not listed.",
    "Proposed by",
    "The proposal",
    "Decision",
    "Waiting for a judge",
    "Refuse: issue the ruling in my name",
    "Do not refuse: send it back to review",
    "Note to the filing division",
    "Required when you do not approve the refusal.",
    "I have read the filing and the proposal. A ruling, once issued, cannot be undone.",
    "Record the decision",
    "The ruling has been issued.",
    "Reasons of the ruling",
    "Refused by ruling",
    "%(name)s proposed on %(day)s to refuse this filing; a judge of the court decides. "
    "Nothing else can be decided until then.",
    "Decided by judge %(judge)s on %(day)s.",
    "Refusal of filing %(code)s",
    # window filing
    "Livelihood case (wages, support, injury, housing)",
    "Case of a small or private enterprise",
    "Migrant workers' unpaid wages",
    "Representatives",
    "A representative acts for the party numbered in the list above, with the power of "
    "attorney.",
    "Add a representative",
    "For party no.",
    "Party no. %(n)s",
    "Power of attorney (授权委托书)",
    "Bar licence number",
    "Livelihood cases, cases of small and private enterprises, and migrant workers' wage "
    "claims are reviewed first and handled with priority. Tick what applies; the court "
    "checks it.",
    "Files are not kept when the form is shown again: choose them again.",
    "Files (PDF, JPEG, PNG or OFD)",
    # steering to mediation (分调裁审) on the window form
    "Mediation first (分调裁审)",
    "The court recommends mediation before filing for:",
    "The party's answer, if mediation first is recommended",
    "Not asked",
    "Agrees to mediate first",
    "Declines mediation",
    "Recorded only if a rule of the court recommends mediation for this complaint. "
    "Declining does not delay filing.",
)


def untranslated() -> tuple[str, ...]:
    """The parts between placeholders of the strings not yet translated, longest first."""
    with translation.override("zh-hans"):
        found = []
        for text in NEW_STRINGS:
            if gettext(text) == text:
                found += [p for p in re.split(r"%\(\w+\)s", text) if len(p.strip()) > 2]
        return tuple(sorted(found, key=len, reverse=True))


def reads_well(page):
    assert_reads_well(page, "zh-hans", allowed=untranslated())


def switch_to(page, username):
    page.context.clear_cookies()
    sign_in(page, username)


def test_refusal_through_a_judge_and_filing_after_confirmation(page, demo):
    page.set_default_timeout(15000)
    refused = make_filing(demo)
    filed = make_filing(demo)

    # lixia's workspace counts what waits, each count a link
    sign_in(page, "lixia")
    todo = page.locator("section.todo")
    expect(todo.locator(".todo-to_review .todo-count")).to_have_text("2")
    shoot(page, "clerk-workspace")
    reads_well(page)

    # the queue: search by party name, then by receipt number; cause and amount shown
    with page.expect_navigation():
        todo.locator(".todo-to_review a").click()
    page.fill("#id_q", "李四")
    with page.expect_navigation():
        page.click("form.review-filters button[type=submit]")
    expect(page.locator("table.stack tbody tr")).to_have_count(2)
    page.fill("#id_q", refused.code.lower())
    with page.expect_navigation():
        page.click("form.review-filters button[type=submit]")
    rows = page.locator("table.stack tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(refused.code)
    expect(rows.first).to_contain_text("20,000.00 元")
    shoot(page, "queue-search")
    reads_well(page)

    # she proposes the refusal: basis and reasons; the filing then waits for a judge
    with page.expect_navigation():
        rows.first.locator("a").first.click()
    page.click("summary:has-text('不予受理')")
    page.select_option("#id_basis", "cpl_122")
    page.fill("#id_reasons", "原告与本案没有直接利害关系，不符合起诉条件。")
    with page.expect_navigation():
        page.click("form[action$='/refuse/'] button[type=submit]")
    expect(page.locator("section[aria-labelledby=decide] [role=status]")).to_be_visible()
    assert page.locator("form[action$='/accept/']").count() == 0
    shoot(page, "refusal-proposed")
    reads_well(page)

    # filing the other one takes the confirmation: unticked, the browser does not send it
    page.goto(page.base_url + f"/filing-review/{filed.code}/")
    page.click("form[action$='/accept/'] button[type=submit]")
    assert Filing.objects.get(pk=filed.pk).status == FilingStatus.SUBMITTED
    page.check("#id_accept_confirm")
    shoot(page, "accept-confirmed")
    with page.expect_navigation():
        page.click("form[action$='/accept/'] button[type=submit]")
    assert page.url.endswith(f"/filing-review/{filed.code}/filed/")
    assert Filing.objects.get(pk=filed.pk).status == FilingStatus.ACCEPTED

    # wangjun, a judge of the court, finds it on his workspace and issues the ruling
    switch_to(page, "wangjun")
    todo = page.locator("section.todo")
    expect(todo.locator(".todo-refusals .todo-count")).to_have_text("1")
    shoot(page, "judge-workspace")
    reads_well(page)
    with page.expect_navigation():
        todo.locator(".todo-refusals a").click()
    shoot(page, "refusals-to-decide")
    reads_well(page)
    with page.expect_navigation():
        page.click(f"a:has-text('{refused.code}')")
    page.check("input[name=decision][value=refuse]")
    page.check("#id_confirm")
    shoot(page, "refusal-decide")
    reads_well(page)
    with page.expect_navigation():
        page.click("section[aria-labelledby=decide] button[type=submit]")
    refused.refresh_from_db()
    assert refused.status == FilingStatus.REFUSED and refused.decided_by == demo["wangjun"]
    expect(page.locator("a[href$='refusal-ruling.pdf']")).to_be_visible()
    shoot(page, "refusal-decided")

    # zhangsan finds the ruling on his filing's page
    switch_to(page, "zhangsan")
    page.goto(page.base_url + f"/portal/filings/{refused.code}/")
    link = page.locator("#documents a[href*='refusal-ruling']")
    expect(link).to_be_visible()
    assert "Refusal proposed" not in page.content()  # the court's deliberation is its own
    shoot(page, "portal-ruling")
    reads_well(page)
    ruling = page.request.get(page.base_url + link.get_attribute("href"))
    assert ruling.ok and ruling.body().startswith(b"%PDF")

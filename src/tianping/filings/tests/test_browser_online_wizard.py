"""The online filing wizard in a real browser, as zhangsan on a phone: the court list, a
defendant known by name and telephone only, a legal person, an amount typed as 100万,
evidence rows added and removed, a wrong number shown again, and a draft deleted."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser

# Strings of this wizard that may still wait for their translation (the translator comes
# at the end): a Chinese page may show them in English until then, and only them.
NEW_STRINGS = (
    "File with the basic court of the place where the defendant lives (被告住所地); for a "
    "contract also where it was to be performed (合同履行地), for a tort where it happened "
    "(侵权行为地). An intermediate court hears at first instance only the large or major "
    "cases of its area.",
    "A defendant or third party may be named without an identity number if you do not know "
    "it; give the defendant's address or telephone so that the court can reach them.",
    "In yuan; 100万 and 1.5万 are understood.",
    "Delete the draft",
    "Keep the draft",
    "The parties, claims, evidence list and uploaded files you entered are removed and "
    "cannot be brought back. Nothing has been sent to the court.",
    "The draft has been deleted.",
    "Estimated case acceptance fee",
    "An estimate under the Measures on the Payment of Litigation Costs, for the ordinary "
    "procedure: the court's notice of acceptance fixes the fee and when to pay it (within "
    "seven days of receiving the notice). You may apply to defer, reduce or be exempted from it.",
    "How it is computed",
)


def untranslated() -> tuple[str, ...]:
    with translation.override("zh-hans"):
        return tuple(s for s in NEW_STRINGS if gettext(s) == s)


def reads_well(page, language="zh-hans"):
    assert_reads_well(page, language, allowed=untranslated())


def wait_rows(page, count):
    expect(page.locator("#rows fieldset")).to_have_count(count)


def continue_to(page, step):
    page.click(f"button[name=go][value={step}]")
    page.wait_for_url(f"**/{step}/")


def test_the_wizard_on_a_phone(page):
    page.set_default_timeout(15000)
    sign_in(page, "zhangsan")

    # the start page offers the courts of first instance, zhangsan's province first
    page.goto(page.base_url + "/portal/filings/new/")
    offered = page.eval_on_selector_all("#id_court option", "os => os.map(o => o.value)")
    assert "内2502" in offered and "内25" in offered
    assert "内" not in offered and "最高法" not in offered
    assert "被告住所地" in page.inner_text("form.card")
    reads_well(page)
    shoot(page, "start")
    page.select_option("#id_court", "内2502")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/parties/")

    # a defendant known by name and telephone; a legal person switches the document type
    assert page.inner_text("label[for=id_party-1-name]").strip() == "姓名："
    page.fill("[name=party-1-name]", "李四")
    page.fill("[name=party-1-phone]", "13800000000")
    page.click("button[name=op][value=add]")
    wait_rows(page, 3)
    page.select_option("[name=party-2-kind]", "legal")
    assert page.input_value("[name=party-2-doc_type]") == "uscc"
    assert page.inner_text("label[for=id_party-2-name]").strip() == "名称："
    assert page.is_visible("[name=party-2-legal_representative]")
    page.fill("[name=party-2-name]", "锡林郭勒某某有限公司")
    page.fill("[name=party-2-id_number]", "91150000123")  # too short
    page.fill("[name=party-2-address]", "锡林浩特市额尔敦路1号")
    page.keyboard.press("Tab")
    page.wait_for_selector("fieldset:nth-of-type(3) .id-check .bad")
    reads_well(page)
    shoot(page, "parties")
    continue_to(page, "representatives")
    reads_well(page)
    page.click(".step-nav a.button:not(.secondary)")
    page.wait_for_url("**/claims/")

    # an amount typed as 100万
    page.fill("#id_claims", "判令被告归还借款100万元")
    page.fill("#id_amount", "100万")
    page.keyboard.press("Tab")  # leaving the field saves it
    expect(page.locator("#amount-read")).to_have_text("= 1,000,000.00 元")  # read as typed
    page.fill("#id_facts", "2025年被告借款未还")
    reads_well(page)
    shoot(page, "claims")
    continue_to(page, "evidence")

    # three evidence rows added, the second removed: the list is saved
    reads_well(page)
    page.fill("[name=evidence-0-name]", "借条")
    page.click("#rows > button[name=op][value=add]")
    wait_rows(page, 2)
    page.fill("[name=evidence-1-name]", "转账记录")
    page.click("#rows > button[name=op][value=add]")
    wait_rows(page, 3)
    page.fill("[name=evidence-2-name]", "催款短信")
    shoot(page, "evidence-three-rows")
    page.click("button[name=op][value=remove-1]")
    wait_rows(page, 2)
    filing = Filing.objects.get(filer__username="zhangsan", status=FilingStatus.DRAFT)
    assert [e.name for e in filing.evidence.all()] == ["借条", "催款短信"]
    page.reload()
    assert [page.input_value(f"[name=evidence-{i}-name]") for i in (0, 1)] == ["借条", "催款短信"]
    shoot(page, "evidence-one-removed")

    # the wrong number is shown when the parties step is visited again
    page.goto(page.base_url + f"/portal/filings/{filing.code}/parties/")
    assert page.is_visible("fieldset:nth-of-type(3) .id-check .bad")
    assert not page.is_visible("fieldset:nth-of-type(2) .id-check .bad")
    shoot(page, "parties-again")

    # the review shows the amount read from 100万, and no problem with 李四
    page.goto(page.base_url + f"/portal/filings/{filing.code}/review/")
    review = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    assert "1,000,000.00 元" in review
    before_submitting = page.inner_text(".card.notice")
    assert "锡林郭勒某某有限公司" in before_submitting and "李四" not in before_submitting
    reads_well(page)
    shoot(page, "review")
    page.goto(page.base_url + f"/portal/filings/{filing.code}/claims/")
    assert page.input_value("#id_amount") == "1,000,000.00"

    # once in English
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.goto(page.base_url + f"/portal/filings/{filing.code}/review/")
    assert "1,000,000.00 yuan" in page.inner_text("body")
    assert_reads_well(page, "en")
    page.context.add_cookies(
        [{"name": "django_language", "value": "zh-hans", "url": page.base_url}]
    )

    # the first step, visited again
    page.goto(page.base_url + f"/portal/filings/{filing.code}/court/")
    reads_well(page)
    shoot(page, "court")

    # deleting the draft asks first
    page.goto(page.base_url + f"/portal/filings/{filing.code}/evidence/")
    page.click(".delete-draft a")
    page.wait_for_url("**/delete/")
    reads_well(page)
    shoot(page, "delete-confirm")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/portal/filings/")
    assert filing.code not in page.inner_text("body")
    reads_well(page)
    shoot(page, "deleted")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.WITHDRAWN and not filing.parties.exists()
    assert not filing.evidence.exists() and filing.claims == ""

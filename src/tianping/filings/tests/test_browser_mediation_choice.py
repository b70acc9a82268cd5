"""Steering to mediation (分调裁审) in a real browser: 张三's family dispute is recommended for
mediation at the wizard's last step, he consents and hands in as usual; the filing clerk
李霞 sees his choice, with its reason, on the review page."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_journey_actions import DEFENDANT, PLAINTIFF
from tianping.lib.testing.browser import DESKTOP, shoot, sign_in

pytestmark = pytest.mark.browser


def family_draft(demo) -> Filing:
    version = CatalogVersion.objects.create(kind="civil-causes", label="2025", source="法〔2025〕")
    CatalogEntry.objects.create(version=version, code="二", name="婚姻家庭纠纷")
    divorce = CatalogEntry.objects.create(
        version=version, code="29", name="离婚纠纷", parent_code="二"
    )
    user = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=user, court=court, channel=Channel.ONLINE, filer=user)
    actions.save_draft(
        filing,
        actor=user,
        claims="判令原告与被告离婚",
        facts="双方感情确已破裂",
        amount=Decimal("0"),
        cause=divorce,
    )
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=user)
    return filing


def test_the_filer_consents_and_the_clerk_sees_it(page, browser, demo):
    page.set_default_timeout(15000)
    filing = family_draft(demo)
    sign_in(page, "zhangsan")
    page.goto(f"{page.base_url}/portal/filings/{filing.code}/review/")
    card = page.locator(".mediation-steering")
    expect(card).to_be_visible()
    expect(card).to_contain_text("婚姻家庭纠纷：建议先行调解")  # the court's own words
    shoot(page, "recommended")
    card.locator("button[value=consented]").click()
    page.wait_for_url(f"**/{filing.code}/review/")
    expect(page.locator(".mediation-choice[data-choice=consented]")).to_be_visible()
    shoot(page, "consented")
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_url("**/receipt/")
    filing.refresh_from_db()
    assert (filing.status, filing.mediation_choice) == (FilingStatus.SUBMITTED, "consented")

    context = browser.new_context(locale="zh-CN", viewport=DESKTOP)
    clerk = context.new_page()
    clerk.base_url = page.base_url
    sign_in(clerk, "lixia")
    clerk.goto(f"{clerk.base_url}/filing-review/{filing.code}/")
    card = clerk.locator(".mediation-steering")
    expect(card).to_contain_text("婚姻家庭纠纷：建议先行调解")
    expect(card.locator(".mediation-choice[data-choice=consented]")).to_contain_text("张三")
    shoot(clerk, "review")
    context.close()

"""The judge refers a case to a mediator in a real browser, in Chinese, at phone and
desktop widths: from the case page, a refusal when not every party is ticked (the choice
kept), then the referral and the mediation's page naming the case."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.mediation.models import Mediation, Mediator

pytestmark = pytest.mark.browser


def test_the_judge_refers_a_case_to_a_mediator(page, demo):
    from tianping.cases.actions import assign_by_hand
    from tianping.payments.tests.test_fees_due import filed

    case = filed(demo)
    if case.judge_id != demo["wangjun"].pk:
        case = assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="对口")
    sign_in(page, "wangjun")
    page.goto(page.base_url + f"/cases/{case.code}/")
    assert_reads_well(page, "zh-hans")
    page.click("#mediation a.button")
    page.wait_for_url(f"**/mediation/cases/{case.code}/refer/")
    hutao = Mediator.objects.get(user=demo["hutao"])
    page.select_option("#id_mediator", str(hutao.pk))
    page.check("input[name=consented_parties] >> nth=0")
    page.fill("#id_override", "本院专职调解员")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "请勾选全部同意调解的当事人" in page.inner_text("main")
    assert page.input_value("#id_override") == "本院专职调解员"  # nothing lost
    assert_reads_well(page, "zh-hans")
    shoot(page, "refused")
    for box in page.locator("input[name=consented_parties]").all():
        box.check()
    page.click("main form button[type=submit]")
    page.wait_for_url("**/mediation/m/*/")
    assert Mediation.objects.get(case=case).status == "appointed"
    assert case.number in page.inner_text("h1") and "委托调解" in page.inner_text("#summary")
    assert_reads_well(page, "zh-hans")
    shoot(page, "referred")

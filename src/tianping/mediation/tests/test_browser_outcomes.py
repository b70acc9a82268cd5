"""The two journeys of issue 11's "Done when", in a real browser, in Chinese, at phone and
desktop widths:

1. 张三 applies online, the court recommends a mediator, the mediator accepts and holds an
   online session, drafts the agreement, both parties sign, they apply for judicial
   confirmation, the clerk files it, the judge confirms, and 张三 sees the ruling.
2. A mediation fails and becomes a filing that the clerk files without retyping anything:
   the case carries every field entered with the application."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.models import Filing
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.mediation.models import Mediation, MediationAgreement, Mediator
from tianping.mediation.tests.test_mediations import draft

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def switch(page, who, password=None):
    page.context.clear_cookies()
    sign_in(page, who, password)


def open_mediation(page, m):
    page.goto(page.base_url + f"/mediation/m/{m.code}/")


def appoint_recommended(page, m, demo):
    """The clerk reads the recommendations and appoints 胡涛 (giving a reason if warned)."""
    switch(page, "lixia")
    open_mediation(page, m)
    assert "推荐" in page.inner_text("#appoint")
    page.select_option("#id_mediator", str(Mediator.objects.get(user=demo["hutao"]).pk))
    page.click("#appoint button[type=submit]")
    page.wait_for_load_state()
    if page.locator("#appoint .errorlist").count():
        page.fill("#id_override", "本院专职调解员，熟悉借款纠纷")
        page.click("#appoint button[type=submit]")
        page.wait_for_load_state()


def accept_and_hold_online_session(page, m):
    switch(page, "hutao")
    open_mediation(page, m)
    page.click("#acceptance form button[type=submit] >> nth=0")
    page.wait_for_load_state()
    today = timezone.localdate()
    page.click("#sessions summary")
    page.fill("#id_starts_at", f"{today.isoformat()}T09:00")
    page.fill("#id_ends_at", f"{today.isoformat()}T10:00")
    page.select_option("#id_mode", "online")
    page.fill("#id_link", "https://meeting.court.example/room/7")
    page.click("#sessions form button[type=submit]")
    page.wait_for_load_state()
    page.click("#sessions li details summary")
    for box in page.locator("#sessions input[name=attended]").all():
        box.check()
    page.fill("#sessions textarea[name=record]", "双方通过视频到场，就还款期限协商一致。")
    page.click("#sessions li form.stacked button[type=submit]")
    page.wait_for_load_state()
    assert "已举行" in page.inner_text("#sessions")


def test_an_online_mediation_ends_in_a_confirmed_agreement(page, demo, other_litigant):
    court = Court.objects.get(code="内2502")
    filing = draft(demo, court)
    respondent = filing.parties.get(role="defendant")
    respondent.user = other_litigant  # 李四's account, linked to his party
    respondent.save(update_fields=["user"])

    sign_in(page, "zhangsan")
    page.goto(page.base_url + "/mediation/apply/")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/mediation/m/*/")
    m = Mediation.objects.get(filing=filing)

    appoint_recommended(page, m, demo)
    accept_and_hold_online_session(page, m)

    # the mediator drafts from the template the dispute suggests, with the amount agreed
    page.goto(page.base_url + f"/mediation/m/{m.code}/?template=payment#draft")
    text = page.input_value("#id_text")
    assert "张三" in text and "李四" in text and "20,000.00元" in text
    page.fill("#id_pay_by", (timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    assert_reads_well(page, "zh-hans")
    shoot(page, "drafting")
    page.click("#draft form button[type=submit]")
    page.wait_for_load_state()
    assert "待当事人签署" in page.inner_text("body") or "尚未签字" in page.inner_text("body")

    # each party reads and signs, joining the application for judicial confirmation
    for who, password in (("zhangsan", None), ("zhaoliu", None)):
        switch(page, who, password)
        open_mediation(page, m)
        assert "一、" in page.inner_text("#agreement")
        page.check("#sign input[name=read]")
        page.check("#sign input[name=joins_confirmation]")
        assert_reads_well(page, "zh-hans")
        shoot(page, f"sign-{who}")
        page.click("#sign button[type=submit]")
        page.wait_for_load_state()
    m.refresh_from_db()
    assert m.status == "settled"
    assert "自" in page.inner_text("#agreement") and "起生效" in page.inner_text("#agreement")

    # 李四 applies: every party has joined
    page.click("form[action$='/agreement/confirmation/'] button[type=submit]")
    page.wait_for_load_state()
    application = MediationAgreement.objects.get(mediation=m).request
    assert application.code in page.inner_text("#enforceable")
    shoot(page, "applied")

    # the clerk files it from review (3 days to decide on acceptance)
    switch(page, "lixia")
    page.goto(page.base_url + f"/filing-review/{application.code}/")
    body = page.inner_text("body")
    assert "申请司法确认" in body and "张三" in body and "李四" in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "review")
    page.check("#id_accept_confirm")
    with page.expect_navigation():
        page.click("form[action$='/accept/'] button[type=submit]")
    case = Case.objects.get(filing=application)
    assert "民特" in case.number

    # the judge reads the agreement and confirms it
    judge = case.judge
    switch(page, judge.username)
    page.goto(page.base_url + f"/cases/{case.code}/")
    page.click("#ruling a")
    page.wait_for_load_state()
    assert "调解协议" in page.inner_text("main")
    page.check("input[name=decision][value=granted]")
    assert_reads_well(page, "zh-hans")
    shoot(page, "ruling")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    case.refresh_from_db()
    assert case.closed_on is not None and case.closure_mode == "ruling"

    # 张三 sees the ruling on his portal, and on the mediation
    switch(page, "zhangsan")
    open_mediation(page, m)
    assert case.number in page.inner_text("#enforceable")
    assert "经法院确认有效" in page.inner_text("#timeline")
    page.click(f"#enforceable a:has-text('{case.number}')")
    page.wait_for_load_state()
    assert "民事裁定书" in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "litigant-sees-ruling")
    href = page.get_attribute("main a:has-text('民事裁定书')", "href")
    assert page.request.get(page.base_url + href).body().startswith(b"%PDF")


def test_a_failed_mediation_is_filed_without_retyping(page, demo):
    court = Court.objects.get(code="内2502")
    filing = draft(demo, court)
    user = demo["zhangsan"]
    filing_actions.save_evidence(filing, [
        {"name": "借条", "source": "原告提供", "purpose": "证明借款事实"}], actor=user)
    filing_actions.attach_file(
        filing, SimpleUploadedFile("借条.pdf", PDF, content_type="application/pdf"),
        actor=user, kind="evidence")
    before = Filing.objects.get(pk=filing.pk)
    parties_before = [(p.role, p.name, p.id_number, p.address, p.phone)
                      for p in before.parties.order_by("position")]

    sign_in(page, "zhangsan")
    page.goto(page.base_url + "/mediation/apply/")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/mediation/m/*/")
    m = Mediation.objects.get(filing=filing)
    appoint_recommended(page, m, demo)
    switch(page, "hutao")
    open_mediation(page, m)
    page.click("#acceptance form button[type=submit] >> nth=0")
    page.wait_for_load_state()
    page.click("#end summary")
    page.check("input[name=outcome][value=failed]")
    page.select_option("#id_reason", "disagreement")
    page.fill("#id_report", "双方对还款期限分歧较大")
    page.fill("#id_undisputed_facts", "被告于2025年向原告借款两万元")
    page.click("#end form button[type=submit]")
    page.wait_for_load_state()

    switch(page, "lixia")
    page.goto(page.base_url + f"/filing-review/{filing.code}/")
    body = page.inner_text("body")
    assert "双方分歧较大" in body or "双方对还款期限分歧较大" in body
    assert "被告于2025年向原告借款两万元" in body and "借条" in body
    shoot(page, "failed-in-review")
    page.check("#id_accept_confirm")
    with page.expect_navigation():
        page.click("form[action$='/accept/'] button[type=submit]")
    case = Case.objects.get(filing=filing)
    # every field entered once, carried into the case
    assert case.claims == before.claims == "判令被告归还借款两万元"
    assert case.amount == before.amount == Decimal("20000")
    assert case.cause_id == before.cause_id
    assert [(p.role, p.name, p.id_number, p.address, p.phone)
            for p in case.parties.order_by("position")] == parties_before
    case_filing = Filing.objects.get(pk=case.filing_id)
    assert case_filing.facts == "被告于2025年借款未还"
    assert list(case_filing.evidence.values_list("name", "source", "purpose")) == [
        ("借条", "原告提供", "证明借款事实")]
    assert case_filing.attachments.filter(original_name="借条.pdf").exists()
    m.refresh_from_db()
    assert m.undisputed_facts == "被告于2025年向原告借款两万元"

    # the judge reads the papers, the mediator's report and the undisputed facts with the case
    switch(page, case.judge.username)
    page.goto(page.base_url + f"/cases/{case.code}/")
    body = page.inner_text("main")
    assert "判令被告归还借款两万元" in body and "借条" in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "judge-reads-the-carried-papers")

"""The middle of a trial and its appeal in a real browser, in Chinese, at phone and desktop
widths, each step by the person who does it:

the division head composes a collegial panel with a people's assessor drawn at random; schedules a
hearing and serves the summonses at once (张三 consented to the platform inbox); 孙丽 posts
李四's summons and records the receipt; 张三 reads his summons on a phone (the reading is
recorded) and hands in a document; 王军 postpones the hearing at the defendant's request
(attributed to a party); he closes the case by judgment and 孙丽 serves it; the defendant
appeals on a phone; 李霞 records the appeal fee and transfers the file; the intermediate
court's filing clerk files the linked 民终 case; its judge remands; the outcome and the
new first-instance case show on the original case, to the judge and to 张三."""


import pytest
from django.utils import timezone

from tianping.appeals.models import Appeal
from tianping.appeals.tests.helpers import appeal_court_staff
from tianping.cases.models import CaseSubmission
from tianping.cases.models_panel import CaseMember
from tianping.courts.models import Membership
from tianping.hearings.models import Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.service import actions as service
from tianping.service.models import Service

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def a_case_with_accounts(demo, other_litigant):
    """A 民初 case of 王军's filed 40 days ago: 张三 the plaintiff, who confirmed his address
    with consent to the platform inbox, and 李四 the defendant (赵六's account), who gave
    a postal address only."""
    case = a_case(demo["wangjun"])
    division = Membership.objects.get(user=demo["wangjun"]).division
    type(case).objects.filter(pk=case.pk).update(division=division)
    case.refresh_from_db()
    plaintiff, defendant = case.parties.get(role="plaintiff"), case.parties.get(
        role="defendant")
    plaintiff.user = demo["zhangsan"]
    plaintiff.save()
    defendant.user, defendant.address = other_litigant, "锡林浩特市额尔敦路8号"
    defendant.save()
    service.confirm_address(case, plaintiff, actor=demo["zhangsan"], recorded_how="online",
                            postal_address="锡林浩特市宝力根路1号", consent=True,
                            channels=["platform"])
    return case, plaintiff, defendant


def test_a_panel_hears_the_case_serves_judges_and_the_appeal_comes_back(
        page, demo, other_litigant):
    case, plaintiff, defendant = a_case_with_accounts(demo, other_litigant)
    appeal_court_staff()  # 高原 (filing clerk) and 包文 (judge) of the intermediate court
    today = timezone.localdate()

    # the division head 刘强 composes the panel: 王军 presides, 刘强 sits, one people's
    # assessor is drawn at random; 孙丽 is the clerk
    sign_in(page, "liuqiang")
    page.goto(page.base_url + f"/cases/{case.code}/bench/")
    page.check("input[name=sole][value=panel]")
    page.select_option("#id_presiding", str(demo["wangjun"].pk))
    page.check(f"input[name=judges][value='{demo['liuqiang'].pk}']")
    page.fill("#id_assessors", "1")
    page.select_option("#id_clerk", str(demo["sunli"].pk))
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-bench-form")
    submit(page, "main > form.card button[type=submit]")
    bench = page.inner_text("main")
    assert "人民陪审员" in bench and "随机抽取" in bench and "刘强" in bench
    drawn = CaseMember.objects.get(case=case, seat="assessor", until__isnull=True)
    assert drawn.draw and drawn.assessor.name in bench
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-bench")

    # 王军 schedules the hearing and serves the summonses at once
    switch(page, "wangjun")
    day = next_working_day(5)
    page.goto(page.base_url + f"/hearings/cases/{case.code}/new/")
    page.fill("#id_starts_at", local(at(day, 9)))
    page.fill("#id_ends_at", local(at(day, 11)))
    page.check("input[name=place_kind][value=courtroom]")
    page.select_option("#id_courtroom", index=1)
    page.check("#id_serve_now")
    submit(page, "main form.card button[type=submit]")
    hearing = Hearing.objects.get(case=case)
    summons = {d.title: d for d in case.documents.filter(title__startswith="传票")}
    assert set(summons) == {"传票（张三）", "传票（李四）"}
    assert Service.objects.get(party=plaintiff).effective_on == today  # through the inbox
    assert not Service.objects.filter(party=defendant).exists()  # no consent: left to post
    text = page.inner_text("main")
    assert "传票（张三）" in text and "传票（李四）" in text
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-scheduled")

    # 孙丽 posts 李四's summons and records the receipt's date
    switch(page, "sunli")
    page.goto(page.base_url + f"/service/cases/{case.code}/")
    page.select_option("#id_party", str(defendant.pk))
    page.select_option("#id_document", f"doc:{summons['传票（李四）'].pk}")
    page.check("#serve input[name=channels][value=postal]")
    page.fill("#id_tracking_number", "1190012345001")
    page.fill("#id_posted_on", today.isoformat())
    submit(page, "#serve button[type=submit]")
    page.fill("#id_receipt_on", today.isoformat())
    submit(page, "#attempts button[type=submit]")
    assert "已于" in page.inner_text("#summary")
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-summons-posted")

    # 张三 reads his summons on his phone, and hands in a document
    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    served = page.inner_text("#served")
    assert "传票（张三）" in served and "已阅读" not in served
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-party-summons")
    href = page.get_attribute("#served a[href$='/open/']", "href")
    opened = page.context.request.get(page.base_url + href)
    assert opened.ok and opened.body().startswith(b"%PDF")
    reading = Service.objects.get(party=plaintiff)
    assert reading.first_read_by_id == demo["zhangsan"].pk and reading.first_read_at
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    assert "已阅读" in page.inner_text("#served")
    page.click("#hand-in details summary >> nth=0")
    page.select_option("#hand-in select[name=kind]", "evidence")
    page.fill("#hand-in input[name=title]", "还款记录截图")
    page.set_input_files("#hand-in input[name=files]", files=[{
        "name": "还款记录.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    submit(page, "#hand-in form[action$='/material/'] button[type=submit]")
    assert CaseSubmission.objects.filter(case=case, title="还款记录截图").exists()
    assert "还款记录截图" in page.inner_text("#hand-in")
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-party-handed-in")

    # the defendant asks for more time: 王军 postpones, attributed to a party
    switch(page, "wangjun")
    page.goto(page.base_url + f"/hearings/{hearing.code}/")
    later = next_working_day(12)
    page.fill("#postpone textarea[name=reason]", "被告申请延期开庭，需补充证据")
    page.check("#postpone input[name=caused_by][value=party]")
    page.fill("#postpone input[name=starts_at]", local(at(later, 9)))
    page.fill("#postpone input[name=ends_at]", local(at(later, 11)))
    submit(page, "#postpone button[type=submit]")
    hearing.refresh_from_db()
    assert hearing.status == "postponed" and hearing.caused_by == "party"
    page.goto(page.base_url + f"/hearings/{hearing.code}/")
    text = page.inner_text("main")
    assert "被告申请延期开庭" in text and "当事人" in text
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-postponed")

    # the trial is held; he closes the case by judgment (the pronouncement's day)
    Hearing.objects.filter(case=case, status="scheduled").update(
        starts_at=at(-1, 9), ends_at=at(-1, 11))
    page.goto(page.base_url + f"/cases/{case.code}/")
    if page.locator("form[action$='/start-trial/']").count():
        submit(page, "form[action$='/start-trial/'] button[type=submit]")
    submit(page, "#close a.button")
    page.select_option("[name=mode]", "judgment")
    page.fill("[name=closed_on]", today.isoformat())
    page.set_input_files("[name=documents]", {"name": "民事判决书.pdf",
                                              "mimeType": "application/pdf", "buffer": PDF})
    page.check("[name=confirm]")
    submit(page, "#close button[type=submit]")
    case.refresh_from_db()
    assert case.state == "closed" and case.closure_mode == "judgment"
    judgment = case.documents.get(title="民事判决书.pdf")

    # 孙丽 serves the judgment: 张三 through the inbox, 李四 by court post
    switch(page, "sunli")
    for party, channel in ((plaintiff, "platform"), (defendant, "postal")):
        page.goto(page.base_url + f"/service/cases/{case.code}/")
        page.select_option("#id_party", str(party.pk))
        page.select_option("#id_document", f"doc:{judgment.pk}")
        page.check(f"#serve input[name=channels][value={channel}]")
        if channel == "postal":
            page.fill("#id_tracking_number", "1190012345002")
            page.fill("#id_posted_on", today.isoformat())
        submit(page, "#serve button[type=submit]")
        if channel == "postal":
            page.fill("#id_receipt_on", today.isoformat())
            submit(page, "#attempts button[type=submit]")
        assert "已于" in page.inner_text("#summary")
    shoot(page, "journey-judgment-served")

    # 李四 (赵六's account) appeals on his phone within the 15 days
    switch(page, "zhaoliu")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "上诉期至" in section and "15" in section  # 15 days from the service
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-appeal-period")
    page.click("#appeal a.button")
    page.wait_for_url("**/appeal/")
    page.select_option("#id_party", str(defendant.pk))
    page.fill("#id_grounds", "一审认定事实错误，被告已归还部分货款。")
    page.fill("#id_requests", "撤销原判，发回重审。")
    page.fill("#id_amount", "10000")
    submit(page, "main form button[type=submit]")
    assert "上诉已提交" in page.inner_text("body")
    appeal = Appeal.objects.get(case=case)
    assert appeal.appellant == defendant and appeal.document == judgment
    shoot(page, "journey-appealed")

    # 李霞 records the fee paid and transfers the file
    switch(page, "lixia")
    page.goto(page.base_url + f"/cases/{case.code}/")
    page.fill("#id_fee-paid_on", today.isoformat())
    page.fill("#id_fee-receipt", "SF-2026-0101")
    submit(page, "#appeal form[action*='/fees/'] button")
    submit(page, "#appeal form[action$='/transfer/'] button")
    assert "案卷已移送" in page.inner_text("#appeal")
    appeal.refresh_from_db()
    assert appeal.transferred_at is not None

    # the intermediate court's filing clerk files the linked 民终 case
    switch(page, "gaoyuan")
    page.goto(page.base_url + "/appeals/incoming/")
    assert case.number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-incoming")
    submit(page, "main form button")
    appeal.refresh_from_db()
    second = appeal.second_case
    assert "内25民终" in second.number and case.number in page.inner_text("#appeal")

    # its judge remands the case for retrial
    switch(page, "baowen")
    page.goto(page.base_url + f"/cases/{second.code}/")
    submit(page, f"form[action$='/{second.code}/start-trial/'] button")
    page.click("#appeal a.button")
    page.wait_for_url("**/outcome/")
    page.select_option("#id_outcome", "remanded")
    page.fill("#id_decided_on", today.isoformat())
    page.set_input_files("#id_document", files=[{
        "name": "民事裁定书.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    submit(page, "main form button[type=submit]")

    # the outcome and the new first-instance case show on the original case
    remand = case.dispute_link.dispute.links.get(stage="remand").case
    assert remand.type_code == "民初" and remand.court_id == case.court_id
    switch(page, "wangjun")
    page.goto(page.base_url + f"/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "发回重审" in section and remand.number in section and second.number in section
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-outcome-staff")
    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "发回重审" in section and remand.number in section
    assert_reads_well(page, "zh-hans")
    shoot(page, "journey-outcome-party")

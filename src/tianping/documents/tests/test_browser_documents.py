"""Document templates in a real browser, in Chinese, at phone and desktop widths: the
court's administrator edits the summons, the judge schedules a hearing and serves at once,
a summons is issued for each party (a notice to appear for the representative) carrying the
edited wording, and the plaintiff reads his summons on a phone."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import CaseRepresentative
from tianping.cases.models_panel import CaseMember
from tianping.courts.models import TeamMember
from tianping.documents import actions, rendering
from tianping.documents.defaults import DEFAULTS
from tianping.documents.models import IssuedDocument
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EDITED = "五、本院提示：请提前十五分钟到达安检口，逾时不候。"


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def a_case_to_hear(demo):
    from tianping.service import actions as service

    case = a_case(demo["wangjun"])
    team = TeamMember.objects.filter(user=demo["sunli"]).values_list("team", flat=True)[0]
    type(case).objects.filter(pk=case.pk).update(team=team)
    case.refresh_from_db()
    CaseMember.objects.create(case=case, seat="clerk", user=demo["sunli"],
                              since=timezone.localdate(), added_by=demo["wangjun"])
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = demo["zhangsan"]
    plaintiff.save()
    CaseRepresentative.objects.create(case=case, party=case.parties.get(role="defendant"),
                                      kind="lawyer", name="王律师")
    service.confirm_address(
        case, plaintiff, actor=demo["sunli"], recorded_how="form", consent=True,
        channels=["platform"], postal_address="锡林浩特市",
        form=SimpleUploadedFile("确认书.pdf", PDF, content_type="application/pdf"))
    return case


def test_edited_summons_is_issued_on_scheduling_and_read_on_a_phone(page, demo):
    case = a_case_to_hear(demo)

    # the court's administrator edits the summons
    sign_in(page, "admin")
    page.goto(page.base_url + "/courts/内2502/administration/")
    page.click("nav.pager >> text=文书模板")
    page.wait_for_url("**/documents/courts/**")
    assert_reads_well(page, "zh-hans")
    shoot(page, "templates")
    page.click("main table >> text=传票")
    page.wait_for_url("**/summons/")
    title, body = DEFAULTS["summons"]
    edited = body.replace("\n\n承办法官", f"\n{EDITED}\n\n承办法官")
    page.fill("#id_body", edited + "{{ 法官住址 }}")
    page.click("button[value=save]")
    page.wait_for_load_state()
    assert "未知字段" in page.inner_text("#editor") and "法官住址" in page.inner_text("#editor")
    assert_reads_well(page, "zh-hans")
    shoot(page, "unknown-field-refused")
    page.fill("#id_body", edited)
    page.click("button[value=save]")
    page.wait_for_load_state()
    assert "第1版" in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "template-saved")

    # the judge schedules the hearing and serves at once
    switch(page, "wangjun")
    day = next_working_day(5)
    page.goto(page.base_url + f"/hearings/cases/{case.code}/new/")
    page.fill("#id_starts_at", local(at(day, 9, 30)))
    page.fill("#id_ends_at", local(at(day, 11)))
    page.check("input[name=place_kind][value=courtroom]")
    page.select_option("#id_courtroom", str(room().pk))
    page.check("#id_serve_now")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/hearings/*/")
    panel = page.inner_text("#summonses")
    assert "传票（张三）" in panel and "传票（李四）" in panel and "出庭通知书（王律师）" in panel
    assert "已电子送达1份" in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "hearing-with-summonses")

    issued = {i.addressee: i for i in IssuedDocument.objects.filter(case=case)}
    for name in ("张三", "李四"):
        text = actions.text_of(issued[name])
        assert EDITED in text and issued[name].template.court.code == "内2502"
    assert "9时30分" in issued["张三"].values["开庭时间"]
    assert "第一百四十七条" in actions.text_of(issued["李四"])

    # the service page offers the summonses; the defendant's is left to post
    page.goto(page.base_url + f"/service/cases/{case.code}/")
    assert "传票（李四）" in page.inner_text("#issued-documents")
    options = page.inner_text("#id_document")
    assert "传票（李四）" in options
    shoot(page, "service-page")

    # the clerk issues a notice to produce evidence from the case
    switch(page, "sunli")
    page.goto(page.base_url + f"/service/cases/{case.code}/")
    page.click("#issued-documents a.button")
    page.wait_for_url("**/documents/cases/**")
    page.select_option("#id_kind", "evidence_notice")
    page.select_option("#id_addressee", label="被告 李四")
    page.click("#issue button[type=submit]")
    page.wait_for_load_state()
    assert "举证通知书（李四）" in page.inner_text("#issued")
    assert_reads_well(page, "zh-hans")
    shoot(page, "clerk-issues-evidence-notice")

    # the printed summons as laid out (the PDF's own HTML), looked at
    summons = issued["张三"]
    page.set_content(rendering.html(title=summons.template.title, body=summons.template.body,
                                    values=summons.values))
    assert "（印章位置）" in page.inner_text("body") and EDITED in page.inner_text("body")
    shoot(page, "summons-as-printed")

    # the plaintiff reads his summons on a phone
    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    served = page.inner_text("#served")
    assert "传票（张三）" in served and "传票（李四）" not in served
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-served")
    link = page.get_attribute("#served a:has-text('传票（张三）')", "href")
    opened = page.request.get(page.base_url + link)
    assert opened.status == 200 and opened.body().startswith(b"%PDF")

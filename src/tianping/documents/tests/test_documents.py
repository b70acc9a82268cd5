"""Document templates: the safe placeholders (unknown fields refused, text escaped, one
pass), Chinese typography (full-width punctuation, 元 with two decimals, dates), versions
kept, the default against a court's own, issuing a document on a case with the version it
used, the print layout (page numbers, seal placeholder), and who may edit or issue."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tianping.cases.models import CaseRepresentative
from tianping.cases.models_panel import CaseMember
from tianping.courts.models import Court
from tianping.documents import actions, placeholders, queries, rendering
from tianping.documents.defaults import DEFAULTS
from tianping.documents.models import DocumentTemplate, IssuedDocument
from tianping.hearings import actions as hearing_actions
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 2)


# The template language, pure


def test_unknown_fields_are_named_each_once():
    body = "{{ 案号 }} {{ 案子 }} {{案子}} {{ __class__ }} {{ 受送达人 }}"
    assert placeholders.unknown_fields(body) == ["案子", "__class__"]


def test_a_mistyped_field_is_found():
    assert placeholders.has_stray_braces("{{ 案 号 }}")
    assert placeholders.has_stray_braces("{{ 案号 }")
    assert not placeholders.has_stray_braces("{{ 案号 }}，{{案由}}")


def test_fill_is_one_pass_of_plain_strings():
    values = {"受送达人": "{{ 案号 }}", "案号": "（2026）内2502民初1号"}
    assert placeholders.fill("致{{ 受送达人 }}：{{ 案号 }}", values) == (
        "致{{ 案号 }}：（2026）内2502民初1号")
    assert placeholders.fill("{{ 日期 }}", {}) == ""


def test_paragraphs_are_escaped_text():
    html = placeholders.paragraphs("<script>alert(1)</script>\n第二行\n\n第二段 & 完")
    assert html == ['<span class="line">&lt;script&gt;alert(1)&lt;/script&gt;</span>'
                    '<span class="line">第二行</span>', '<span class="line">第二段 &amp; 完</span>']


def test_ascii_punctuation_between_chinese_becomes_full_width():
    assert placeholders.full_width("原告张三,被告李四;请到庭:谢谢!是否?结束.") == (
        "原告张三，被告李四；请到庭：谢谢！是否？结束。")
    assert placeholders.full_width("被传唤人(原告)") == "被传唤人（原告）"
    # figures, links and Latin text stay as they are
    same = "金额 1,234.50 元，链接 https://court.example/a.b (online), v1.2"
    assert placeholders.full_width(same) == same
    assert placeholders.full_width("第一段.\n\n第二段") == "第一段。\n\n第二段"


def test_amounts_in_yuan_with_two_decimals():
    assert placeholders.yuan(Decimal("1234.5")) == "1,234.50 元"
    assert placeholders.yuan(Decimal("50")) == "50.00 元"
    assert placeholders.yuan(Decimal("0.005")) == "0.01 元"
    assert placeholders.yuan(None) == ""


def test_dates_in_chinese():
    assert placeholders.chinese_date(TODAY) == "二〇二六年十二月二日"
    assert placeholders.chinese_date(datetime.date(2027, 10, 31)) == "二〇二七年十月三十一日"
    assert placeholders.chinese_date(datetime.date(2026, 1, 20)) == "二〇二六年一月二十日"
    assert placeholders.figure_date(TODAY) == "2026年12月2日"


def test_every_default_uses_only_known_fields():
    for kind, (title, body) in DEFAULTS.items():
        assert placeholders.unknown_fields(body) == [], kind
        assert not placeholders.has_stray_braces(body), kind
        assert title and len(body) < placeholders.MAX_BODY


# Saving: versions, refusals, the default


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def test_an_unknown_field_is_refused_naming_it(court, administrator):
    with pytest.raises(ValidationError) as refused:
        actions.save_template(court, "summons", title="传票",
                              body="{{ 案号 }} {{ 法官住址 }}", actor=administrator)
    assert "{{ 法官住址 }}" in str(refused.value.message_dict["body"])
    assert not DocumentTemplate.objects.filter(court=court).exists()


def test_body_and_title_are_bounded(court, administrator):
    with pytest.raises(ValidationError) as refused:
        actions.save_template(court, "summons", title="传" * 41,
                              body="字" * (placeholders.MAX_BODY + 1), actor=administrator)
    assert set(refused.value.message_dict) == {"title", "body"}


def test_editing_makes_a_new_version_and_keeps_the_old(court, administrator):
    default = queries.template_in_force(court, "summons")
    assert default.is_default and default.version == 1
    first = actions.save_template(court, "summons", title="传票", body="甲 {{ 案号 }}",
                                  actor=administrator)
    again = actions.save_template(court, "summons", title="传票", body="甲 {{ 案号 }}",
                                  actor=administrator)
    second = actions.save_template(court, "summons", title="传票", body="乙 {{ 案号 }}",
                                   actor=administrator)
    first.refresh_from_db()
    assert again == first and (first.version, second.version) == (1, 2)
    assert not first.is_active and second.is_active and second.changed_by == administrator
    assert queries.template_in_force(court, "summons") == second
    assert [v.version for v in queries.versions(court, "summons")] == [2, 1, 1]
    # another court still has the national default
    other = Court.objects.exclude(pk=court.pk).first()
    assert queries.template_in_force(other, "summons") == default
    # back to the default: the court's versions stay
    assert actions.use_default(court, "summons", actor=administrator) == default
    assert DocumentTemplate.objects.filter(court=court).count() == 2


def test_only_the_administrator_or_president_edits(court, administrator, president, judge,
                                                   litigant):
    actions.save_template(court, "summons", title="传票", body="{{ 案号 }}", actor=president)
    for someone in (judge, litigant):
        with pytest.raises(PermissionDenied):
            actions.save_template(court, "summons", title="传票", body="x", actor=someone)
    other = Court.objects.get(code="内2501")
    with pytest.raises(PermissionDenied):
        actions.save_template(other, "summons", title="传票", body="x", actor=administrator)
    with pytest.raises(PermissionDenied):
        actions.save_template(None, "summons", title="传票", body="x", actor=administrator)


def test_the_preview_is_a_pdf(court, administrator):
    data = actions.preview(court, "summons", title="传票", body="{{ 受送达人 }}：请到庭.",
                           actor=administrator)
    assert data.startswith(b"%PDF")


# Issuing


@pytest.fixture
def case(judge, court_clerk):
    case = a_case(judge)
    CaseMember.objects.create(case=case, seat="clerk", user=court_clerk, since=TODAY,
                              added_by=judge)
    return case


@pytest.fixture
def hearing(case, judge):
    day = next_working_day(3)
    return hearing_actions.schedule(case, actor=judge, starts_at=at(day, 9, 30),
                                    ends_at=at(day, 11), place_kind="courtroom",
                                    courtroom=room())


def test_a_summons_is_issued_as_a_case_document_with_its_version(case, hearing, judge,
                                                                 administrator, court):
    plaintiff = case.parties.get(role="plaintiff")
    issued = actions.issue(case, "summons", actor=judge, addressee_party=plaintiff,
                           hearing=hearing, key="k1")
    document = issued.document
    assert document.title == "传票（张三）" and not document.is_public
    assert document.content_type == "application/pdf"
    assert document.file.read().startswith(b"%PDF")
    assert issued.template.is_default and issued.values["受送达人身份"] == "原告"
    assert "第一审判庭" in issued.values["开庭地点"]
    assert "9时30分" in issued.values["开庭时间"]
    text = actions.text_of(issued)
    assert "第一百四十六条" in text and "按撤诉处理" in text and "（原告）" in text
    assert case.events.filter(kind="document_issued").exists()
    # the same request again is the same document
    assert actions.issue(case, "summons", actor=judge, addressee_party=plaintiff,
                         hearing=hearing, key="k1") == issued
    # a new version later: the document issued keeps the version it used
    actions.save_template(court, "summons", title="传票", body="新文本 {{ 受送达人 }}",
                          actor=administrator)
    issued.refresh_from_db()
    assert issued.template.is_default and "第一百四十六条" in actions.text_of(issued)
    defendant = case.parties.get(role="defendant")
    newer = actions.issue(case, "summons", actor=judge, addressee_party=defendant,
                          hearing=hearing)
    assert newer.template.court == court and actions.text_of(newer) == "新文本 李四"


def test_the_defendant_is_told_of_a_default_judgment(case, hearing, court_clerk):
    defendant = case.parties.get(role="defendant")
    issued = actions.issue(case, "summons", actor=court_clerk, addressee_party=defendant,
                           hearing=hearing)
    assert "缺席判决" in issued.values["不到庭后果"] and "第一百四十七条" in issued.values[
        "不到庭后果"]


def test_the_layout_has_page_numbers_seal_and_escaped_text(court):
    values = {"法院名称": court.name, "案号": "（2026）内2502民初1号",
              "日期": "二〇二六年十二月二日", "受送达人": "<b>张三"}
    page = rendering.html(title="传票", body="{{ 受送达人 }},请到庭.\n\n第二段", values=values)
    assert 'content: "第 " counter(page) " 页 共 " counter(pages) " 页"' in page
    assert "data-seal-placeholder" in page and "（印章位置）" in page
    assert "&lt;b&gt;张三，请到庭。</span>" in page and "<b>" not in page
    assert "二〇二六年十二月二日" in page and "Noto Serif CJK SC" in page


def test_the_fee_is_in_yuan_and_the_evidence_period_is_checked(case, judge):
    from tianping.payments.models import FeeDue

    FeeDue.objects.create(case=case, amount=Decimal("1234.5"), notified_on=TODAY,
                          due_on=TODAY)
    plaintiff = case.parties.get(role="plaintiff")
    notice = actions.issue(case, "acceptance_notice", actor=judge, addressee_party=plaintiff)
    assert notice.values["受理费"] == "1,234.50 元"
    assert "案件受理费为1,234.50 元" in actions.text_of(notice)
    with pytest.raises(ValidationError, match="at least 15 days"):
        actions.issue(case, "evidence_notice", actor=judge, addressee_party=plaintiff,
                      evidence_deadline=datetime.date.today() + datetime.timedelta(days=10))
    day = datetime.date.today() + datetime.timedelta(days=20)
    issued = actions.issue(case, "evidence_notice", actor=judge, addressee_party=plaintiff,
                           evidence_deadline=day)
    assert issued.values["举证期限"] == f"{placeholders.figure_date(day)}前（含当日）"


def test_a_summons_needs_a_hearing_and_a_party(case, hearing, judge):
    plaintiff = case.parties.get(role="plaintiff")
    with pytest.raises(ValidationError):
        actions.issue(case, "summons", actor=judge, addressee_party=plaintiff)
    with pytest.raises(ValidationError):
        actions.issue(case, "summons", actor=judge, hearing=hearing)
    rep = CaseRepresentative.objects.create(case=case, party=plaintiff, kind="lawyer",
                                            name="李律师")
    with pytest.raises(ValidationError):
        actions.issue(case, "summons", actor=judge, addressee_representative=rep,
                      hearing=hearing)
    notice = actions.issue(case, "appearance_notice", actor=judge,
                           addressee_representative=rep, hearing=hearing)
    assert notice.document.title == "出庭通知书（李律师）"
    assert notice.values["受送达人身份"] == "原告张三的委托诉讼代理人"


def test_only_the_case_staff_issue(case, litigant, judge_of_other_court, filing_clerk,
                                   president):
    from tianping.hearings.tests.test_actions import other_judge

    plaintiff = case.parties.get(role="plaintiff")
    for someone in (litigant, judge_of_other_court, other_judge(), filing_clerk, president):
        with pytest.raises(PermissionDenied):
            actions.issue(case, "response_notice", actor=someone, addressee_party=plaintiff)
    assert not IssuedDocument.objects.exists()

"""What the browser walk of every persona (issue 10) still found, as each persona meets it,
in Chinese, with screenshots at phone and desktop width: the review page's brackets and
its reveal button, the queue's days left, the judge's documents of the filing, the wizard's
review and receipt of a defendant known by telephone and address, a reduction without its
percentage, the backup page's dates, the overdue list's tabs and the change of procedure."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser

# Strings of these pages that may still wait for their translation (the translator comes
# at the end): a Chinese page may show them in English until then, and only them.
NEW_STRINGS = (
    "Choose the new procedure",
    "Check the form: %(errors)s",
    "The case already follows this procedure: %(procedure)s. Choose another one.",
    "A reduction must say how much is asked: give the reduction in per cent, at least "
    "%(min)d (art. 46).",
    "Overdue and long-pending cases",
    # the case page's referral to mediation (mediation app)
    "With every party's consent, entrust the case to a mediator of the court's roster "
    "(委托调解): 15 days, or 7 under the summary procedure; days the parties add are not "
    "counted in the time limit.",
    "Refer to mediation…",
)


def untranslated() -> tuple[str, ...]:
    """The new strings still in English, as a page shows them (their parts around the
    placeholders)."""
    with translation.override("zh-hans"):
        found = [s for s in NEW_STRINGS if gettext(s) == s]
    parts = []
    for text in found:
        for piece in text.replace("%(min)d", "%").replace("%(procedure)s", "%").split("%"):
            piece = piece.replace("(errors)s", "").strip(" :.")
            if piece:
                parts.append(piece)
    return tuple(parts)


def reads_well(page):
    assert_reads_well(page, "zh-hans", allowed=untranslated())


def as_persona(page, username):
    page.context.clear_cookies()
    sign_in(page, username)


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        """() => document.documentElement.scrollWidth <= window.innerWidth &&
            [...document.querySelectorAll('.table-wrap')].every(
                w => w.scrollWidth <= w.clientWidth + 1)"""
    )


def test_the_filing_clerk_reads_the_review_page_and_the_queue(page, demo):
    from tianping.filings.tests.test_review_pages import make_filing

    filing = make_filing(demo, on=timezone.localdate())
    filing.parties.filter(role="defendant").update(id_number="")  # known by telephone
    as_persona(page, "lixia")
    page.goto(page.base_url + f"/filing-review/{filing.code}/")
    assert page.locator("form[action*='/reveal/']").count() == 1  # the plaintiff's only
    due = filing.review_due_on.isoformat()
    assert f"{due}（剩余" in page.inner_text("main")
    reads_well(page)
    shoot(page, "review")
    page.goto(page.base_url + "/filing-review/")
    assert "剩余" in page.inner_text("table") and "Days left" not in page.inner_text("main")
    reads_well(page)
    shoot(page, "queue")


def test_the_judge_opens_the_filing_s_documents_and_cannot_change_to_the_same_procedure(
    page, demo
):
    from tianping.cases.tests.test_case_pages import make_case

    case = make_case(demo)
    as_persona(page, "wangjun")
    page.goto(page.base_url + f"/cases/{case.code}/")
    link = page.locator(f"a[href='/cases/{case.code}/filing-documents/acceptance-notice/']")
    assert link.count() == 1 and "受理案件通知书" in link.inner_text()
    response = page.request.get(page.base_url + f"/cases/{case.code}/filing-documents/"
                                "acceptance-notice/")
    assert response.ok and response.body().startswith(b"%PDF")
    reads_well(page)
    shoot(page, "case")

    page.goto(page.base_url + f"/time-limits/cases/{case.code}/")
    assert page.input_value("#id_procedure") == ""
    page.select_option("#id_procedure", case.procedure)
    page.fill("form:has(#id_procedure) #id_reason", "案情复杂")
    with page.expect_navigation():
        page.click("form:has(#id_procedure) button[type=submit]")
    before = case.procedure
    case.refresh_from_db()
    assert case.procedure == before
    assert "procedure_changed" not in [e.kind for e in case.events.all()]
    assert page.locator("form:has(#id_procedure) .errorlist").count() == 1
    assert page.input_value("form:has(#id_procedure) #id_reason") == "案情复杂"
    reads_well(page)
    shoot(page, "same-procedure")


def test_the_president_sees_which_overdue_tab_is_open(page):
    as_persona(page, "chenzhi")
    page.goto(page.base_url + "/time-limits/overdue/?months=18")
    current = page.locator(".tabs a[aria-current=page]")
    assert current.count() == 1 and "18" in current.inner_text()
    reads_well(page)
    shoot(page, "overdue-18")


def test_the_backup_reads_the_time_away(page, demo):
    from tianping.courts.actions import name_backup

    today = timezone.localdate()
    until = today + datetime.timedelta(days=3)
    name_backup(demo["wangjun"], actor=demo["wangjun"], backup=demo["zhaomin"],
                away_from=today, away_until=until)
    as_persona(page, "zhaomin")
    page.goto(page.base_url + "/workspace/backups/")
    assert f"（{today:%Y-%m-%d} – {until:%Y-%m-%d}）" in page.inner_text("main")
    reads_well(page)
    shoot(page, "backups")


def test_the_litigant_s_review_step_receipt_and_relief_form(page, demo):
    from tianping.courts.models import Court
    from tianping.filings import actions
    from tianping.filings.choices import Channel
    from tianping.payments.tests.test_fees_due import filed

    filer = demo["zhangsan"]
    filing = actions.start_filing(actor=filer, court=Court.objects.get(code="内2502"),
                                  channel=Channel.ONLINE, filer=filer)
    actions.save_draft(filing, actor=filer, claims="判令被告归还借款2万元",
                       facts="2025年被告借款未还", amount=Decimal("20000"))
    actions.set_parties(filing, [
        {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
         "id_number": "152502198503120022", "phone": "13800000001"},
        {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
         "phone": "13800000000", "address": "北京市朝阳区某路1号"},
    ], actor=filer)
    as_persona(page, "zhangsan")
    page.goto(page.base_url + f"/portal/filings/{filing.code}/review/")
    cards = page.inner_text("ul.cards")
    assert "电话：13800000000" in cards and "地址：北京市朝阳区某路1号" in cards
    reads_well(page)
    shoot(page, "wizard-review")

    actions.submit_filing(filing, actor=filer, today=timezone.localdate())
    page.goto(page.base_url + f"/portal/filings/{filing.code}/receipt/")
    assert no_sideways_scroll(page)  # a phone
    assert "152502********0022" in page.inner_text(".receipt-parties")
    reads_well(page)
    shoot(page, "receipt")

    case = filed(demo)
    page.goto(page.base_url + f"/case-fees/cases/{case.code}/relief/")
    page.select_option("#id_ground", "disaster")
    page.fill("#id_statement", "家中房屋受灾，正在接受社会救济")
    with page.expect_navigation():
        page.click("form.card button[type=submit]")
    assert page.locator("#id_percent ~ .errorlist, .errorlist").count() >= 1
    assert page.input_value("#id_statement") == "家中房屋受灾，正在接受社会救济"
    assert page.input_value("#id_ground") == "disaster"
    reads_well(page)
    shoot(page, "relief-no-percent")

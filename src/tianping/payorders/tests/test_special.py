"""Special-procedure cases (特别程序): filed with what they ask and whom they concern,
accepted as 民特 under the special procedure with the 30-day limit and no fee; a public
notice moves the limit's start to its end (民事诉讼法 art. 187); final at first instance."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing
from tianping.payments.models import FeeDue
from tianping.payorders import special
from tianping.payorders.tests.test_payment_orders import order_case

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
APPLICANT = {"role": "applicant", "kind": "natural", "name": "张三", "doc_type": "resident_id",
             "id_number": "152502198503120022"}


def special_filing(demo, *, subject="missing", detail="张大（下落不明人），1950年生", on=None,
                   **extra):
    court = Court.objects.get(code="内2502")
    filer = demo["zhangsan"]
    filing = filing_actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                         filer=filer, kind="special_procedure")
    filing_actions.save_draft(filing, actor=filer, claims="请求宣告张大失踪",
                              facts="张大于2023年离家，至今下落不明", special_subject=subject,
                              subject_detail=detail, **extra)
    filing_actions.set_parties(filing, [APPLICANT], actor=filer)
    return filing_actions.submit_filing(filing, actor=filer, today=on or TODAY)


def test_an_application_says_what_it_asks_and_whom_it_concerns(demo):
    with pytest.raises(ValidationError) as error:
        special_filing(demo, subject="", detail="")
    text = " ".join(error.value.messages)
    assert "special-procedure application asks" in text and "person or the property" in text
    with pytest.raises(ValidationError, match="election day"):
        special_filing(demo, subject="voter")
    assert special_filing(demo, subject="voter", election_on=TODAY + 20 * DAY)


def test_accepted_as_min_te_special_procedure_30_days_no_fee_sole_judge(demo):
    case = accept_filing(special_filing(demo), actor=demo["lixia"])
    assert case.type_code == "民特" and case.procedure == "special"
    assert case.time_limit.rule_code == "civil-special"
    assert case.time_limit.starts_on == TODAY
    assert not FeeDue.objects.filter(case=case).exists()
    assert special.subject_of(case) == "missing" and special.needs_notice(case)
    assert special.is_final_at_first_instance(case)
    assert case.judge == demo["wangjun"] and not case.members.filter(seat="presiding").exists()


def test_the_limit_runs_thirty_days_from_the_end_of_the_public_notice(demo):
    filed = datetime.date(2026, 3, 2)
    case = accept_filing(special_filing(demo, on=filed), actor=demo["lixia"], today=filed)
    with pytest.raises(PermissionDenied):
        special.record_notice(case, actor=demo["lixia"], published_on=filed, where="人民法院报")
    with pytest.raises(ValidationError):
        special.record_notice(case, actor=demo["wangjun"], published_on=filed - DAY,
                              where="人民法院报")
    notice = special.record_notice(case, actor=demo["wangjun"],
                                   published_on=datetime.date(2026, 3, 4), where="人民法院报",
                                   today=datetime.date(2026, 3, 5))
    assert notice.ends_on == datetime.date(2026, 6, 4)  # three months
    case.time_limit.refresh_from_db()
    assert case.time_limit.starts_on == notice.ends_on
    assert case.time_limit.expires_on == datetime.date(2026, 7, 6)  # 07-04 a Saturday
    assert case.events.filter(kind="special_notice_published", is_public=True).exists()
    with pytest.raises(ValidationError, match="already recorded"):
        special.record_notice(case, actor=demo["wangjun"],
                              published_on=datetime.date(2026, 3, 4), where="人民法院报",
                              today=datetime.date(2026, 3, 5))


def test_a_subject_without_notice_takes_none(demo):
    case = accept_filing(special_filing(demo, subject="incapacity"), actor=demo["lixia"])
    with pytest.raises(ValidationError, match="without a public notice"):
        special.record_notice(case, actor=demo["wangjun"], published_on=TODAY, where="报")


def test_an_ordinary_civil_case_is_not_final_at_first_instance(demo):
    from tianping.cases.tests.test_case_pages import make_case

    assert not special.is_final_at_first_instance(make_case(demo))
    assert special.is_final_at_first_instance(order_case(demo))

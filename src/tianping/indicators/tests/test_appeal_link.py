"""An appeal decided on the platform writes its outcome on the dispute's link, so that
发改率 counts platform and imported cases alike; the data migration fills old links."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from tianping.appeals import actions
from tianping.appeals.models import DisputeCase
from tianping.appeals.tests.helpers import DAY, appeal_court_staff, judged_case, pdf, serve_by_post
from tianping.cases.actions import start_trial
from tianping.flows import appeals as flow
from tianping.indicators import behind, compute

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_decide_appeal_writes_the_outcome_on_the_link(demo, other_litigant):
    case, judgment = judged_case(demo, defendant_user=other_litigant)
    defendant = case.parties.get(role="defendant")
    staff = appeal_court_staff()
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = actions.file_appeal(case, actor=other_litigant, party=defendant, grounds="事实错误",
                                requests="改判", channel="online")
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R1")
    actions.transfer(case, actor=demo["lixia"])
    second = start_trial(flow.docket_appeal(case, actor=staff["gaoyuan"]), actor=staff["baowen"])
    flow.decide_appeal(second, actor=staff["baowen"], outcome="amended", decided_on=TODAY,
                       documents=[pdf()])
    link = DisputeCase.objects.get(case=second)
    assert (link.origin, link.outcome) == (case, "amended")
    s = compute.make_slice(case.court, case.closed_on, case.closed_on, judge="王军")
    assert case in behind.cases_behind("reversal_remand_rate", "numerator", s)
    assert case in behind.cases_behind("appeal_rate", "numerator", s)

    DisputeCase.objects.filter(pk=link.pk).update(outcome="")
    migration = importlib.import_module(
        "tianping.appeals.migrations.0003_fill_dispute_case_outcome")
    migration.fill(apps, None)
    link.refresh_from_db()
    assert link.outcome == "amended"

"""The demo's filings and cases (`tianping demo`): made by the platform's own actions, in
every state, once."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from tianping.cases.models import Case
from tianping.courts.choices import Role
from tianping.courts.models import CalendarDay, CoveredYear, Membership
from tianping.deadlines.models import ExtensionRequest
from tianping.demo.cases import STORIES, load_demo_cases
from tianping.demo.network import load_holiday_table
from tianping.filings.models import Filing
from tianping.payments.models import FeeDue
from tianping.payments.queries import overdue_case_ids

pytestmark = pytest.mark.django_db


def test_demo_cases_cover_every_state_once(demo_network):
    # when
    told = load_demo_cases()
    # then
    assert told > 20 and load_demo_cases() == 0  # a second call adds nothing
    states = Counter(Case.objects.values_list("state", flat=True))
    assert {"assigned", "in_trial", "suspended", "closed"} <= set(states)
    statuses = Counter(Filing.objects.values_list("status", flat=True))
    assert statuses["submitted"] >= 3 and statuses["correction_requested"] >= 1
    extensions = set(ExtensionRequest.objects.values_list("status", flat=True))
    assert extensions == {"approved", "requested"}
    today = timezone.localdate()
    pending = Case.objects.exclude(state="closed").select_related("time_limit")
    overdue = [c for c in pending if c.state != "suspended" and c.time_limit.expires_on < today]
    assert len(overdue) >= 3
    assert any((today - c.filed_on).days > 365 for c in pending)  # long pending
    # the fees are paid, but for the cases just filed and one left unpaid past its deadline
    late = overdue_case_ids(list(Case.objects.values_list("pk", flat=True)), today)
    assert len(late) == 1
    assert FeeDue.objects.filter(status="paid").count() >= len(STORIES) - 8
    # every case has its timeline, its judge and its time limit
    for case in Case.objects.all():
        assert case.events.exists() and case.judge_id and case.time_limit
    # public hearings of the coming days for the notice board, one of them on circuit
    from tianping.demo.hearings import load_demo_hearings
    from tianping.hearings.models import Hearing

    assert load_demo_hearings() >= 2 and load_demo_hearings() == 0
    upcoming = Hearing.objects.filter(status="scheduled", is_public=True)
    assert upcoming.count() >= 2
    assert all(h.starts_at.date() > today for h in upcoming)
    # what the court served on the parties of those cases: through the inbox to the
    # plaintiffs who consented, by post to the defendants, one receipt back
    from tianping.demo.service import load_demo_service
    from tianping.service.models import Service

    assert load_demo_service() >= 2 and load_demo_service() == 0
    served = Service.objects.filter(case__hearings__isnull=False).distinct()
    assert served.filter(effective_on__isnull=False).count() >= 2
    assert served.filter(attempts__channel="postal", attempts__receipt_on__isnull=False).exists()
    assert served.filter(attempts__channel="platform").exists()
    # the closed cases' documents served on every party, one judgment appealed and filed at the
    # intermediate court as the linked 民终 case
    from tianping.appeals.models import Appeal
    from tianping.appeals.queries import effect_of
    from tianping.demo.appeals import load_demo_appeals

    assert load_demo_appeals() >= 2 and load_demo_appeals() == 0
    appeal = Appeal.objects.get()
    assert appeal.status == "docketed" and "内25民终" in appeal.second_case.number
    assert appeal.second_case.judge.username == "baowen"
    others = Case.objects.filter(state="closed", services__isnull=False).exclude(
        pk=appeal.case_id).distinct()
    assert others and all(effect_of(c) is not None for c in others)
    # a payment order issued and served on the debtor, waiting for the fifteen days
    from tianping.demo.procedures import load_demo_procedures
    from tianping.payorders.models import PaymentOrder

    assert load_demo_procedures() == 1 and load_demo_procedures() == 0
    order = PaymentOrder.objects.get()
    assert order.status == "issued" and order.case.type_code == "民督"
    assert order.case.procedure == "payment_order"
    assert Service.objects.filter(case=order.case, effective_on__isnull=False).exists()


def test_every_demo_court_that_files_has_a_clerk_and_a_president(demo_network):
    for code in ("内2502", "内2501"):
        roles = set(Membership.objects.filter(court__code=code).values_list("role", flat=True))
        assert {Role.FILING_CLERK, Role.JUDGE, Role.PRESIDENT} <= roles


def test_the_holiday_table_is_loaded_by_the_command(demo_network):
    load_holiday_table()
    load_holiday_table()  # idempotent
    assert CoveredYear.objects.filter(year=2026).exists()
    assert CalendarDay.objects.filter(court=None, name="国庆节").exists()
    assert CalendarDay.objects.filter(court=None, is_rest_day=False).exists()


def test_the_command_can_leave_the_cases_out(demo_network):
    call_command("demo", "--no-cases", stdout=open("/dev/null", "w"))
    assert not Case.objects.exists()


def test_demo_mediations_cover_every_state_once(demo_network):
    from tianping.catalog.builtin import sync_builtin_catalogs
    from tianping.demo.mediations import DISPUTES, load_demo_mediations
    from tianping.mediation.models import Mediation

    sync_builtin_catalogs()
    assert load_demo_mediations() == len(DISPUTES) and load_demo_mediations() == 0
    states = Counter(Mediation.objects.values_list("status", flat=True))
    assert set(states) == {"awaiting_appointment", "appointed", "in_progress", "settled",
                           "failed", "withdrawn"}
    failed = Mediation.objects.get(status="failed")
    assert failed.filing.status == "submitted" and failed.undisputed_facts
    assert Mediation.objects.filter(held_online=False, sessions__status="held").exists()
    assert all(m.events.exists() and m.number for m in Mediation.objects.all())
    kinds = {m.speciality for m in Mediation.objects.all()}
    assert {"family", "finance", "labour", "traffic"} <= kinds
    # the agreements: one waiting for 张三's signature, one performed, one confirmed by the
    # court's ruling in a closed 民特 case he can read
    from tianping.cases.permissions import cases_visible_to
    from tianping.mediation.models import MediationAgreement

    agreements = MediationAgreement.objects.select_related("request__case")
    assert {(a.route, a.performance, a.is_signed) for a in agreements} == {
        ("", "", False), ("voluntary", "performed", True), ("confirmation", "", True)}
    confirmed = agreements.get(route="confirmation").request.case
    assert "民特" in confirmed.number and confirmed.closure_mode == "ruling"
    assert confirmed.documents.exists()
    zhangsan = get_user_model().objects.get(username="zhangsan")
    assert cases_visible_to(zhangsan).filter(pk=confirmed.pk).exists()


def test_demo_history_is_imported_once_and_gives_the_indicators_trends(demo_network):
    """The demo imports its courts' history through the historical import, so that a
    leader's indicator pages show months of figures, and a second run adds nothing."""
    import datetime

    from tianping.cases.models import Case
    from tianping.demo.history import load_demo_history
    from tianping.indicators import compute, reads

    today = datetime.date(2026, 12, 2)
    rows = load_demo_history(today=today)
    assert rows >= 1500 and load_demo_history(today=today) == 0
    assert Case.objects.filter(import_run__isnull=False).count() > 1000
    s = compute.make_slice("内25", datetime.date(2026, 1, 1), datetime.date(2026, 11, 30),
                           include_lower=True)
    months = reads.monthly_trend(s, months=11)
    assert all(m.results["received"].numerator > 0 for m in months)
    assert compute.make_slice("内2502", s.start, s.end, judge="王军").judge_name == "王军"
    by_code = {r.code: r for r in compute.compute(s)}
    assert by_code["appeal_rate"].numerator > 0 and by_code["case_dispute_ratio"].value > 1

    from tianping.demo.history import load_demo_ranges

    assert load_demo_ranges() > 0 and load_demo_ranges() == 0
    statuses = {r.status for r in compute.compute(s)}
    assert {"met", "not_met"} <= statuses  # the demo shows both 达标 and 未达标

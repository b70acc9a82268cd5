"""The indicator engine against hand-worked examples built from real rows (issue 13).

Every period here lies in 2000–2001, before any demo case, so the demo network's own cases
do not count."""

import datetime
import itertools
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from tianping.appeals.models import Dispute, DisputeCase
from tianping.cases.choices import CaseState
from tianping.cases.models import Case
from tianping.courts.models import Court, Division
from tianping.deadlines.models import CaseTimeLimit
from tianping.indicators import behind as drill
from tianping.indicators import compute, registry
from tianping.indicators.models import ReferenceRange
from tianping.mediation.choices import MediationKind, MediationStatus
from tianping.mediation.figures import figures as mediation_figures
from tianping.mediation.models import Mediation

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = (D(2001, 1, 1), D(2001, 12, 31))  # 365 days
SERIAL = itertools.count(1)


def case(court, type_code="民初", filed=None, closed=None, *, mode="", procedure="ordinary",
         judge=None, division=None, limit=None):
    c = Case.objects.create(
        number=f"（测）{court.code}{type_code}{next(SERIAL)}号", court=court,
        type_code=type_code, procedure=procedure, filed_on=filed, closed_on=closed,
        closure_mode=mode or ("judgment" if closed else ""), judge=judge, division=division,
        state=CaseState.CLOSED if closed else CaseState.ASSIGNED)
    if limit:
        CaseTimeLimit.objects.create(case=c, rule_code="test", starts_on=filed, expires_on=limit)
    return c


def many(court, n, type_code="民初", filed=None, closed=None, **more):
    Case.objects.bulk_create(
        Case(number=f"（测）{court.code}{type_code}{next(SERIAL)}号", court=court,
             type_code=type_code, procedure="ordinary", filed_on=filed, closed_on=closed,
             closure_mode="judgment" if closed else "",
             state=CaseState.CLOSED if closed else CaseState.ASSIGNED, **more)
        for _ in range(n))


def link(origin, new, stage="second", outcome=""):
    first = DisputeCase.objects.filter(case=origin).first() or DisputeCase.objects.create(
        dispute=Dispute.objects.create(), case=origin, stage="first")
    return DisputeCase.objects.create(dispute_id=first.dispute_id, case=new, stage=stage,
                                      origin=origin, outcome=outcome)


def results(court, start, end, **slice_args):
    s = compute.make_slice(court, start, end, **slice_args)
    return {r.code: r for r in compute.compute(s)}


def value(r):
    return None if r.value is None else str(r.value)


@pytest.fixture
def court(demo_network):
    return Court.objects.get(code="内2502")


@pytest.fixture
def upper(demo_network):
    return Court.objects.get(code="内25")


def test_wangqing_clearance_rate_140_of_152_and_other_types_left_out(court):
    """汪清 2019H1: 结收比 140 / 152 = 92.1% (§2.3); 执, 保 and 诉前调 cases do not count."""
    many(court, 140, filed=D(2001, 2, 1), closed=D(2001, 5, 1))
    many(court, 12, filed=D(2001, 3, 1))
    for code in ("执字", "执保", "民保", "财保", "民诉前调"):
        many(court, 3, type_code=code, filed=D(2001, 2, 1), closed=D(2001, 3, 1))
    r = results(court, *YEAR)
    assert (r["received"].numerator, r["closed"].numerator) == (152, 140)
    assert value(r["clearance_rate"]) == "92.11"
    assert (r["clearance_rate"].numerator, r["clearance_rate"].denominator) == (140, 152)


def test_wangqing_closure_rate_and_appeal_indicators(court, upper):
    """汪清: 结案率 93 / (10 + 99) = 85.32%; of the 93 first-instance closures 4 were
    appealed (服判息诉率 (93 − 4) / 93 = 95.70%), 2 amended or remanded (发改率 2.15%)."""
    many(court, 10, filed=D(2000, 6, 1), closed=D(2001, 3, 1))  # 旧存, closed in the period
    many(court, 83, filed=D(2001, 2, 1), closed=D(2001, 6, 1))
    many(court, 16, filed=D(2001, 4, 1))
    many(court, 5, filed=D(2000, 1, 1), closed=D(2000, 12, 31))  # closed before: no count
    appealed = list(Case.objects.filter(court=court, closed_on=D(2001, 6, 1))[:4])
    for first, outcome in zip(appealed, ("amended", "remanded", "upheld", ""), strict=True):
        link(first, case(upper, "民终", D(2001, 7, 1), D(2001, 9, 1) if outcome else None),
             outcome=outcome)
    r = results(court, *YEAR)
    assert (r["pending_start"].numerator, r["received"].numerator) == (10, 99)
    assert value(r["closure_rate"]) == "85.32"
    assert value(r["appeal_rate"]) == "4.30"
    assert value(r["acceptance_rate"]) == "95.70"
    assert (r["reversal_remand_rate"].numerator, r["reversal_remand_rate"].denominator) == (2, 93)
    assert value(r["reversal_remand_rate"]) == "2.15"


def test_cepej_disposition_time_203_02_days(court):
    """CEPEJ: P₀ 240, I 272, R 329, P₁ 183 over 365 days → DT = 365 × 183 / 329 = 203.02."""
    many(court, 240, filed=D(2000, 5, 1), closed=D(2001, 4, 1))
    many(court, 89, filed=D(2001, 2, 1), closed=D(2001, 8, 1))
    many(court, 183, filed=D(2001, 6, 1))
    r = results(court, *YEAR)
    counts = [r[c].numerator for c in ("pending_start", "received", "closed", "pending_end")]
    assert counts == [240, 272, 329, 183]
    assert value(r["disposition_time"]) == "203.02"
    assert r["disposition_time"].denominator == 329
    assert value(r["clearance_rate"]) == "120.96"


@pytest.fixture
def quarter(court, upper, demo):
    """A quarter (2001-01-01 … 03-31, 90 days) of hand-made cases, worked out below."""
    judge, division = demo["wangjun"], Division.objects.get(court=court, name="民事审判第一庭")
    other = Division.objects.filter(court=court).exclude(pk=division.pk).first()
    a = case(court, "民初", D(2001, 1, 10), D(2001, 2, 9), procedure="summary",  # 30 days
             limit=D(2001, 4, 10), judge=judge, division=division)
    b = case(court, "民初", D(2001, 1, 20), D(2001, 3, 31), mode="mediation",  # 70 days
             limit=D(2001, 3, 30), judge=judge, division=division)
    case(court, "民初", D(2000, 11, 1), D(2001, 1, 31), mode="withdrawal",  # 91 days
         procedure="small_claims", division=other)
    case(court, "民初", D(1999, 12, 1), division=other)  # pending more than 12 months
    case(court, "刑初", D(2000, 6, 1), judge=judge, division=division)  # pending
    case(court, "执字", D(2001, 1, 5), D(2001, 1, 20))  # enforcement: not a trial case
    # A's chain: appeal (remanded) at the court above, retrial after remand, enforcement
    a2 = case(upper, "民终", D(2001, 5, 1), D(2001, 6, 1))
    link(a, a2, outcome="remanded")
    a3 = case(court, "民初", D(2001, 6, 20))
    link(a, a3, stage="remand")
    link(a3, case(court, "执字", D(2001, 9, 1)), stage="first")
    for status, n in ((MediationStatus.SETTLED, 2), (MediationStatus.FAILED, 2),
                      (MediationStatus.WITHDRAWN, 1)):
        for _ in range(n):
            Mediation.objects.create(court=court, kind=MediationKind.PRE_FILING, status=status,
                                     applied_on=D(2001, 1, 2), ended_on=D(2001, 2, 1),
                                     applied_by=demo["lixia"])
    Mediation.objects.create(court=court, kind=MediationKind.PRE_FILING,  # ended after
                             status=MediationStatus.SETTLED, applied_on=D(2001, 3, 1),
                             ended_on=D(2001, 4, 2), applied_by=demo["lixia"])
    return {"a": a, "b": b, "judge": judge, "division": division}


def test_quarter_worked_by_hand(court, quarter):
    r = results(court, D(2001, 1, 1), D(2001, 3, 31))
    got = {code: (x.numerator, x.denominator, value(x)) for code, x in r.items()}
    assert got["received"] == (2, None, "2.00")  # A, B
    assert got["closed"] == (3, None, "3.00")  # A, B, C
    assert got["pending_start"] == (3, None, "3.00")  # C, D, 刑初
    assert got["pending_end"] == (2, None, "2.00")  # D, 刑初
    assert got["closure_rate"] == (3, 5, "60.00")
    assert got["within_limit_rate"] == (1, 3, "33.33")  # A; B late; C has no limit
    assert got["avg_days"] == (191, 3, "63.67")  # (30 + 70 + 91) / 3
    assert got["mediation_withdrawal_rate"] == (2, 3, "66.67")
    assert got["pending_over_12m"] == (1, None, "1.00")  # D, filed 1999-12-01
    assert got["pending_over_12m_ratio"] == (1, 2, "50.00")
    assert got["summary_procedure_rate"] == (2, 3, "66.67")  # A summary, C small claims
    assert got["appeal_rate"] == (1, 3, "33.33")
    assert got["reversal_remand_rate"] == (1, 3, "33.33")
    assert got["prefiling_mediation_success_rate"] == (2, 5, "40.00")
    # 案: A and B; 件: A, B, A's appeal, its retrial after remand and that one's enforcement
    assert got["case_dispute_ratio"] == (5, 2, "2.50")
    assert got["disposition_time"] == (180, 3, "60.00")  # 90 days × 2 pending / 3 closed
    # the mediation figures page counts the same pre-filing mediations
    row = mediation_figures([court], D(2001, 1, 1), D(2001, 3, 31)).by_court[0]
    assert (row.pre_filing_settled, row.pre_filing_ended) == (2, 5)


def test_slices_division_judge_and_lower_courts(court, upper, quarter):
    period = (D(2001, 1, 1), D(2001, 3, 31))
    by_division = results(court, *period, division="民事审判第一庭")
    assert by_division["closed"].numerator == 2  # A, B
    assert by_division["pending_end"].numerator == 1  # 刑初
    assert by_division["prefiling_mediation_success_rate"].value is None  # per court only
    by_judge = results(court, *period, judge="王军")
    assert (by_judge["closed"].numerator, by_judge["received"].numerator) == (2, 2)
    assert results(court, *period, judge=quarter["judge"])["closed"].numerator == 2
    assert results(upper, *period)["closed"].numerator == 0
    lower = results(upper, *period, include_lower=True)
    assert lower["closed"].numerator == 3
    assert lower["prefiling_mediation_success_rate"].numerator == 2
    civil = results(court, *period, type_prefix="刑")
    assert civil["pending_end"].numerator == 1


def test_cases_behind_each_side(court, quarter):
    s = compute.make_slice(court, D(2001, 1, 1), D(2001, 3, 31))
    assert set(drill.cases_behind("within_limit_rate", "numerator", s)) == {quarter["a"]}
    assert drill.cases_behind("within_limit_rate", "denominator", s).count() == 3
    assert drill.cases_behind("closure_rate", "denominator", s).count() == 5
    assert drill.cases_behind("case_dispute_ratio", "numerator", s).count() == 5
    assert set(drill.cases_behind("case_dispute_ratio", "denominator", s)) == {
        quarter["a"], quarter["b"]}
    assert drill.cases_behind("prefiling_mediation_success_rate", "numerator", s).count() == 2
    assert drill.cases_behind("prefiling_mediation_success_rate", "denominator",
                                s).count() == 5
    for indicator in registry.COMPUTED:  # every side of every indicator answers
        for part in ("numerator", "denominator"):
            kinds = {registry.COUNTS[n].records for n in registry.parts(indicator, part)}
            if kinds & set(registry.NOT_CASES):  # payouts, petitions: their own pages
                with pytest.raises(ValidationError):
                    drill.cases_behind(indicator.code, part, s)
                continue
            behind = drill.cases_behind(indicator.code, part, s)
            if "money" in kinds:  # a sum of money over the cases behind
                continue
            if part == "numerator" and indicator.numerator not in (
                    "days_to_close", "enforcement_days", "period_days_x_pending_end",
                    "dispute_cases"):
                result = results(court, D(2001, 1, 1), D(2001, 3, 31))[indicator.code]
                assert behind.count() == result.numerator, indicator.code
    with pytest.raises(ValidationError):
        drill.cases_behind("nonsense", "numerator", s)


def test_rounding_half_up_and_nothing_to_divide(court):
    assert str(compute.value_of(2665, 1000, 1)) == "2.67"  # half-even would give 2.66
    assert str(compute.value_of(1, 8, 100)) == "12.50"
    assert compute.value_of(5, 0, 100) is None
    r = results(court, *YEAR)
    assert r["clearance_rate"].value is None and r["clearance_rate"].denominator == 0
    assert r["case_dispute_ratio"].value is None
    assert r["received"].value == Decimal("0.00")


def test_reference_ranges_from_settings_and_the_court(court):
    many(court, 9, filed=D(2001, 2, 1), closed=D(2001, 3, 1))
    many(court, 1, filed=D(2001, 2, 1))
    assert results(court, *YEAR)["clearance_rate"].status == compute.NO_RANGE
    with override_settings(TIANPING_INDICATOR_RANGES={"clearance_rate": {"basic": (95, None)}}):
        r = results(court, *YEAR)["clearance_rate"]
        assert (str(r.value), r.status, r.range) == ("90.00", compute.NOT_MET,
                                                     (Decimal(95), None))
        ReferenceRange.objects.create(court=court, code="clearance_rate", low=85, high=100)
        assert results(court, *YEAR)["clearance_rate"].status == compute.MET


def test_bad_input_is_refused_in_the_users_language(court):
    with pytest.raises(ValidationError, match="ends before it starts"):
        compute.make_slice(court, D(2001, 2, 1), D(2001, 1, 31))
    with pytest.raises(ValidationError, match="No court"):
        compute.make_slice("内9999", *YEAR)
    with pytest.raises(ValidationError, match="no division"):
        compute.make_slice(court, *YEAR, division="不存在庭")
    with pytest.raises(ValidationError, match="No judge"):
        compute.make_slice(court, *YEAR, judge="无名氏")


def test_registry_is_data_with_sets_and_sources():
    codes = {i.code for i in registry.COMPUTED}
    assert {"received", "closed", "pending_start", "pending_end", "clearance_rate",
            "closure_rate", "within_limit_rate", "avg_days", "appeal_rate", "acceptance_rate",
            "reversal_remand_rate", "mediation_withdrawal_rate", "pending_over_12m",
            "pending_over_12m_ratio", "summary_procedure_rate",
            "prefiling_mediation_success_rate", "case_dispute_ratio",
            "disposition_time"} <= codes
    for name in (registry.SPC_2024, registry.TRADITIONAL, registry.INTERNATIONAL):
        assert registry.indicator_set(name)
    assert all(i.source for i in registry.INDICATORS)
    assert not registry.TRIAL.matches("执字") and not registry.TRIAL.matches("民诉前调")
    assert not registry.TRIAL.matches("财保") and registry.TRIAL.matches("民终")
    assert registry.FIRST_INSTANCE.matches("刑初") and not registry.FIRST_INSTANCE.matches("民终")


def test_cli_prints_the_json_shape_and_refuses_bad_input(court, capsys):
    many(court, 140, filed=D(2001, 2, 1), closed=D(2001, 5, 1))
    many(court, 12, filed=D(2001, 3, 1))
    call_command("indicators", "compute", "--court", "内2502", "--from", "2001-01-01",
                 "--to", "2001-12-31", "--json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"court", "from", "to", "indicators"}
    assert (data["court"], data["from"], data["to"]) == ("内2502", "2001-01-01", "2001-12-31")
    row = next(i for i in data["indicators"] if i["code"] == "clearance_rate")
    assert set(row) == {"code", "name", "value", "numerator", "denominator", "unit", "range",
                        "status"}
    assert (row["value"], row["numerator"], row["denominator"], row["unit"]) == (
        "92.11", 140, 152, "%")
    call_command("indicators", "compute", "--court", "内25", "--include-lower", "--from",
                 "2001-01-01", "--to", "2001-12-31")
    assert "clearance_rate" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("indicators", "compute", "--court", "内2502", "--from", "2001-02-01",
                     "--to", "2001-01-01", "--json")


def test_a_fixed_number_of_queries_however_many_cases(court, quarter, django_assert_num_queries):
    from django.db import connection

    s = compute.make_slice(court, D(2001, 1, 1), D(2001, 3, 31))
    # cases, the 案-件 chain, mediations, ranges, enforcement records and their recovered
    # amounts, payouts paid (with no payment: not their cases' movements nor deferrals),
    # unclaimed money, petitions (on PostgreSQL also the savepoint, its release and SET
    # LOCAL jit = off)
    queries = 9 + (3 if connection.vendor == "postgresql" else 0)
    with django_assert_num_queries(queries):
        compute.compute(s)
    many(court, 50, filed=D(2001, 2, 1), closed=D(2001, 3, 1))
    a3 = Case.objects.get(court=court, filed_on=D(2001, 6, 20))
    link(a3, case(court, "民终", D(2001, 8, 1)))
    with django_assert_num_queries(queries):
        r = {x.code: x for x in compute.compute(s)}
    assert r["closed"].numerator == 53
    assert r["case_dispute_ratio"].numerator == 56  # 52 disputes and 4 linked cases

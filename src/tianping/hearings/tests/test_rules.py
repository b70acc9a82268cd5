import datetime

from tianping.hearings import rules

D = datetime.date
T = datetime.time
LIMITS = {"ordinary": 2, "summary": 1, "small_claims": 1}


def test_the_earliest_hearing_day_is_filing_plus_5_plus_15_plus_3():
    assert rules.defence_ends(D(2026, 3, 2)) == D(2026, 3, 22)
    assert rules.earliest_hearing_day(D(2026, 3, 2)) == D(2026, 3, 25)


def test_a_real_service_date_counts_instead_of_the_fifth_day():
    assert rules.earliest_hearing_day(D(2026, 3, 2), served_on=D(2026, 3, 3)) == D(2026, 3, 21)


def test_only_summary_and_small_claims_may_waive_the_defence_period():
    assert rules.may_waive_defence("summary") and rules.may_waive_defence("small_claims")
    assert not rules.may_waive_defence("ordinary")


def test_ordinary_procedure_allows_two_postponements_summary_one():
    args = {"held_on": D(2026, 3, 2), "new_day": D(2026, 3, 20), "limits": LIMITS}
    assert rules.postponement_problem(procedure="ordinary", postponed_before=1, **args) is None
    assert rules.postponement_problem(procedure="ordinary", postponed_before=2,
                                      **args) == "limit"
    assert rules.postponement_problem(procedure="summary", postponed_before=1,
                                      **args) == "limit"
    assert rules.postponement_problem(procedure="special", postponed_before=5, **args) is None


def test_the_next_session_within_a_month_unless_force_majeure_or_consent():
    args = {"procedure": "ordinary", "postponed_before": 0, "limits": LIMITS,
            "held_on": D(2026, 1, 31)}
    assert rules.postponement_problem(new_day=D(2026, 2, 28), **args) is None
    assert rules.postponement_problem(new_day=D(2026, 3, 1), **args) == "interval"
    assert rules.postponement_problem(new_day=D(2026, 3, 1), exception="consent", **args) is None
    assert rules.postponement_problem(new_day=D(2026, 4, 1), exception="force_majeure",
                                      **args) is None


def test_evening_and_rest_day_sessions_are_flagged():
    hours = rules.working_hours("08:30-17:30")
    weekend = lambda day: day.weekday() >= 5  # noqa: E731
    at = datetime.datetime

    def flags(start, end):
        return rules.session_flags(start, end, hours=hours, is_rest_day=weekend)

    assert flags(at(2026, 3, 4, 9), at(2026, 3, 4, 11)) == {"holiday": False, "evening": False}
    assert flags(at(2026, 3, 4, 17), at(2026, 3, 4, 19)) == {"holiday": False, "evening": True}
    assert flags(at(2026, 3, 4, 7), at(2026, 3, 4, 9)) == {"holiday": False, "evening": True}
    assert flags(at(2026, 3, 7, 9), at(2026, 3, 7, 11)) == {"holiday": True, "evening": False}


def test_working_hours_must_end_after_they_start():
    import pytest

    assert rules.working_hours("08:00-18:00") == (T(8), T(18))
    with pytest.raises(ValueError):
        rules.working_hours("18:00-08:00")

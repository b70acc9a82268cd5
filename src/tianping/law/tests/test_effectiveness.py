"""When a decision takes effect: test vectors (2024 holidays from chinese_calendar)."""

import datetime

import pytest

from tianping.law import effectiveness as law
from tianping.law.calendar import RestDayCalendar

D = datetime.date
CAL = RestDayCalendar()


def party(key, served_on, abroad=False):
    return law.PartyServed(key, f"P{key}", served_on, abroad)


def test_judgment_fifteen_days_from_the_day_after_service():
    # served Mon 2024-03-04: day 1 is 03-05, day 15 is Tue 03-19; effective 03-20
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 3, 4))], CAL)
    assert result.parties[0].last_day == D(2024, 3, 19)
    assert result.effective_on == D(2024, 3, 20)
    assert [s.code for s in result.steps] == ["appeal-party-served", "effective-after-period"]


def test_a_last_day_in_the_national_day_holiday_moves_past_it():
    # served 2024-09-16: 15 days end on 10-01 (National Day, off to 10-07) -> 10-08
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 9, 16))], CAL)
    assert result.parties[0].last_day == D(2024, 10, 8)
    assert "rest-day-moved" in [s.code for s in result.parties[0].steps]
    assert result.effective_on == D(2024, 10, 9)


def test_ruling_ten_days_and_thirty_abroad():
    result = law.effectiveness(law.RULING, [party(1, D(2024, 3, 4)),
                                            party(2, D(2024, 3, 4), abroad=True)], CAL)
    assert result.parties[0].last_day == D(2024, 3, 14) and result.parties[0].days == 10
    # 30 days: 04-03, a working day (清明 is 04-04 to 04-06)
    assert result.parties[1].last_day == D(2024, 4, 3) and result.parties[1].days == 30
    assert result.effective_on == D(2024, 4, 4)


def test_several_parties_the_last_period_decides():
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 3, 4)),
                                              party(2, D(2024, 3, 11))], CAL)
    # 03-11 + 15 = 03-26 (Tue)
    assert [p.last_day for p in result.parties] == [D(2024, 3, 19), D(2024, 3, 26)]
    assert result.last_day == D(2024, 3, 26) and result.effective_on == D(2024, 3, 27)
    assert result.is_effective(D(2024, 3, 27)) and not result.is_effective(D(2024, 3, 26))


def test_not_served_on_everyone_no_date_and_who_is_missing():
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 3, 4)), party(2, None)], CAL)
    assert result.effective_on is None and result.unserved == ("P2",)
    assert result.parties[1].last_day is None


def test_an_appeal_stops_the_judgment_taking_effect():
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 3, 4))], CAL, appealed=True)
    assert result.effective_on is None and result.appealed
    assert result.steps[-1].code == "appeal-pending"


@pytest.mark.parametrize("kind", [law.MEDIATION, law.SMALL_CLAIMS, law.FINAL_RULING,
                                  law.SECOND_INSTANCE])
def test_final_documents_take_effect_on_the_last_service(kind):
    result = law.effectiveness(kind, [party(1, D(2024, 9, 16)), party(2, D(2024, 9, 30))],
                               CAL, appealed=True)
    assert not result.appealable and not result.appealed
    assert result.effective_on == D(2024, 9, 30)  # a holiday eve: no period, no move
    assert all(p.last_day is None for p in result.parties)


def test_steps_read_in_words():
    result = law.effectiveness(law.JUDGMENT, [party(1, D(2024, 9, 16))], CAL)
    texts = [s.text for s in result.steps]
    assert "P1 was served on 2024-09-16" in texts[0] and "民事诉讼法第171条" in texts[0]
    assert "2024-10-08" in texts[1] and "2024-10-09" in texts[-1]


def test_bad_input():
    with pytest.raises(ValueError):
        law.effectiveness("verdict", [party(1, None)], CAL)
    with pytest.raises(ValueError):
        law.effectiveness(law.JUDGMENT, [], CAL)

"""When a first-instance document takes effect (生效), party by party, step by step.

Rules (domain-reference §3.1, §3.2; Civil Procedure Law arts. 85, 100, 157, 158, 165, 171,
286): a party may appeal a judgment within 15 days and a ruling within 10 days of its
service on them, 30 days for a party domiciled outside the mainland; the period starts the
day after service and a last day on a rest day moves to the next working day. A judgment
takes effect the day after the last party's period ends with no appeal filed. Documents no
appeal lies against take effect when served on the last party: the mediation document (on
signing for it), the small-claims judgment (一审终审) and the rulings other than those on
dismissal, non-acceptance and jurisdiction (special procedure, withdrawal, termination,
transfer). Pure: no ORM, no clock; the caller passes the calendar and the dates.
"""

import datetime
from dataclasses import dataclass

from tianping.law.calendar import RestDayCalendar
from tianping.law.periods import compute_period
from tianping.law.rules import get_rule
from tianping.law.steps import Step

JUDGMENT = "judgment"  # 判决书: 15 days
RULING = "ruling"  # appealable ruling (驳回起诉, 不予受理, 管辖异议): 10 days
MEDIATION = "mediation"  # 调解书: effective on the last signature
SMALL_CLAIMS = "small_claims"  # 小额诉讼判决: final
FINAL_RULING = "final_ruling"  # a ruling no appeal lies against
SECOND_INSTANCE = "second_instance"  # 终审: a second-instance judgment or ruling
KINDS = (JUDGMENT, RULING, MEDIATION, SMALL_CLAIMS, FINAL_RULING, SECOND_INSTANCE)
APPEALABLE = {JUDGMENT: "appeal-period-judgment", RULING: "appeal-period-ruling"}
FINAL_STEP = {MEDIATION: "effective-mediation", SMALL_CLAIMS: "effective-small-claims",
              FINAL_RULING: "effective-final-ruling",
              SECOND_INSTANCE: "effective-second-instance"}


@dataclass(frozen=True)
class PartyServed:
    """A party of the case and the day the document was served on them (None: not yet)."""

    key: object
    name: str
    served_on: datetime.date | None = None
    abroad: bool = False


@dataclass(frozen=True)
class PartyPeriod:
    key: object
    name: str
    served_on: datetime.date | None
    last_day: datetime.date | None  # the last day to appeal (None: not served or final)
    days: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Effectiveness:
    kind: str
    appealable: bool
    parties: tuple[PartyPeriod, ...]
    unserved: tuple[str, ...]  # names of the parties still to be served
    last_day: datetime.date | None  # the last appeal period's last day
    effective_on: datetime.date | None  # None while unserved, or appealed
    appealed: bool
    steps: tuple[Step, ...]

    def is_effective(self, today: datetime.date) -> bool:
        return self.effective_on is not None and self.effective_on <= today


def appeal_days(kind: str, abroad: bool) -> tuple[int, str]:
    """The appeal period of a document of KIND for a party (days, rule code)."""
    code = "appeal-period-abroad" if abroad else APPEALABLE[kind]
    return get_rule(code).days, code


def effectiveness(kind: str, parties, calendar: RestDayCalendar, *,
                  appealed: bool = False) -> Effectiveness:
    """Each party's appeal period and the day the document takes effect."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of document {kind!r}.")
    parties = tuple(parties)
    if not parties:
        raise ValueError("A document is served on at least one party.")
    appealable = kind in APPEALABLE
    periods, steps = [], []
    for party in parties:
        if party.served_on is None:
            step = Step("appeal-party-unserved", None, (("party", party.name),))
            periods.append(PartyPeriod(party.key, party.name, None, None, 0, (step,)))
            steps.append(step)
            continue
        if not appealable:
            periods.append(PartyPeriod(party.key, party.name, party.served_on, None, 0, ()))
            continue
        days, code = appeal_days(kind, party.abroad)
        result = compute_period(party.served_on, calendar, days=days)
        rule = get_rule(code)
        head = Step("appeal-party-served", result.expires_on, (
            ("party", party.name), ("served", party.served_on), ("n", days),
            ("source", rule.source), ("day", result.expires_on)))
        moved = tuple(s for s in result.steps if s.code in ("rest-day-moved",
                                                             "holiday-data-missing"))
        periods.append(PartyPeriod(party.key, party.name, party.served_on, result.expires_on,
                                   days, (head, *moved)))
        steps += [head, *moved]
    unserved = tuple(p.name for p in periods if p.served_on is None)
    last_day = effective_on = None
    if not unserved:
        if appealable:
            last_day = max(p.last_day for p in periods)
            if appealed:
                steps.append(Step("appeal-pending"))
            else:
                effective_on = last_day + datetime.timedelta(days=1)
                steps.append(Step("effective-after-period", effective_on, (
                    ("day", last_day), ("effective", effective_on))))
        else:
            effective_on = max(p.served_on for p in periods)
            steps.append(Step(FINAL_STEP[kind], effective_on, (("day", effective_on),)))
    return Effectiveness(kind, appealable, tuple(periods), unserved, last_day, effective_on,
                         appealed and appealable, tuple(steps))

"""The shapes of the hearings API (each name its own across the project)."""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, AwareDatetime

from tianping.hearings.choices import CausedBy, HearingKind, IntervalException, PlaceKind
from tianping.lib.text import ApiText


def _codes(choices) -> str:
    return ", ".join(v for v in choices.values if v)


def _plausible(value: datetime.datetime) -> datetime.datetime:
    if not 2000 <= value.year <= 2100:
        raise ValueError("A time between the years 2000 and 2100.")
    return value


HearingTime = Annotated[AwareDatetime, AfterValidator(_plausible)]


class HearingScheduleIn(Schema):
    kind: str = Field(HearingKind.HEARING, max_length=16,
                      description=f"One of: {_codes(HearingKind)}.")
    starts_at: HearingTime = Field(description="With its time zone.")
    ends_at: HearingTime
    place_kind: str = Field(max_length=12, description=f"One of: {_codes(PlaceKind)}.")
    courtroom: int | None = Field(None, ge=1, le=2**62, description="A courtroom's id.")
    link: ApiText(500) = Field("", description="For an online room: https://...")
    address: ApiText(200) = Field("", description="For a circuit trial.")
    township: ApiText(100) = Field("", description="For a circuit trial.")
    is_public: bool = True
    waiver: ApiText(300) = Field(
        "", description="Summary procedure or small claims: how the parties waived the "
                        "defence period (to hold the hearing before it ends).")
    serve_now: bool = Field(False, description="Serve the summonses at once on the parties "
                            "who consented to electronic service (inbox, SMS).")


class HearingPostponeIn(Schema):
    reason: ApiText(500)
    caused_by: str = Field(max_length=8, description=f"One of: {_codes(CausedBy)}.")
    starts_at: HearingTime
    ends_at: HearingTime
    exception: str = Field("", max_length=16, description=(
        f"Why the next session is more than a month later: {_codes(IntervalException)}."))
    courtroom: int | None = Field(None, ge=1, le=2**62,
                                  description="Another courtroom's id (else the same place).")
    serve_now: bool = Field(False, description="Serve the new summonses at once on the "
                            "parties who consented to electronic service.")


class HearingCancelIn(Schema):
    reason: ApiText(500)


class HearingHeldIn(Schema):
    attendees: int | None = Field(None, ge=0, le=100000,
                                  description="Required for a circuit trial.")


class HearingPersonOut(Schema):
    seat: str
    name: str


class HearingOut(Schema):
    code: str
    case: str = Field(description="The case's code.")
    case_number: str
    kind: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place_kind: str
    courtroom: int | None
    courtroom_name: str
    link: str
    address: str
    township: str
    attendees: int | None
    is_public: bool
    is_holiday: bool
    is_evening: bool
    waiver: str
    people: list[HearingPersonOut]
    postponed_from: str | None
    postponed_to: str | None
    postponement_reason: str
    caused_by: str
    cancel_reason: str
    has_record: bool


class HearingListOut(Schema):
    items: list[HearingOut]
    next: str | None = None


class HearingSlotOut(Schema):
    code: str | None = Field(description="Null when the reader does not see the case.")
    case_number: str | None
    kind: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    courtroom_name: str


class HearingDayOut(Schema):
    day: datetime.date
    hearings: list[HearingSlotOut]


class HearingWeekOut(Schema):
    monday: datetime.date
    days: list[HearingDayOut]


class HearingNoticePartyOut(Schema):
    role: str
    name: str


class HearingNoticeOut(Schema):
    court: str
    court_name: str
    case_number: str
    cause: str
    parties: list[HearingNoticePartyOut]
    kind: str
    starts_at: datetime.datetime
    place_kind: str
    place: str


class HearingNoticePageOut(Schema):
    items: list[HearingNoticeOut]
    next: str | None

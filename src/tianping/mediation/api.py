"""The roster in the REST API (/api/v1/mediation): partners (with their agreements),
stations and mediators, listed in keyset pages with the page's filters and read one by
one through the scopes of `permissions`; the court's administrator and president add and
change them and remove a mediator from the roster through the same actions as the pages.
A court's public roster is open to anyone, without telephone numbers. The mediations
themselves (api_mediations) are mounted here, under the same prefix."""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema

from tianping.courts.models import Court
from tianping.lib.api_errors import ErrorOut
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page
from tianping.lib.names import local_name
from tianping.lib.text import ApiList, ApiText
from tianping.mediation import actions, queries
from tianping.mediation.api_figures import router as figures_router
from tianping.mediation.api_mediations import router as mediations_router
from tianping.mediation.choices import (
    Language,
    MediatorKind,
    PartnerKind,
    Speciality,
    StationKind,
)
from tianping.mediation.models import MAX_LANGUAGES, MAX_SPECIALITIES
from tianping.mediation.permissions import (
    get_agreement_for_user,
    get_court_to_keep,
    get_mediator_for_user,
    get_partner_for_user,
    get_station_for_user,
    mediators_visible_to,
    partners_visible_to,
    public_roster,
    require_reader,
    stations_visible_to,
)

router = Router(tags=["mediation"])
ID = Path(..., ge=1, le=2**62)
NOT_FOUND = {404: ErrorOut}


def _codes(choices) -> str:
    return ", ".join(choices.values)


# Schemas


class MediationPartnerOut(Schema):
    id: int
    court: str
    name: str
    name_en: str
    kind: str = Field(description=f"One of: {_codes(PartnerKind)}.")
    kind_label: str
    contact_person: str
    phone: str
    address: str
    active: bool


class MediationAgreementOut(Schema):
    id: int
    partner: int
    title: str
    signed_on: datetime.date
    valid_from: datetime.date
    valid_until: datetime.date | None
    scope: str


class MediationPartnerDetailOut(MediationPartnerOut):
    agreements: list[MediationAgreementOut]


class MediationStationOut(Schema):
    id: int
    court: str
    partner: int | None
    name: str
    name_en: str
    kind: str = Field(description=f"One of: {_codes(StationKind)}.")
    kind_label: str
    township: str
    address: str
    active: bool


class MediationPublicMediatorOut(Schema):
    id: int
    name: str
    kind: str = Field(description=f"One of: {_codes(MediatorKind)}.")
    kind_label: str
    partner: int | None
    partner_name: str | None
    specialities: list[str] = Field(description=f"Codes of: {_codes(Speciality)}.")
    languages: list[str] = Field(description=f"Codes of: {_codes(Language)}.")
    township: str


class MediationMediatorOut(MediationPublicMediatorOut):
    court: str
    username: str | None
    phone: str
    capacity: int
    available: bool = Field(description="Available today (the flag, or back after its date).")
    unavailable_until: datetime.date | None
    availability_note: str
    listed_on: datetime.date
    delisted_on: datetime.date | None
    delisting_reason: str


class MediationPerformanceOut(Schema):
    taken: int
    succeeded: int
    average_days: float | None
    online_share: float | None
    confirmed: int
    broken: int
    rating: float | None


class MediationMediatorDetailOut(MediationMediatorOut):
    performance: MediationPerformanceOut = Field(
        description="Counted from mediation events; zeros and nulls while there are none.")


class MediationPartnerIn(Schema):
    court: ApiText(8) = Field(description="The court's code (e.g. 内2502).")
    name: ApiText(100)
    name_en: ApiText(200) = ""
    kind: str = Field(max_length=40, description=f"One of: {_codes(PartnerKind)}.")
    contact_person: ApiText(50) = ""
    phone: ApiText(40) = ""
    address: ApiText(200) = ""
    active: bool = True


class MediationPartnerPatch(Schema):
    name: ApiText(100) | None = None
    name_en: ApiText(200) | None = None
    kind: str | None = Field(None, max_length=40)
    contact_person: ApiText(50) | None = None
    phone: ApiText(40) | None = None
    address: ApiText(200) | None = None
    active: bool | None = None


class MediationAgreementIn(Schema):
    title: ApiText(200)
    signed_on: datetime.date
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    scope: ApiText(2000) = ""


class MediationAgreementPatch(Schema):
    title: ApiText(200) | None = None
    signed_on: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    scope: ApiText(2000) | None = None


class MediationStationIn(Schema):
    court: ApiText(8)
    name: ApiText(100)
    name_en: ApiText(200) = ""
    kind: str = Field(max_length=16, description=f"One of: {_codes(StationKind)}.")
    partner: int | None = Field(None, ge=1, le=2**62)
    township: ApiText(60) = ""
    address: ApiText(200) = ""
    active: bool = True


class MediationStationPatch(Schema):
    name: ApiText(100) | None = None
    name_en: ApiText(200) | None = None
    kind: str | None = Field(None, max_length=16)
    partner: int | None = Field(None, ge=1, le=2**62)
    township: ApiText(60) | None = None
    address: ApiText(200) | None = None
    active: bool | None = None


class MediationMediatorPatch(Schema):
    name: ApiText(50) | None = None
    kind: str | None = Field(None, max_length=24, description=f"One of: {_codes(MediatorKind)}.")
    partner: int | None = Field(None, ge=1, le=2**62)
    username: ApiText(150) | None = Field(None, description="An account; empty for none.")
    phone: ApiText(40) | None = None
    specialities: ApiList(ApiText(40), MAX_SPECIALITIES) | None = Field(
        None, description=f"Codes of: {_codes(Speciality)}.")
    languages: ApiList(ApiText(40), MAX_LANGUAGES) | None = Field(
        None, description=f"Codes of: {_codes(Language)}.")
    township: ApiText(60) | None = None
    capacity: int | None = Field(None, ge=0, le=actions.MAX_CAPACITY)
    available: bool | None = None
    unavailable_until: datetime.date | None = None
    availability_note: ApiText(200) | None = None


class MediationMediatorIn(MediationMediatorPatch):
    court: ApiText(8)
    name: ApiText(50)
    kind: str = Field(max_length=24, description=f"One of: {_codes(MediatorKind)}.")
    listed_on: datetime.date | None = Field(None, description="Today if not given.")


class MediationDelistIn(Schema):
    on: datetime.date | None = Field(None, description="Today if not given.")
    reason: ApiText(200) = ""


class MediationRosterFilter(Schema):
    speciality: str = Field("", max_length=40)
    language: str = Field("", max_length=40)
    kind: str = Field("", max_length=40)
    partner: int | None = Field(None, ge=1, le=2**62)
    township: str = Field("", max_length=60)
    available: bool | None = None
    q: str = Field("", max_length=50, description="A part of the name.")
    court: str = Field("", max_length=8)
    delisted: bool = Field(False, description="True: those removed from the roster.")


# Rows


def _partner(p) -> dict:
    return {"id": p.pk, "court": p.court.code, "name": p.name, "name_en": p.name_en,
            "kind": p.kind, "kind_label": p.get_kind_display(),
            "contact_person": p.contact_person, "phone": p.phone, "address": p.address,
            "active": p.active}


def _agreement(a) -> dict:
    return {"id": a.pk, "partner": a.partner_id, "title": a.title, "signed_on": a.signed_on,
            "valid_from": a.valid_from, "valid_until": a.valid_until, "scope": a.scope}


def _station(s) -> dict:
    return {"id": s.pk, "court": s.court.code, "partner": s.partner_id, "name": s.name,
            "name_en": s.name_en, "kind": s.kind, "kind_label": s.get_kind_display(),
            "township": s.township, "address": s.address, "active": s.active}


def _public(m) -> dict:
    return {"id": m.pk, "name": m.name, "kind": m.kind, "kind_label": m.get_kind_display(),
            "partner": m.partner_id,
            "partner_name": local_name(m.partner) if m.partner_id else None,
            "specialities": m.speciality_codes, "languages": m.language_codes,
            "township": m.township}


def _mediator(m) -> dict:
    return {**_public(m), "court": m.court.code,
            "username": m.user.username if m.user_id else None, "phone": m.phone,
            "capacity": m.capacity, "available": m.is_available(timezone.localdate()),
            "unavailable_until": m.unavailable_until, "availability_note": m.availability_note,
            "listed_on": m.listed_on, "delisted_on": m.delisted_on,
            "delisting_reason": m.delisting_reason}


def _mediator_detail(m) -> dict:
    figures = queries.performance([m.pk])[m.pk]
    return {**_mediator(m), "performance": figures.__dict__}


def _spec(filters: MediationRosterFilter) -> queries.RosterFilter:
    return queries.RosterFilter(**filters.dict())


def _partner_of(request, pk):
    return get_partner_for_user(request.user, pk) if pk else None


def _set(payload) -> dict:
    return payload.dict(exclude_unset=True)


# Mediators


@router.get("/mediators", response=PageOut[MediationMediatorOut], summary="The roster")
def mediators(request, filters: Query[MediationRosterFilter], paging: Query[PageIn]):
    require_reader(request.user)
    rows = queries.filter_mediators(mediators_visible_to(request.user), _spec(filters),
                                    timezone.localdate())
    page = rows_page(rows.select_related("court", "partner", "user"), queries.ROSTER_ORDER,
                     after=paging.after, size=paging.limit)
    return {"items": [_mediator(m) for m in page.items], "next": page.next}


@router.get("/mediators/{pk}", response={200: MediationMediatorDetailOut, **NOT_FOUND},
            summary="A mediator's entry and performance record")
def mediator(request, pk: int = ID):
    return _mediator_detail(get_mediator_for_user(request.user, pk))


def _mediator_fields(request, fields: dict) -> dict:
    if "partner" in fields:
        fields["partner"] = _partner_of(request, fields["partner"])
    return fields


@router.post("/mediators", response={201: MediationMediatorDetailOut, **NOT_FOUND},
             summary="Add a mediator to a court's roster")
def add_mediator(request, payload: MediationMediatorIn):
    fields = _set(payload)
    court = get_court_to_keep(request.user, fields.pop("court"))
    fields.setdefault("listed_on", timezone.localdate())
    if fields["listed_on"] is None:
        fields["listed_on"] = timezone.localdate()
    entry = actions.save_mediator(court, actor=request.user, **_mediator_fields(request, fields))
    return 201, _mediator_detail(entry)


@router.patch("/mediators/{pk}", response={200: MediationMediatorDetailOut, **NOT_FOUND},
              summary="Change a mediator's entry")
def change_mediator(request, payload: MediationMediatorPatch, pk: int = ID):
    entry = get_mediator_for_user(request.user, pk)
    court = get_court_to_keep(request.user, entry.court.code)
    fields = _mediator_fields(request, _set(payload))
    entry = actions.save_mediator(court, actor=request.user, mediator=entry, **fields)
    return _mediator_detail(entry)


@router.post("/mediators/{pk}/delist", response={200: MediationMediatorDetailOut, **NOT_FOUND},
             summary="Remove a mediator from the roster (the entry is kept)")
def delist(request, payload: MediationDelistIn, pk: int = ID):
    entry = get_mediator_for_user(request.user, pk)
    get_court_to_keep(request.user, entry.court.code)
    entry = actions.delist_mediator(entry, actor=request.user,
                                    on=payload.on or timezone.localdate(), reason=payload.reason)
    return _mediator_detail(get_mediator_for_user(request.user, entry.pk))


@router.get("/courts/{code}/roster", response={200: PageOut[MediationPublicMediatorOut],
                                                **NOT_FOUND},
            auth=None, summary="A court's public roster (no telephone numbers)")
def public(request, code: str, filters: Query[MediationRosterFilter], paging: Query[PageIn]):
    court = Court.objects.filter(code=code[:8], is_active=True).first()
    if court is None:
        raise Http404("No such court.")
    spec = queries.RosterFilter(**{**filters.dict(), "delisted": False, "available": None})
    rows = queries.filter_mediators(public_roster(court), spec, timezone.localdate())
    page = rows_page(rows.select_related("partner"), queries.ROSTER_ORDER,
                     after=paging.after, size=paging.limit)
    return {"items": [_public(m) for m in page.items], "next": page.next}


# Partners and their agreements


@router.get("/partners", response=PageOut[MediationPartnerOut], summary="Partner organisations")
def partners(request, paging: Query[PageIn], court: str = Query("", max_length=8)):
    require_reader(request.user)
    rows = partners_visible_to(request.user).select_related("court")
    if court:
        rows = rows.filter(court__code=court)
    page = rows_page(rows, ("name", "id"), after=paging.after, size=paging.limit)
    return {"items": [_partner(p) for p in page.items], "next": page.next}


def _partner_detail(p) -> dict:
    return {**_partner(p), "agreements": [_agreement(a) for a in p.agreements.all()]}


@router.get("/partners/{pk}", response={200: MediationPartnerDetailOut, **NOT_FOUND},
            summary="A partner organisation with its agreements")
def partner(request, pk: int = ID):
    return _partner_detail(get_partner_for_user(request.user, pk))


@router.post("/partners", response={201: MediationPartnerDetailOut, **NOT_FOUND},
             summary="Add a partner organisation")
def add_partner(request, payload: MediationPartnerIn):
    court = get_court_to_keep(request.user, payload.court)
    fields = payload.dict(exclude={"court"})
    return 201, _partner_detail(actions.save_partner(court, actor=request.user, **fields))


@router.patch("/partners/{pk}", response={200: MediationPartnerDetailOut, **NOT_FOUND},
              summary="Change a partner organisation (active: false to end the partnership)")
def change_partner(request, payload: MediationPartnerPatch, pk: int = ID):
    entry = get_partner_for_user(request.user, pk)
    court = get_court_to_keep(request.user, entry.court.code)
    fields = {k: v for k, v in _set(payload).items() if v is not None}
    return _partner_detail(actions.save_partner(court, actor=request.user, partner=entry,
                                                **fields))


@router.post("/partners/{pk}/agreements", response={201: MediationAgreementOut, **NOT_FOUND},
             summary="Add a partner's agreement with the court")
def add_agreement(request, payload: MediationAgreementIn, pk: int = ID):
    entry = get_partner_for_user(request.user, pk)
    get_court_to_keep(request.user, entry.court.code)
    return 201, _agreement(actions.save_agreement(entry, actor=request.user, **payload.dict()))


@router.patch("/agreements/{pk}", response={200: MediationAgreementOut, **NOT_FOUND},
              summary="Change an agreement")
def change_agreement(request, payload: MediationAgreementPatch, pk: int = ID):
    agreement = get_agreement_for_user(request.user, pk)
    get_court_to_keep(request.user, agreement.partner.court.code)
    fields = {k: v for k, v in _set(payload).items() if v is not None or k == "valid_until"}
    return _agreement(actions.save_agreement(agreement.partner, actor=request.user,
                                             agreement=agreement, **fields))


# Stations


@router.get("/stations", response=PageOut[MediationStationOut],
            summary="Stations, windows and mediation rooms")
def stations(request, paging: Query[PageIn]):
    require_reader(request.user)
    rows = stations_visible_to(request.user).select_related("court")
    page = rows_page(rows, ("name", "id"), after=paging.after, size=paging.limit)
    return {"items": [_station(s) for s in page.items], "next": page.next}


def _station_fields(request, fields: dict) -> dict:
    if "partner" in fields:
        fields["partner"] = _partner_of(request, fields["partner"])
    return fields


@router.post("/stations", response={201: MediationStationOut, **NOT_FOUND},
             summary="Add a station, window or mediation room")
def add_station(request, payload: MediationStationIn):
    court = get_court_to_keep(request.user, payload.court)
    fields = _station_fields(request, payload.dict(exclude={"court"}))
    return 201, _station(actions.save_station(court, actor=request.user, **fields))


@router.patch("/stations/{pk}", response={200: MediationStationOut, **NOT_FOUND},
              summary="Change a station (active: false when it is no longer used)")
def change_station(request, payload: MediationStationPatch, pk: int = ID):
    station = get_station_for_user(request.user, pk)
    court = get_court_to_keep(request.user, station.court.code)
    fields = _station_fields(request, _set(payload))
    return _station(actions.save_station(court, actor=request.user, station=station, **fields))


# Mediations (api_mediations), under the same prefix

router.add_router("", mediations_router)

# The figures of mediation (api_figures), for leaders and coordinators

router.add_router("", figures_router)

# The agreement and after (api_outcomes)

from tianping.mediation.api_outcomes import router as outcomes_router  # noqa: E402

router.add_router("", outcomes_router)

# Group disputes (api_groups): importing from a workbook, a group, its batch steps
from tianping.mediation.api_groups import router as groups_router  # noqa: E402

router.add_router("", groups_router)

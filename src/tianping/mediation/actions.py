"""Keeping a court's partners, agreements, stations and roster of mediators.

Each action checks `permissions.can_keep_roster` again (a page that forgot cannot open a
hole), checks every input against its bound and the vocabulary (one set of bounds for
forms, API and actions: `check_*` below), runs in one transaction and writes its audit
entry there with the fields before and after. Nothing is deleted: a partner or station is
made inactive, a mediator is taken off the roster (`delisted_on`), a coordinator's role
ends (`active`), and the rows stay for the record.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.audit.actions import field_values, model_changes, record
from tianping.courts.models import Court
from tianping.lib.text import clean_text, too_long
from tianping.mediation.choices import KINDS_WITH_PARTNER, Language, MediatorKind, Speciality
from tianping.mediation.models import (
    MAX_LANGUAGES,
    MAX_SPECIALITIES,
    Mediator,
    Partner,
    PartnerAgreement,
    PartnerCoordinator,
    Station,
    joined_codes,
)
from tianping.mediation.permissions import require_keeper

MAX_CAPACITY = 50  # open mediations at once: no mediator holds more


# Bounds and vocabulary (forms and API schemas check the same before calling)


def check_codes(codes, vocabulary, *, max_items: int, field: str, unknown: str) -> list[str]:
    """CODES as a list in the vocabulary's order, or a ValidationError on FIELD that names
    what is wrong (too many, an unknown code)."""
    if isinstance(codes, str):
        codes = [codes]
    codes = list(codes or [])
    if len(codes) > max_items:
        message = _("At most %(max)d items (this has %(count)d).") % {
            "max": max_items, "count": len(codes)}
        raise ValidationError({field: message})
    bad = [str(c)[:40] for c in codes if c not in vocabulary.values]
    if bad:
        raise ValidationError({field: unknown % {"code": "、".join(bad)}})
    return [value for value in vocabulary.values if value in codes]


def check_specialities(codes) -> list[str]:
    return check_codes(codes, Speciality, max_items=MAX_SPECIALITIES, field="specialities",
                       unknown=_("Unknown speciality: %(code)s."))


def check_languages(codes) -> list[str]:
    return check_codes(codes, Language, max_items=MAX_LANGUAGES, field="languages",
                       unknown=_("Unknown language: %(code)s."))


def _text(fields: dict, model) -> dict:
    """Text FIELDS cleaned and stripped, each within its column's length."""
    errors, cleaned = {}, {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = clean_text(value).strip()
            limit = model._meta.get_field(name).max_length
            if limit and (message := too_long(value, limit)):
                errors[name] = message
        cleaned[name] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _save(obj, before: dict, action: str, *, actor, ip_address) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise ValidationError(getattr(exc, "error_dict", None) or exc.messages) from exc
    obj.save()
    name = f"{action}.changed" if before else f"{action}.created"
    record(name, obj, actor=actor, changes=model_changes(before, obj), ip_address=ip_address)


def _apply(obj, fields: dict) -> None:
    for name, value in fields.items():
        setattr(obj, name, value)


def _same_court(partner: Partner | None, court: Court) -> None:
    if partner is not None and partner.court_id != court.pk:
        raise ValidationError({"partner": _("This partner works with another court.")})


# Partners

PARTNER_FIELDS = ("name", "name_en", "kind", "contact_person", "phone", "address", "active")


def save_partner(court: Court, *, actor, partner: Partner | None = None, ip_address=None,
                 **fields) -> Partner:
    """A new partner of COURT, or PARTNER changed (made inactive with active=False)."""
    require_keeper(actor, court)
    fields = _text({k: v for k, v in fields.items() if k in PARTNER_FIELDS}, Partner)
    with transaction.atomic():
        if partner is not None:
            partner = Partner.objects.select_for_update().get(pk=partner.pk, court=court)
        before = field_values(partner) if partner is not None else {}
        partner = partner or Partner(court=court)
        _apply(partner, fields)
        if Partner.objects.filter(court=court, name=partner.name).exclude(pk=partner.pk).exists():
            raise ValidationError({"name": _("The court already has a partner of this name.")})
        _save(partner, before, "mediation_partner", actor=actor, ip_address=ip_address)
    return partner


AGREEMENT_FIELDS = ("title", "signed_on", "valid_from", "valid_until", "scope")


def save_agreement(partner: Partner, *, actor, agreement: PartnerAgreement | None = None,
                   ip_address=None, **fields) -> PartnerAgreement:
    require_keeper(actor, partner.court)
    fields = _text({k: v for k, v in fields.items() if k in AGREEMENT_FIELDS}, PartnerAgreement)
    with transaction.atomic():
        if agreement is not None and agreement.partner_id != partner.pk:
            raise ValidationError(_("This agreement belongs to another partner."))
        before = field_values(agreement) if agreement is not None else {}
        agreement = agreement or PartnerAgreement(partner=partner)
        _apply(agreement, fields)
        start, end = agreement.valid_from, agreement.valid_until
        if start and end and end < start:
            raise ValidationError(
                {"valid_until": _("The agreement cannot end before it starts.")})
        if start and agreement.signed_on and end and agreement.signed_on > end:
            raise ValidationError({"signed_on": _("The agreement is signed after it ends.")})
        _save(agreement, before, "mediation_agreement", actor=actor, ip_address=ip_address)
    return agreement


def add_coordinator(partner: Partner, *, actor, username: str, ip_address=None
                    ) -> PartnerCoordinator:
    """The account USERNAME coordinates PARTNER (again, if it once did)."""
    require_keeper(actor, partner.court)
    username = clean_text(username or "").strip()[:150]
    account = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
    if account is None:
        raise ValidationError({"username": _("No active account has this username.")})
    with transaction.atomic():
        entry, created = PartnerCoordinator.objects.get_or_create(partner=partner, user=account)
        if not created and entry.active:
            raise ValidationError({"username": _("This person already coordinates the partner.")})
        before = {} if created else field_values(entry)
        entry.active = True
        entry.save()
        action = "mediation_coordinator.created" if created else "mediation_coordinator.changed"
        record(action, entry, actor=actor, changes=model_changes(before, entry),
               ip_address=ip_address)
    return entry


def end_coordinator(entry: PartnerCoordinator, *, actor, ip_address=None) -> PartnerCoordinator:
    require_keeper(actor, entry.partner.court)
    with transaction.atomic():
        before = field_values(entry)
        entry.active = False
        entry.save(update_fields=["active"])
        record("mediation_coordinator.ended", entry, actor=actor,
               changes=model_changes(before, entry), ip_address=ip_address)
    return entry


# Stations

STATION_FIELDS = ("name", "name_en", "kind", "partner", "township", "address", "active")


def save_station(court: Court, *, actor, station: Station | None = None, ip_address=None,
                 **fields) -> Station:
    require_keeper(actor, court)
    fields = _text({k: v for k, v in fields.items() if k in STATION_FIELDS}, Station)
    _same_court(fields.get("partner"), court)
    with transaction.atomic():
        if station is not None and station.court_id != court.pk:
            raise ValidationError(_("This station belongs to another court."))
        before = field_values(station) if station is not None else {}
        station = station or Station(court=court)
        _apply(station, fields)
        if Station.objects.filter(court=court, name=station.name).exclude(pk=station.pk).exists():
            raise ValidationError({"name": _("The court already has a station of this name.")})
        _save(station, before, "mediation_station", actor=actor, ip_address=ip_address)
    return station


# Mediators

MEDIATOR_FIELDS = (
    "name", "kind", "partner", "phone", "specialities", "languages", "township", "capacity",
    "available", "unavailable_until", "availability_note", "listed_on", "username",
)


def _account(username: str | None):
    if username is None:
        return None, False
    username = clean_text(username).strip()[:150]
    if not username:
        return None, True
    account = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
    if account is None:
        raise ValidationError({"username": _("No active account has this username.")})
    return account, True


def save_mediator(court: Court, *, actor, mediator: Mediator | None = None, ip_address=None,
                  today: datetime.date | None = None, **fields) -> Mediator:
    """A new entry of COURT's roster, or MEDIATOR's entry changed. SPECIALITIES and
    LANGUAGES are lists of codes of the vocabulary; USERNAME links the entry to an
    account (empty: none)."""
    require_keeper(actor, court)
    fields = {k: v for k, v in fields.items() if k in MEDIATOR_FIELDS}
    account, account_given = _account(fields.pop("username", None))
    if "specialities" in fields:
        fields["specialities"] = joined_codes(check_specialities(fields["specialities"]))
    if "languages" in fields:
        fields["languages"] = joined_codes(check_languages(fields["languages"]))
    capacity = fields.get("capacity")
    if capacity is not None and not 0 <= capacity <= MAX_CAPACITY:
        raise ValidationError({"capacity": _("Between 0 and %(max)d open mediations.")
                               % {"max": MAX_CAPACITY}})
    fields = _text(fields, Mediator)
    _same_court(fields.get("partner"), court)
    with transaction.atomic():
        if mediator is not None:
            mediator = Mediator.objects.select_for_update().get(pk=mediator.pk, court=court)
        before = field_values(mediator) if mediator is not None else {}
        mediator = mediator or Mediator(court=court, listed_on=today or datetime.date.today())
        _apply(mediator, fields)
        if account_given:
            mediator.user = account
        if mediator.kind in KINDS_WITH_PARTNER and mediator.partner_id is None:
            raise ValidationError(
                {"partner": _("A mediator of an invited organisation needs the organisation.")})
        if mediator.kind == MediatorKind.JUDGE_ASSISTANT and mediator.user_id is None:
            raise ValidationError(
                {"username": _("A judge assistant mediating needs their staff account.")})
        if mediator.user_id and Mediator.objects.filter(court=court, user_id=mediator.user_id
                                                        ).exclude(pk=mediator.pk).exists():
            raise ValidationError({"username": _("This account is already on the roster.")})
        if mediator.available:
            mediator.unavailable_until = None
        _save(mediator, before, "mediation_mediator", actor=actor, ip_address=ip_address)
    return mediator


def delist_mediator(mediator: Mediator, *, actor, on: datetime.date, reason: str = "",
                    ip_address=None) -> Mediator:
    """MEDIATOR leaves the roster on ON; the entry and its record stay."""
    require_keeper(actor, mediator.court)
    reason = clean_text(reason or "").strip()
    if message := too_long(reason, 200):
        raise ValidationError({"reason": message})
    with transaction.atomic():
        mediator = Mediator.objects.select_for_update().get(pk=mediator.pk)
        if mediator.delisted_on is not None:
            raise ValidationError(_("This mediator is already off the roster."))
        if on < mediator.listed_on:
            raise ValidationError({"on": _("The removal cannot come before the listing.")})
        before = field_values(mediator)
        mediator.delisted_on, mediator.delisting_reason = on, reason
        mediator.save(update_fields=["delisted_on", "delisting_reason"])
        record("mediation_mediator.delisted", mediator, actor=actor,
               changes=model_changes(before, mediator), ip_address=ip_address)
    return mediator


def relist_mediator(mediator: Mediator, *, actor, on: datetime.date, ip_address=None
                    ) -> Mediator:
    """MEDIATOR comes back onto the roster from ON (the earlier removal stays in the audit
    record)."""
    require_keeper(actor, mediator.court)
    with transaction.atomic():
        mediator = Mediator.objects.select_for_update().get(pk=mediator.pk)
        if mediator.delisted_on is None:
            raise ValidationError(_("This mediator is on the roster."))
        before = field_values(mediator)
        mediator.delisted_on, mediator.delisting_reason, mediator.listed_on = None, "", on
        mediator.save(update_fields=["delisted_on", "delisting_reason", "listed_on"])
        record("mediation_mediator.relisted", mediator, actor=actor,
               changes=model_changes(before, mediator), ip_address=ip_address)
    return mediator

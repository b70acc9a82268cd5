"""Use cases of a mediation's outcome (M3): the agreement drafted from a template, signed by
each party (online by the party, or on paper recorded by the mediator with the signed
scan), the joint application for judicial confirmation, whether the agreement was
performed, and a party's rating of the mediator.

Each checks the permission (`mediation.permissions`), locks the mediation row and appends
its timeline event, in one transaction. What concerns the court's side too (the mediation
settled with the last signature, an application handed in for review, the confirmation
ruling) is a flow (`flows.mediation_outcomes`), which calls these.

Agreements are made in pre-filing mediations (the dispute's papers are a filing and the
parties its parties). A case referred to mediation after filing ends by the judge's
mediation document in the case itself (`flows.mediation`)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.courts.holidays import court_calendar
from tianping.law.periods import compute_period
from tianping.lib.money import check_amount
from tianping.lib.text import bounded_text
from tianping.lib.uploads import check_upload
from tianping.mediation.actions_mediations import locked
from tianping.mediation.agreement_templates import TEMPLATES
from tianping.mediation.choices import MediationStatus
from tianping.mediation.events import mediation_event
from tianping.mediation.models import (
    AgreementSignature,
    Mediation,
    MediationAgreement,
    MediationRating,
)
from tianping.mediation.models_outcomes import AgreementRoute, Performance, SignatureMethod
from tianping.mediation.permissions import (
    can_conduct,
    parties_answered_by,
    require_conductor,
)

AGREEMENT_LENGTH = 20000
COMMENT_LENGTH = 500
CONFIRMATION_DAYS = 30  # 民事诉讼法 art. 205: within 30 days of the agreement taking effect


def agreement_of(mediation: Mediation) -> MediationAgreement | None:
    return MediationAgreement.objects.filter(mediation=mediation).first()


def _require_agreement(mediation: Mediation) -> MediationAgreement:
    agreement = agreement_of(mediation)
    if agreement is None:
        raise ValidationError(_("No agreement has been drafted yet."))
    return agreement


def _locked_agreement(mediation: Mediation) -> MediationAgreement:
    return MediationAgreement.objects.select_for_update().get(mediation=mediation)


def _parties(mediation: Mediation) -> list:
    return list(mediation.filing.parties.all()) if mediation.filing_id else []


def signed_parties(agreement: MediationAgreement) -> set[int]:
    return set(agreement.signatures.filter(version=agreement.version)
               .values_list("party_id", flat=True))


# Drafting


def draft(mediation: Mediation, *, actor, template: str, text: str, amount=None,
          pay_by: datetime.date | None = None) -> MediationAgreement:
    """The mediator drafts the agreement (or redrafts it before every party has signed: a
    new version, which each party signs again)."""
    require_conductor(actor, mediation)
    if mediation.filing_id is None:
        raise ValidationError(_("A case referred after filing ends by the judge's mediation "
                                "document in the case."))
    if template not in TEMPLATES:
        raise ValidationError({"template": _("Choose a template.")})
    text = bounded_text(text, AGREEMENT_LENGTH, "text")
    if not text:
        raise ValidationError({"text": _("Write the terms of the agreement.")})
    if amount is not None:
        try:
            amount = check_amount(amount)
        except ValidationError as error:
            raise ValidationError({"amount": error.messages}) from None
    if pay_by is not None and pay_by < mediation.applied_on:
        raise ValidationError({"pay_by": _("The date to pay by cannot be before the "
                                           "application.")})
    with transaction.atomic():
        mediation = locked(mediation)
        if mediation.status != MediationStatus.IN_PROGRESS:
            raise ValidationError(_("An agreement is drafted while the mediation is under way."))
        agreement = MediationAgreement.objects.select_for_update().filter(
            mediation=mediation).first()
        now = timezone.now()
        if agreement is None:
            agreement = MediationAgreement.objects.create(
                mediation=mediation, template=template, text=text, amount=amount,
                pay_by=pay_by, drafted_by=actor, drafted_at=now)
        else:
            if agreement.is_signed:
                raise ValidationError(_("The agreement is in effect: it can no longer be "
                                        "changed."))
            agreement.version += 1
            agreement.template, agreement.text = template, text
            agreement.amount, agreement.pay_by = amount, pay_by
            agreement.drafted_by, agreement.drafted_at = actor, now
            agreement.save()
        mediation_event(mediation, "agreement_drafted", actor=actor, version=agreement.version)
    return agreement


# Signing


def _sign(mediation, agreement, party, *, actor, method, joins, today) -> bool:
    """Record PARTY's signature of the agreement's current version; True when it was the
    last one missing (the agreement takes effect today)."""
    AgreementSignature.objects.create(
        agreement=agreement, version=agreement.version, party=party, method=method,
        signed_at=timezone.now(), recorded_by=actor, joins_confirmation=joins)
    mediation_event(mediation, "agreement_signed", actor=actor, party=party.name,
                    method=method)
    if signed_parties(agreement) >= {p.pk for p in _parties(mediation)}:
        agreement.signed_on = today
        agreement.save(update_fields=["signed_on"])
        mediation_event(mediation, "agreement_in_effect", actor=actor, signed_on=today)
        return True
    return False


def _check_signable(mediation: Mediation, agreement: MediationAgreement, parties) -> None:
    if mediation.status != MediationStatus.IN_PROGRESS:
        raise ValidationError(_("The agreement is signed while the mediation is under way."))
    if agreement.is_signed:
        raise ValidationError(_("Every party has signed already: the agreement is in effect."))
    done = signed_parties(agreement)
    for party in parties:
        if party.filing_id != mediation.filing_id:
            raise ValidationError({"party": _("That is not a party of this dispute.")})
        if party.pk in done:
            raise ValidationError(_("%(party)s has signed this agreement already.")
                                  % {"party": party.name})


def sign_online(mediation: Mediation, party, *, actor, joins_confirmation: bool = False,
                today: datetime.date, version: int | None = None) -> tuple:
    """PARTY signs the agreement online: the signed-in party (or their representative)
    confirms the text they were shown (VERSION: a redraft in between is refused). Returns
    (agreement, in_effect)."""
    if party.pk not in {p.pk for p in parties_answered_by(actor, mediation)}:
        raise PermissionDenied(_("Only the party themself (or their representative) can sign "
                                 "for a party."))
    _require_agreement(mediation)
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _locked_agreement(mediation)
        if version is not None and version != agreement.version:
            raise ValidationError(_("The agreement has changed since you read it: read it "
                                    "again before signing."))
        _check_signable(mediation, agreement, [party])
        done = _sign(mediation, agreement, party, actor=actor, method=SignatureMethod.ONLINE,
                     joins=bool(joins_confirmation), today=today)
    return agreement, done


def sign_on_paper(mediation: Mediation, *, actor, scan, parties, joins_confirmation=(),
                  today: datetime.date) -> tuple:
    """The mediator records the parties who signed the printed agreement, with the scan of
    the signed paper (checked by its content). JOINS_CONFIRMATION: the parties who also
    signed the joint application for judicial confirmation. Returns (agreement, in_effect)."""
    require_conductor(actor, mediation)
    parties = list(parties)
    if not parties:
        raise ValidationError({"parties": _("Tick the parties who signed.")})
    if scan is None:
        raise ValidationError({"scan": _("Upload the scan of the signed agreement.")})
    try:
        check_upload(scan)
    except ValidationError as error:
        raise ValidationError({"scan": error.messages}) from None
    joining = {int(getattr(p, "pk", p)) for p in joins_confirmation or ()}
    _require_agreement(mediation)
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _locked_agreement(mediation)
        _check_signable(mediation, agreement, parties)
        agreement.paper_scan.save(scan.name, scan, save=False)
        agreement.save(update_fields=["paper_scan"])
        done = False
        for party in parties:
            done = _sign(mediation, agreement, party, actor=actor,
                         method=SignatureMethod.PAPER, joins=party.pk in joining, today=today)
    return agreement, done


def join_confirmation(mediation: Mediation, party, *, actor) -> MediationAgreement:
    """PARTY joins the joint application for judicial confirmation after signing."""
    if party.pk not in {p.pk for p in parties_answered_by(actor, mediation)}:
        raise PermissionDenied(_("Only the party themself (or their representative) can apply "
                                 "for a party."))
    agreement = _require_agreement(mediation)
    with transaction.atomic():
        agreement = MediationAgreement.objects.select_for_update().get(pk=agreement.pk)
        signature = agreement.signatures.filter(version=agreement.version, party=party).first()
        if signature is None:
            raise ValidationError(_("Sign the agreement first."))
        if not signature.joins_confirmation:
            AgreementSignature.objects.filter(pk=signature.pk).update(joins_confirmation=True)
    return agreement


def confirmation_due(agreement: MediationAgreement, court) -> datetime.date:
    """The last day to apply for judicial confirmation: 30 days from the agreement taking
    effect, by the statutory counting (the day it took effect not counted, a last day on a
    holiday moved to the next working day)."""
    return compute_period(agreement.signed_on, court_calendar(court=court),
                          days=CONFIRMATION_DAYS).expires_on


def missing_applicants(agreement: MediationAgreement, parties) -> list:
    joined = set(agreement.signatures.filter(version=agreement.version, joins_confirmation=True)
                 .values_list("party_id", flat=True))
    return [p for p in parties if p.pk not in joined]


def choose_route(mediation: Mediation, *, actor, route: str, today: datetime.date,
                 request=None) -> MediationAgreement:
    """Record how the agreement in effect is carried out: judicial confirmation or a
    mediation document (with the application filed: REQUEST), or performed voluntarily.
    Once chosen it stays (applying twice gives one application). Called by the flow."""
    if route not in AgreementRoute.values:
        raise ValidationError({"route": _("Choose how the agreement is carried out.")})
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _locked_agreement(mediation)
        if not agreement.is_signed:
            raise ValidationError(_("The agreement takes effect when every party has signed."))
        if agreement.route:
            raise ValidationError(_("This agreement is already on its way: %(route)s.")
                                  % {"route": agreement.get_route_display()})
        agreement.route, agreement.route_chosen_on, agreement.request = route, today, request
        agreement.save(update_fields=["route", "route_chosen_on", "request"])
        if request is not None:
            kind = ("confirmation_applied" if route == AgreementRoute.CONFIRMATION
                    else "document_applied")
            mediation_event(mediation, kind, actor=actor, filing=request.code)
    return agreement


def note_ruling(mediation: Mediation, *, actor, kind: str, number: str) -> None:
    """The court's decision on the application (confirmation granted or refused, the
    mediation document issued): on the mediation's timeline. Called by the flow."""
    with transaction.atomic():
        mediation = locked(mediation)
        mediation_event(mediation, kind, actor=actor, number=number)


# After: performance and ratings


def can_note_performance(user, mediation: Mediation) -> bool:
    return can_conduct(user, mediation) or bool(
        [p for p in parties_answered_by(user, mediation)])


def note_performance(mediation: Mediation, *, actor, performed: bool, note: str = "",
                     today: datetime.date) -> MediationAgreement:
    """Whether the agreement was performed: recorded by the mediator (who follows up) or a
    party (a party reports it was not). A performance once noted can be corrected to "not
    performed" (the debtor stopped paying), never the other way without a new note."""
    if not can_note_performance(actor, mediation):
        raise PermissionDenied(_("Only the mediator or a party can say whether the agreement "
                                 "was performed."))
    note = bounded_text(note, COMMENT_LENGTH, "note")
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _locked_agreement(mediation)
        if not agreement.is_signed:
            raise ValidationError(_("The agreement is not in effect yet."))
        value = Performance.PERFORMED if performed else Performance.BROKEN
        if agreement.performance == value:
            raise ValidationError(_("This has been recorded already."))
        agreement.performance, agreement.performance_noted_on = value, today
        agreement.performance_note = note
        agreement.save(update_fields=["performance", "performance_noted_on",
                                      "performance_note"])
        mediation_event(mediation, "performed" if performed else "broken", actor=actor,
                        note=note)
    return agreement


def rate(mediation: Mediation, party, *, actor, stars, comment: str = "") -> MediationRating:
    """A party rates the mediator once the mediation has ended (1 to 5 stars)."""
    if party.pk not in {p.pk for p in parties_answered_by(actor, mediation)}:
        raise PermissionDenied(_("Only a party can rate the mediation."))
    try:
        stars = int(stars)
    except (TypeError, ValueError):
        stars = 0
    if not 1 <= stars <= 5:
        raise ValidationError({"stars": _("Give 1 to 5 stars.")})
    comment = bounded_text(comment, COMMENT_LENGTH, "comment")
    with transaction.atomic():
        mediation = locked(mediation)
        if mediation.is_open or mediation.mediator_id is None:
            raise ValidationError(_("A mediation is rated once it has ended."))
        if MediationRating.objects.filter(mediation=mediation, party=party).exists():
            raise ValidationError(_("%(party)s has rated this mediation already.")
                                  % {"party": party.name})
        row = MediationRating.objects.create(mediation=mediation, party=party, stars=stars,
                                             comment=comment, rated_by=actor)
        mediation_event(mediation, "rated", actor=actor, party=party.name, stars=stars)
    return row

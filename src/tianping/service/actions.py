"""The service's actions: each one transaction with the case row locked, its events on the
case timeline (`cases.events.case_event`, which writes the audit entry) and a check of who
may do it (`service.permissions`), whoever called.

Idempotency (HMCTS lesson, domain reference §1.2): an attempt is keyed by its service (the
document and the party), its channel and the idempotency key of the request. A retry finds
the attempt already made (under the case's lock, and behind `service_attempt_once`) and
sends nothing, writes nothing and counts nothing a second time.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseDocument, CaseParty
from tianping.lib.uploads import check_upload
from tianping.notifications.actions import notify
from tianping.notifications.models import Notification
from tianping.service import rules
from tianping.service.backends import backend_for
from tianping.service.choices import ELECTRONIC, AttemptStatus, Channel, Recorded
from tianping.service.models import AddressConfirmation, Service, ServiceAttempt
from tianping.service.permissions import parties_of, require_server

SERVABLE = (*ELECTRONIC, Channel.POSTAL)  # sent when serving; the others are recorded


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _today(today):
    return today or timezone.localdate()


def latest_address(party: CaseParty) -> AddressConfirmation | None:
    return party.address_confirmations.order_by("-version").first()


def _not_after_today(day: datetime.date, today: datetime.date, what: str) -> None:
    if day > today:
        raise ValidationError(_("%(what)s cannot be after today.") % {"what": what})


@transaction.atomic
def confirm_address(case: Case, party: CaseParty, *, actor, acted_for=None, recorded_how: str,
                    postal_address="", postal_code="", recipient="", phone="", email="",
                    abroad=False, consent=False, channels=(), consented_on=None, form=None,
                    today=None) -> AddressConfirmation:
    """Record a party's address confirmation (送达地址确认书) as its next version: by the
    case's staff from the signed form (uploaded), or by the party's own account online."""
    today = _today(today)
    case = _lock(case)
    if party.case_id != case.pk:
        raise ValidationError(_("That party is not a party of this case."))
    account = None
    if recorded_how == Recorded.ONLINE:
        if not parties_of(actor).filter(pk=party.pk).exists():
            raise ValidationError(_("Only the party's own account can confirm online."))
        account = party.user or actor
    elif recorded_how == Recorded.FORM:
        require_server(acted_for or actor, case)
        if form is None:
            raise ValidationError(_("Upload the signed address confirmation form."))
        account = party.user
    else:
        raise ValidationError(_("Say how the confirmation was recorded."))
    channels = sorted(set(channels or []))
    if set(channels) - set(ELECTRONIC):
        raise ValidationError(_("Only the platform inbox, SMS and e-mail are electronic."))
    if consent and not channels:
        raise ValidationError(_("Choose the electronic channels the party consents to."))
    if channels and not consent:
        raise ValidationError(_("Channels were chosen without consent to electronic service."))
    needs = {Channel.SMS: (phone, _("A mobile telephone is needed for SMS.")),
             Channel.EMAIL: (email, _("An e-mail address is needed for e-mail.")),
             Channel.PLATFORM: (account, _("The party has no platform account."))}
    for channel in channels:
        if not needs[channel][0]:
            raise ValidationError(needs[channel][1])
    if email:
        validate_email(email)
    if not (postal_address or channels):
        raise ValidationError(_("Give a postal address or consent to electronic service."))
    if consented_on:
        _not_after_today(consented_on, today, _("The day of consent"))
    last = latest_address(party)
    row = AddressConfirmation(
        case=case, party=party, version=(last.version + 1) if last else 1,
        postal_address=postal_address, postal_code=postal_code, recipient=recipient,
        phone=phone, email=email, account=account, abroad=abroad, consent=consent,
        channels=channels, consented_on=(consented_on or today) if consent else None,
        recorded_how=recorded_how, recorded_by=actor)
    if form is not None:
        row.form_sha256 = check_upload(form).sha256
        row.form_file.save(form.name, form, save=False)
    row.save()
    case_event(case, "address_confirmed", actor=actor, acted_for=acted_for, is_public=False,
               party=party.name, version=row.version)
    return row


def _check_channel(case, party, channel, address):
    if channel in ELECTRONIC:
        if address is None or not address.allows(channel):
            raise ValidationError(
                _("%(party)s has not consented to service by %(channel)s: record their "
                  "address confirmation with that consent first (民事诉讼法 art. 90).")
                % {"party": party.name, "channel": Channel(channel).label})


def _target(channel, party, address) -> str:
    if channel == Channel.PLATFORM:
        account = address.account or party.user
        return account.username if account else ""
    if channel == Channel.SMS:
        return address.phone
    if channel == Channel.EMAIL:
        return address.email
    if channel == Channel.POSTAL:
        return (address.postal_address if address and address.postal_address
                else party.address)
    return ""


def _service(case, party, document, document_name, title, actor) -> Service:
    if document is not None:
        found = Service.objects.filter(party=party, document=document).first()
        title = title or document.title
    else:
        found = Service.objects.filter(party=party, document_name=document_name).first()
    if found is not None:
        return found
    return Service.objects.create(case=case, party=party, document=document,
                                  document_name="" if document else document_name,
                                  title=title, created_by=actor)


def _message(service) -> tuple[str, str]:
    with translation.override("zh-hans"):
        subject = _("%(court)s: a document served on you") % {"court": service.case.court.name}
        text = _("Case %(number)s: %(title)s is served on you. Sign in to the court platform "
                 "to read it.") % {"number": service.case.number, "title": service.title}
    return subject, text


def _send(attempt: ServiceAttempt, service: Service, address) -> None:
    """Deliver an electronic attempt; effective when it reaches the recipient's system."""
    if attempt.channel == Channel.PLATFORM:
        account = address.account or service.party.user
        key = f"service:{attempt.pk}"
        notify([account], key=key, kind="service.served", code=service.code,
               number=service.case.number, title=service.title)
        reached = Notification.objects.get(user=account, key=key).created_at
        _effective(attempt, reached)
        return
    subject, text = _message(service)
    delivery = backend_for(attempt.channel).send(attempt=attempt, to=attempt.address,
                                                 subject=subject, text=text)
    attempt.backend_ref = delivery.ref[:100]
    if delivery.delivered:
        _effective(attempt, delivery.at or timezone.now())
    else:
        attempt.save(update_fields=["backend_ref"])


def _effective(attempt, at: datetime.datetime | None = None, on: datetime.date | None = None):
    attempt.status = AttemptStatus.EFFECTIVE
    attempt.effective_at = at
    attempt.effective_on = on or timezone.localtime(at).date()
    attempt.save()


def _attempt(service, channel, key, *, actor, acted_for, **fields):
    """(attempt, made): the attempt of this request, made now or found from before."""
    found = service.attempts.filter(channel=channel, idempotency_key=key).first()
    if found is not None:
        return found, False
    attempt = ServiceAttempt.objects.create(service=service, channel=channel,
                                            idempotency_key=key, created_by=actor, **fields)
    case_event(service.case, "service_sent", actor=actor, acted_for=acted_for, is_public=False,
               title=service.title, party=service.party.name, service_channel=channel)
    return attempt, True


def _settle(service: Service, *, actor, acted_for) -> Service:
    """The service's effective date: its earliest effective attempt (first effective channel
    counts); an event when it is set or moves earlier."""
    first = rules.earliest(service.attempts.all())
    if first is None or first.pk == service.effective_attempt_id:
        return service
    service.effective_on, service.effective_attempt = first.effective_on, first
    service.save(update_fields=["effective_on", "effective_attempt"])
    case_event(service.case, "service_effective", actor=actor, acted_for=acted_for,
               title=service.title, party=service.party.name,
               served_on=first.effective_on.isoformat(), service_channel=first.channel)
    return service


@transaction.atomic
def serve(case: Case, *, party: CaseParty, channels, key: str, actor, acted_for=None,
          document: CaseDocument | None = None, document_name: str = "", title: str = "",
          tracking_number: str = "", posted_on=None, today=None) -> Service:
    """Serve a document on a party by one or more of the platform inbox, SMS, e-mail and
    court post at once. Electronic channels need the party's consent for that channel."""
    today = _today(today)
    case = _lock(case)
    require_server(acted_for or actor, case)
    if party.case_id != case.pk or (document is not None and document.case_id != case.pk):
        raise ValidationError(_("That party or document is not of this case."))
    if document is None and not (document_name and title):
        raise ValidationError(_("Choose the document to serve."))
    channels = list(dict.fromkeys(channels or []))
    if not channels:
        raise ValidationError(_("Choose at least one way to serve."))
    if set(channels) - set(SERVABLE):
        raise ValidationError(_("Direct service, leaving at the address and public notice are "
                                "recorded on the service once done."))
    if not key or len(key) > 100:
        raise ValidationError(_("The request has no idempotency key."))
    address = latest_address(party)
    for channel in channels:
        _check_channel(case, party, channel, address)
    if Channel.POSTAL in channels:
        if not tracking_number or posted_on is None:
            raise ValidationError(_("Court post needs the tracking number and the day posted."))
        _not_after_today(posted_on, today, _("The day posted"))
        if not _target(Channel.POSTAL, party, address):
            raise ValidationError(_("There is no postal address for %(party)s.")
                                  % {"party": party.name})
    service = _service(case, party, document, document_name, title, actor)
    for channel in channels:
        extra = ({"tracking_number": tracking_number, "posted_on": posted_on}
                 if channel == Channel.POSTAL else {})
        attempt, made = _attempt(service, channel, key, actor=actor, acted_for=acted_for,
                                 address=_target(channel, party, address)[:300], **extra)
        if made and channel in ELECTRONIC:
            _send(attempt, service, address)
    return _settle(service, actor=actor, acted_for=acted_for)


@transaction.atomic
def record_postal_receipt(attempt: ServiceAttempt, *, receipt_on, actor, acted_for=None,
                          today=None) -> Service:
    """The date on the returned receipt of court post: the day it was served (民事诉讼法
    art. 91)."""
    service = attempt.service
    case = _lock(service.case)
    require_server(acted_for or actor, case)
    attempt = ServiceAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.channel != Channel.POSTAL:
        raise ValidationError(_("Only court post has a returned receipt."))
    if attempt.receipt_on == receipt_on:
        return service
    if attempt.receipt_on is not None:
        raise ValidationError(_("The receipt's date is already recorded."))
    _not_after_today(receipt_on, _today(today), _("The date on the receipt"))
    if attempt.posted_on and receipt_on < attempt.posted_on:
        raise ValidationError(_("The receipt cannot be dated before the day posted."))
    attempt.receipt_on = receipt_on
    _effective(attempt, None, receipt_on)
    service.case = case
    return _settle(service, actor=actor, acted_for=acted_for)


def _recorded(service, channel, key, *, actor, acted_for, on, **fields) -> Service:
    attempt, made = _attempt(service, channel, key, actor=actor, acted_for=acted_for, **fields)
    if made:
        _effective(attempt, None, on)
    return _settle(service, actor=actor, acted_for=acted_for)


@transaction.atomic
def record_direct(service: Service, *, signed_on, recipient: str, key: str, actor,
                  acted_for=None, today=None) -> Service:
    """Direct service (直接送达): effective on the day the recipient signed the receipt."""
    service.case = _lock(service.case)
    require_server(acted_for or actor, service.case)
    _not_after_today(signed_on, _today(today), _("The day signed"))
    if not recipient.strip():
        raise ValidationError(_("Say who signed the receipt."))
    return _recorded(service, Channel.DIRECT, key, actor=actor, acted_for=acted_for,
                     on=signed_on, recipient=recipient.strip(), address=service.party.address)


@transaction.atomic
def record_retained(service: Service, *, left_on, witness: str, reason: str, photo, key: str,
                    actor, acted_for=None, today=None) -> Service:
    """Left at the address (留置送达, 民事诉讼法 art. 89): the photo, the witness and the
    reason; effective on the day the documents were left."""
    service.case = _lock(service.case)
    require_server(acted_for or actor, service.case)
    _not_after_today(left_on, _today(today), _("The day left"))
    if not (witness.strip() and reason.strip()):
        raise ValidationError(_("Give the witness and the reason."))
    if photo is None:
        raise ValidationError(_("Upload the photo taken at the address."))
    found = service.attempts.filter(channel=Channel.RETAINED, idempotency_key=key).first()
    if found is not None:
        return _settle(service, actor=actor, acted_for=acted_for)
    check_upload(photo)
    service = _recorded(service, Channel.RETAINED, key, actor=actor, acted_for=acted_for,
                        on=left_on, witness=witness.strip(), reason=reason.strip(),
                        address=service.party.address)
    attempt = service.attempts.get(channel=Channel.RETAINED, idempotency_key=key)
    attempt.photo.save(photo.name, photo)
    return service


@transaction.atomic
def record_public_notice(service: Service, *, published_on, where: str, key: str, actor,
                         acted_for=None, abroad: bool | None = None, today=None) -> Service:
    """Public notice (公告送达): served 30 days after publication, 60 for a party abroad;
    refused under summary procedure and small claims (民诉解释 art. 140)."""
    service.case = _lock(service.case)
    require_server(acted_for or actor, service.case)
    if not rules.public_notice_allowed(service.case.procedure):
        raise ValidationError(
            _("Service by public notice is not allowed under summary procedure or small "
              "claims (民诉解释 art. 140): convert the case to ordinary procedure first."))
    _not_after_today(published_on, _today(today), _("The day published"))
    if not where.strip():
        raise ValidationError(_("Say where the notice was published."))
    if abroad is None:
        address = latest_address(service.party)
        abroad = bool(address and address.abroad)
    on = rules.public_notice_effective_on(published_on, abroad=abroad)
    return _recorded(service, Channel.PUBLIC_NOTICE, key, actor=actor, acted_for=acted_for,
                     on=on, published_on=published_on, published_where=where.strip(),
                     abroad=abroad)


@transaction.atomic
def record_delivery(attempt: ServiceAttempt, *, at: datetime.datetime, actor=None) -> Service:
    """A backend's later report that an SMS or e-mail reached the recipient's system."""
    service = attempt.service
    service.case = _lock(service.case)
    attempt = ServiceAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != AttemptStatus.EFFECTIVE:
        _effective(attempt, at)
    return _settle(service, actor=actor, acted_for=None)


@transaction.atomic
def record_reading(service: Service, *, actor, acted_for=None) -> Service:
    """The party (or their representative) opened the served document: the first reading is
    kept on the service and on the timeline; every reading is in the audit record."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    if service.first_read_at is None:
        service.first_read_at, service.first_read_by = timezone.now(), actor
        service.save(update_fields=["first_read_at", "first_read_by"])
        case_event(service.case, "service_read", actor=actor, acted_for=acted_for,
                   is_public=False, title=service.title, party=service.party.name)
    return service

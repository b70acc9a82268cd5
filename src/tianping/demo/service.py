"""Demo service at 锡林浩特市人民法院 (内2502), so the service pages and the parties' case
pages show what a working court's do: in 王军's (wangjun) pending cases with a hearing,
each party with an account confirms their address online with consent to the platform
inbox, and the court clerk serves the notice of acceptance on the plaintiffs through the
inbox and the notice to respond on the defendants by court post (the judge serves where
no clerk is seated on the case); the first case's post
has come back with its receipt. Made by the platform's own actions (`service.actions`);
called by `tianping demo` after the hearings, never by the test fixtures; idempotent (an
audit entry says it was done)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases.choices import PENDING_STATES
from tianping.cases.models import Case
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.service import actions as service
from tianping.service.choices import Channel
from tianping.service.forms import NAMED_DOCUMENTS
from tianping.service.permissions import can_serve

LOADED = "demo.service_loaded"


def _serve(case, party, clerk, name, channels, **post):
    return service.serve(case, party=party, channels=channels, actor=clerk,
                         key=f"demo-{case.code}-{party.pk}-{name}", document_name=name,
                         title=str(NAMED_DOCUMENTS[name]), **post)


def _serve_case(case, clerk, today, first: bool) -> int:
    served = 0
    for party in case.parties.all():
        if party.user is not None:
            service.confirm_address(case, party, actor=party.user, recorded_how="online",
                                    postal_address=party.address, phone=party.phone,
                                    consent=True, channels=[Channel.PLATFORM])
        if party.role in CLAIMANT_ROLES and party.user is not None:
            _serve(case, party, clerk, "acceptance-notice", [Channel.PLATFORM])
            served += 1
        elif party.role in OPPONENT_ROLES and (party.address or party.user):
            posted = today - datetime.timedelta(days=3)
            channels = [Channel.POSTAL] + ([Channel.PLATFORM] if party.user else [])
            row = _serve(case, party, clerk, "response-notice", channels,
                         tracking_number=f"1{case.pk:07d}{party.pk:04d}", posted_on=posted)
            if first:
                attempt = row.attempts.get(channel=Channel.POSTAL)
                service.record_postal_receipt(attempt, receipt_on=today - datetime.timedelta(
                    days=1), actor=clerk)
            served += 1
    return served


def load_demo_service(today: datetime.date | None = None) -> int:
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    users = get_user_model().objects
    judge, clerk = users.filter(username="wangjun").first(), users.filter(
        username="sunli").first()
    if judge is None or clerk is None:
        return 0
    cases = Case.objects.filter(court__code="内2502", judge=judge, state__in=PENDING_STATES,
                                hearings__isnull=False).distinct().order_by("filed_on")[:4]
    served = 0
    with transaction.atomic():
        for i, case in enumerate(cases):
            server = clerk if can_serve(clerk, case) else judge
            try:
                with transaction.atomic():
                    served += _serve_case(case, server, today, first=i == 0)
            except ValidationError:  # a demo case the clerk cannot serve yet is skipped
                continue
        record(LOADED, None, actor=None, changes={"services": served})
    return served

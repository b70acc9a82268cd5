"""What a pre-filing mediation's agreement becomes (M3), across the mediation, the filing
and the case, each step one transaction that pages and API both call.

- `draft`: the mediator drafts the agreement from a template.
- `sign` / `sign_on_paper`: a party signs online, or the mediator records paper signatures.
  The last signature puts the agreement in effect and settles the mediation (the dispute's
  filing is closed as settled).
- `apply_for_confirmation`: the parties' joint application for judicial confirmation
  (民事诉讼法 art. 205: jointly, within 30 days of the agreement taking effect) becomes a
  filing under review (3 days to decide on acceptance, 司法确认规定 art. 4) with the
  parties and the agreement; filed, it is a 民特 case ruled within 15 days (+10).
- `apply_for_document`: a party applies for a mediation document (调解书), a 诉前调书 case.
- `perform_voluntarily`: the parties carry it out themselves; nothing goes to the court.
- `decide_confirmation`: the case's judge rules (valid and enforceable, or the application
  dismissed, 民事诉讼法 art. 206); the ruling is laid out, kept with the case, shown to the
  parties, and the case closes by that ruling on that day.
- `issue_document`: the judge issues the mediation document and closes the case.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases import actions as case_actions
from tianping.cases.choices import CaseState, ClosureMode
from tianping.cases.permissions import can_act_as_judge
from tianping.filings.actions import mediation as filing_side
from tianping.filings.choices import FilingKind
from tianping.lib import pdf
from tianping.lib.text import clean_text, too_long
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.actions_mediations import locked
from tianping.mediation.choices import MediationStatus
from tianping.mediation.events import mediation_event
from tianping.mediation.models import MediationAgreement
from tianping.mediation.models_outcomes import AgreementRoute
from tianping.mediation.permissions import can_conduct, parties_answered_by

REASONS_LENGTH = 4000


def draft(mediation, *, actor, template, text, amount=None, pay_by=None, today=None):
    return outcomes.draft(mediation, actor=actor, template=template, text=text, amount=amount,
                          pay_by=pay_by)


def _settle(mediation, *, actor, today) -> None:
    """The last signature: the mediation ends settled, and so does the dispute's filing."""
    mediation = locked(mediation)
    if mediation.status != MediationStatus.IN_PROGRESS:
        return
    mediation.settle()
    mediation.ended_on = today
    mediation.save()
    mediation_event(mediation, "settled", actor=actor)
    filing_side.settle_in_mediation(mediation.filing, actor=actor, mediation=mediation)


def sign(mediation, party, *, actor, joins_confirmation=False, today=None, version=None):
    today = today or timezone.localdate()
    with transaction.atomic():
        agreement, done = outcomes.sign_online(mediation, party, actor=actor, today=today,
                                               joins_confirmation=joins_confirmation,
                                               version=version)
        if done:
            _settle(mediation, actor=actor, today=today)
    return agreement


def sign_on_paper(mediation, *, actor, scan, parties, joins_confirmation=(), today=None):
    today = today or timezone.localdate()
    with transaction.atomic():
        agreement, done = outcomes.sign_on_paper(mediation, actor=actor, scan=scan,
                                                 parties=parties, today=today,
                                                 joins_confirmation=joins_confirmation)
        if done:
            _settle(mediation, actor=actor, today=today)
    return agreement


def _require_party_or_mediator(user, mediation) -> None:
    if not (can_conduct(user, mediation) or list(parties_answered_by(user, mediation))):
        raise PermissionDenied(_("Only a party or the mediator can do that."))


def _in_effect(mediation) -> MediationAgreement:
    agreement = outcomes.agreement_of(mediation)
    if agreement is None or not agreement.is_signed:
        raise ValidationError(_("The agreement takes effect when every party has signed."))
    if agreement.route:
        raise ValidationError(_("This agreement is already on its way: %(route)s.")
                              % {"route": agreement.get_route_display()})
    return agreement


def apply_for_confirmation(mediation, *, actor, today=None):
    """The joint application for judicial confirmation, handed in for review. Every party
    must have joined it (when signing, or afterwards) and the 30 days must not have passed.
    Two applications at once give one filing (the mediation row is locked)."""
    today = today or timezone.localdate()
    _require_party_or_mediator(actor, mediation)
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _in_effect(mediation)
        parties = list(mediation.filing.parties.all())
        missing = outcomes.missing_applicants(agreement, parties)
        if missing:
            raise ValidationError(
                _("Judicial confirmation is applied for jointly by every party; not yet "
                  "applied: %(names)s.") % {"names": _("、").join(p.name for p in missing)})
        due = outcomes.confirmation_due(agreement, mediation.court)
        if today > due:
            raise ValidationError(
                _("The 30 days to apply for judicial confirmation ended on %(day)s; the "
                  "parties may apply for a mediation document or go to court.")
                % {"day": due.isoformat()})
        names = _("、").join(p.name for p in parties)
        claims = _("Confirm that the mediation agreement signed by %(names)s on %(day)s is "
                   "valid.") % {"names": names, "day": agreement.signed_on.isoformat()}
        filing = filing_side.hand_in_application(
            mediation.filing, kind=FilingKind.JUDICIAL_CONFIRMATION, actor=actor,
            claims=claims, facts=agreement.text, amount=agreement.amount, today=today)
        outcomes.choose_route(mediation, actor=actor, route=AgreementRoute.CONFIRMATION,
                              today=today, request=filing)
    return filing


def apply_for_document(mediation, *, actor, today=None):
    """A party applies for a mediation document (调解书) on the agreement in effect."""
    today = today or timezone.localdate()
    _require_party_or_mediator(actor, mediation)
    with transaction.atomic():
        mediation = locked(mediation)
        agreement = _in_effect(mediation)
        claims = _("Issue a mediation document on the agreement signed on %(day)s.") % {
            "day": agreement.signed_on.isoformat()}
        filing = filing_side.hand_in_application(
            mediation.filing, kind=FilingKind.MEDIATION_DOCUMENT, actor=actor,
            claims=claims, facts=agreement.text, amount=agreement.amount, today=today)
        outcomes.choose_route(mediation, actor=actor, route=AgreementRoute.DOCUMENT,
                              today=today, request=filing)
    return filing


def perform_voluntarily(mediation, *, actor, today=None):
    today = today or timezone.localdate()
    _require_party_or_mediator(actor, mediation)
    with transaction.atomic():
        _in_effect(mediation)
        return outcomes.choose_route(mediation, actor=actor, route=AgreementRoute.VOLUNTARY,
                                     today=today)


# The court's decision


def agreement_for_case(case) -> MediationAgreement | None:
    """The agreement a confirmation or mediation-document case was filed on."""
    if not case.filing_id:
        return None
    return (MediationAgreement.objects.select_related("mediation__mediator", "mediation__court",
                                                      "mediation__filing")
            .filter(request_id=case.filing_id).first())


def _document(case, agreement, template: str, name: str, *, actor, today, **extra):
    context = {
        "case": case, "agreement": agreement, "mediation": agreement.mediation,
        "mediator": agreement.mediation.mediator.name if agreement.mediation.mediator_id
        else "", "parties": list(case.parties.all()), "judge": actor.get_full_name()
        if hasattr(actor, "get_full_name") else "", "day": today,
        "cause": case.cause.name if case.cause_id else _("dispute"), **extra,
    }
    data = pdf.render_pdf(template, context)
    return SimpleUploadedFile(f"{name}.pdf", data, content_type="application/pdf")


def _ready_for_ruling(case, *, actor) -> None:
    if case.state == CaseState.ASSIGNED:
        case_actions.start_trial(case, actor=actor)
        case.refresh_from_db()


def _require_judge(case, actor) -> None:
    if not can_act_as_judge(actor, case):
        raise PermissionDenied(_("Only the case's judge can rule on it."))


def decide_confirmation(case, *, actor, granted: bool, reasons: str = "", today=None):
    """The judge rules on the application: the agreement valid (enforceable: a party who
    does not perform may apply for enforcement) or the application dismissed with reasons.
    The ruling closes the case that day; the mediation's timeline records it."""
    today = today or timezone.localdate()
    _require_judge(case, actor)
    agreement = agreement_for_case(case)
    if agreement is None or case.filing.kind != FilingKind.JUDICIAL_CONFIRMATION:
        raise ValidationError(_("This case is not an application for judicial confirmation."))
    reasons = clean_text(reasons or "").strip()
    if not granted and not reasons:
        raise ValidationError({"reasons": _("Give the reasons for dismissing the "
                                            "application.")})
    if message := too_long(reasons, REASONS_LENGTH):
        raise ValidationError({"reasons": message})
    with transaction.atomic():
        _ready_for_ruling(case, actor=actor)
        ruling = _document(case, agreement, "mediation/documents/confirmation_ruling.html",
                           _("Civil ruling"), actor=actor, today=today, granted=granted,
                           reasons=reasons)
        case = case_actions.close_case(case, actor=actor, mode=ClosureMode.RULING,
                                       closed_on=today, documents=[ruling],
                                       note=_("Agreement confirmed") if granted
                                       else _("Application dismissed"))
        outcomes.note_ruling(agreement.mediation, actor=actor, number=case.number,
                             kind="confirmation_granted" if granted
                             else "confirmation_refused")
    return case


def issue_document(case, *, actor, today=None):
    """The judge issues the mediation document on the agreement and closes the case."""
    today = today or timezone.localdate()
    _require_judge(case, actor)
    agreement = agreement_for_case(case)
    if agreement is None or case.filing.kind != FilingKind.MEDIATION_DOCUMENT:
        raise ValidationError(_("This case is not an application for a mediation document."))
    with transaction.atomic():
        _ready_for_ruling(case, actor=actor)
        document = _document(case, agreement, "mediation/documents/mediation_document.html",
                             _("Civil mediation document"), actor=actor, today=today)
        case = case_actions.close_case(case, actor=actor, mode=ClosureMode.MEDIATION,
                                       closed_on=today, documents=[document])
        outcomes.note_ruling(agreement.mediation, actor=actor, number=case.number,
                             kind="document_issued")
    return case

"""Enforcement across the filing, the case, the dispute and the enforcement record (E1):

- `apply_online`: a party of an effective decision of the platform applies for enforcement
  from their case: a filing of kind ENFORCEMENT (the applicant and the other side as
  respondents, the amount and the request) handed in for the filing review at once, with
  its title taken from the decided case. The 2-year period (CPL art. 250) is only warned
  of: the court decides.
- `on_accepted`: called by `flows.filing.accept_filing` for an enforcement filing: the 执
  case gets its title and joins the origin case's dispute (stage ENFORCEMENT).
- `restore`: a 终本 case with new property is restored (执恢): a new case in the same
  dispute, with the same title, waiting for its officer.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.appeals import actions as appeal_actions
from tianping.appeals.choices import Stage
from tianping.appeals.models import DisputeCase
from tianping.appeals.queries import effect_of
from tianping.cases import actions as case_actions
from tianping.cases.choices import PENDING_STATES, CaseState, ClosureMode, Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseParty
from tianping.catalog.numbering import issue_case_number
from tianping.deadlines.actions import refresh_time_limit
from tianping.enforcement import actions
from tianping.enforcement.choices import ClosingMode, TitleKind
from tianping.enforcement.models import EnforcementRecord
from tianping.enforcement.permissions import require_restore
from tianping.enforcement.rules import application_deadline
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel, FilingKind, FilingStatus
from tianping.flows.cases import close_case
from tianping.parties.choices import PartyRole
from tianping.parties.copying import party_fields

SIDES = {"plaintiff": "defendant", "defendant": "plaintiff", "applicant": "respondent",
         "respondent": "applicant", "appellant": "appellee", "appellee": "appellant"}
TITLE_BY_MODE = {ClosureMode.JUDGMENT: TitleKind.JUDGMENT,
                 ClosureMode.MEDIATION: TitleKind.MEDIATION_DOCUMENT,
                 ClosureMode.RULING: TitleKind.RULING}
OPEN_FILING = (FilingStatus.SUBMITTED, FilingStatus.CORRECTION_REQUESTED,
               FilingStatus.AT_ASSISTING_COURT)


def enforceable(case, today=None):
    """(effective_on, deadline) when CASE's decision is effective and enforceable; else
    None."""
    if case.closure_mode not in TITLE_BY_MODE:
        return None
    effect = effect_of(case, today)
    if effect is None or not effect.is_effective:
        return None
    return effect.effective_on, application_deadline(effect.effective_on)


def pending_application(case, user):
    """The enforcement application (record) USER already has open on CASE's decision."""
    mine = EnforcementRecord.objects.filter(origin_case=case, created_by=user)
    return (mine.filter(Q(case__isnull=True, filing__status__in=OPEN_FILING)
                        | Q(case__state__in=PENDING_STATES)).first())


def can_apply(user, case, today=None) -> bool:
    if not getattr(user, "is_public_user", False):
        return False
    mine = CaseParty.objects.filter(case=case, user=user).exists()
    return mine and enforceable(case, today) is not None and pending_application(
        case, user) is None


def apply_online(case, *, actor, amount, request: str, today=None):
    """ACTOR, a party of CASE (effective), applies for enforcement. Returns the filing."""
    today = today or timezone.localdate()
    if not can_apply(actor, case, today):
        raise ValidationError(_("You cannot apply for enforcement of this case now: only a "
                                "party of an effective decision applies, once."))
    effective_on, _deadline = enforceable(case, today)
    own = list(CaseParty.objects.filter(case=case, user=actor))
    roles = {p.role for p in own}
    others = [p for p in case.parties.all()
              if p.role in {SIDES.get(r) for r in roles} and p.user_id != actor.pk]
    if not others:
        raise ValidationError(_("The decision names nobody on the other side to enforce "
                                "against."))
    rows = ([{**party_fields(p), "role": PartyRole.APPLICANT, "user": actor} for p in own]
            + [{**party_fields(p), "role": PartyRole.RESPONDENT, "user": p.user}
               for p in others])
    values = actions.title_values(
        title_kind=TITLE_BY_MODE[case.closure_mode], title_number=case.number,
        issuing_body=case.court.name, title_effective_on=effective_on,
        amount_applied=amount, request=request, origin_case=case,
        applicant_name="、".join(p.name for p in own),
        respondent_name="、".join(p.name for p in others))
    if not values["request"]:
        raise ValidationError({"request": _("Say what you ask the court to enforce.")})
    if values["amount_applied"] is None:
        raise ValidationError({"amount_applied": _("Give the amount applied for.")})
    with transaction.atomic():
        filing = filing_actions.start_filing(actor=actor, court=case.court,
                                             channel=Channel.ONLINE, filer=actor,
                                             kind=FilingKind.ENFORCEMENT)
        filing_actions.save_draft(
            filing, actor=actor, claims=values["request"], amount=values["amount_applied"],
            facts=_("Enforcement of %(number)s, effective on %(day)s.") % {
                "number": case.number, "day": effective_on.isoformat()},
            cause=case.cause)
        filing_actions.set_parties(filing, rows, actor=actor)
        filing = filing_actions.submit_filing(filing, actor=actor, today=today)
        actions.new_application(filing, actor=actor, values=values)
    return filing


def on_accepted(case, *, actor, acted_for=None):
    """The accepted enforcement filing's 执 case: its title, and its place in the dispute."""
    row = actions.attach_to_case(case, actor=actor, acted_for=acted_for)
    if row is not None and row.origin_case_id and not DisputeCase.objects.filter(
            case=case).exists():
        appeal_actions.link(row.origin_case, case, stage=Stage.ENFORCEMENT)
    return row


def close(case, *, actor, mode: str, closed_on, note: str = "", documents=(),
          acted_for=None, today=None):
    """Close the enforcement case by MODE (终本 only with its checklist complete): the
    case closes with the nearest general mode (`enforcement.actions.CASE_MODE`, the
    ruling uploaded for the modes closed by ruling), its time limit stops, and the
    enforcement mode is kept on the record. Returns the record."""
    row = actions.check_closing(case, actor=actor, acted_for=acted_for, mode=mode,
                                closed_on=closed_on, today=today)
    label = str(ClosingMode(mode).label)
    with transaction.atomic():
        if case.state == CaseState.ASSIGNED:
            case = case_actions.start_trial(case, actor=actor, acted_for=acted_for)
        case = close_case(case, actor=actor, acted_for=acted_for,
                          mode=actions.case_mode(mode), closed_on=closed_on,
                          note=note or label, documents=list(documents))
        row = actions.note_closed(row, case, actor=actor, acted_for=acted_for, mode=mode,
                                  closed_on=closed_on)
    return row


def restore(row: EnforcementRecord, *, actor, today=None) -> Case:
    """Restore a 终本 case (执恢) when new property appears: a new case numbered 执恢, in
    the same dispute, with the same title and parties, for the bureau to assign."""
    today = today or timezone.localdate()
    require_restore(actor, row)
    with transaction.atomic():
        row = EnforcementRecord.objects.select_for_update().get(pk=row.pk)
        require_restore(actor, row)
        old = row.case
        issued = issue_case_number(court_code=old.court.code, type_code="执恢", year=today.year)
        new = Case.objects.create(
            number=issued.number, court=old.court, division=old.division,
            type_code="执恢", procedure=Procedure.ENFORCEMENT, cause=old.cause,
            claims=old.claims, amount=old.amount, filed_on=today,
            is_livelihood=old.is_livelihood, is_enterprise=old.is_enterprise,
            is_migrant_wages=old.is_migrant_wages, origin_reference=old.number)
        for party in old.parties.all():
            CaseParty.objects.create(case=new, user=party.user, **party_fields(party))
        case_event(new, "filed", actor=actor, number=new.number)
        refresh_time_limit(new, actor=actor, why="filed")
        appeal_actions.link(old, new, stage=Stage.ENFORCEMENT)
        actions.open_restored(row, new, actor=actor)
    return new

"""Use cases of a case: opening it from a filing, triage, assignment, closing."""

import random
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from tianping.audit.actions import record
from tianping.cases import triage
from tianping.cases.assignment import draw_judge, eligible_judges, team_for_route
from tianping.cases.choices import DOCUMENT_REQUIRED, CaseState, ClosureMode, Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseDocument, CaseParty, CaseRepresentative, TriageRule
from tianping.cases.permissions import require_assigner, require_case_judge
from tianping.catalog.numbering import issue_case_number
from tianping.courts.choices import DivisionKind
from tianping.courts.permissions import can_try_cases
from tianping.filings.choices import FROM_MEDIATION_KINDS, type_code_of
from tianping.lib.uploads import check_upload, check_uploads
from tianping.parties.copying import party_fields, representative_fields

_RNG = random.Random(secrets.randbits(64))
DIVISION_BY_TYPE = {
    "民": DivisionKind.CIVIL,
    "行": DivisionKind.ADMINISTRATIVE,
    "刑": DivisionKind.CRIMINAL,
    "执": DivisionKind.ENFORCEMENT,
}


def apply_transition(case: Case, transition: str) -> None:
    """Run a workflow transition, telling the user plainly when it is not possible now."""
    try:
        getattr(case, transition)()
    except TransitionNotAllowed:
        raise ValidationError(
            _("This cannot be done while the case is “%(state)s”.")
            % {"state": case.get_state_display()}
        ) from None


def lock_case(case: Case) -> Case:
    """Re-read the case under a row lock, refusing if someone changed its state meanwhile."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.state != case.state:
        raise ValidationError(_("Someone else has just acted on this case; reload it."))
    return locked


def open_case_from_filing(filing, *, actor, acted_for=None, today) -> Case:
    """Create the case of an accepted filing: number, parties and triage. Assignment and
    the time limit follow in `flows.filing.accept_filing`."""
    type_code = type_code_of(filing.kind)
    issued = issue_case_number(court_code=filing.court.code, type_code=type_code, year=today.year)
    case = Case.objects.create(
        number=issued.number,
        court=filing.court,
        filing=filing,
        type_code=type_code,
        procedure=_default_procedure(type_code),
        cause=filing.cause,
        claims=filing.claims,
        amount=filing.amount,
        is_livelihood=filing.is_livelihood,
        is_enterprise=filing.is_enterprise,
        is_migrant_wages=filing.is_migrant_wages,
        filed_on=today,
    )
    _copy_parties(filing, case)
    case_event(
        case,
        "filed",
        actor=actor,
        acted_for=acted_for,
        number=case.number,
        channel=filing.channel,
        received_at=filing.submitted_at,
    )
    triage_case(case, actor=actor, acted_for=acted_for)
    return case


def _default_procedure(type_code: str) -> str:
    if type_code.startswith("执"):
        return Procedure.ENFORCEMENT
    if type_code.startswith("民特") or "调确" in type_code:  # incl. judicial confirmation
        return Procedure.SPECIAL
    if type_code.startswith("民督"):  # 民事诉讼法 ch. 17: no trial, the order or its end
        return Procedure.PAYMENT_ORDER
    return Procedure.ORDINARY


def _copy_parties(filing, case: Case) -> None:
    for party in filing.parties.all():
        copy = CaseParty.objects.create(
            case=case,
            user=party.user or (filing.filer if party.role in _filer_roles(filing) else None),
            **party_fields(party),
        )
        for rep in party.representatives.all():
            CaseRepresentative.objects.create(
                case=case, party=copy, **representative_fields(rep, CaseRepresentative)
            )


def _filer_roles(filing) -> set:
    """A litigant filing for themself is the first claimant; a lawyer is linked as agent."""
    return (
        set()
        if filing.filer is None or filing.filer.kind == "lawyer"
        # applications from a mediation: every party applies, each linked at hand-in
        or filing.kind in FROM_MEDIATION_KINDS
        else {"plaintiff", "applicant"}
    )


def rules_for(court) -> list[triage.Rule]:
    rows = TriageRule.objects.filter(is_active=True).filter(
        court__in=[court]
    ) | TriageRule.objects.filter(is_active=True, court__isnull=True)
    ordered = sorted(rows, key=lambda r: (r.court_id is None, r.priority, r.pk))
    return [
        triage.Rule(
            name=r.name,
            track=r.track,
            procedure=r.procedure,
            reason=r.reason,
            reason_en=r.reason_en,
            type_codes=tuple(r.type_codes),
            cause_codes=tuple(r.cause_codes),
            max_amount=r.max_amount,
            min_amount=r.min_amount,
            max_parties=r.max_parties,
            green_only=r.green_only,
            team_kind=r.team_kind,
            division_kind=r.division_kind,
        )
        for r in ordered
    ]


def triage_case(case: Case, *, actor, acted_for=None) -> triage.Decision:
    """Mark the case simple or complex by the rules, and record why."""
    facts = triage.CaseFacts(
        type_code=case.type_code,
        cause_path=_cause_path(case),
        amount=case.amount,
        party_count=case.parties.count(),
        is_green=case.is_green,
    )
    decision = triage.decide(
        rules_for(case.court), facts, default_procedure=_default_procedure(case.type_code)
    )
    case.team, case.track, routed = team_for_route(
        case.court, track=decision.track, team_kind=decision.team_kind
    )
    case.procedure = decision.procedure
    case.triage_reasons = [*decision.reasons, *([routed] if routed else [])]
    case.division = (
        case.team.division if case.team and case.team.division else _division_for(case, decision)
    )
    case.save(update_fields=["track", "procedure", "triage_reasons", "team", "division"])
    case_event(
        case,
        "triaged",
        actor=actor,
        acted_for=acted_for,
        track=case.track,
        procedure=case.procedure,
        reasons=list(case.triage_reasons),
        passed_over=list(decision.checked),
        team=case.team.name if case.team else None,
        is_public=False,
    )
    return decision


def _cause_path(case: Case) -> tuple[str, ...]:
    """The cause's code and its parents' codes (at most four levels: one query a level)."""
    if case.cause is None:
        return ()
    path = [case.cause.code]
    parent = case.cause.parent_code
    entries = case.cause.version.entries
    while parent and parent not in path:
        path.append(parent)
        parent = entries.filter(code=parent).values_list("parent_code", flat=True).first() or ""
    return tuple(path)


def _division_for(case: Case, decision: triage.Decision):
    kind = decision.division_kind or DIVISION_BY_TYPE.get(case.type_code[:1], "")
    return case.court.divisions.filter(kind=kind).order_by("pk").first() if kind else None


def assign_at_random(case: Case, *, actor, acted_for=None, rng=None, exclude=()):
    """Random judge of the case's team (or division), weighted by load (随机分案); never one
    of EXCLUDE (a remanded case goes to another judge: 民事诉讼法 art. 41 ¶2)."""
    candidates = eligible_judges(case.court, team=case.team, division=case.division)
    if exclude:
        candidates = candidates.exclude(pk__in=list(exclude))
    judge = draw_judge(candidates, rng or _RNG)
    if judge is None:
        case_event(
            case,
            "assignment_pending",
            actor=actor,
            acted_for=acted_for,
            is_public=False,
            reason_code="no_judge",
        )
        return None
    _set_judge(case, judge, actor=actor, acted_for=acted_for, how="random", load=judge.load)
    return judge


def assign_by_hand(case: Case, *, actor, judge, reason: str, acted_for=None) -> Case:
    """A leader designates the judge (指定分案), with a reason."""
    require_assigner(case, acted_for or actor)
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for assigning by hand."))
    if not can_try_cases(judge, case.court):
        raise ValidationError(_("%(name)s is not a judge of this court.") % {"name": judge})
    with transaction.atomic():
        case = lock_case(case)
        _set_judge(
            case, judge, actor=actor, acted_for=acted_for, how="designated", reason=reason.strip()
        )
    return case


def _set_judge(case: Case, judge, *, actor, acted_for, how, **details) -> None:
    previous = case.judge
    apply_transition(case, "assign")
    case.judge = judge
    case.save(update_fields=["judge", "state"])
    case_event(
        case,
        "assigned",
        actor=actor,
        acted_for=acted_for,
        judge=judge.full_name,
        how=how,
        previous=previous.full_name if previous else None,
        **details,
    )
    record(
        "case.judge_changed",
        case,
        actor=actor,
        acted_for=acted_for,
        changes={"judge": {"from": previous.pk if previous else None, "to": judge.pk}},
    )


def start_trial(case: Case, *, actor, acted_for=None) -> Case:
    require_case_judge(case, acted_for or actor)
    with transaction.atomic():
        case = lock_case(case)
        apply_transition(case, "start_trial")
        case.save(update_fields=["state"])
        case_event(case, "trial_started", actor=actor, acted_for=acted_for)
    return case


def close_case(
    case: Case,
    *,
    actor,
    mode: str,
    closed_on,
    note: str = "",
    documents=(),
    acted_for=None,
    served_document=None,
) -> Case:
    """Close the case (结案) with its closure mode and date, storing the DOCUMENTS that close
    it (judgment, mediation paper ...: uploads, each checked by its content) with it: all
    of it, or nothing. The case leaves the pending lists.

    Only the case's judge closes it (or their backup acting for them), only from trial (an
    assigned case starts its trial first, a suspended one resumes), and the modes of
    `DOCUMENT_REQUIRED` only with their document; "other" only with a note."""
    require_case_judge(case, acted_for or actor)
    if mode not in ClosureMode.values:
        raise ValidationError(_("Choose how the case was closed."))
    documents = list(documents)
    if served_document is not None and served_document.case_id != case.pk:
        raise ValidationError(_("That document is not a document of this case."))
    if mode in DOCUMENT_REQUIRED and not documents and served_document is None:
        raise ValidationError(missing_document(mode))
    if mode == ClosureMode.OTHER and not (note or "").strip():
        raise ValidationError(_("Say in the note how the case ended."))
    if case.state != CaseState.IN_TRIAL:
        raise ValidationError(
            _("Only a case in trial can be closed: start the trial (or resume it) first.")
        )
    if closed_on < case.filed_on:
        raise ValidationError(_("The closing date cannot be before the filing date."))
    if closed_on > timezone.localdate():
        raise ValidationError(_("The closing date cannot be in the future."))
    check_uploads(documents)
    with transaction.atomic():
        case = lock_case(case)
        apply_transition(case, "close")
        case.closure_mode, case.closed_on, case.closure_note = mode, closed_on, note
        case.save(update_fields=["state", "closure_mode", "closed_on", "closure_note"])
        case_event(
            case,
            "closed",
            actor=actor,
            acted_for=acted_for,
            mode=case.closure_mode,
            closed_on=closed_on,
            # a document already served (the mediation document: `flows.closing`)
            **({"document": served_document.pk} if served_document is not None else {}),
        )
        attach_case_documents(case, documents, actor=actor, acted_for=acted_for)
    return case


def missing_document(mode: str) -> str:
    """What to say when a closing of MODE comes without its document."""
    if mode == ClosureMode.JUDGMENT:
        return _("Upload the judgment (判决书): a case closed by judgment needs it.")
    if mode == ClosureMode.MEDIATION:
        return _(
            "Upload the mediation document (调解书) or the mediation record the parties signed."
        )
    return _("Upload the ruling (裁定书) that closes the case.")


def attach_case_documents(case: Case, files, *, actor, acted_for=None) -> list[CaseDocument]:
    """Store documents of the case (judgment, ruling ...) after checking each file's content:
    all of them, or none when one is refused."""
    require_case_judge(case, acted_for or actor)
    stored = []
    with transaction.atomic():
        for uploaded in files:
            checked = check_upload(uploaded)
            stored.append(
                CaseDocument.objects.create(
                    case=case,
                    title=uploaded.name[:200],
                    file=uploaded,
                    content_type=checked.content_type,
                    size=checked.size,
                    sha256=checked.sha256,
                    uploaded_by=actor,
                )
            )
            case_event(
                case, "document_added", actor=actor, acted_for=acted_for, title=uploaded.name[:200]
            )
    return stored


def same_procedure(procedure: str) -> str:
    """The message refusing a change to the procedure the case already follows."""
    return _("The case already follows this procedure: %(procedure)s. Choose another one.") % {
        "procedure": Procedure(procedure).label
    }


def change_procedure(case: Case, *, actor, procedure: str, reason: str, acted_for=None,
                     approved=None) -> Case:
    """Change the procedure: the judge's first choice, or a conversion APPROVED (a
    `ProcedureChangeRequest`; `cases.actions_procedure` says which paths are lawful). Called
    from `flows.cases`, which moves the time limit in the same transaction."""
    if approved is None:
        require_case_judge(case, acted_for or actor)
    elif approved.status != "approved" or approved.case_id != case.pk \
            or approved.to_procedure != procedure:
        raise ValidationError(_("This change of procedure has not been approved."))
    if not case.is_pending:
        raise ValidationError(
            _("This cannot be done while the case is “%(state)s”.")
            % {"state": case.get_state_display()}
        )
    if procedure == case.procedure:
        raise ValidationError(same_procedure(procedure))
    if procedure not in Procedure.values:
        raise ValidationError(_("Choose a different procedure."))
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for changing the procedure."))
    with transaction.atomic():
        case = lock_case(case)
        previous = case.procedure
        case.procedure = procedure
        case.save(update_fields=["procedure"])
        case_event(
            case,
            "procedure_changed",
            actor=actor,
            acted_for=acted_for,
            previous_procedure=previous,
            procedure=case.procedure,
            reason=reason.strip(),
        )
    return case


def archive_case(case: Case, *, actor, acted_for=None) -> Case:
    """File a closed case in the archive (归档)."""
    require_case_judge(case, acted_for or actor)
    with transaction.atomic():
        case = lock_case(case)
        apply_transition(case, "archive")
        case.save(update_fields=["state"])
        case_event(case, "archived", actor=actor, acted_for=acted_for)
    return case

"""Group disputes (群体性纠纷) across filings and mediation: many applicants against one
respondent (seed 001: more than a hundred migrant workers against one employer, settled in
three days), one filing and one pre-filing mediation each, handled together.

- `import_group`: the filing division imports the applicants (read and checked whole by
  `mediation.groups`): in one transaction, the group and, for each applicant, a filing
  handed in at the window (the applicant and the respondent, the claim and its amount, the
  migrant-wage green channel when the group has it) and sent to pre-filing mediation at
  once, each mediation with its own 民诉前调 number. Nothing is created unless all are.
- The batch steps (`appoint`, `accept`, `schedule`, `draft_agreements`, `sign_on_paper`,
  `apply_for_confirmation`, `end_without_agreement`): one step over every member or the
  members chosen, each member in its own transaction through the same actions and flows
  as the mediation's own page, which check the permission again. A member whose step is
  refused does not stop the others: the result says, member by member, what was done and
  what was refused and why.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.filings import actions as filing_actions
from tianping.filings.actions import mediation as filing_side
from tianping.filings.choices import Channel, FilingKind, MediationChoice
from tianping.flows import mediation as mediation_flow
from tianping.mediation import actions_mediations as mediation_side
from tianping.mediation import groups
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import Mediation, MediationGroup
from tianping.mediation.permissions import require_mediation_manager
from tianping.mediation.queries import open_counts
from tianping.mediation.recommend import mediator_warnings, warning_text

TITLE_LENGTH = 200
DEFAULT_CAUSE = "追索劳动报酬纠纷"  # the migrant workers' claim for their pay


def default_cause(today: datetime.date):
    """The cause a group takes unless another is chosen: 追索劳动报酬纠纷, in the civil
    causes in force TODAY (None where the catalog is not loaded)."""
    from tianping.catalog.queries import cause_version_for

    version = cause_version_for(today)
    return version.entries.filter(name=DEFAULT_CAUSE).first() if version else None


def cause_for(code: str, today: datetime.date):
    """The civil cause with CODE in force TODAY, or None."""
    from tianping.catalog.choices import CatalogKind
    from tianping.catalog.queries import get_entry

    return get_entry(CatalogKind.CIVIL_CAUSES, code, on=today) if code else None


# Importing


def import_group(*, actor, court, title: str, respondent: dict, applicants, cause=None,
                 is_migrant_wages: bool = True, today=None) -> MediationGroup:
    """The group, and a filing and a numbered mediation for each of APPLICANTS
    (`groups.Applicant`, checked by `groups.read_workbook`), all or nothing."""
    today = today or timezone.localdate()
    require_mediation_manager(actor, court)
    errors = {f"respondent_{k}": v for k, v in groups.respondent_problems(respondent).items()}
    title = (title or "").strip()
    if not title:
        errors["title"] = _("Give the group a title.")
    elif len(title) > TITLE_LENGTH:
        errors["title"] = _("At most %(max)d characters.") % {"max": TITLE_LENGTH}
    if not applicants:
        errors["applicants"] = _("The workbook has no applicants.")
    if len(applicants) > groups.MAX_ROWS:
        errors["applicants"] = _("At most %(max)d applicants in one group.") % {
            "max": groups.MAX_ROWS}
    numbers = [a.id_number for a in applicants]
    if len(set(numbers)) != len(numbers):
        errors["applicants"] = _("Each applicant appears once.")
    if errors:
        raise ValidationError(errors)
    other = groups.respondent_party(respondent)
    with transaction.atomic():
        group = MediationGroup.objects.create(court=court, title=title, created_by=actor,
                                              is_migrant_wages=bool(is_migrant_wages))
        for applicant in applicants:
            _member(group, applicant, other, actor=actor, cause=cause, today=today)
    return group


def _member(group, applicant, respondent: dict, *, actor, cause, today) -> Mediation:
    fields = {
        "kind": FilingKind.CIVIL, "cause": cause, "claims": groups.claims_of(applicant),
        "amount": applicant.amount, "facts": groups.facts_of(applicant, respondent["name"]),
        "is_livelihood": False, "is_enterprise": False,
        "is_migrant_wages": group.is_migrant_wages,
    }
    try:
        filing = filing_actions.hand_in_at_window(
            actor=actor, acted_for=None, court=group.court, channel=Channel.WINDOW,
            parties=[applicant.party(), respondent], fields=fields, today=today,
            mediation_choice=MediationChoice.CONSENTED)
    except ValidationError as exc:  # checked before; said with its row all the same
        raise ValidationError(_("Row %(row)d: %(problem)s") % {
            "row": applicant.row, "problem": " ".join(exc.messages)}) from None
    # The applicants applied for mediation together (the group is their application): the
    # filing goes to mediation at once, as `mediation.refer_to_mediation` sends one.
    filing = filing_side.send_to_mediation(filing, actor=actor, today=today)
    mediation = mediation_side.register(filing, actor=actor, today=today)
    filing_side.note_sent(filing, actor=actor, mediation=mediation)
    mediation.group = group
    mediation.save(update_fields=["group"])
    return mediation


# Reading a group


def member_rows(group) -> list[dict]:
    """Each member: the mediation, the applicant's name, the amount claimed, the agreement
    (or None) and where it stands (`groups.AGREEMENT_LABELS`), and the steps it passed
    (`groups.STEP_LABELS`). A few queries for the whole group."""
    from django.db.models import Count

    rows = []
    found = (group.mediations.select_related("court", "filing", "mediator", "agreement")
             .prefetch_related("filing__parties")
             .annotate(session_count=Count("sessions")).order_by("id"))
    for m in found:
        parties = list(m.filing.parties.all()) if m.filing_id else []
        applicant = next((p for p in parties if p.role == "applicant"), None)
        agreement = getattr(m, "agreement", None) if _has_agreement(m) else None
        state = ""
        if agreement is not None:
            state = ("confirmation" if agreement.request_id
                     else "signed" if agreement.signed_on else "drafted")
        steps = {name for name, passed in (
            ("appointed", m.appointed_on), ("accepted", m.accepted_on),
            ("scheduled", m.session_count), ("drafted", agreement is not None),
            ("signed", state in ("signed", "confirmation")),
            ("confirmation", state == "confirmation"), ("ended", not m.is_open)) if passed}
        rows.append({"m": m, "name": applicant.name if applicant else "",
                     "respondent": next((p for p in parties if p.role == "respondent"), None),
                     "amount": m.filing.amount if m.filing_id else None,
                     "agreement": agreement, "agreement_state": state, "steps": steps})
    return rows


def _has_agreement(m) -> bool:
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return m.agreement is not None
    except ObjectDoesNotExist:
        return False


# Batch steps


@dataclass
class Outcome:
    """What a batch step did: the members done, and those refused with the reasons."""

    step: str
    done: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # (mediation, [messages])

    @property
    def summary(self) -> dict:
        return {"step": self.step, "done": len(self.done), "failed": len(self.failed)}


def members(group: MediationGroup, codes=None):
    """The group's mediations (those with CODES, when given), in the workbook's order."""
    rows = (group.mediations.select_related("court", "filing", "mediator__user", "case")
            .order_by("id"))
    if codes:
        rows = rows.filter(code__in=[c for c in codes if isinstance(c, str)][:groups.MAX_ROWS])
    return list(rows)


def _each(group, codes, step: str, act) -> Outcome:
    """ACT on each chosen member, each in its own transaction; refusals are collected."""
    outcome = Outcome(step)
    for m in members(group, codes):
        try:
            with transaction.atomic():
                act(m)
        except (ValidationError, PermissionDenied) as exc:
            messages = getattr(exc, "messages", None) or [str(exc)]
            outcome.failed.append((m, messages))
        else:
            outcome.done.append(m)
    return outcome


def appointment_warnings(group, mediator, *, count: int, today) -> list[str]:
    """The warnings of appointing MEDIATOR to COUNT more mediations of GROUP (as the
    single appointment warns): over capacity, without the speciality, unavailable."""
    held = open_counts([mediator.pk]).get(mediator.pk, 0)
    speciality = next((m.speciality for m in group.mediations.all()[:1]), "")
    codes = mediator_warnings(mediator, speciality=speciality, open_count=held + count - 1,
                              today=today)
    return [warning_text(c, mediator, held + count - 1) for c in codes]


def appoint(group, mediator, *, actor, override: str = "", codes=None, today=None) -> Outcome:
    """One mediator for every member (or those chosen) waiting for one. The warnings are
    those of the whole group: over capacity with the group's members counted, refused
    unless OVERRIDE gives a reason (for every member, as on a mediation's page)."""
    today = today or timezone.localdate()
    require_mediation_manager(actor, group.court)
    if mediator.court_id != group.court_id:
        raise ValidationError({"mediator": _("Choose a mediator on this court's roster.")})
    waiting = [m for m in members(group, codes)
               if m.status == MediationStatus.AWAITING_APPOINTMENT]
    warnings = appointment_warnings(group, mediator, count=len(waiting), today=today)
    if mediator.delisted_on is not None:
        raise ValidationError({"mediator": warning_text("delisted", mediator)})
    if warnings and not (override or "").strip():
        raise ValidationError({"override": [*warnings,
                                             _("Give a reason to appoint them all the same.")]})
    reason = (override or "").strip() or _("Group dispute %(title)s") % {"title": group.title}
    return _each(group, [m.code for m in waiting], "appoint",
                 lambda m: mediation_side.appoint(m, mediator, actor=actor, today=today,
                                                  override=reason))


def accept(group, *, actor, codes=None, today=None) -> Outcome:
    """The mediator accepts every member appointed to them (or the filing division records
    the acceptance of a mediator without an account)."""
    today = today or timezone.localdate()
    return _each(group, codes, "accept",
                 lambda m: mediation_side.accept(m, actor=actor, today=today))


def schedule(group, *, actor, starts_at: datetime.datetime, ends_at: datetime.datetime,
             mode: str, link: str = "", station=None, place: str = "", codes=None) -> Outcome:
    """One session for the whole group: the same time and the same room, link or place
    for every member (a room holds the group's own session once: the members meet
    together, so their sessions at the same hours are no clash)."""
    return _each(group, codes, "schedule", lambda m: mediation_side.schedule_session(
        m, actor=actor, starts_at=starts_at, ends_at=ends_at, mode=mode, link=link,
        station=station, place=place))


def draft_agreements(group, *, actor, template: str, pay_by=None, codes=None,
                     today=None) -> Outcome:
    """An agreement for each member from TEMPLATE, with the member's own amount."""
    from tianping.flows import mediation_outcomes
    from tianping.mediation.agreement_templates import TEMPLATES, draft_text

    today = today or timezone.localdate()

    def act(m):
        if template not in TEMPLATES:
            raise ValidationError({"template": _("Choose a template of the agreement.")})
        amount = m.filing.amount if m.filing_id else None
        mediation_outcomes.draft(m, actor=actor, template=template,
                                 text=draft_text(m, template, amount=amount, pay_by=pay_by),
                                 amount=amount, pay_by=pay_by, today=today)

    return _each(group, codes, "draft", act)


def sign_on_paper(group, *, actor, scan, joins_confirmation: bool = False, codes=None,
                  today=None) -> Outcome:
    """Every party of each member signed the agreement on paper (the scan of the signed
    papers kept with each agreement): recorded for all in one step."""
    from tianping.flows import mediation_outcomes

    today = today or timezone.localdate()

    def act(m):
        scan.seek(0)
        parties = list(m.filing.parties.all()) if m.filing_id else []
        mediation_outcomes.sign_on_paper(m, actor=actor, scan=scan, parties=parties,
                                         joins_confirmation=parties if joins_confirmation
                                         else (), today=today)

    return _each(group, codes, "sign", act)


def apply_for_confirmation(group, *, actor, codes=None, today=None) -> Outcome:
    """Judicial confirmation (司法确认) applied for, for each member's signed agreement."""
    from tianping.flows import mediation_outcomes

    today = today or timezone.localdate()
    return _each(group, codes, "confirm", lambda m: mediation_outcomes.apply_for_confirmation(
        m, actor=actor, today=today))


def end_without_agreement(group, *, actor, reason: str, report: str = "", codes=None,
                          today=None) -> Outcome:
    """The chosen members' mediations end without agreement: each filing goes to review."""
    today = today or timezone.localdate()
    if not codes:
        raise ValidationError(_("Tick the members whose mediation ends without agreement."))
    return _each(group, codes, "end", lambda m: mediation_flow.end_mediation(
        m, actor=actor, outcome="failed", reason=reason, report=report, today=today))

"""What the pages and the API read: the closing document, each party's service date and
appeal period, the day the decision takes effect (computed on read from the service
records and the appeals: nothing is stored that could go stale), the chain of cases of
the dispute, the incoming appeals of a court."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tianping.appeals.choices import AppealStatus, Outcome, RetrialStatus, Stage
from tianping.appeals.models import Appeal, DisputeCase, RetrialApplication
from tianping.cases.choices import CaseState, ClosureMode, Procedure
from tianping.cases.models import CaseDocument
from tianping.courts.holidays import court_calendar
from tianping.law import effectiveness as law
from tianping.service.models import AddressConfirmation, Service

CLOSED_STATES = (CaseState.CLOSED, CaseState.ARCHIVED)
FINAL_TYPES = {"民特", "民督", "诉前调书"}  # no appeal lies against what closes them


def closing_document(case):
    """The document that closed the case: the one named by its closing event, else the
    first one stored with the closing."""
    if case.state not in CLOSED_STATES:
        return None
    event = case.events.filter(kind__in=["closed"]).order_by("-seq").first()
    if event is None:
        return None
    named = (event.details or {}).get("document")
    if named:
        return CaseDocument.objects.filter(case=case, pk=named).first()
    return (CaseDocument.objects.filter(case=case, uploaded_at__gte=event.at)
            .order_by("uploaded_at", "id").first()
            or CaseDocument.objects.filter(case=case).order_by("-uploaded_at", "-id").first())


def stage_of(case) -> str:
    link = DisputeCase.objects.filter(case=case).first()
    return link.stage if link else Stage.FIRST


def document_kind(case, stage=None) -> str | None:
    """Which rule of effectiveness the case's closing document follows (None: "other")."""
    stage = stage or stage_of(case)
    mode = case.closure_mode
    if stage in (Stage.SECOND, Stage.RETRIAL_REVIEW):
        return law.SECOND_INSTANCE if mode != ClosureMode.OTHER else None
    if mode == ClosureMode.OTHER:
        return None
    if case.procedure == Procedure.SPECIAL or case.type_code in FINAL_TYPES:
        return law.FINAL_RULING  # 特别程序 (一审终审, CPL art. 185), 督促程序
    if mode == ClosureMode.JUDGMENT:
        return law.SMALL_CLAIMS if case.procedure == Procedure.SMALL_CLAIMS else law.JUDGMENT
    if mode == ClosureMode.DISMISSAL:
        return law.RULING
    if mode == ClosureMode.MEDIATION:
        return law.MEDIATION
    if mode in (ClosureMode.WITHDRAWAL, ClosureMode.TRANSFER, ClosureMode.TERMINATION,
                ClosureMode.RULING):
        return law.FINAL_RULING
    return None


# The second-instance rule follows what was appealed: a ruling (驳回起诉 and the other
# appealable rulings, CPL art. 157) has 30 days (art. 183; 民诉解释 art. 339).
RULING_APPEAL_RULES = {"民终": "civil-appeal-ruling"}


def second_instance_rule(case) -> str | None:
    """The time-limit rule of CASE when it hears an appeal against a ruling (registered
    with `deadlines.actions.register_rule_source`), else None."""
    rule = RULING_APPEAL_RULES.get(case.type_code)
    if rule is None or getattr(case, "pk", None) is None:  # unsaved (or a plain record)
        return None
    appealed = (Appeal.objects.filter(second_case=case).select_related("case")
                .order_by("pk").first())
    if appealed is None:
        return None
    if document_kind(appealed.case, Stage.FIRST) == law.RULING:
        return rule
    return None


def served_parties(case, document, today):
    """Each party with the day DOCUMENT was served on them (a day still ahead, a public
    notice's, counts as not yet) and whether they live abroad: two queries."""
    served = {}
    for party_id, day in Service.objects.filter(case=case, document=document).values_list(
            "party_id", "effective_on"):
        if day is not None and day <= today:
            served[party_id] = day
    abroad = {}
    for party_id, flag in AddressConfirmation.objects.filter(case=case).order_by(
            "party_id", "version").values_list("party_id", "abroad"):
        abroad[party_id] = flag  # the latest version wins
    return [law.PartyServed(p.pk, p.name, served.get(p.pk), abroad.get(p.pk, False))
            for p in case.parties.all()]


@dataclass
class AfterAppeal:
    """What the appeal did to the first-instance decision."""

    outcome: str
    second_case: object
    effective_on: datetime.date | None  # upheld / withdrawn: the day it took effect


@dataclass
class CaseEffect:
    document: object
    kind: str | None
    result: law.Effectiveness | None
    appeals: list
    after: AfterAppeal | None
    today: datetime.date

    @property
    def effective_on(self):
        if self.after is not None:
            return self.after.effective_on
        return self.result.effective_on if self.result else None

    @property
    def is_effective(self) -> bool:
        return self.effective_on is not None and self.effective_on <= self.today


def effect_of(case, today=None) -> CaseEffect | None:
    """The effectiveness of the case's closing document, or None while it is open."""
    today = today or timezone.localdate()
    if case.state not in CLOSED_STATES:
        return None
    document = closing_document(case)
    kind = document_kind(case)
    appeals = list(Appeal.objects.filter(case=case).select_related(
        "appellant", "second_case", "appeal_court"))
    if document is None or kind is None:
        return CaseEffect(document, kind, None, appeals, None, today)
    parties = served_parties(case, document, today)
    result = law.effectiveness(kind, parties, court_calendar(court=case.court),
                               appealed=bool(appeals))
    return CaseEffect(document, kind, result, appeals, after_appeal(appeals, today), today)


def after_appeal(appeals, today) -> AfterAppeal | None:
    decided = [a for a in appeals if a.status == AppealStatus.DECIDED]
    if not decided or len(decided) < len(appeals):
        return None
    appeal = decided[0]
    effective_on = None
    if appeal.outcome in (Outcome.UPHELD, Outcome.WITHDRAWN):
        second = appeal.second_case
        effect = effect_of(second, today)
        effective_on = effect.effective_on if effect else None
    return AfterAppeal(appeal.outcome, appeal.second_case, effective_on)


def chain_of(case):
    """The cases of the case's dispute, in the order they were filed (the case included),
    or [] when it has no other."""
    link = DisputeCase.objects.filter(case=case).first()
    if link is None:
        return []
    return list(DisputeCase.objects.filter(dispute_id=link.dispute_id)
                .select_related("case", "case__court", "origin").order_by("created_at", "id"))


def incoming_appeals(court_ids):
    """The cases whose file was transferred to one of the courts and waits for its
    second-instance case: one row per first-instance case."""
    rows = (Appeal.objects.filter(appeal_court_id__in=court_ids,
                                  status=AppealStatus.TRANSFERRED)
            .select_related("case", "case__court", "appellant").order_by("transferred_at", "id"))
    seen, out = set(), []
    for appeal in rows:
        if appeal.case_id not in seen:
            seen.add(appeal.case_id)
            out.append(appeal)
    return out


def incoming_retrials(court_ids):
    return list(RetrialApplication.objects.filter(court_id__in=court_ids,
                                                  status=RetrialStatus.APPLIED)
                .select_related("case", "case__court", "applicant").order_by("created_at"))


def appeals_heard_in(second_case):
    return list(Appeal.objects.filter(second_case=second_case).select_related(
        "case", "appellant"))


def retrials_of(case):
    return list(RetrialApplication.objects.filter(case=case).select_related(
        "applicant", "review_case", "court"))


def retrial_reviewed_in(review_case):
    return RetrialApplication.objects.filter(review_case=review_case).select_related(
        "case", "applicant").first()


def period_rows(effect):
    """Each party's service date, appeal period and last day, worded for a page or the
    API."""
    if effect is None or effect.result is None:
        return []
    return [{
        "party": p.name, "served_on": p.served_on, "last_day": p.last_day, "days": p.days,
        "explanation": [s.text for s in p.steps],
    } for p in effect.result.parties]


def status_text(effect) -> str:
    """One sentence: when the decision took or takes effect, or what it waits for."""
    from django.utils.translation import gettext as _

    if effect is None:
        return _("The case is not closed: nothing to take effect yet.")
    if effect.document is None or effect.result is None:
        return _("No closing document whose effect can be computed.")
    if effect.after is not None:
        labels = dict(Outcome.choices)
        outcome = labels.get(effect.after.outcome, effect.after.outcome)
        if effect.after.effective_on:
            return _("Appeal decided (%(outcome)s): the judgment took effect on %(day)s.") % {
                "outcome": outcome, "day": effect.after.effective_on.isoformat()}
        if effect.after.outcome in (Outcome.UPHELD, Outcome.WITHDRAWN):
            return _("Appeal decided (%(outcome)s): the judgment takes effect when the "
                     "second-instance decision is served on the last party.") % {
                         "outcome": outcome}
        return _("Appeal decided (%(outcome)s): this judgment does not take effect.") % {
            "outcome": outcome}
    result = effect.result
    if result.unserved:
        return _("Awaiting service of %(document)s on: %(parties)s.") % {
            "document": effect.document.title, "parties": "、".join(result.unserved)}
    if result.appealed:
        return _("Appealed: the decision does not take effect while the appeal is heard.")
    if effect.is_effective:
        return _("Effective since %(day)s.") % {"day": result.effective_on.isoformat()}
    if result.appealable:
        return _("Appeal period running until %(last)s; effective on %(day)s if nobody "
                 "appeals.") % {"last": result.last_day.isoformat(),
                                "day": result.effective_on.isoformat()}
    return _("Takes effect on %(day)s.") % {"day": result.effective_on.isoformat()}

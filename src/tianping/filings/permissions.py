"""Who may see a filing and who may act on it: the one place for filings. Pages, API and
actions all ask here, with the person whose authority applies (under A/B backup, the
principal: `courts.permissions.effective_user`).

- A filer (litigant or lawyer) sees and changes their own filings; a clerk who entered a
  filing at the window counts as its filer for drafting.
- The filing division of a court (filing clerks, its head, the president) sees the
  filings handed in to it and those it takes in for other courts (跨域立案), never
  someone else's draft, and decides the filings handed in to it.
- The assisting court's filing division checks and forwards what it took in.
- A refusal (不予受理) is proposed by the filing division and decided by a judge of the
  filing's court (any judge of the court, the filing division's or another's: the
  platform's choice, since courts assign this differently) or its president; never by
  the person who proposed it. Those judges see the filings waiting for them.
Anything else, and anything missing, is the same 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.courts.choices import Role
from tianping.courts.permissions import FILING_ROLES, can_review_filings, current_memberships
from tianping.filings.choices import FilingStatus, RefusalOutcome
from tianping.filings.models import Filing, RefusalProposal

# Who decides a proposal to refuse: a judge of the filing's court, or its president.
REFUSAL_DECIDERS = {Role.JUDGE, Role.PRESIDENT}

CODE_LENGTH = Filing._meta.get_field("code").max_length


def reviewing_court_ids(user) -> set[int]:
    """The courts whose filing division the user belongs to."""
    return {m.court_id for m in current_memberships(user) if m.role in FILING_ROLES}


def filings_visible_to(user):
    """Every filing the user may see; chain filters and ordering onto it."""
    if not getattr(user, "is_authenticated", False):
        return Filing.objects.none()
    if user.is_public_user:
        return Filing.objects.filter(filer=user)
    courts = reviewing_court_ids(user)
    handed_in = Q(court_id__in=courts) & ~Q(status=FilingStatus.DRAFT)
    taken_in = Q(assisting_court_id__in=courts)
    sight = handed_in | taken_in | Q(entered_by=user)
    deciding = refusal_deciding_court_ids(user) - courts
    if deciding:  # a judge sees the filings whose refusal was put to the judges
        put = RefusalProposal.objects.filter(filing__court_id__in=deciding)
        sight |= Q(pk__in=put.values("filing_id"))
    return Filing.objects.filter(sight)


def get_filing_for_user(user, code: str) -> Filing:
    """The filing with CODE if the user may see it; a 404 otherwise (also for a CODE no
    filing can have, such as one holding NUL, which PostgreSQL refuses to compare)."""
    if not isinstance(code, str) or not code.isalnum() or len(code) > CODE_LENGTH:
        raise Http404("No such filing.")
    filing = (
        filings_visible_to(user)
        .select_related("court", "assisting_court", "filer", "cause")
        .filter(code=code)
        .first()
    )
    if filing is None:
        raise Http404("No such filing.")
    return filing


def can_review(user, filing: Filing) -> bool:
    """Decide the filing (accept, correct, refuse, transfer): its court's filing division."""
    return can_review_filings(user, filing.court)


def can_forward(user, filing: Filing) -> bool:
    """Check and forward a cross-region filing: the assisting court's filing division."""
    return filing.assisting_court is not None and can_review_filings(
        user, filing.assisting_court
    )


def get_filing_for_clerk(user, code: str) -> Filing:
    """A filing the user reviews or took in for another court; 404 otherwise."""
    filing = get_filing_for_user(user, code)
    if not (can_review(user, filing) or can_forward(user, filing)):
        raise Http404("No such filing.")
    return filing


def is_filer(user, filing: Filing) -> bool:
    return getattr(user, "pk", None) in (filing.filer_id, filing.entered_by_id)


def require_filer(filing: Filing, user) -> None:
    if not is_filer(user, filing):
        raise PermissionDenied(_("Only the filer can do that."))


def require_reviewer(filing: Filing, user) -> None:
    if not can_review(user, filing):
        raise PermissionDenied(_("Only the filing division of this court can do that."))


def require_forwarder(filing: Filing, user) -> None:
    if not can_forward(user, filing):
        raise PermissionDenied(_("Only the filing division of the assisting court can do that."))


def require_court_reviewer(court, user, message=None) -> None:
    """Hand in or take in papers at COURT's filing division."""
    if not can_review_filings(user, court):
        raise PermissionDenied(message or _("Only the filing division of this court can do that."))


def refusal_deciding_court_ids(user) -> set[int]:
    """The courts where the user decides proposals to refuse (a judge, the president)."""
    return {m.court_id for m in current_memberships(user) if m.role in REFUSAL_DECIDERS}


def can_propose_refusal(user, filing: Filing) -> bool:
    """Propose to refuse a filing: its court's filing division (as for every decision)."""
    return can_review(user, filing)


def can_decide_refusal(user, proposal: RefusalProposal) -> bool:
    """Decide a proposal to refuse: a judge or the president of the filing's court, while
    it waits; never the person who proposed it nor the one they proposed it for."""
    uid = getattr(user, "pk", None)
    return (
        proposal.outcome == RefusalOutcome.PENDING
        and proposal.filing.court_id in refusal_deciding_court_ids(user)
        and uid not in (proposal.proposed_by_id, proposal.proposed_for_id)
    )


def refusals_to_decide(user):
    """The proposals to refuse the user may decide, oldest first (one query)."""
    courts = refusal_deciding_court_ids(user)
    if not courts:
        return RefusalProposal.objects.none()
    return (
        RefusalProposal.objects.filter(outcome=RefusalOutcome.PENDING, filing__court_id__in=courts)
        .exclude(proposed_by=user)
        .exclude(proposed_for=user)
        .order_by("proposed_at", "id")
    )


def get_refusal_for_judge(user, code: str) -> RefusalProposal:
    """The latest proposal to refuse the filing CODE, for a judge who may see it; 404 if
    the user is not one of its court's deciders (the page then says whether it waits)."""
    filing = get_filing_for_user(user, code)
    if filing.court_id not in refusal_deciding_court_ids(user):
        raise Http404("No such filing.")
    proposal = filing.refusals.select_related("proposed_by", "decided_by").first()
    if proposal is None:
        raise Http404("No such proposal.")
    proposal.filing = filing
    return proposal


def require_refusal_decider(proposal: RefusalProposal, user) -> None:
    if not can_decide_refusal(user, proposal):
        raise PermissionDenied(
            _("Only a judge of this court other than the one who proposed it can decide.")
        )


# Steering to mediation (分调裁审): who records the filer's choice, and when. The filer
# answers at the wizard's last step (a draft, or papers being corrected); the filing
# division records the party's answer at the window and at review. A choice is only a
# record: it never holds up handing in or the review clock.
CHOOSER_STATUSES = (FilingStatus.DRAFT, FilingStatus.CORRECTION_REQUESTED)
RECORDER_STATUSES = (FilingStatus.SUBMITTED, FilingStatus.CORRECTION_REQUESTED)


def can_choose_mediation(user, filing: Filing) -> bool:
    """Answer a recommendation to mediate first: the filer while the papers are theirs to
    change, or the filing division of the filing's court while it is under review."""
    if is_filer(user, filing) and filing.status in CHOOSER_STATUSES:
        return True
    return filing.status in RECORDER_STATUSES and can_review(user, filing)


def require_mediation_chooser(filing: Filing, user) -> None:
    if not can_choose_mediation(user, filing):
        raise PermissionDenied(_("The choice on mediation cannot be recorded on this filing now."))

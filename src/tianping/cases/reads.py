"""What the staff pages of cases and the cases API both read: a case a staff member may
see, the actions to offer on it, one page of a list, the parties in short.

Reads start from `cases.permissions` (who sees which case, who may act); anything a
staff member may not see is the same 404 as a missing case.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from tianping.cases.choices import CaseState, ClosureMode, Procedure
from tianping.cases.events import case_timeline
from tianping.cases.models import Case
from tianping.cases.permissions import (
    can_act_as_judge,
    can_assign,
    cases_visible_to,
    get_case_for_user,
)
from tianping.cases.stats import Row, summary, totals
from tianping.courts.permissions import can_view_dashboard, is_staff_member
from tianping.courts.queries import courts_visible_to
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.lib.keyset import rows_page
from tianping.lib.labels import label

PAGE_SIZE = 50
# What no list shows: long texts and the time limit's explanation (read with its case).
LIST_DEFERRED = ("claims", "triage_reasons", "closure_note", "time_limit__steps")


def case_for_staff(user, code: str) -> Case:
    """The case with CODE for a staff member who may see it; anyone else gets a 404."""
    if not is_staff_member(user):
        raise Http404("No such case.")
    return get_case_for_user(user, code)


@dataclass(frozen=True)
class Allowed:
    start_trial: bool
    assign: bool
    close: bool
    archive: bool = False


def allowed_actions(user, case) -> Allowed:
    """Which actions to offer: those the actions themselves would accept."""
    responsible = can_act_as_judge(user, case)
    return Allowed(
        start_trial=responsible and can_proceed(case.start_trial),
        assign=can_assign(user, case) and can_proceed(case.assign),
        close=responsible and can_proceed(case.close),
        archive=responsible and can_proceed(case.archive),
    )


def short_parties(case) -> str:
    """张三 v. 李四, or with 等 when there are more on one side."""

    def side(roles):
        names = [p.name for p in case.parties.all() if p.role in roles]
        return "、".join(names[:2]) + (_(" et al.") if len(names) > 2 else "")

    claimants, opponents = side(CLAIMANT_ROLES), side(OPPONENT_ROLES)
    if not opponents:
        return claimants
    return _("%(claimants)s v. %(opponents)s") % {"claimants": claimants, "opponents": opponents}


def case_page(cases, after: str | None, *, size: int = PAGE_SIZE):
    """One page of CASES (already filtered and ordered) after the row AFTER names, in a fixed
    number of queries however long the list: keyset pagination through the list's index, no
    COUNT and no OFFSET; the page's rows come with their court, division, team, judge,
    cause and time limit (one query), and their parties (one more)."""
    ordering = tuple(cases.query.order_by) or ("priority", "filed_on", "id")
    rows = cases.select_related("court", "division", "team", "judge", "cause", "time_limit")
    rows = rows.defer(*LIST_DEFERRED).prefetch_related("parties")
    return rows_page(rows, ordering, after=after, size=size)


GREEN_LABELS = (
    ("is_livelihood", gettext_lazy("Livelihood")),
    ("is_enterprise", gettext_lazy("Enterprise")),
    ("is_migrant_wages", gettext_lazy("Migrant wages")),
)


def list_rows(cases, today) -> list:
    """CASES with what a list row shows, worked out here once per page rather than by the
    template once per row: the link, the green-channel badges, the parties in short, the
    labels of procedure, track and state in the reader's language, the days pending."""
    from django.urls import reverse

    link = reverse("cases:detail", args=["CODE"]).replace("CODE", "{}")
    green = [(flag, mark_safe(str(text))) for flag, text in GREEN_LABELS]  # as {% translate %}
    for case in cases:
        case.url = link.format(case.code)
        case.badges = [label for flag, label in green if getattr(case, flag)]
        case.parties_short, case.days = short_parties(case), case.days_pending(today)
        case.procedure_label = label(case, "procedure")
        case.track_label = label(case, "track")
        case.state_label = label(case, "state")
    return cases


# The dashboard: offered to leaders and the trial management office (`can_view_dashboard`)
# for the courts they can see; the figures count only the cases they may see.

FORMULAS = {
    "clearance": gettext_lazy("结收比 (clearance) = closed ÷ received × 100%"),
    "closure_rate": gettext_lazy(
        "结案率 (closure rate) = closed ÷ (pending at start + received) × 100%"
    ),
}


def dashboard_courts(user) -> list:
    """The courts whose indicators USER may see; none means no dashboard at all."""
    courts = [c for c in courts_visible_to(user) if can_view_dashboard(user, c)]
    if not courts:
        raise PermissionDenied
    return courts


@dataclass(frozen=True)
class Figures:
    start: object
    end: object
    courts: list
    rows: list[Row]
    total: Row


def figures(user, courts, start, end) -> Figures:
    """The rows per court and division of COURTS for START..END, and their total, counting
    only the cases USER may see."""
    rows = summary(cases_visible_to(user).filter(court__in=courts), start, end)
    return Figures(start, end, courts, rows, totals(rows))


# The parties' view (当事人查看): only public timeline events (流程公开) and documents marked
# for the parties.

def public_events(case):
    """The events the parties see (流程公开), each as a sentence in the reader's language."""
    return [
        (e, case_timeline.sentence(e))
        for e in case.events.filter(is_public=True).order_by("seq")
    ]


def document_ref(document) -> str:
    """The public reference of a document: the random last part of its stored name."""
    return document.file.name.rsplit("/", 1)[-1]


def case_next(case) -> str:
    """What the party can expect next, or is expected to do."""
    if case.state in (CaseState.CLOSED, CaseState.ARCHIVED):
        text = _("The case was closed on %(date)s (%(mode)s).") % {
            "date": case.closed_on.isoformat() if case.closed_on else "—",
            "mode": case.get_closure_mode_display(),
        }
        if case.closure_mode == ClosureMode.JUDGMENT and case.procedure != Procedure.SMALL_CLAIMS:
            text += " " + _(
                "If you disagree with the judgment, you may appeal within 15 days "
                "of its service on you."
            )
        return text
    if case.state == CaseState.SUSPENDED:
        return _("The case is suspended; the court will tell you when it resumes.")
    if case.judge_id is None:
        return _("The court is assigning a judge; you will be told who it is.")
    if case.state == CaseState.IN_TRIAL:
        return _("The trial is under way: keep to the dates in the documents served on you.")
    return _(
        "Judge %(judge)s handles your case. Watch for documents served on you: the "
        "summons gives the hearing date."
    ) % {"judge": case.judge.full_name}

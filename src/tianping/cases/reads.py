"""What the staff pages of cases and the cases API both read: a case a staff member may
see, the actions to offer on it, one page of a list, the parties in short.

Reads start from `cases.permissions` (who sees which case, who may act); anything a
staff member may not see is the same 404 as a missing case.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Case as Switch
from django.db.models import F, IntegerField, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from tianping.cases.choices import PENDING_STATES, CaseState, ClosureMode, Procedure
from tianping.cases.events import case_timeline
from tianping.cases.models import Case, CaseParty
from tianping.cases.permissions import (
    can_act_as_judge,
    can_assign,
    get_case_for_user,
)
from tianping.catalog.models import CatalogEntry
from tianping.courts.models import Court, Division, Team
from tianping.courts.permissions import can_view_dashboard, is_staff_member
from tianping.courts.queries import courts_visible_to
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.events import filing_timeline
from tianping.filings.models import FilingAttachment
from tianping.filings.permissions import can_forward, can_review
from tianping.lib.keyset import rows_page
from tianping.lib.labels import labels_of
from tianping.lib.time_left import days_left_badge

PAGE_SIZE = 50


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
    time_limit: bool = False  # suspend, resume, exclude, extend, change the procedure


def allowed_actions(user, case) -> Allowed:
    """Which actions to offer: those the actions themselves would accept. Once the case is
    closed, only archiving is left (the time-limit acts need a pending case)."""
    responsible = can_act_as_judge(user, case)
    return Allowed(
        start_trial=responsible and can_proceed(case.start_trial),
        assign=can_assign(user, case) and can_proceed(case.assign),
        close=responsible and can_proceed(case.close),
        archive=responsible and can_proceed(case.archive),
        time_limit=responsible and case.is_pending,
    )


@dataclass
class FilingPapers:
    """What the judge reads of the filing a case came from: the complaint's claims, facts
    and reasons, the evidence list, and every file uploaded with it (each with its `key`
    for `cases:filing_file`, and `authorises`: the representative whose power of attorney
    it is). `review_page`: whether the reader may open the filing's review page (the
    filing division's); `history`: the filing's record up to the case (handed in,
    corrections, acceptance), each event with its label and details in the reader's
    language, for whoever may read the case."""

    filing: object
    evidence: list
    files: list
    review_page: bool
    history: list = field(default_factory=list)


def filing_papers(user, case) -> FilingPapers | None:
    """The filing's papers for the case page (five queries), or None for a case without one."""
    filing = case.filing
    if filing is None:
        return None
    files = list(filing.attachments.all())
    authorises = {
        rep.authorisation_id: rep
        for rep in filing.representatives.select_related("party")
        if rep.authorisation_id
    }
    by_id = {}
    for item in files:
        item.key = filing_file_key(item)
        item.authorises = authorises.get(item.pk)
        by_id[item.pk] = item
    evidence = list(filing.evidence.all())
    for line in evidence:
        line.attached = by_id.get(line.attachment_id)
    review_page = can_review(user, filing) or can_forward(user, filing)
    history = [
        {"event": e, "label": filing_timeline.label(e), "details": filing_timeline.details(e)}
        for e in filing.events.select_related("actor")
    ]
    return FilingPapers(filing, evidence, files, review_page, history)


def filing_file_key(attachment) -> str:
    """The last part of a filing file's stored name: how the case page names it."""
    return attachment.file.name.rsplit("/", 1)[-1]


def filing_file(case, key: str):
    """The file KEY of the filing CASE came from; a 404 if there is none."""
    if case.filing_id is None or not key.isalnum():
        raise Http404("No such file.")
    found = FilingAttachment.objects.filter(
        filing_id=case.filing_id, file=f"filings/{case.filing.code}/{key}"
    ).first()
    if found is None:
        raise Http404("No such file.")
    return found


def short_parties(case) -> str:
    """张三 v. 李四, or with 等 when there are more on one side."""
    return parties_in_short((p.role, p.name) for p in case.parties.all())


def parties_in_short(parties) -> str:
    """PARTIES ((role, name) in their order) in short: 张三 v. 李四, with 等 past two a side."""
    parties = list(parties)

    def side(roles):
        names = [name for role, name in parties if role in roles]
        return "、".join(names[:2]) + (_(" et al.") if len(names) > 2 else "")

    claimants, opponents = side(CLAIMANT_ROLES), side(OPPONENT_ROLES)
    if not opponents:
        return claimants
    return _("%(claimants)s v. %(opponents)s") % {"claimants": claimants, "opponents": opponents}


# What a row of a case list shows, read as plain values (no model objects): the list's
# ordering fields among them, so that the next page's token comes from the last row.
ROW_FIELDS = (
    "id", "code", "number", "priority", "procedure", "track", "state", "court_id",
    "division_id", "team_id", "cause_id", "is_livelihood", "is_enterprise",
    "is_migrant_wages", "filed_on", "closed_on",
)  # fmt: skip

ROW_RELATED = {
    "judge_username": F("judge__username"),
    "judge_full_name": F("judge__full_name"),
    "expires_on": F("time_limit__expires_on"),
    "suspended_since": F("time_limit__suspended_since"),
}
# The names a row shows from small tables, looked up for the page's rows by id, and the
# page's parties, in one query (a UNION of the five lookups, written once as SQL): a join
# of six tables costs PostgreSQL more to plan (about 3 ms) than to run, five queries cost
# five round trips, and the ORM takes longer to build a UNION than the database to answer.
ROW_NAMES = {
    "court_id": (Court, {"court_code": "code", "court_name": "name", "court_short": "short_name"}),
    "division_id": (Division, {"division_name": "name"}),
    "team_id": (Team, {"team_name": "name"}),
    "cause_id": (CatalogEntry, {"cause_name": "name"}),
}
_NAME_COLUMNS = 3  # the most names one table gives (the court's)
_PARTIES = len(ROW_NAMES)  # the parties' rows in the UNION


def _names_sql(counts: list[int]) -> str:
    """SELECT (part, id, three names, two ordering keys) from each table of ROW_NAMES, then
    (part, case id, role, name, "", position, id) from the parties, for COUNTS ids each;
    the tables' and columns' names from the models."""
    from django.db import connection

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    def among(model, name: str, count: int) -> str:
        return f"{column(model, name)} IN ({', '.join(['%s'] * count)})"

    quote = connection.ops.quote_name
    parts = []
    for n, ((model, names), count) in enumerate(zip(ROW_NAMES.values(), counts[:-1], strict=True)):
        columns = [column(model, name) for name in names.values()]
        columns += ["''"] * (_NAME_COLUMNS - len(columns))
        parts.append(
            f"SELECT {n}, {column(model, 'id')}, {', '.join(columns)}, 0, 0 "
            f"FROM {table(model)} WHERE {among(model, 'id', count)}"
        )
    party = CaseParty
    parts.append(
        f"SELECT {_PARTIES}, {column(party, 'case')}, {column(party, 'role')}, "
        f"{column(party, 'name')}, '', {column(party, 'position')}, {column(party, 'id')} "
        f"FROM {table(party)} WHERE {among(party, 'case', counts[-1])}"
    )
    return " UNION ALL ".join(parts) + " ORDER BY 1, 2, 6, 7"


def _add_names(rows: list[dict], parties: bool) -> dict[int, list]:
    """The names of ROW_NAMES on ROWS, and with PARTIES the parties of each row's case by
    case id ((role, name) in their order), in one query; each table is asked even when no
    row has one (for id -1), so that every page of a list takes the same queries."""
    from django.db import connection

    wanted = [sorted(({row[column] for row in rows} - {None}) or {-1}) for column in ROW_NAMES]
    wanted.append(sorted({row["id"] for row in rows}) if parties and rows else [-1])
    with connection.cursor() as cursor:
        cursor.execute(_names_sql([len(ids) for ids in wanted]), [i for ids in wanted for i in ids])
        found = cursor.fetchall()
    by_case: dict[int, list] = {row["id"]: [] for row in rows}
    names = {}
    for part, pk, first, second, third, _position, _id in found:
        if part == _PARTIES:
            by_case[pk].append((first, second))
        else:
            names[part, pk] = (first, second, third)
    for n, (column, (_model, columns)) in enumerate(ROW_NAMES.items()):
        empty = [None] * len(columns)
        for row in rows:
            values = names.get((n, row[column]), empty)
            row.update(zip(columns, values[: len(columns)], strict=True))
    return by_case


GREEN_FLAGS = ("livelihood", "enterprise", "migrant_wages")


def case_page(cases, after: str | None, *, size: int = PAGE_SIZE, today=None, parties=True):
    """One page of CASES (already filtered and ordered) after the row AFTER names, in a fixed
    number of queries however long the list: keyset pagination through the list's index (no COUNT,
    no OFFSET), each row as a dict of what a list shows (`ROW_FIELDS`, and through joins
    `ROW_RELATED`), then the names from small tables (`ROW_NAMES`) and the page's
    parties, together in one query. Each row also carries `parties` (in short; empty with
    PARTIES false, for a list that shows none), `green` (the flags set) and `days`
    (pending, or until closing)."""
    ordering = tuple(cases.query.order_by) or ("priority", "filed_on", "id")
    keys = [f.lstrip("-") for f in ordering if f.lstrip("-") not in ROW_FIELDS]  # the token's
    rows = cases.values(*ROW_FIELDS, *keys, **ROW_RELATED)
    page = rows_page(rows, ordering, after=after, size=size)
    names = _add_names(page.items, parties)
    today = today or timezone.localdate()
    for row in page.items:
        row["parties"] = parties_in_short(names[row["id"]])
        row["green"] = [flag for flag in GREEN_FLAGS if row[f"is_{flag}"]]
        row["days"] = ((row["closed_on"] or today) - row["filed_on"]).days
    return page


GREEN_LABELS = {
    "livelihood": gettext_lazy("Livelihood"),
    "enterprise": gettext_lazy("Enterprise"),
    "migrant_wages": gettext_lazy("Migrant wages"),
}


def list_rows(rows, today) -> list:
    """ROWS of `case_page` with what a list page shows besides, worked out here once per
    page rather than by the template once per row: the link, the green-channel badges, the
    labels of procedure, track and state in the reader's language, the judge's name, and
    the days left on the time limit."""
    from django.urls import reverse

    link = reverse("cases:detail", args=["CODE"]).replace("CODE", "{}")
    green = {flag: mark_safe(str(text)) for flag, text in GREEN_LABELS.items()}
    procedures, tracks, states = (
        labels_of(Case, field) for field in ("procedure", "track", "state")
    )
    for row in rows:
        row["url"] = link.format(row["code"])
        row["badges"] = [green[flag] for flag in row["green"]]
        row["judge"] = row["judge_full_name"] or row["judge_username"]
        row["procedure_label"] = procedures.get(row["procedure"], row["procedure"])
        row["track_label"] = tracks.get(row["track"], row["track"])
        row["state_label"] = states.get(row["state"], row["state"])
        row["days_left"] = days_left_badge(
            row["expires_on"], row["suspended_since"], row["state"] in PENDING_STATES, today
        )
    return rows


# The dashboard (now the indicator pages, `indicators`): offered to leaders and the trial
# management office (`can_view_dashboard`) for the courts they can see.

def dashboard_courts(user) -> list:
    """The courts whose indicators USER may see; none means no dashboard at all."""
    courts = [c for c in courts_visible_to(user) if can_view_dashboard(user, c)]
    if not courts:
        raise PermissionDenied
    return courts


# The parties' view (当事人查看): only public timeline events (流程公开) and documents marked
# for the parties.


def public_events(case):
    """The events the parties see (流程公开), each as a sentence in the reader's language."""
    return [
        (e, case_timeline.sentence(e)) for e in case.events.filter(is_public=True).order_by("seq")
    ]


def parties_in_order(case):
    """CASE's parties as its pages list them: in a second-instance case the appellants
    first, then the appellees and the other parties below; else as filed."""
    standing = Switch(When(appeal_role="appellee", then=Value(1)),
                     When(appeal_role="below", then=Value(2)), default=Value(0),
                     output_field=IntegerField())
    return (case.parties.prefetch_related("representatives")
            .order_by(standing, "position", "id"))


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
        # only a first-instance judgment or ruling of dismissal tried under the ordinary or
        # summary procedure can be appealed (small claims, the special procedure, payment
        # orders and second-instance decisions are final: 民事诉讼法 arts. 165, 185, 182)
        appealable = (case.type_code.endswith("初")
                      and case.procedure in (Procedure.ORDINARY, Procedure.SUMMARY))
        space = "" if (get_language() or "").startswith("zh") else " "  # 。如不服
        if appealable and case.closure_mode == ClosureMode.JUDGMENT:
            text += space + _(
                "If you disagree with the judgment, you may appeal within 15 days "
                "of its service on you."
            )
        elif appealable and case.closure_mode == ClosureMode.DISMISSAL:
            text += space + _(
                "If you disagree with the ruling, you may appeal within 10 days of its "
                "service on you."
            )
        return text
    if case.state == CaseState.SUSPENDED:
        return _("The case is suspended; the court will tell you when it resumes.")
    if case.procedure == Procedure.ENFORCEMENT:  # the officer is the case's handler (judge)
        if case.judge_id is None:
            return _("The court is assigning an enforcement officer; you will be told who "
                     "it is.")
        return _("Enforcement officer %(officer)s handles your case. The steps taken show "
                 "on this page; report any property of the respondent you know of as a "
                 "clue.") % {"officer": case.judge.full_name}
    if case.judge_id is None:
        return _("The court is assigning a judge; you will be told who it is.")
    if case.state == CaseState.IN_TRIAL:
        return _("The trial is under way: keep to the dates in the documents served on you.")
    return _(
        "Judge %(judge)s handles your case. Watch for documents served on you: the "
        "summons gives the hearing date."
    ) % {"judge": case.judge.full_name}

"""Who may schedule hearings and who sees them: the one place for hearings. Pages, API and
actions all ask here, with the person whose authority applies (under A/B backup, the
principal: `courts.permissions.effective_user`).

- Schedule, postpone, cancel, record as held: the case's judge (`cases.permissions.
  can_act_as_judge`), or a person sitting on the case now as presiding or sole judge, judge
  assistant or clerk (a current `CaseMember` seat).
- A case's hearings: whoever sees the case (`cases.permissions`: its staff, its parties and
  their agents).
- A courtroom's calendar: the staff of the court (and of the courts above that oversee
  it). A judge's calendar: the judge, and staff of a court the judge serves at. A hearing
  on a calendar shows its case only to those who see the case; others see the time taken.
- The hearing record (庭审笔录) of a held hearing: the case's staff who see it, and the
  parties of the case and their agents with an account (not the filer as such, nor anyone
  else: the same 404).
- The public notice board (诉讼服务电子公示栏): public hearings, to anyone.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.models import CaseParty, CaseRepresentative
from tianping.cases.models_panel import Seat
from tianping.cases.permissions import can_act_as_judge, cases_visible_to, get_case_for_user
from tianping.courts.models import Courtroom, Membership
from tianping.courts.permissions import current_memberships, visible_court_ids
from tianping.hearings.models import Hearing

SCHEDULING_SEATS = frozenset({Seat.PRESIDING, Seat.SOLE, Seat.ASSISTANT, Seat.CLERK})


def can_schedule(user, case) -> bool:
    """Schedule and run the hearings of CASE."""
    if not getattr(user, "pk", None) or not case.is_pending:
        return False
    if can_act_as_judge(user, case):
        return True
    return case.members.filter(user=user, until__isnull=True,
                               seat__in=SCHEDULING_SEATS).exists()


def require_scheduler(case, user) -> None:
    if not can_schedule(user, case):
        raise PermissionDenied(
            _("Only the case's judge, assistant or clerk can schedule its hearings."))


def hearings_visible_to(user):
    return Hearing.objects.filter(case__in=cases_visible_to(user).values("pk"))


def get_hearing_for_user(user, code: str) -> Hearing:
    hearing = (hearings_visible_to(user).select_related("case", "courtroom", "case__court")
               .filter(code=code).first())
    if hearing is None:
        raise Http404("No such hearing.")
    return hearing


def get_record_for_party(user, code: str) -> Hearing:
    """The hearing CODE with a hearing record, for a party of its case or a party's agent
    with an account; 404 for anyone else (or while there is no record)."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        raise Http404("No such hearing.")
    own = (Q(case_id__in=CaseParty.objects.filter(user=user).values("case_id"))
           | Q(case_id__in=CaseRepresentative.objects.filter(user=user).values("case_id")))
    hearing = (Hearing.objects.select_related("case").filter(own, code=code)
               .exclude(record="").first())
    if hearing is None:
        raise Http404("No such hearing.")
    return hearing


def get_case_to_schedule(user, code: str):
    """The case with CODE if USER sees it (404 otherwise); whether they may schedule is
    asked separately (403)."""
    return get_case_for_user(user, code)


def get_courtroom_for_user(user, pk: int) -> Courtroom:
    room = Courtroom.objects.select_related("court").filter(
        pk=pk, court_id__in=visible_court_ids(user)).first()
    if room is None or not current_memberships(user) and not user.is_superuser:
        raise Http404("No such courtroom.")
    return room


def judge_court_ids(judge) -> set[int]:
    return set(Membership.objects.current().filter(user=judge).values_list("court_id", flat=True))


def can_see_judge_calendar(user, judge) -> bool:
    if not getattr(user, "pk", None) or not getattr(judge, "is_court_staff", False):
        return False
    if user.pk == judge.pk:
        return True
    return bool(current_memberships(user) or user.is_superuser) and bool(
        judge_court_ids(judge) & visible_court_ids(user))


def visible_case_ids(user, case_ids) -> set[int]:
    """Of CASE_IDS, those USER sees (one query)."""
    return set(cases_visible_to(user).filter(pk__in=set(case_ids)).values_list("pk", flat=True))

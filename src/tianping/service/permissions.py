"""Who sees and who does service (送达): the one place for this app. Pages, API and actions
all ask here, with the person whose authority applies (`courts.permissions.effective_user`).

- Serve, record results and the parties' addresses: the case's judge
  (`cases.permissions.can_act_as_judge`), or the judge assistant or court clerk seated on
  the case now (`case.members`, seat open).
- See the service of a case: whoever sees the case among the staff
  (`cases.permissions.get_case_for_user`).
- The service queue (what is waiting to be served, across cases): the staff, for the
  services of the cases they see (`cases.permissions.cases_visible_to`); a clerk or judge
  assistant sees their teams' cases, the filing division and the president the court's.
- A party (or their representative with an account) sees only what was served on that
  party, and confirms only their own address; anything else is the same 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.models import CaseParty
from tianping.cases.models_panel import Seat
from tianping.cases.permissions import can_act_as_judge, cases_visible_to, get_case_for_user
from tianping.courts.permissions import is_staff_member
from tianping.service.models import Service

SERVING_SEATS = (Seat.ASSISTANT, Seat.CLERK)


def can_serve(user, case) -> bool:
    if not getattr(user, "pk", None):
        return False
    if can_act_as_judge(user, case):
        return True
    seats = case.members.filter(until__isnull=True, user=user, seat__in=SERVING_SEATS)
    return seats.exists()


def require_server(user, case) -> None:
    if not can_serve(user, case):
        raise PermissionDenied(
            _("Only the case's judge, its judge assistant or its clerk can serve documents."))


def case_for_staff(user, code: str):
    """The case CODE for a staff member who sees it; 404 for anyone else."""
    if not is_staff_member(user):
        raise Http404("No such case.")
    return get_case_for_user(user, code)


def services_for_staff(user):
    """Every service of a case USER sees among the staff (none for anyone else)."""
    if not is_staff_member(user):
        return Service.objects.none()
    return Service.objects.filter(case__in=cases_visible_to(user).values("pk"))


def parties_of(user):
    """The case parties USER answers for: their own, and those they represent."""
    if not getattr(user, "is_authenticated", False):
        return CaseParty.objects.none()
    return CaseParty.objects.filter(Q(user=user) | Q(representatives__user=user)).distinct()


def party_for_user(user, case, party_id) -> CaseParty:
    """The party PARTY_ID of CASE if USER answers for it; 404 otherwise."""
    party = parties_of(user).filter(case=case, pk=party_id).first()
    if party is None:
        raise Http404("No such party.")
    return party


def services_served_on(user):
    """Every service on a party USER answers for (a litigant's or lawyer's own)."""
    return Service.objects.filter(party__in=parties_of(user).values("pk"))


def service_for_party(user, code: str) -> Service:
    service = services_served_on(user).select_related("case", "party", "document").filter(
        code=code).first()
    if service is None:
        raise Http404("No such service.")
    return service


def service_for_staff(user, code: str) -> Service:
    """The service CODE for a staff member who sees its case; 404 otherwise."""
    service = Service.objects.select_related("case", "party", "document").filter(
        code=code).first()
    if service is None:
        raise Http404("No such service.")
    case_for_staff(user, service.case.code)
    return service


def service_for_reader(user, code: str) -> Service:
    """The service CODE for whoever may read it: the party's side or the case's staff."""
    if is_staff_member(user):
        return service_for_staff(user, code)
    return service_for_party(user, code)

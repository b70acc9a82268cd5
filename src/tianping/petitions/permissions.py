"""Who may see and do what with petitions (涉诉信访): the one place for them. Pages, API
and actions all ask here, with the person whose authority applies (A/B backup: the
principal, `courts.permissions.effective_user`).

- Read: a litigant their own petitions only (others' are the same 404 as none); the
  court's petition handlers (诉讼服务中心) and its president every petition of the court;
  a handler a petition is assigned to, and the head of the division it is assigned to,
  that petition.
- Register at the window: a petition handler (or the president) of the court; online:
  any signed-in litigant or lawyer, about themself.
- Classify (诉访分离) and accept: the court's petition handlers (or president).
- Assign: the president, or a petition handler (the office has no lead role of its own
  here: UNSURE, any of its handlers assigns).
- Reply and ask for the 30 more days: a petition handler, the assigned handler, or the
  head of the assigned division. Decide the extension: the president, never whoever asked.
- Satisfaction and the requests for 复查/复核: the petitioner (signed in), or a petition
  handler for a petitioner without an account. Record a 复查/复核 result: the president or
  a petition handler who did not give the reply (UNSURE: the court's own rules on who
  reviews were not retrieved).
- Reception days: kept by the president or the court's administrator; booked by
  litigants; a booking marked received by a petition handler or the leader.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.courts.choices import Role
from tianping.courts.permissions import current_memberships
from tianping.petitions.choices import Status
from tianping.petitions.models import Petition

HANDLING = {Role.PETITION_HANDLER, Role.PRESIDENT}


def _courts(user, roles) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role in roles}


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_public_user(user) -> bool:
    return _signed_in(user) and user.is_public_user


def handling_courts(user) -> set[int]:
    """Courts whose every petition USER reads and handles."""
    if not _signed_in(user) or user.is_public_user:
        return set()
    return _courts(user, HANDLING)


def petitions_visible_to(user):
    if not _signed_in(user):
        return Petition.objects.none()
    if user.is_superuser:
        return Petition.objects.all()
    if user.is_public_user:
        return Petition.objects.filter(petitioner=user)
    heads = [m.division_id for m in current_memberships(user)
             if m.role == Role.DIVISION_HEAD and m.division_id]
    condition = Q(court_id__in=handling_courts(user)) | Q(handler=user)
    if heads:
        condition |= Q(division_id__in=heads)
    return Petition.objects.filter(condition)


def get_petition_for_user(user, code: str) -> Petition:
    found = (petitions_visible_to(user).select_related("court", "petitioner", "handler",
                                                       "division").filter(code=code).first())
    if found is None:
        raise Http404("No such petition.")
    return found


def is_staff_reader(user) -> bool:
    return _signed_in(user) and not user.is_public_user


def can_register_at_window(user, court=None) -> bool:
    courts = _courts(user, HANDLING) if is_staff_reader(user) else set()
    return bool(courts) if court is None else court.pk in courts


def window_courts(user):
    from tianping.courts.models import Court

    return Court.objects.filter(pk__in=_courts(user, HANDLING))


def _handles(user, petition) -> bool:
    return petition.court_id in handling_courts(user)


def can_classify(user, petition) -> bool:
    return petition.status == Status.REGISTERED and _handles(user, petition)


def can_assign(user, petition) -> bool:
    return petition.status in (Status.ACCEPTED, Status.REVIEW, Status.RECHECK) and _handles(
        user, petition)


def _replier(user, petition) -> bool:
    if _handles(user, petition) or (petition.handler_id and petition.handler_id == user.pk):
        return True
    return bool(petition.division_id) and any(
        m.role == Role.DIVISION_HEAD and m.division_id == petition.division_id
        for m in current_memberships(user))


def can_reply(user, petition) -> bool:
    return (_signed_in(user) and not user.is_public_user
            and petition.status == Status.ACCEPTED and _replier(user, petition))


def can_ask_extension(user, petition) -> bool:
    return can_reply(user, petition) and petition.extension_granted is None and not (
        petition.extension_asked_by_id)


def can_decide_extension(user, petition) -> bool:
    return (petition.status == Status.ACCEPTED and bool(petition.extension_asked_by_id)
            and petition.extension_granted is None
            and user.pk != petition.extension_asked_by_id
            and petition.court_id in _courts(user, {Role.PRESIDENT}))


def acts_as_petitioner(user, petition) -> bool:
    if not _signed_in(user):
        return False
    if petition.petitioner_id:
        return petition.petitioner_id == user.pk
    return _handles(user, petition)


def can_rate(user, petition) -> bool:
    return (acts_as_petitioner(user, petition) and bool(petition.replied_at)
            and not petition.satisfaction)


def can_ask_review(user, petition) -> bool:
    return acts_as_petitioner(user, petition) and petition.status in (Status.REPLIED,
                                                                       Status.REVIEWED)


def can_record_review(user, petition) -> bool:
    return (petition.status in (Status.REVIEW, Status.RECHECK) and _handles(user, petition)
            and user.pk != petition.replied_by_id)


def can_add_files(user, petition) -> bool:
    from tianping.petitions.choices import OPEN

    return petition.status in OPEN and (acts_as_petitioner(user, petition)
                                        or _handles(user, petition))


def can_link(user, petition) -> bool:
    return _handles(user, petition)


def can_keep_receptions(user, court=None) -> bool:
    courts = _courts(user, {Role.PRESIDENT, Role.ADMINISTRATOR}) if is_staff_reader(
        user) else set()
    return bool(courts) if court is None else court.pk in courts


def reception_courts(user):
    from tianping.courts.models import Court

    return Court.objects.filter(pk__in=_courts(user, {Role.PRESIDENT, Role.ADMINISTRATOR}))


def can_receive(user, reception) -> bool:
    return is_staff_reader(user) and (
        reception.leader_id == user.pk or reception.court_id in handling_courts(user)
        or can_keep_receptions(user, reception.court))


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this on this petition."))

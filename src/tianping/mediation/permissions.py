"""Who sees and keeps a court's partners, stations and roster of mediators: the one place.

- The court's **administrator** and its **president** keep the roster and the partners
  (add, change, remove from the roster), in their own name (like court administration:
  not delegated to an A/B backup). Superusers too.
- Every **staff member** of the court reads its roster, partners and stations, with the
  mediators' telephone numbers; so do leaders of a higher court who see the courts below.
- A partner's **coordinator** (`PartnerCoordinator`, any account) reads their own
  partner(s), its stations and agreements, and its mediators only.
- A **mediator** with an account reads their own entry.
- Anyone, litigants included, reads the **public roster** of a court: the mediators on
  it now, with name, kind, specialities, languages and township; never a telephone number,
  an availability note or a mediator taken off the roster (特邀调解规定 art. 8: the roster
  is made public).

Scopes (querysets) and `can_*` predicates are used by pages, API and actions alike.
Something the user may not see gives the same 404 as something missing.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, Value
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.permissions import can_act_as_judge
from tianping.courts.choices import Role
from tianping.courts.models import Court
from tianping.courts.permissions import (
    FILING_ROLES,
    OVERSIGHT_ROLES,
    current_memberships,
    is_superuser,
    roles_in,
    visible_court_ids,
)
from tianping.mediation.models import Mediation, Mediator, Partner, PartnerAgreement, Station
from tianping.parties.choices import CLAIMANT_ROLES

KEEPER_ROLES = {Role.ADMINISTRATOR, Role.PRESIDENT}


def can_keep_roster(user, court: Court) -> bool:
    """USER adds, changes and removes COURT's partners, stations and mediators."""
    return is_superuser(user) or bool(roles_in(user, court) & KEEPER_ROLES)


def require_keeper(user, court: Court) -> None:
    if not can_keep_roster(user, court):
        raise PermissionDenied(_("Only the court's administrator or president keeps its roster."))


def kept_courts(user):
    """The courts whose roster USER keeps."""
    if is_superuser(user):
        return Court.objects.all()
    return Court.objects.filter(pk__in=_kept_court_ids(user))


def _kept_court_ids(user) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role in KEEPER_ROLES}


def can_read_roster(user, court: Court) -> bool:
    """The court's staff (and those who see it from above) read its whole roster."""
    return court.pk in visible_court_ids(user)


def coordinated_partner_ids(user) -> set[int]:
    """The partners USER coordinates now, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_tianping_coordinated", None)
    if cached is None:
        cached = set(
            Partner.objects.filter(coordinators__user=user, coordinators__active=True)
            .values_list("pk", flat=True)
        )
        user._tianping_coordinated = cached
    return cached


def is_coordinator(user) -> bool:
    return bool(coordinated_partner_ids(user))


def can_reach_mediation(user) -> bool:
    """The mediation pages and API are for court staff, coordinators and mediators with
    an entry; the public roster is for everyone."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(visible_court_ids(user)) or is_coordinator(user) or (
        Mediator.objects.filter(user=user).exists()
    )


def require_reader(user) -> None:
    if not can_reach_mediation(user):
        raise PermissionDenied(_("The roster of mediators is for the court's staff."))


# Scopes


def partners_visible_to(user):
    if is_superuser(user):
        return Partner.objects.all()
    return Partner.objects.filter(
        Q(court_id__in=visible_court_ids(user)) | Q(pk__in=coordinated_partner_ids(user))
    )


def stations_visible_to(user):
    if is_superuser(user):
        return Station.objects.all()
    return Station.objects.filter(
        Q(court_id__in=visible_court_ids(user)) | Q(partner_id__in=coordinated_partner_ids(user))
    )


def agreements_visible_to(user):
    return PartnerAgreement.objects.filter(partner__in=partners_visible_to(user))


def mediators_visible_to(user):
    """Whole roster entries (telephone included) USER may read."""
    if is_superuser(user):
        return Mediator.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Mediator.objects.none()
    return Mediator.objects.filter(
        Q(court_id__in=visible_court_ids(user))
        | Q(partner_id__in=coordinated_partner_ids(user))
        | Q(user=user)
    )


def public_roster(court: Court):
    """The mediators on COURT's roster now, for anyone (only public fields are shown)."""
    return Mediator.objects.filter(court=court, delisted_on__isnull=True)


def _one(queryset, pk):
    found = queryset.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise Http404("No such entry.")
    return found


def get_mediator_for_user(user, pk: int) -> Mediator:
    return _one(mediators_visible_to(user).select_related("court", "partner", "user"), pk)


def get_partner_for_user(user, pk: int) -> Partner:
    return _one(partners_visible_to(user).select_related("court"), pk)


def get_station_for_user(user, pk: int) -> Station:
    return _one(stations_visible_to(user).select_related("court", "partner"), pk)


def get_agreement_for_user(user, pk: int) -> PartnerAgreement:
    return _one(agreements_visible_to(user).select_related("partner__court"), pk)


def get_court_to_keep(user, code: str) -> Court:
    """The court with CODE if USER keeps its roster; the same 404 as a missing one."""
    court = Court.objects.filter(code=code).first()
    if court is None or not can_keep_roster(user, court):
        raise Http404("No such court.")
    return court


# Mediations (调解案件)
#
# - The court's filing division and its leaders (FILING_ROLES, OVERSIGHT_ROLES) see the
#   court's mediations and appoint mediators; a mediator who is court staff (the role
#   "mediator") sees only the mediations appointed to them, like any mediator.
# - A mediator with an account sees the mediations appointed to them and acts in them
#   (accept or decline, sessions, extension, outcome); never anyone else's.
# - A partner's coordinator sees the mediations of their partner's mediators (read only).
# - A litigant or lawyer sees the mediations of the disputes they are filer, party or
#   representative in, answers the invitation for their own party, and the applicant
#   withdraws the application.


def mediation_staff_court_ids(user) -> set[int]:
    return {m.court_id for m in current_memberships(user)
            if m.role in FILING_ROLES | OVERSIGHT_ROLES}


def mediations_visible_to(user):
    if is_superuser(user):
        return Mediation.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Mediation.objects.none()
    sight = Q(mediator__user=user)
    if getattr(user, "is_public_user", False):
        mine = Q(filing__filer=user) | Q(filing__parties__user=user)
        mine |= Q(filing__representatives__user=user)
        ids = Mediation.objects.filter(mine).values("pk")
        return Mediation.objects.filter(Q(pk__in=ids) | sight)
    sight = _held_or_referred(user)
    courts = mediation_staff_court_ids(user)
    if courts:
        sight |= Q(court_id__in=courts)
    partners = coordinated_partner_ids(user)
    if partners:
        sight |= Q(mediator__partner_id__in=partners)
    return Mediation.objects.filter(sight)


def _held_or_referred(user) -> Q:
    """The mediations USER holds as a mediator and those of the cases USER judges (referred
    to mediation), by the ids of their roster entries and mediations, looked up first in
    one query: conditions on the mediation's own columns, which the database answers from
    its indexes. (The same through joins, `mediator__user=user | case__judge=user`, makes
    it read every mediation of every mediator: 100,000 for a mediator's queue.)"""
    entries = Mediator.objects.filter(user=user).order_by().annotate(
        referred=Value(False)).values_list("referred", "pk")
    cases = Mediation.objects.filter(case__judge=user).order_by().annotate(
        referred=Value(True)).values_list("referred", "pk")
    found = list(entries.union(cases, all=True))
    return (Q(mediator_id__in=[pk for referred, pk in found if not referred])
            | Q(pk__in=[pk for referred, pk in found if referred]))


def get_mediation_for_user(user, code: str) -> Mediation:
    if not isinstance(code, str) or not code.isalnum() or len(code) > 12:
        raise Http404("No such mediation.")
    found = (
        mediations_visible_to(user)
        .select_related("court", "filing", "mediator__user", "mediator__partner",
                        "preferred_mediator", "case")
        .filter(code=code).first()
    )
    if found is None:
        raise Http404("No such mediation.")
    return found


def can_manage_mediations(user, court: Court) -> bool:
    """Appoint mediators, take filings to mediation, end a mediation no mediator holds."""
    return is_superuser(user) or bool(roles_in(user, court) & FILING_ROLES)


def is_mediator_of(user, mediation: Mediation) -> bool:
    return bool(
        mediation.mediator_id and mediation.mediator.user_id
        and mediation.mediator.user_id == getattr(user, "pk", None)
    )


def answers_for_mediator(user, mediation: Mediation) -> bool:
    """Accept or decline the appointment: the mediator; for a mediator without an account
    (who answers by telephone or in person), the court's filing division records it."""
    if mediation.mediator_id is None:
        return False
    if mediation.mediator.user_id is None:
        if mediation.case_id:
            return can_act_as_judge(user, mediation.case)
        return can_manage_mediations(user, mediation.court)
    return is_mediator_of(user, mediation)


def can_conduct(user, mediation: Mediation) -> bool:
    """Sessions, records, extensions, outcomes: the mediator appointed (the court's filing
    division too, for a mediator without an account; for a case referred after filing, the
    case's judge)."""
    if is_mediator_of(user, mediation):
        return True
    if mediation.case_id:
        return can_act_as_judge(user, mediation.case)
    return can_manage_mediations(user, mediation.court)


def require_conductor(user, mediation: Mediation) -> None:
    if not can_conduct(user, mediation):
        raise PermissionDenied(_("Only the mediator of this mediation can do that."))


def require_mediation_manager(user, court: Court) -> None:
    if not can_manage_mediations(user, court):
        raise PermissionDenied(_("Only the court's filing division can do that."))


def parties_answered_by(user, mediation: Mediation):
    """The dispute's parties whose answer USER gives: their own party, or the party they
    represent (a lawyer, an agent with an account)."""
    if mediation.filing_id is None or not getattr(user, "is_authenticated", False):
        return mediation.filing.parties.none() if mediation.filing_id else []
    own = Q(user=user) | Q(representatives__user=user)
    if mediation.filing.filer_id == user.pk and getattr(user, "kind", "") != "lawyer":
        # a litigant who applied for themself is the applicant (as a case links them)
        own |= Q(user__isnull=True, role__in=CLAIMANT_ROLES)
    return mediation.filing.parties.filter(own).distinct()


def parties_invited(user, mediation: Mediation) -> list:
    """The parties USER answers the invitation to mediate for: their own, but not the
    applicants (the claimants, who asked for the mediation by applying)."""
    return [p for p in parties_answered_by(user, mediation) if p.role not in CLAIMANT_ROLES]


def can_withdraw(user, mediation: Mediation) -> bool:
    """The dispute's filer withdraws a pre-filing application (and the filing with it); a
    filing entered at the window (no filer) by the filing division for the party. A
    mediation after filing ends by the mediator's report, not by withdrawal here."""
    pk = getattr(user, "pk", None)
    filing = mediation.filing
    if pk is None or filing is None:
        return False
    if filing.filer_id:
        return pk == filing.filer_id
    return can_manage_mediations(user, mediation.court)


# Mediation figures (issue 11, part 7; `figures.py`)
#
# - The president, division heads, the trial management office and the administrator of a
#   court read the figures of its mediations (all of them: a count shows no mediation);
#   with a membership that sees the courts below (a higher court's office), those too.
# - A partner's coordinator reads the figures of their own partner's mediators only.
# - Anyone else (a judge, a clerk, a mediator, a litigant) is refused (403).

FIGURE_ROLES = OVERSIGHT_ROLES | {Role.ADMINISTRATOR}


def figure_courts(user) -> list[Court]:
    """The courts whose mediation figures USER reads as a leader, in the order of their codes
    (none for anyone else)."""
    if is_superuser(user):
        return list(Court.objects.order_by("code"))
    ids: set[int] = set()
    for m in current_memberships(user):
        if m.role in FIGURE_ROLES:
            ids.add(m.court_id)
            if m.sees_lower_courts:
                ids |= m.court.descendant_ids()
    return list(Court.objects.filter(pk__in=ids).order_by("code")) if ids else []


def can_read_mediation_figures(user) -> bool:
    return bool(figure_courts(user)) or is_coordinator(user)


def figures_scope(user) -> tuple[list[Court], set[int] | None]:
    """What USER's figures count: (the courts, None) for a leader; (the courts of their
    partners, the partners' ids) for a coordinator; PermissionDenied for anyone else. A
    leader who also coordinates reads as a leader."""
    courts = figure_courts(user)
    if courts:
        return courts, None
    partners = coordinated_partner_ids(user)
    if not partners:
        raise PermissionDenied(
            _("The mediation figures are for the court's leaders and partner coordinators."))
    court_ids = Partner.objects.filter(pk__in=partners).values("court_id")
    return list(Court.objects.filter(pk__in=court_ids).order_by("code")), partners


# Group disputes (群体性纠纷): many applicants, one respondent, one mediation each.
#
# - The court's filing division imports a group (`can_manage_mediations`) and, with the
#   court's leaders, sees its groups; a mediator sees the groups where members were
#   appointed to them. Each batch step is checked again, member by member, by its action.


def groups_visible_to(user):
    from tianping.mediation.models import MediationGroup

    if is_superuser(user):
        return MediationGroup.objects.all()
    if not getattr(user, "is_authenticated", False) or getattr(user, "is_public_user", False):
        return MediationGroup.objects.none()
    sight = Q(court_id__in=mediation_staff_court_ids(user))
    held = Mediation.objects.filter(mediator__user=user, group__isnull=False).values("group_id")
    return MediationGroup.objects.filter(sight | Q(pk__in=held))


def get_group_for_user(user, code: str):
    if not isinstance(code, str) or not code.isalnum() or len(code) > 12:
        raise Http404("No such group.")
    found = groups_visible_to(user).select_related("court", "created_by").filter(
        code=code).first()
    if found is None:
        raise Http404("No such group.")
    return found


def group_courts(user):
    """The courts where USER imports group disputes (their filing division)."""
    if is_superuser(user):
        return Court.objects.filter(is_active=True)
    ids = {m.court_id for m in current_memberships(user) if m.role in FILING_ROLES}
    return Court.objects.filter(pk__in=ids)

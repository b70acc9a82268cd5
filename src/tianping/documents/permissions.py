"""Who edits a court's document templates and who issues documents on a case: the one
place for this app (pages, API and actions all ask here, with the person whose authority
applies).

- Edit a court's templates: its administrator and its president (and superusers).
- Issue a document on a case: whoever may serve on it (`service.permissions.can_serve`: the
  case's judge, or the judge assistant or clerk seated on it now) or schedule its hearings
  (`hearings.permissions.can_schedule`: a presiding or sole judge seated on it).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.courts.choices import Role
from tianping.courts.models import Court
from tianping.courts.permissions import is_superuser, roles_in
from tianping.hearings.permissions import can_schedule
from tianping.service.permissions import can_serve, case_for_staff

TEMPLATE_EDITORS = {Role.ADMINISTRATOR, Role.PRESIDENT}


def can_edit_templates(user, court) -> bool:
    if court is None:  # the national default: the platform's superusers only
        return is_superuser(user)
    return is_superuser(user) or bool(roles_in(user, court) & TEMPLATE_EDITORS)


def require_template_editor(user, court) -> None:
    if not can_edit_templates(user, court):
        raise PermissionDenied(_("Only the court's administrator or president can change "
                                 "its document templates."))


def court_for_templates(user, code: str) -> Court:
    """The court CODE if USER edits its templates; the same 404 as a missing one otherwise."""
    court = Court.objects.filter(code=code).first()
    if court is None or not can_edit_templates(user, court):
        raise Http404("No such court.")
    return court


def can_issue(user, case) -> bool:
    return bool(getattr(user, "pk", None)) and (can_serve(user, case)
                                                or can_schedule(user, case))


def require_issuer(user, case) -> None:
    if not can_issue(user, case):
        raise PermissionDenied(_("Only the case's judge, its judge assistant or its clerk can "
                                 "issue documents."))


def case_for_issuer(user, code: str):
    """The case CODE for a staff member who sees it (404 otherwise); 403 unless they issue."""
    case = case_for_staff(user, code)
    require_issuer(user, case)
    return case

"""Reads of document templates: the version in force for a court (its own, or the national
default, made from `documents.defaults` the first time it is asked for), the versions kept,
and the documents issued on a case."""

from django.db import IntegrityError, transaction

from tianping.documents.choices import Kind
from tianping.documents.defaults import DEFAULTS
from tianping.documents.models import DocumentTemplate, IssuedDocument


def default_template(kind: str) -> DocumentTemplate:
    """The national default of KIND in force (version 1 made from the built-in text)."""
    found = DocumentTemplate.objects.filter(kind=kind, court__isnull=True, is_active=True).first()
    if found is not None:
        return found
    title, body = DEFAULTS[kind]
    try:
        with transaction.atomic():
            return DocumentTemplate.objects.create(kind=kind, court=None, version=1,
                                                   title=title, body=body)
    except IntegrityError:  # made at the same moment by another request
        return DocumentTemplate.objects.get(kind=kind, court__isnull=True, is_active=True)


def own_template(court, kind: str) -> DocumentTemplate | None:
    return DocumentTemplate.objects.filter(kind=kind, court=court, is_active=True).first()


def template_in_force(court, kind: str) -> DocumentTemplate:
    return own_template(court, kind) or default_template(kind)


def overview(court) -> list[dict]:
    """Each kind with the version in force at COURT and whether it is the court's own."""
    own = {t.kind: t for t in DocumentTemplate.objects.filter(court=court, is_active=True)}
    rows = []
    for kind in Kind:
        template = own.get(kind.value) or default_template(kind.value)
        rows.append({"kind": kind.value, "label": kind.label, "template": template,
                     "own": kind.value in own})
    return rows


def versions(court, kind: str) -> list[DocumentTemplate]:
    """COURT's versions of KIND, newest first, then the national default's."""
    default_template(kind)
    own = list(DocumentTemplate.objects.filter(court=court, kind=kind)
               .select_related("changed_by").order_by("-version"))
    defaults = list(DocumentTemplate.objects.filter(court__isnull=True, kind=kind)
                    .order_by("-version"))
    return own + defaults


def version_of(court, kind: str, version: int, *, default: bool = False):
    return DocumentTemplate.objects.filter(
        kind=kind, version=version,
        **({"court__isnull": True} if default else {"court": court})).first()


def issued_on_case(case):
    return (IssuedDocument.objects.filter(case=case)
            .select_related("document", "template", "hearing").order_by("-issued_at", "-id"))

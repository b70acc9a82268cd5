"""Writing the audit record. Every auditable change calls record() in its transaction."""

from django.db import models

from tianping.audit.models import AuditEntry


def record(
    action: str,
    obj: models.Model | None = None,
    *,
    actor,
    acted_for=None,
    changes: dict | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    """Append one audit entry. ACTOR did it; ACTED_FOR is whom they stood in for."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        changes=changes or {},
        ip_address=ip_address,
    )


def record_view(request, obj: models.Model, what: str = "viewed", **details) -> AuditEntry:
    """Who looked at which protected record (a case, a filing, a document, an identity
    number): written for every page and API read of one, in the reader's own name and
    for whom they stood in."""
    return record(
        f"{obj._meta.model_name}.{what}",
        obj,
        actor=request.user,
        acted_for=getattr(request, "acting_for", None),
        changes=details,
        ip_address=request.META.get("REMOTE_ADDR"),
    )


def model_changes(before: dict, instance: models.Model) -> dict:
    """Field-by-field differences between BEFORE (field values) and INSTANCE now."""
    after = field_values(instance)
    return {
        name: {"from": before.get(name), "to": value}
        for name, value in after.items()
        if before.get(name) != value
    }


# Never copied into the audit record: a change is noted, the value is not.
SECRET_FIELDS = {"password", "digest"}


def field_values(instance: models.Model) -> dict:
    values = {}
    for field in instance._meta.concrete_fields:
        if field.attname in SECRET_FIELDS:
            values[field.attname] = f"[secret:{hash(getattr(instance, field.attname))}]"
            continue
        value = getattr(instance, field.attname)
        values[field.attname] = value if isinstance(value, int | bool | type(None)) else str(value)
    return values

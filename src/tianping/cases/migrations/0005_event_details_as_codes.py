"""Case events written before details were stored as codes held labels in the actor's
language (a channel, a procedure, a closure mode, an excluded period, the reason no judge
was found). Rewrite those details as codes, once, so that every event reads in the
reader's language from the registry. The timeline is append-only: the triggers are
opened for this migration alone (`rewriting`: on PostgreSQL the tables' owner, who runs
migrations, disables them within its transaction) and closed again."""

from django.db import migrations

from tianping.lib.event_kinds import legacy_code

NO_JUDGE = "no_judge"


def _choices():
    from tianping.cases.choices import ClosureMode, Procedure
    from tianping.filings.choices import Channel
    from tianping.law.limits import ExclusionKind

    return {"channel": Channel, "procedure": Procedure, "mode": ClosureMode,
            "period": ExclusionKind}


def _as_codes(kind: str, details: dict) -> dict:
    choices, new = _choices(), dict(details)
    for key, choice_class in choices.items():
        value = new.get(key)
        if isinstance(value, str) and value not in choice_class.values:
            new[key] = legacy_code(choice_class, value) or value
    if kind == "procedure_changed" and "previous" in new:
        previous = new.pop("previous")
        new["previous_procedure"] = legacy_code(choices["procedure"], previous) or previous
    if kind == "assignment_pending" and "reason" in new:
        new.pop("reason")
        new["reason_code"] = NO_JUDGE
    return new


def forwards(apps, schema_editor):
    from tianping.audit.maintenance import rewriting

    CaseEvent = apps.get_model("cases", "CaseEvent")
    with rewriting(schema_editor.connection, CaseEvent._meta.db_table):
        rows = CaseEvent._base_manager.only("pk", "kind", "details")
        for event in rows.iterator():
            new = _as_codes(event.kind, event.details or {})
            if new != event.details:
                CaseEvent._base_manager.filter(pk=event.pk).update(details=new)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_timeline_append_only")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]

"""Triage reasons were stored as text in the actor's language (a rule's reason, or the
sentence saying no rule matched). Store them as codes (`cases/triage.py`): a rule's reason
as the rule's name and its words, "no rule matched" as a code worded when read. A text
that matches neither is kept as it was written (`{"code": "text"}`). The case timeline is
append-only: its triggers are opened for this migration alone (see 0005)."""

from django.db import migrations, models


def _no_rule_texts() -> set[str]:
    from django.conf import settings
    from django.utils import translation
    from django.utils.translation import gettext

    sentence = "No simple-case rule matched; the case goes to a division as a complex case."
    texts = {sentence}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.add(gettext(sentence))
    return texts


def _converter(apps):
    TriageRule = apps.get_model("cases", "TriageRule")
    by_reason = {}
    for rule in TriageRule.objects.order_by("-court_id", "priority", "pk"):
        by_reason.setdefault(rule.reason, rule)
    no_rule = _no_rule_texts()

    def convert(reason):
        if not isinstance(reason, str):
            return reason
        if reason in no_rule:
            return {"code": "no_rule"}
        rule = by_reason.get(reason)
        if rule is not None:
            code = {"code": "rule", "rule": rule.name, "reason": rule.reason}
            if rule.reason_en:
                code["reason_en"] = rule.reason_en
            return code
        return {"code": "text", "text": reason}

    return convert


def forwards(apps, schema_editor):
    from tianping.audit.maintenance import rewriting

    convert = _converter(apps)
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.exclude(triage_reasons=[]).only("pk", "triage_reasons").iterator():
        reasons = case.triage_reasons
        if isinstance(reasons, list) and any(isinstance(r, str) for r in reasons):
            Case.objects.filter(pk=case.pk).update(triage_reasons=[convert(r) for r in reasons])
    CaseEvent = apps.get_model("cases", "CaseEvent")
    with rewriting(schema_editor.connection, CaseEvent._meta.db_table):
        rows = CaseEvent._base_manager.filter(kind="triaged").only("pk", "details")
        for event in rows.iterator():
            details = dict(event.details or {})
            reasons = details.get("reasons")
            if isinstance(reasons, list) and any(isinstance(r, str) for r in reasons):
                details["reasons"] = [convert(r) for r in reasons]
                CaseEvent._base_manager.filter(pk=event.pk).update(details=details)


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_timeline_no_bypass")]

    operations = [
        migrations.AddField(
            model_name="triagerule",
            name="reason_en",
            field=models.CharField(
                blank=True,
                help_text="Shown to English readers; the Chinese reason is shown when empty.",
                max_length=300,
                verbose_name="reason given, in English",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
    ]

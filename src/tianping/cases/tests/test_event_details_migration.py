"""Events written when details were labels in the actor's language become codes, once."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from tianping.cases.choices import ClosureMode, Procedure
from tianping.cases.events import case_timeline
from tianping.cases.models import CaseEvent

migration = importlib.import_module("tianping.cases.migrations.0005_event_details_as_codes")


def label(choice, language):
    with translation.override(language):
        return str(choice.label)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_labels_in_either_language_become_codes(language):
    old = {
        "previous": label(Procedure.SUMMARY, language),
        "procedure": label(Procedure.ORDINARY, language),
        "reason": "案情复杂",
    }

    new = migration._as_codes("procedure_changed", old)

    assert new == {"previous_procedure": "summary", "procedure": "ordinary", "reason": "案情复杂"}


def test_the_no_judge_reason_becomes_its_code():
    old = {"reason": "团队或部门中没有可分案的法官。"}

    assert migration._as_codes("assignment_pending", old) == {"reason_code": "no_judge"}


def test_codes_and_data_are_left_as_they_are():
    details = {"mode": "judgment", "closed_on": "2026-12-01", "judge": "王军"}

    assert migration._as_codes("closed", details) == details


@pytest.mark.django_db
def test_stored_events_are_rewritten_and_the_timeline_is_closed_again(demo):
    from tianping.cases.models import Case
    from tianping.courts.models import Court

    case = Case.objects.create(
        number="（2025）内2502民初9号", court=Court.objects.get(code="内2502"),
        type_code="民初", filed_on="2025-06-01",
    )
    CaseEvent.objects.bulk_create([CaseEvent(
        case=case, seq=1, kind="closed",
        details={"mode": label(ClosureMode.MEDIATION, "zh-hans"), "closed_on": "2025-07-01"},
    )])

    migration.forwards(apps, SimpleNamespace(connection=connection))

    event = CaseEvent.objects.get(case=case)
    assert event.details == {"mode": "mediation", "closed_on": "2025-07-01"}
    with translation.override("en"):
        shown = dict(case_timeline.details(event))["Closure mode"]
    assert shown == "Mediation (调解)"
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE cases_caseevent SET kind = 'x' WHERE id = %s", [event.pk])


triage_migration = importlib.import_module("tianping.cases.migrations.0009_triage_reasons_as_codes")


@pytest.mark.django_db
def test_triage_reasons_stored_as_text_become_codes(demo):
    """Reasons written before they were codes: a rule's reason, the no-rule sentence in
    either language, and a text matching neither (kept as written)."""
    from tianping.cases.models import Case, TriageRule
    from tianping.courts.models import Court

    rule = TriageRule.objects.get(name="小额诉讼", court=None)
    with translation.override("zh-hans"):
        no_rule_zh = str(translation.gettext(
            "No simple-case rule matched; the case goes to a division as a complex case."
        ))
    old = [rule.reason, no_rule_zh, "某个旧理由"]
    case = Case.objects.create(
        number="（2025）内2502民初10号", court=Court.objects.get(code="内2502"),
        type_code="民初", filed_on="2025-06-01", triage_reasons=old,
    )
    CaseEvent.objects.bulk_create([CaseEvent(
        case=case, seq=1, kind="triaged", details={"track": "simple", "reasons": old},
    )])

    triage_migration.forwards(apps, SimpleNamespace(connection=connection))

    case.refresh_from_db()
    expected = [
        {"code": "rule", "rule": "小额诉讼", "reason": rule.reason, "reason_en": rule.reason_en},
        {"code": "no_rule"},
        {"code": "text", "text": "某个旧理由"},
    ]
    assert case.triage_reasons == expected
    assert CaseEvent.objects.get(case=case).details["reasons"] == expected
    with translation.override("en"):
        assert case.triage_reason_texts() == [
            rule.reason_en,
            "No simple-case rule matched; the case goes to a division as a complex case.",
            "某个旧理由",
        ]
        shown = dict(case_timeline.details(CaseEvent.objects.get(case=case)))["Reasons"]
    assert shown.startswith(rule.reason_en)

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

"""Timeline events read in the reader's language, from one registry of kinds; nothing in the
actor's language and no raw key is ever stored or shown."""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import translation

from tianping.cases.events import case_timeline
from tianping.filings.events import filing_timeline
from tianping.lib.event_kinds import Timeline, choices

ROOT = Path(__file__).resolve().parents[2]
CONSTRUCTORS = {"case_event": case_timeline, "filing_event": filing_timeline}


def event_calls():
    """Every call of an event constructor in the application code: (where, name, call)."""
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if {"tests", "migrations"} & set(relative.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in CONSTRUCTORS:
                yield f"{relative}:{node.lineno}", node.func.id, node


def test_every_kind_an_action_writes_is_registered_with_its_labels():
    unregistered = []
    for where, name, call in event_calls():
        kind = call.args[1] if len(call.args) > 1 else None
        assert isinstance(kind, ast.Constant), f"{where}: the kind must be a literal"
        if kind.value not in CONSTRUCTORS[name].kinds:
            unregistered.append(f"{where} {kind.value}")
    assert unregistered == []


def _says_words(node) -> bool:
    """A detail computed as text in the actor's language: gettext or get_*_display()."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            func = inner.func
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            if name in {"_", "gettext", "gettext_lazy"}:
                return True
            if name.startswith("get_") and name.endswith("_display"):
                return True
            if name == "label" or getattr(func, "attr", "") == "label":
                return True
        if isinstance(inner, ast.Attribute) and inner.attr == "label":
            return True
    return False


def test_no_event_stores_text_in_the_actors_language():
    worded = [
        f"{where} {keyword.arg}"
        for where, _name, call in event_calls()
        for keyword in call.keywords
        if keyword.arg not in {"actor", "acted_for", "is_public"} and _says_words(keyword.value)
    ]
    assert worded == []


def event(kind, **details):
    return SimpleNamespace(kind=kind, details=details)


@pytest.mark.parametrize(
    ("language", "label", "sentence"),
    [("zh-hans", "已结案", "结案"), ("en", "Closed", "Case closed")],
)
def test_a_kind_reads_in_the_readers_language(language, label, sentence):
    closed = event("closed", mode="judgment", closed_on="2026-12-01")
    with translation.override(language):
        assert case_timeline.label(closed) == label
        assert sentence in case_timeline.sentence(closed)


def test_codes_in_details_read_as_labels_in_the_readers_language():
    changed = event("procedure_changed", procedure="summary", reason="事实清楚")

    with translation.override("en"):
        english = case_timeline.sentence(changed)
        details = dict(case_timeline.details(changed))
    with translation.override("zh-hans"):
        chinese = case_timeline.sentence(changed)

    assert english == "Procedure changed to Summary procedure (简易程序)"
    assert details["Procedure"] == "Summary procedure (简易程序)"
    assert "summary" not in chinese and "简易程序" in chinese


def test_an_old_event_holding_a_label_in_the_actors_language_is_read_again():
    from tianping.cases.choices import Procedure

    with translation.override("zh-hans"):
        stored = str(Procedure("summary").label)  # what an older version stored
    old = event("procedure_changed", procedure=stored)

    with translation.override("en"):
        assert case_timeline.sentence(old) == "Procedure changed to Summary procedure (简易程序)"


def test_an_unregistered_kind_shows_as_words_not_as_a_key():
    timeline = Timeline("test")
    assert timeline.label(event("review_due_on")) == "Review due on"


def test_a_kind_cannot_be_registered_twice():
    timeline = Timeline("test")
    timeline.kind("closed", "Closed")
    with pytest.raises(ValueError, match="twice"):
        timeline.kind("closed", "Closed again")


def test_an_unknown_code_reads_as_itself():
    from tianping.cases.choices import Procedure

    assert choices(Procedure)("not-a-code") == "not-a-code"

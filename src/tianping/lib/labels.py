"""The label of a field's value in the reader's language, as `get_FOO_display()` gives it,
from a table made once per model field and language: a list of fifty rows asks for a few
hundred labels, and `get_FOO_display()` rebuilds the field's whole table for each."""

import functools

from django.utils.translation import get_language


@functools.cache
def _table(model, field: str, language: str | None) -> dict:
    return {value: str(text) for value, text in model._meta.get_field(field).flatchoices}


def label(obj, field: str) -> str:
    """The label of OBJ's FIELD (its value itself if it has no label)."""
    value = getattr(obj, field)
    return _table(type(obj), field, get_language()).get(value, value)


def labels_of(model, field: str) -> dict:
    """Every label of MODEL's FIELD in the reader's language, by value (for rows read as
    plain values, which have no `get_FOO_display()`)."""
    return _table(model, field, get_language())

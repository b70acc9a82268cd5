"""Text people send, cleaned and bounded the same way on the pages and in the API.

NUL and the other control characters (all but tab, line feed and carriage return) are
removed from every text input: PostgreSQL refuses NUL in text (the request failed with
an error 500) and SQLite stored it; nobody means to type them. ``clean_text`` is the one
helper; ``CleanTextForm`` applies it to everything a form receives, ``ApiText`` and
``ApiList`` are the text and list types of API schemas, with their bounds and messages in
the reader's language.
"""

import re
from typing import Annotated

from django import forms
from django.http import QueryDict
from django.utils.translation import ngettext
from pydantic import BeforeValidator, Field

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    """VALUE without NUL and control characters when it is text; anything else as it is."""
    return CONTROL.sub("", value) if isinstance(value, str) else value


def clean_data(data):
    """A copy of form DATA (a QueryDict or a dict) with every text value cleaned."""
    if data is None:
        return None
    if isinstance(data, QueryDict):
        copy = data.copy()
        for key, values in data.lists():
            copy.setlist(key, [clean_text(v) for v in values])
        return copy
    return {key: clean_text(value) for key, value in data.items()}


class CleanTextForm(forms.Form):
    """A form whose data is cleaned (``clean_text``) before any field reads it."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(clean_data(data), *args, **kwargs)


def too_long(value: str, max_length: int) -> str | None:
    """The message for text longer than MAX_LENGTH characters, else None."""
    if len(value) <= max_length:
        return None
    return ngettext(
        "At most %(max)d character (this has %(length)d).",
        "At most %(max)d characters (this has %(length)d).",
        max_length,
    ) % {"max": max_length, "length": len(value)}


def bounded_text(value, limit: int, field: str, *, required: bool = False,
                 message: str = "") -> str:
    """VALUE cleaned and stripped, for an action: a `ValidationError` on FIELD when it is
    longer than LIMIT characters, or empty while REQUIRED (with MESSAGE)."""
    from django.core.exceptions import ValidationError

    value = clean_text(value or "").strip()
    if required and not value:
        raise ValidationError({field: message})
    if problem := too_long(value, limit):
        raise ValidationError({field: problem})
    return value


def ApiText(max_length: int):  # noqa: N802 (a type)
    """Text in an API schema: cleaned, at most MAX_LENGTH characters."""

    def check(value):
        value = clean_text(value)
        if isinstance(value, str) and (message := too_long(value, max_length)):
            raise ValueError(message)
        return value

    return Annotated[str, Field(max_length=max_length), BeforeValidator(check)]


def ApiList(item, max_items: int):  # noqa: N802 (a type)
    """A list in an API schema of at most MAX_ITEMS items."""

    def check(value):
        if isinstance(value, list | tuple) and len(value) > max_items:
            raise ValueError(
                ngettext(
                    "At most %(max)d item (this has %(count)d).",
                    "At most %(max)d items (this has %(count)d).",
                    max_items,
                )
                % {"max": max_items, "count": len(value)}
            )
        return value

    return Annotated[list[item], Field(max_length=max_items), BeforeValidator(check)]

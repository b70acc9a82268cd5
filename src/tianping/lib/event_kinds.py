"""One registry of the kinds of timeline events, and how each reads in the reader's language.

An event stores its kind and its details as codes and plain values (dates, numbers, names,
choice codes). Nothing in the actor's language is stored: the text is made when the event
is read, from the registry, in the language of whoever reads it. Each app registers the
kinds it writes (`filings.events`, `cases.events`, `deadlines.events`); a test fails if an
action writes a kind nobody registered.

    timeline = Timeline("case")
    timeline.kind("closed", _("Closed"), _("Case closed: %(mode)s, %(closed_on)s"))
    timeline.value("mode", choices(ClosureMode))
    timeline.label(event)      # "Closed" / "已结案"
    timeline.sentence(event)   # "Case closed: judgment, 2026-12-01"
    timeline.details(event)    # [("Closure mode", "judgment"), ("Closing date", ...)]
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class EventKind:
    code: str
    label: str  # short, for staff timelines (lazy)
    sentence: str | None = None  # with %(detail)s placeholders, for parties (lazy)


def _when(value):
    if isinstance(value, str) and len(value) > 19 and value[10:11] == "T":
        parsed = parse_datetime(value)
        if parsed is not None:
            return date_format(timezone.localtime(parsed), "Y-m-d H:i")
    return value


class Timeline:
    """The registered kinds of one timeline and the readers of their detail values."""

    def __init__(self, name: str):
        self.name = name
        self.kinds: dict[str, EventKind] = {}
        self.values: dict[str, Callable[[object], str]] = {}
        self.detail_labels: dict[str, str] = {}

    def kind(self, code: str, label, sentence=None) -> None:
        if code in self.kinds:
            raise ValueError(f"{self.name} event kind {code!r} is registered twice")
        self.kinds[code] = EventKind(code, label, sentence)

    def value(self, key: str, reader: Callable[[object], str], label=None) -> None:
        """How the detail KEY reads (e.g. a choice code as its label) and its caption."""
        self.values[key] = reader
        if label is not None:
            self.detail_labels[key] = label

    def caption(self, key: str, label) -> None:
        self.detail_labels[key] = label

    def read(self, key: str, value) -> str:
        if isinstance(value, list):
            return "；".join(str(self.read(key, v)) for v in value)
        reader = self.values.get(key)
        return str(reader(value)) if reader else str(_when(value))

    def label(self, event) -> str:
        """The kind's short label; an unregistered kind shows as words, never as a key."""
        found = self.kinds.get(event.kind)
        return str(found.label) if found else capfirst(event.kind.replace("_", " "))

    def sentence(self, event) -> str:
        """The event as a sentence for the parties, its details read in this language."""
        found = self.kinds.get(event.kind)
        if found is None or found.sentence is None:
            return self.label(event)
        values = {key: self.read(key, value) for key, value in (event.details or {}).items()}
        try:
            return str(found.sentence) % values
        except (KeyError, TypeError, ValueError):
            return self.label(event)

    def details(self, event) -> list[tuple[str, str]]:
        """(caption, value) for each recorded detail, in the reader's language."""
        return [
            (
                str(self.detail_labels.get(key) or capfirst(key.replace("_", " "))),
                self.read(key, value),
            )
            for key, value in (event.details or {}).items()
            if value not in (None, "", [])
        ]


def choices(choice_class) -> Callable[[object], str]:
    """Read a stored choice code as its label. Events written before details were stored
    as codes hold a label in the actor's language: it is recognised and read again."""

    def read(value):
        if value in choice_class.values:
            return choice_class(value).label
        code = legacy_code(choice_class, value)
        return choice_class(code).label if code else value

    return read


def legacy_code(choice_class, text):
    """The code whose label, in any language of the platform, is TEXT (or None)."""
    from django.conf import settings

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choice_class.choices:
                if str(label) == text:
                    return value
    return None


def mapping(labels: dict) -> Callable[[object], str]:
    """Read a code from a fixed table of lazy labels."""
    return lambda value: labels.get(value, value)


def yes_no(value) -> str:
    return _("yes") if value else _("no")

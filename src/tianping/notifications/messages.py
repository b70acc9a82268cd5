"""How each kind of message reads, in the reader's language.

A message is stored as a kind and plain parameters; the app that sends a kind registers
its reader here (`register`), which returns the text and the link in the language active
when it is read. Apps register from their `messages` or `events` modules, which
`NotificationsConfig.ready` loads (autodiscovery: this app imports none of them).

    register("filing.event", lambda params: (text, link))
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

_readers: dict[str, Callable[[dict], tuple[str, str]]] = {}


def register(kind: str, reader: Callable[[dict], tuple[str, str]]) -> None:
    if kind in _readers and _readers[kind] is not reader:
        raise ValueError(f"message kind {kind!r} is registered twice")
    _readers[kind] = reader


def registered() -> set[str]:
    return set(_readers)


def read(note) -> tuple[str, str]:
    """(text, link) of NOTE in the active language; an old message as it was stored."""
    if not note.kind:
        return note.text, note.link
    reader = _readers.get(note.kind)
    if reader is None:
        return note.text or _("A message"), note.link
    try:
        return reader(note.params or {})
    except (KeyError, TypeError, ValueError):
        return note.text or _("A message"), note.link

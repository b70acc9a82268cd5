"""Explanation steps: a code and its parameters, rendered in the reader's language.

Computations record what they did cheaply (no translation at compute time); the text is
produced when someone reads it, so a judge reads Chinese and an English reader English,
from the same stored explanation.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "rule": _("%(name)s: %(length)s (%(source)s)."),
    "start": _("The period starts on %(day)s; that day is not counted."),
    "months": _(
        "%(n)s month(s) from the start (extensions included), on the corresponding "
        "day or the month's last day: %(day)s."
    ),
    "days": _("%(n)s day(s), counted from the next day: %(day)s."),
    "extension": _("Extension of %(n)s day(s): %(day)s."),
    "excluded": _("%(kind)s %(start)s–%(end)s not counted: %(n)s day(s) added, %(day)s."),
    "rest-day-moved": _(
        "%(day)s is a rest day%(name)s; the period ends on the next working "
        "day, %(moved)s (Civil Procedure Law art. 85)."
    ),
    "in-custody": _(
        "In custody: the period ends on its last day even if that is a rest day "
        "(Criminal Procedure Law art. 105)."
    ),
    "fee-reduced": _(
        "%(before)s yuan reduced by %(percent)s%%: %(reduced_by)s yuan less (to the fen, "
        "half up), %(after)s yuan to pay (Measures on the Payment of Litigation Costs, "
        "art. 46)."
    ),
    "mediation-clock": _("%(name)s: %(length)s (%(source)s)."),
    "working-days": _(
        "%(n)s working day(s), counted from the next day (%(skipped)s rest day(s) "
        "skipped): %(day)s."
    ),
    "appeal-party-served": _(
        "%(party)s was served on %(served)s: %(n)s days to appeal (%(source)s), counted "
        "from the next day: %(day)s."
    ),
    "appeal-party-unserved": _("%(party)s has not been served yet: the period has not begun."),
    "appeal-pending": _(
        "An appeal was filed in time: the document does not take effect while it is heard."
    ),
    "effective-after-period": _(
        "The last appeal period ends on %(day)s; without an appeal the document takes "
        "effect the next day, %(effective)s (Civil Procedure Law art. 158)."
    ),
    "effective-mediation": _(
        "A mediation document cannot be appealed: it takes effect when the last party "
        "signs for it, %(day)s (Civil Procedure Law art. 100)."
    ),
    "effective-small-claims": _(
        "A small-claims judgment is final (一审终审): it takes effect when served on the "
        "last party, %(day)s (Civil Procedure Law art. 165)."
    ),
    "effective-second-instance": _(
        "A second-instance judgment or ruling is final: it takes effect when served on "
        "the last party, %(day)s (Civil Procedure Law art. 182)."
    ),
    "effective-final-ruling": _(
        "This ruling cannot be appealed: it takes effect when served on the last party, "
        "%(day)s (Civil Procedure Law arts. 157, 158, 185)."
    ),
    "holiday-data-missing": _(
        "No holiday schedule for %(year)s is on file yet: only weekends were "
        "treated as rest days, so this date may still move when the schedule "
        "is published."
    ),
}


def weekends_only_years(steps) -> list[int]:
    """The years in which only weekends counted as rest days (no holiday schedule on file),
    from Step objects or their stored dictionaries."""
    years = set()
    for step in steps:
        code, params = (
            (step.code, dict(step.params)) if isinstance(step, Step)
            else (step.get("code"), step.get("params") or {})
        )
        if code == "holiday-data-missing":
            years.add(int(params["year"]))
    return sorted(years)


@dataclass(frozen=True)
class Step:
    """One step of a computation: a code for machines, parameters, and text for people."""

    code: str
    on: datetime.date | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        return render(self.code, dict(self.params))

    def as_dict(self, *, with_text: bool = True) -> dict:
        data = {
            "code": self.code,
            "date": self.on.isoformat() if self.on else None,
            "params": {k: _plain(v) for k, v in self.params},
        }
        if with_text:
            data["text"] = self.text
        return data


def _plain(value):
    return (
        value.isoformat()
        if hasattr(value, "isoformat")
        else (value if isinstance(value, int | str | type(None)) else str(value))
    )


def render(code: str, params: dict) -> str:
    """The text of a stored step in the active language."""
    values = dict(params)
    if code == "rule":
        from tianping.law.rules import BY_CODE

        rule = BY_CODE.get(values.get("rule", ""))
        if rule is not None:
            values.update(name=rule.name, length=rule.length_text, source=rule.source)
    if code == "mediation-clock":
        from tianping.law.mediation import CLOCKS

        clock = CLOCKS.get(values.get("clock", ""))
        if clock is not None:
            length = (
                _("%(n)d working day(s)") % {"n": clock.working_days} if clock.working_days
                else _("%(n)d day(s)") % {"n": clock.days}
            )
            values.update(name=clock.name, length=length, source=clock.source)
    if code == "excluded":
        from tianping.law.limits import ExclusionKind

        kind = values.get("kind", "")
        values["kind"] = ExclusionKind(kind).label if kind in ExclusionKind.values else kind
    if code == "rest-day-moved":
        values["name"] = f" ({values['name']})" if values.get("name") else ""
    try:
        return str(MESSAGES[code]) % values
    except (KeyError, TypeError, ValueError):
        return code

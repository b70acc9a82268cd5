"""The monthly and annual reports (审判质效月报 / 年报, issue 13 part 6): one court, with
the courts below it or not, as an Excel workbook (`workbook.py`) or a PDF (`document.py`),
from the same `Report`.

Every figure comes from `compute.compute` (through `reads.compared` and
`reads.monthly_trend`): nothing here counts cases. A period that ends after today is
counted up to today, and the report says so.

    report = build(court, year=2026, month=11, include_lower=True)
    data = workbook_bytes(report)      # or pdf_bytes(report)
    filename(report, "xlsx")           # 内2502-2026年11月-审判质效月报.xlsx
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.courts.models import Court
from tianping.indicators import compute, reads, registry
from tianping.lib.names import local_name

MONTH, YEAR = "month", "year"
FORMATS = ("xlsx", "pdf")


@dataclass(frozen=True)
class CourtPart:
    """The indicators of one court (or of the court with those below, `total`)."""

    label: str
    code: str
    rows: list[reads.Compared]
    total: bool = False


@dataclass
class Report:
    court: Court
    court_name: str
    period: str  # MONTH or YEAR
    year: int
    month: int | None
    start: datetime.date
    end: datetime.date
    asked_end: datetime.date  # the period's last day (END is today when it has not come)
    include_lower: bool
    parts: list[CourtPart]
    months: list[reads.Month]
    made_at: datetime.datetime
    indicators: tuple = field(default=registry.COMPUTED)

    @property
    def cut_short(self) -> bool:
        return self.end < self.asked_end

    @property
    def period_label(self) -> str:
        if self.period == MONTH:
            return _("%(year)d-%(month)02d") % {"year": self.year, "month": self.month}
        return str(self.year)

    @property
    def title(self) -> str:
        if self.period == MONTH:
            return _("Trial performance report for %(year)d-%(month)02d") % {
                "year": self.year, "month": self.month}
        return _("Trial performance report for %(year)d") % {"year": self.year}

    @property
    def period_note(self) -> str:
        text = _("Period %(start)s to %(end)s; made %(at)s.") % {
            "start": self.start.isoformat(), "end": self.end.isoformat(),
            "at": timezone.localtime(self.made_at).strftime("%Y-%m-%d %H:%M")}
        if self.cut_short:
            text += " " + _("The period has not ended: counted up to today, %(end)s.") % {
                "end": self.end.isoformat()}
        if self.include_lower:
            text += " " + _("The first figures are the court's and its lower courts' "
                            "together; each court follows on its own.")
        return text


def period_of(year: int, month: int | None) -> tuple[datetime.date, datetime.date]:
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start = datetime.date(year, month, 1)
    return start, reads.month_end(start)


def build(court: Court, *, year: int, month: int | None = None, include_lower: bool = False,
          today: datetime.date | None = None) -> Report:
    """The report of COURT for MONTH of YEAR (the whole year when MONTH is None). Raises
    ValidationError for a period that has not begun or a month out of 1..12."""
    today = today or timezone.localdate()
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(_("Choose a month from 1 to 12."))
    if not 1990 <= year <= 9999:
        raise ValidationError(_("Choose a year from 1990 on."))
    start, asked_end = period_of(year, month)
    if start > today:
        raise ValidationError(_("The period has not begun yet."))
    end = min(asked_end, today)
    include_lower = include_lower and bool(court.descendant_ids())  # else the same twice
    whole = compute.make_slice(court, start, end, include_lower=include_lower)
    label = local_name(court)
    parts = []
    if include_lower:
        parts.append(CourtPart(_("%(court)s with the courts below") % {"court": label},
                               court.code, reads.compared(whole), total=True))
        below = Court.objects.filter(pk__in=whole.court_ids).order_by("code")
    else:
        below = [court]
    for each in below:
        s = compute.make_slice(each, start, end)
        parts.append(CourtPart(local_name(each), each.code, reads.compared(s)))
    months = reads.monthly_trend(whole, end.month if month is None else 12)
    return Report(court=court, court_name=label, period=YEAR if month is None else MONTH,
                  year=year, month=month, start=start, end=end, asked_end=asked_end,
                  include_lower=include_lower, parts=parts, months=months,
                  made_at=timezone.now())


def filename(report: Report, fmt: str) -> str:
    """内2502-2026年11月-审判质效月报.xlsx, 内2502-2026年-审判质效年报.pdf (the documents'
    names stay Chinese, like their contents' court names)."""
    if report.period == MONTH:
        name = f"{report.court.code}-{report.year}年{report.month}月-审判质效月报"
    else:
        name = f"{report.court.code}-{report.year}年-审判质效年报"
    if report.include_lower:
        name += "（含下级法院）"
    return f"{name}.{fmt}"


def workbook_bytes(report: Report) -> bytes:
    from tianping.indicators.reports.workbook import workbook_bytes as make

    return make(report)


def pdf_bytes(report: Report) -> bytes:
    from tianping.indicators.reports.document import pdf_bytes as make

    return make(report)


def render(report: Report, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValidationError(_("Choose Excel or PDF."))
    return workbook_bytes(report) if fmt == "xlsx" else pdf_bytes(report)

"""The safe template language of court-edited documents (pure: no ORM, no Django templates).

A body is plain text a court writes. `{{ 案号 }}` is replaced by the value of the field 案号
from a dict of plain strings made by `documents.values`; nothing else is read, so a body
can never reach a Python object, an attribute or a filter. A field the platform does not
know is refused when the template is saved (`unknown_fields`). When a document is laid
out the text is filled in, ASCII punctuation between Chinese characters becomes full-width
(`full_width`), then every paragraph is escaped (`paragraphs`): the body is text, never
HTML.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

MAX_BODY = 8000  # characters of a body
MAX_TITLE = 40

# Every field a body may use, with what it holds (shown beside the editor).
FIELDS = {
    "法院名称": _("Name of the court"),
    "法院地址": _("Address of the court"),
    "法院电话": _("Telephone of the court"),
    "案号": _("Case number"),
    "案由": _("Cause of action"),
    "审理程序": _("Procedure (普通程序, 简易程序 ...)"),
    "立案日期": _("Day the case was filed"),
    "原告": _("Plaintiffs (or applicants), their names"),
    "被告": _("Defendants (or respondents), their names"),
    "第三人": _("Third parties, their names"),
    "当事人": _("Every party with their role"),
    "受送达人": _("The addressee: the party or representative the document is for"),
    "受送达人身份": _("The addressee's standing (原告, 被告, 原告的委托诉讼代理人 ...)"),
    "受送达人地址": _("The addressee's address as the case has it"),
    "事由": _("What the session is for (开庭审理, 询问, 调解, 宣判)"),
    "开庭时间": _("Day and time of the hearing"),
    "开庭地点": _("Place of the hearing (courtroom with the court's address, online "
                  "link or circuit place)"),
    "法庭": _("Courtroom"),
    "不到庭后果": _("What follows from not appearing, by the addressee's role (Civil "
                    "Procedure Law arts. 146, 147)"),
    "承办法官": _("Judge of the case"),
    "法官电话": _("Judge's telephone"),
    "法官助理": _("Judge assistant"),
    "书记员": _("Court clerk"),
    "书记员电话": _("Court clerk's telephone"),
    "举证期限": _("Period to produce evidence (the day set, or the days from receipt)"),
    "答辩期限": _("Period to answer (15 days from receipt of the complaint)"),
    "受理费": _("Acceptance fee, as 1,234.50 元"),
    "标的额": _("Amount in dispute, as 1,234.50 元"),
    "日期": _("Today's date in Chinese numerals (二〇二六年十二月二日)"),
    "日期数字": _("Today's date in figures (2026年12月2日)"),
}

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]{1,20})\s*\}\}")
CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}


def fields_in(body: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(body)]


def unknown_fields(body: str) -> list[str]:
    """The fields BODY names that the platform does not fill, in order, each once."""
    return list(dict.fromkeys(f for f in fields_in(body) if f not in FIELDS))


def has_stray_braces(body: str) -> bool:
    """`{{` or `}}` left over once the placeholders are taken out: a field mistyped."""
    rest = PLACEHOLDER.sub("", body)
    return "{{" in rest or "}}" in rest


def fill(body: str, values: dict[str, str]) -> str:
    """BODY with each placeholder replaced by its value (plain text; one pass, so a value
    that looks like a placeholder stays as it is)."""

    def value(match):
        found = values.get(match.group(1), "")
        return found if isinstance(found, str) else str(found)

    return PLACEHOLDER.sub(value, body)


_PUNCT = re.compile(rf"(?<=[{CJK}])[ \t]*([,;:!?.])(?=[ \t]*(?:[{CJK}]|$))[ \t]*", re.MULTILINE)
_OPEN = re.compile(rf"\(\s*(?=[^()\n]*[{CJK}][^()\n]*\))")
_CLOSE = re.compile(rf"(?<=[{CJK}])\s*\)")


def full_width(text: str) -> str:
    """ASCII punctuation between Chinese characters made full-width: 你好,世界 → 你好，世界;
    (原告) → （原告）. Figures (1,234.50), links and Latin text are left alone."""
    text = _PUNCT.sub(lambda m: FULL[m.group(1)], text)
    text = _OPEN.sub("（", text)
    return _CLOSE.sub("）", text)


def paragraphs(text: str) -> list[str]:
    """TEXT as escaped HTML paragraphs: a blank line parts two paragraphs; each line of a
    paragraph is its own indented line (items 一、二、 in a list)."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return ["".join(f'<span class="line">{escape(line)}</span>' for line in block.split("\n"))
            for block in blocks if block.strip()]


def yuan(amount) -> str:
    """An amount as 1,234.50 元 (two decimals, half up)."""
    if amount is None or amount == "":
        return ""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value:,.2f} 元"


_DIGITS = "〇一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def chinese_date(day: datetime.date) -> str:
    """二〇二六年十二月二日: the year digit by digit, month and day as numbers."""
    year = "".join(_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{_chinese_number(day.month)}月{_chinese_number(day.day)}日"


def figure_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""

"""The shape of a court code (法院代字) at each level.

Source: 《最高人民法院关于人民法院案件案号的若干规定》 (法〔2015〕137号, amended by
法〔2018〕335号): the SPC is 最高法; a high court is its province's one-character
abbreviation (内 for Inner Mongolia, 兵 and 军 for the XPCC and the PLA); an intermediate
court adds two digits, a basic court four. Pure: no ORM.
"""

import re

from django.utils.translation import gettext as _

SUPREME_CODE = "最高法"
_HIGH = re.compile(r"^[\u4e00-\u9fff]$")
_INTERMEDIATE = re.compile(r"^([\u4e00-\u9fff])(\d{2})$")
_BASIC = re.compile(r"^([\u4e00-\u9fff])(\d{4})$")


def court_code_error(code: str, level: str, parent_code: str | None) -> str | None:
    """Return why CODE does not fit a court of LEVEL under PARENT_CODE, or None if it fits."""
    from tianping.courts.choices import CourtLevel

    code = (code or "").strip()
    if level == CourtLevel.SUPREME:
        if code != SUPREME_CODE:
            return _("The Supreme People's Court's code is %(code)s.") % {"code": SUPREME_CODE}
        return None
    patterns = {
        CourtLevel.HIGH: (_HIGH, _("one Chinese character, e.g. 内")),
        CourtLevel.INTERMEDIATE: (
            _INTERMEDIATE,
            _("the high court's character and two digits, e.g. 内25"),
        ),
        CourtLevel.BASIC: (_BASIC, _("the high court's character and four digits, e.g. 内2502")),
    }
    pattern, shape = patterns[level]
    if not pattern.match(code):
        return _("Court code %(code)s does not fit this level: it must be %(shape)s.") % {
            "code": code,
            "shape": shape,
        }
    if level != CourtLevel.HIGH and parent_code and parent_code[0] != code[0]:
        return _("Court code %(code)s must begin with the province character %(prefix)s.") % {
            "code": code,
            "prefix": parent_code[0],
        }
    return None


# The province-level area codes of GB/T 2260 (the first two digits of a resident ID) and
# the character of that province's courts (法〔2015〕137号, annex).
PROVINCE_CHARACTERS = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "内", "21": "辽", "22": "吉",
    "23": "黑", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣",
    "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼",
    "50": "渝", "51": "川", "52": "黔", "53": "云", "54": "藏", "61": "陕", "62": "甘",
    "63": "青", "64": "宁", "65": "新",
}  # fmt: skip


def province_character(area_code: str) -> str | None:
    """The court character of the province of AREA_CODE (a resident ID or area code:
    152502... gives 内); None when it names no province."""
    return PROVINCE_CHARACTERS.get((area_code or "")[:2])

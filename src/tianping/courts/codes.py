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

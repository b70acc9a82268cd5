"""The columns of a historical import file and the words its cells may hold.

Headers are the Chinese ones of the issue, or an English alias (case, spaces and
underscores do not matter). Choice cells take the Chinese word or the platform's code.
"""

from django.utils.translation import gettext_lazy as _

from tianping.appeals.choices import Outcome, Stage
from tianping.cases.choices import ClosureMode, Procedure
from tianping.mediation.choices import MediationStatus

# key: (Chinese header, English aliases, required)
COLUMNS = {
    "number": ("案号", ("case number", "number", "case no"), True),
    "filed_on": ("立案日期", ("filed on", "filing date", "filed"), True),
    "closed_on": ("结案日期", ("closed on", "closing date", "closed"), False),
    "closure": ("结案方式", ("closure mode", "closing mode", "closed by", "closure"), False),
    "cause": ("案由", ("cause", "cause of action"), False),
    "procedure": ("适用程序", ("procedure",), False),
    "division": ("承办部门", ("division", "department"), False),
    "judge": ("承办法官", ("judge",), False),
    "amount": ("标的额", ("amount", "amount in dispute"), False),
    "expires_on": ("审限届满日期", ("time limit", "time limit expires", "expires on",
                                "time limit expires on"), False),
    "origin": ("原审案号", ("origin", "case below", "original case number",
                         "previous case number"), False),
}


def header_key(text) -> str:
    return " ".join(str(text or "").replace("\ufeff", "").replace("_", " ")
                    .replace("-", " ").lower().split())


HEADERS = {}
for _key, (_zh, _aliases, _required) in COLUMNS.items():
    HEADERS[header_key(_zh)] = _key
    HEADERS[header_key(_key)] = _key
    for _alias in _aliases:
        HEADERS[header_key(_alias)] = _key
REQUIRED = [key for key, (_zh, _a, required) in COLUMNS.items() if required]

# 结案方式: (closure mode, appeal outcome); the outcome only on a second-instance case.
CLOSURES = {
    "判决": (ClosureMode.JUDGMENT, ""),
    "裁定": (ClosureMode.RULING, ""),
    "调解": (ClosureMode.MEDIATION, ""),
    "撤诉": (ClosureMode.WITHDRAWAL, ""),
    "驳回起诉": (ClosureMode.DISMISSAL, ""),
    "移送": (ClosureMode.TRANSFER, ""),
    "终结": (ClosureMode.TERMINATION, ""),
    "其他": (ClosureMode.OTHER, ""),
}
for _mode in ClosureMode:
    CLOSURES[_mode.value] = (_mode.value, "")
APPEAL_CLOSURES = {
    "维持原判": (ClosureMode.JUDGMENT, Outcome.UPHELD),
    "改判": (ClosureMode.JUDGMENT, Outcome.AMENDED),
    "发回重审": (ClosureMode.RULING, Outcome.REMANDED),
    Outcome.UPHELD.value: (ClosureMode.JUDGMENT, Outcome.UPHELD),
    Outcome.AMENDED.value: (ClosureMode.JUDGMENT, Outcome.AMENDED),
    Outcome.REMANDED.value: (ClosureMode.RULING, Outcome.REMANDED),
}
# On appeal, a mediation or a withdrawal is also the appeal's outcome.
APPEAL_OUTCOME_OF_MODE = {ClosureMode.MEDIATION: Outcome.MEDIATED,
                          ClosureMode.WITHDRAWAL: Outcome.WITHDRAWN}
PREFILING_ENDINGS = {
    "调解成功": MediationStatus.SETTLED, "调解不成功": MediationStatus.FAILED,
    "settled": MediationStatus.SETTLED, "failed": MediationStatus.FAILED,
}
PROCEDURES = {
    "普通程序": Procedure.ORDINARY, "简易程序": Procedure.SUMMARY,
    "小额诉讼程序": Procedure.SMALL_CLAIMS, "小额诉讼": Procedure.SMALL_CLAIMS,
    "特别程序": Procedure.SPECIAL,
    **{p.value: p.value for p in (Procedure.ORDINARY, Procedure.SUMMARY,
                                   Procedure.SMALL_CLAIMS, Procedure.SPECIAL)},
}
PREFILING_SUFFIX = "诉前调"


def default_procedure(type_code: str) -> str:
    """The procedure of a case whose row names none."""
    if type_code.startswith("执"):
        return Procedure.ENFORCEMENT
    if type_code == "民督":
        return Procedure.PAYMENT_ORDER
    if type_code == "民特":
        return Procedure.SPECIAL
    return Procedure.ORDINARY


def is_appeal(type_code: str) -> bool:
    return type_code.endswith("终")


def stage_of(type_code: str) -> str:
    """The stage of a case that came from its 原审案号, by its own type code."""
    if type_code.endswith("终"):
        return Stage.SECOND
    if type_code.endswith("申"):
        return Stage.RETRIAL_REVIEW
    if type_code.endswith("再"):
        return Stage.RETRIAL
    if type_code.startswith("执"):
        return Stage.ENFORCEMENT
    if type_code.endswith("初"):
        return Stage.REMAND  # a first instance after a case above: retried after remand
    return Stage.OTHER


def column_names(keys) -> str:
    return "、".join(f"{COLUMNS[k][0]} ({COLUMNS[k][1][0]})" for k in keys)


WARNING_TEXTS = {
    "origin_missing": _("原审案号 %(value)s is in neither the file nor the platform: kept as "
                        "a reference."),
    "origin_unparsed": _("原审案号 %(value)s is not a case number: kept as a reference."),
    "cause_unknown": _("The cause “%(value)s” is not in the catalog: kept as text."),
}

"""The plain strings a document's text is filled with (`placeholders.FIELDS`), read from a
case, its addressee and a hearing. Only strings leave here: the body never sees a model.
Documents are the court's, in Chinese whatever the reader's language."""

import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from tianping.documents.placeholders import FIELDS, chinese_date, figure_date, yuan

ROLES = {"plaintiff": "原告", "defendant": "被告", "third_party": "第三人",
         "applicant": "申请人", "respondent": "被申请人", "private_prosecutor": "自诉人"}
CLAIMANTS = ("plaintiff", "applicant", "private_prosecutor")
OPPONENTS = ("defendant", "respondent")
PROCEDURES = {"ordinary": "普通程序", "summary": "简易程序", "small_claims": "小额诉讼程序",
              "special": "特别程序", "enforcement": "执行程序",
              "payment_order": "督促程序"}
SESSIONS = {"hearing": "开庭审理", "inquiry": "询问", "mediation": "调解",
            "pronouncement": "宣判"}
WEEKDAYS = "一二三四五六日"

# What follows from not appearing (民事诉讼法 arts. 146, 147, 112; 民诉解释 arts. 236, 240).
CONSEQUENCES = {
    "plaintiff": "原告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以按撤诉"
                 "处理；被告反诉的，可以缺席判决（《中华人民共和国民事诉讼法》第一百四十六条）。",
    "applicant": "申请人经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以按撤"
                 "回申请处理（参照《中华人民共和国民事诉讼法》第一百四十六条）。",
    "defendant": "被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决"
                 "（《中华人民共和国民事诉讼法》第一百四十七条）；必须到庭的被告，经两次传票传唤，"
                 "无正当理由拒不到庭的，可以拘传（第一百一十二条）。",
    "respondent": "被申请人经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺"
                  "席裁判（参照《中华人民共和国民事诉讼法》第一百四十七条）。",
    "third_party": "有独立请求权的第三人经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退"
                   "庭的，比照民事诉讼法第一百四十六条的规定按撤诉处理；无独立请求权的第三人拒不到"
                   "庭的，不影响案件的审理（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的"
                   "解释》第二百三十六条、第二百四十条）。",
}
# 民诉证据规定 art. 51: at least 15 days (first instance, ordinary); at most 15 (summary);
# small claims as a rule at most 7. The platform's default when the judge sets no day.
EVIDENCE_DAYS = {"ordinary": "十五日", "summary": "十五日", "small_claims": "七日"}


def _names(parties, roles) -> str:
    return "、".join(p.name for p in parties if p.role in roles)


def _person(user) -> tuple[str, str]:
    if user is None:
        return "", ""
    return (user.full_name or user.username), (user.phone or "")


def when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    minutes = f"{local.minute}分" if local.minute else ""
    return (f"{figure_date(local.date())}（星期{WEEKDAYS[local.weekday()]}）"
            f"{local.hour}时{minutes}")


def place(hearing, court) -> str:
    if hearing.place_kind == "courtroom" and hearing.courtroom_id:
        where = hearing.courtroom.name
        location = hearing.courtroom.location or court.address
        return f"{court.name}{where}（{location}）" if location else f"{court.name}{where}"
    if hearing.place_kind == "online":
        return f"在线庭审（{hearing.link}）"
    return f"{hearing.township}{hearing.address}（巡回审判）"


APPEAL_ROLES = {"appellant": "上诉人", "appellee": "被上诉人", "below": ""}


def role_name(party) -> str:
    """The party's role in Chinese; in a second-instance case with the role below:
    上诉人（原审被告）, 被上诉人（原审原告）, 原审第三人."""
    role = ROLES.get(party.role, "")
    appeal_role = getattr(party, "appeal_role", "")
    if not appeal_role:
        return role
    standing_on_appeal = APPEAL_ROLES.get(appeal_role, "")
    return f"{standing_on_appeal}（原审{role}）" if standing_on_appeal else f"原审{role}"


def standing(party=None, representative=None) -> str:
    if representative is not None:
        party = representative.party
        return f"{role_name(party)}{party.name}的委托诉讼代理人"
    return (role_name(party) or party.get_role_display()) if party is not None else ""


def case_values(case, *, party=None, representative=None, hearing=None, extra=None,
                today=None) -> dict[str, str]:
    """Every field of `placeholders.FIELDS` as a plain string ("" where the case has none)."""
    today = today or timezone.localdate()
    court = case.court
    parties = list(case.parties.all())
    seats = {m.seat: m.user for m in case.members.filter(until__isnull=True, user__isnull=False)
             .select_related("user")}
    judge_name, judge_phone = _person(case.judge or seats.get("sole") or seats.get("presiding"))
    clerk_name, clerk_phone = _person(seats.get("clerk"))
    fee = _fee(case)
    addressee = representative.name if representative is not None else (
        party.name if party is not None else "")
    address = (representative.party.address if representative is not None
               else party.address if party is not None else "")
    role = party.role if party is not None else ""
    values = {
        "法院名称": court.name, "法院地址": court.address, "法院电话": court.phone,
        "案号": case.number, "案由": case.cause.name if case.cause_id else "",
        "审理程序": PROCEDURES.get(case.procedure, ""), "立案日期": figure_date(case.filed_on),
        "原告": _names(parties, CLAIMANTS), "被告": _names(parties, OPPONENTS),
        "第三人": _names(parties, ("third_party",)),
        "当事人": "；".join(f"{role_name(p)}{p.name}" for p in parties),
        "受送达人": addressee, "受送达人身份": standing(party, representative),
        "受送达人地址": address,
        "事由": "", "开庭时间": "", "开庭地点": "", "法庭": "",
        "不到庭后果": CONSEQUENCES.get(role, "经传票传唤，无正当理由拒不到庭的，本院将依法处理。"),
        "承办法官": judge_name, "法官电话": judge_phone or court.phone,
        "法官助理": _person(seats.get("assistant"))[0],
        "书记员": clerk_name, "书记员电话": clerk_phone or court.phone,
        "举证期限": f"收到本通知书之次日起{EVIDENCE_DAYS.get(case.procedure, '十五日')}",
        "答辩期限": "十五日",
        "受理费": yuan(_fee_amount(fee)), "标的额": yuan(case.amount),
        "日期": chinese_date(today), "日期数字": figure_date(today),
    }
    if hearing is not None:
        values.update({"事由": SESSIONS.get(hearing.kind, ""), "开庭时间": when(hearing.starts_at),
                       "开庭地点": place(hearing, court),
                       "法庭": hearing.courtroom.name if hearing.courtroom_id else ""})
    for name, value in (extra or {}).items():
        if name in FIELDS and isinstance(value, str):
            values[name] = value
    return values


def evidence_deadline(day: datetime.date) -> str:
    return f"{figure_date(day)}前（含当日）"


def _fee(case):
    try:
        return case.fee_due
    except ObjectDoesNotExist:
        return None


def _fee_amount(fee):
    if fee is None:
        return None
    return fee.reduced_amount if fee.reduced_amount is not None else fee.amount

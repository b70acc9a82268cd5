"""Case history as an older system would export it (issue 13): rows for the historical
import (`flows.case_import`), with the import's Chinese headers. The demo imports a small
history of its courts so that the indicator pages have trends to show; `bench/
province_year.py` writes a province-year with the same generator.

What the rows look like (deterministic for a seed):
- Basic courts: civil first instance 民初 (about half), enforcement 执 (a quarter; about a
  third of the judgments and mediations of 民初 are enforced: 原审案号), pre-filing
  mediations 民诉前调 (closing 调解成功 / 调解不成功), criminal 刑初, administrative 行初,
  preservation 财保. Intermediate courts: their own first instance now and then.
- About 9 % of first-instance judgments are appealed: 民终 / 刑终 / 行终 at the court above,
  with the first-instance number as 原审案号, closing 维持原判, 改判, 发回重审 or 撤诉; a remand
  (发回重审) opens a new first-instance case at the first court, linked to the appeal.
- A tenth of the rows were filed before the first day; about 12 % of the recent ones (1 %
  of those filed more than twice their time limit before the last day) are pending at the
  last day; most close within their time limit, about 5 % late. Half the rows carry
  审限届满日期; the others leave it to the time-limit rules.
- Judges: the names given for a court, else about one made-up name per 300 rows (names no
  staff member has: the import keeps them as historical names).
"""

import csv
import datetime
import random
from collections import Counter, defaultdict

HEADERS = ["案号", "立案日期", "结案日期", "结案方式", "案由", "适用程序", "承办部门", "承办法官",
           "标的额", "审限届满日期", "原审案号"]
CIVIL_CAUSES = ["民间借贷纠纷", "买卖合同纠纷", "离婚纠纷", "房屋买卖合同纠纷", "物业服务合同纠纷",
                "机动车交通事故责任纠纷", "金融借款合同纠纷", "信用卡纠纷", "劳动争议",
                "租赁合同纠纷"]
BASIC_MIX = {"民初": 0.50, "执": 0.25, "民诉前调": 0.10, "刑初": 0.07, "行初": 0.03,
             "财保": 0.05}
INTERMEDIATE_FIRST = {"民初": 0.6, "刑初": 0.25, "行初": 0.15}
DIVISION = {"民": "民事审判第一庭", "执": "执行局", "刑": "刑事审判庭", "行": "行政审判庭",
            "财": "立案庭"}
CIVIL_CLOSE = {"判决": 0.40, "调解": 0.25, "撤诉": 0.25, "驳回起诉": 0.04, "移送": 0.02,
               "裁定": 0.02, "其他": 0.02}
OTHER_CLOSE = {"判决": 0.8, "裁定": 0.1, "撤诉": 0.05, "其他": 0.05}
ENFORCE_CLOSE = {"终结": 0.5, "裁定": 0.3, "其他": 0.2}
APPEAL_CLOSE = {"维持原判": 0.80, "改判": 0.12, "发回重审": 0.05, "撤诉": 0.03}
LIMIT_DAYS = {"普通程序": 180, "简易程序": 90, "小额诉讼程序": 60, "特别程序": 30}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗巴其乌苏图"
GIVEN = "军强敏丽涛峰霞志梅明华平雅娜日勒格尔根芳静伟磊洋"


def _pick(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class History:
    """Writes rows to OUT (a csv.writer) for COURTS (dicts with code, level, parent_code)
    filed over [FIRST, LAST]; JUDGES: names to use per court code; FIRST_SERIAL: where the
    serials of each court, type and year start (to keep clear of numbers already issued)."""

    def __init__(self, out, courts, first, last, *, seed=13, judges=None, first_serial=1):
        self.out, self.rng = out, random.Random(seed)
        self.first, self.last = first, last
        self.by_code = {c["code"]: c for c in courts}
        self.basic = [c for c in courts if c["level"] == "basic"]
        self.middle = [c for c in courts if c["level"] == "intermediate"]
        self.weights = [self.rng.uniform(0.3, 3.0) for _ in self.basic]
        self.serial = Counter()
        self.first_serial = first_serial
        self.given_judges = judges or {}
        self.judges = defaultdict(list)
        self.rows = 0
        self.kinds = Counter()

    def number(self, court, type_code, year):
        key = (court, type_code, year)
        self.serial[key] += 1
        return f"({year}){court}{type_code}{self.serial[key] + self.first_serial - 1}号"

    def judge(self, court, kind):
        given = self.given_judges.get(court)
        if given and kind == "民":
            return self.rng.choice(given)
        names = self.judges[(court, kind)]
        if not names or self.rng.random() < 1 / 300:
            names.append(self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, 2)))
        return self.rng.choice(names)

    def filed_on(self):
        span = (self.last - self.first).days
        if self.rng.random() < 0.10:  # filed before the first day
            return self.first - datetime.timedelta(days=self.rng.randint(1, 300))
        return self.first + datetime.timedelta(days=self.rng.randint(0, span))

    def row(self, court, type_code, origin="", filed=None):
        rng = self.rng
        filed = filed or self.filed_on()
        kind = type_code[0]
        procedure = ""
        if type_code.endswith("初"):
            procedure = (_pick(rng, {"简易程序": 0.6, "小额诉讼程序": 0.15, "普通程序": 0.25})
                         if type_code == "民初" else _pick(rng, {"普通程序": 0.6, "简易程序": 0.4}))
        elif type_code.endswith("终"):
            procedure = "普通程序"
        limit = LIMIT_DAYS.get(procedure, 90 if type_code.endswith("终") else 180)
        if type_code == "民诉前调":
            limit = 30
        closed, closing = None, ""
        # pending at the last day: about 12 % of the recent cases, 1 % of the older ones
        pending = 0.12 if (self.last - filed).days < 2 * limit else 0.01
        if rng.random() > pending:
            late = rng.random() < 0.05
            days = rng.randint(limit + 1, limit * 2) if late else rng.randint(5, limit)
            closed = filed + datetime.timedelta(days=days)
            if closed > self.last:
                closed = None
        if closed is not None:
            if type_code == "民诉前调":
                closing = "调解成功" if rng.random() < 0.45 else "调解不成功"
            elif type_code.startswith("执") or type_code.endswith("保"):
                closing = _pick(rng, ENFORCE_CLOSE)
            elif type_code.endswith("终"):
                closing = _pick(rng, APPEAL_CLOSE)
            else:
                closing = _pick(rng, CIVIL_CLOSE if kind == "民" else OTHER_CLOSE)
        number = self.number(court["code"], type_code, filed.year)
        amount = (f"{rng.randint(1, 500_000)}.{rng.randint(0, 99):02d}"
                  if kind == "民" and rng.random() < 0.8 else "")
        expires = filed + datetime.timedelta(days=limit)
        self.out.writerow([
            number, filed.isoformat(), closed.isoformat() if closed else "", closing,
            rng.choice(CIVIL_CAUSES) if kind == "民" else "", procedure,
            DIVISION.get(kind, "立案庭"), self.judge(court["code"], kind), amount,
            expires.isoformat() if rng.random() < 0.5 else "", origin,
        ])
        self.rows += 1
        self.kinds[type_code] += 1
        return number, closed, closing

    def write(self, count):
        """Write COUNT rows or a few more (an appeal and its remand follow their case)."""
        rng = self.rng
        while self.rows < count:
            if self.middle and (not self.basic or rng.random() < 0.05):
                court = rng.choice(self.middle)
                type_code = _pick(rng, INTERMEDIATE_FIRST)
            else:
                court = rng.choices(self.basic, weights=self.weights)[0]
                type_code = _pick(rng, BASIC_MIX)
            number, closed, closing = self.row(court, type_code)
            if closing == "判决" and type_code.endswith("初") and rng.random() < 0.09:
                self.appeal(court, type_code, number, closed)
            elif closing in ("判决", "调解") and type_code == "民初" and rng.random() < 0.3:
                on = closed + datetime.timedelta(days=rng.randint(20, 90))
                if on <= self.last:
                    self.row(court, "执", origin=number, filed=on)

    def appeal(self, court, type_code, number, closed):
        filed = closed + datetime.timedelta(days=self.rng.randint(16, 40))
        upper = self.by_code.get(court["parent_code"])
        if filed > self.last or upper is None:
            return
        appeal_number, appeal_closed, closing = self.row(upper, type_code[0] + "终",
                                                         origin=number, filed=filed)
        if closing == "发回重审" and appeal_closed is not None:
            retrial = appeal_closed + datetime.timedelta(days=self.rng.randint(5, 20))
            if retrial <= self.last:
                self.row(court, type_code, origin=appeal_number, filed=retrial)


def write_history(path, courts, first, last, count, **options) -> History:
    """Write a history CSV (UTF-8, the import's headers) to PATH; returns the writer (its
    `rows` and `kinds` say what it wrote)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADERS)
        history = History(out, courts, first, last, **options)
        history.write(count)
    return history


# The demo's history ---------------------------------------------------------------------

DEMO_COURTS = [
    {"code": "内25", "level": "intermediate", "parent_code": "内"},
    {"code": "内2502", "level": "basic", "parent_code": "内25"},
    {"code": "内2501", "level": "basic", "parent_code": "内25"},
]
# Civil judges of the demo who also decided older cases (their scorecards have a history).
DEMO_JUDGES = {"内2502": ["王军", "王军", "刘强"], "内2501": ["萨如拉"], "内25": ["包文"]}
DEMO_ROWS = 1500
DEMO_FIRST_SERIAL = 5001  # clear of the numbers the demo's own cases are issued


def load_demo_history(today: datetime.date | None = None) -> int:
    """Import the demo courts' history (January of last year to yesterday) through the
    historical import, as 巴雅尔 of 内25's trial management office would (overseeing the
    courts below); once per database (the rows it would write are there: skip). Returns
    the rows imported."""
    import tempfile
    from pathlib import Path

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from tianping.cases.models import Case
    from tianping.flows.case_import import import_file

    today = today or timezone.localdate()
    if Case.objects.filter(import_run__isnull=False, court__code="内2502").exists():
        return 0
    first, last = datetime.date(today.year - 1, 1, 1), today - datetime.timedelta(days=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "内25-历史案件.csv"
        history = write_history(path, DEMO_COURTS, first, last, DEMO_ROWS, seed=25,
                                judges=DEMO_JUDGES, first_serial=DEMO_FIRST_SERIAL)
        import_file(path, user=get_user_model().objects.get(username="bayar"), today=today)
    return history.rows


# Demo reference ranges: values a trial management office might set (not from a source:
# the SPC publishes no values; see indicators/registry.py), so that the demo's pages and
# screen show 达标 and 未达标.
DEMO_RANGES = {
    "clearance_rate": ("95", None), "closure_rate": ("85", None),
    "within_limit_rate": ("95", None), "avg_days": (None, "90"),
    "appeal_rate": (None, "10"), "reversal_remand_rate": (None, "3"),
    "pending_over_12m_ratio": (None, "2"), "case_dispute_ratio": (None, "1.30"),
    "prefiling_mediation_success_rate": ("40", None),
}


def load_demo_ranges() -> int:
    """The demo courts' own reference ranges (once: a court's existing ranges are kept)."""
    from decimal import Decimal

    from tianping.courts.models import Court
    from tianping.indicators.models import ReferenceRange

    made = 0
    for court in Court.objects.filter(code__in=[c["code"] for c in DEMO_COURTS]):
        for code, (low, high) in DEMO_RANGES.items():
            _range, created = ReferenceRange.objects.get_or_create(
                court=court, code=code,
                defaults={"low": low and Decimal(low), "high": high and Decimal(high)})
            made += created
    return made

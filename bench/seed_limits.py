"""The time limits (审限) of seeded cases, as the workflow would have left them.

Every case gets its rule's limit from its filing date (`deadlines.actions.rule_code_for`,
computed by `law.limits.compute_limit` with the court calendar, explanation included). A
case that needed longer than its limit usually got it lawfully: approved extensions (one
`ExtensionRequest` per extension, decided by the rule's approver) and, where extensions
were not enough, an excluded period (appraisal, public notice ...; a `CaseExclusion`). The
rest run past their limit: pending ones are overdue (about 5 % of pending cases), closed
ones were closed late. A suspended case's limit is suspended (`suspended_since`).
"""

import datetime
from types import SimpleNamespace

MANAGED_PENDING = 0.85  # pending cases past their base limit that got extensions/exclusions
MANAGED_CLOSED = 0.9  # the same for cases closed after their base limit
EXCLUSION_DAYS = (30, 60, 90, 120, 180, 270, 365)
EXCLUSION_KINDS = ("appraisal", "public_notice", "audit", "settlement", "jurisdiction_objection")


def exclusion_kind(days: int) -> str:
    return EXCLUSION_KINDS[EXCLUSION_DAYS.index(days) % len(EXCLUSION_KINDS)]


class Limits:
    """Computes limits once per (rule, start, extensions, excluded days) and makes the rows."""

    def __init__(self, rng, today: datetime.date, deciders: dict):
        from django.utils import timezone

        from tianping.courts.holidays import court_calendar

        self.rng, self.today, self.deciders = rng, today, deciders
        self.now = timezone.now()
        self.calendar = court_calendar()
        self.memo: dict = {}
        self.overdue = self.suspended = self.extended = self.excluded = 0

    def _compute(self, code: str, start, grants: int, excluded: int):
        key = (code, start, grants, excluded)
        found = self.memo.get(key)
        if found is None:
            from tianping.law.limits import Exclusion, Grant, compute_limit
            from tianping.law.rules import get_rule

            rule = get_rule(code)
            given = tuple(Grant(months=e.months, days=e.days) for e in rule.extensions[:grants])
            exclusions = ()
            if excluded:
                begins = start + datetime.timedelta(days=20)
                ends = begins + datetime.timedelta(days=excluded - 1)
                exclusions = (Exclusion(exclusion_kind(excluded), begins, ends),)
            result = compute_limit(rule, start, self.calendar, exclusions=exclusions, grants=given)
            steps = [s.as_dict(with_text=False) for s in result.steps]
            found = self.memo[key] = (result.expires_on, steps, rule)
        return found

    def rows(self, case: dict) -> dict:
        """The case's time limit and, if any, its extension requests and exclusion:
        {"limit": row, "extensions": [rows], "exclusions": [rows]}, rows without ids."""
        from tianping.deadlines.actions import rule_code_for

        code = rule_code_for(SimpleNamespace(**case))
        if code is None:
            return {"limit": None, "extensions": [], "exclusions": []}
        start, pending = case["filed_on"], case["closed_on"] is None
        needed_by = self.today if pending else case["closed_on"]
        expires, steps, rule = self._compute(code, start, 0, 0)
        grants = excluded = 0
        managed = MANAGED_PENDING if pending else MANAGED_CLOSED
        if expires < needed_by and self.rng.random() < managed:
            while expires < needed_by and grants < len(rule.extensions):
                grants += 1
                expires, steps, _ = self._compute(code, start, grants, 0)
            for days in EXCLUSION_DAYS if expires < needed_by else ():
                if start + datetime.timedelta(days=20 + days) > needed_by:
                    break  # an exclusion cannot outlast the case
                excluded = days
                expires, steps, _ = self._compute(code, start, grants, days)
                if expires >= needed_by:
                    break
            if expires < needed_by:  # not enough: extended, but no exclusion kept
                excluded = 0
                expires, steps, _ = self._compute(code, start, grants, 0)
        suspended = None
        if case["state"] == "suspended":
            back = max(1, min((self.today - start).days, int(self.rng.expovariate(1 / 60))))
            suspended = self.today - datetime.timedelta(days=back)
            self.suspended += 1
        elif pending and expires < self.today:
            self.overdue += 1
        self.extended += bool(grants)
        self.excluded += bool(excluded)
        limit = {
            "case_id": case["id"],
            "rule_code": code,
            "starts_on": start,
            "expires_on": expires,
            "in_custody": False,
            "steps": steps,
            "suspended_since": suspended,
            "case_closed": not pending,
        }
        return {
            "limit": limit,
            "extensions": self._extensions(case, code, rule, grants),
            "exclusions": self._exclusion(case, excluded),
        }

    def _extensions(self, case, code, rule, grants: int) -> list[dict]:
        rows, start = [], case["filed_on"]
        for i, extension in enumerate(rule.extensions[:grants]):
            before, _, _ = self._compute(code, start, i, 0)
            asked = max(start, before - datetime.timedelta(days=extension.ask_days_before))
            court = case["court_id"]
            decider = self.deciders.get(
                (court, "higher_court" if extension.approver == "higher_court" else "president")
            )
            rows.append(
                {
                    "case_id": case["id"],
                    "months": extension.months,
                    "days": extension.days,
                    "reason": "案情复杂，需要延长审理期限",
                    "approver": extension.approver,
                    "status": "approved",
                    "requested_by_id": case["judge_id"] or decider,
                    "requested_on": asked,
                    "decided_by_id": decider,
                    "decided_on": asked + datetime.timedelta(days=3),
                    "decision_note": "",
                }
            )
        return rows

    def _exclusion(self, case, days: int) -> list[dict]:
        if not days:
            return []
        begins = case["filed_on"] + datetime.timedelta(days=20)
        return [
            {
                "case_id": case["id"],
                "kind": exclusion_kind(days),
                "starts_on": begins,
                "ends_on": begins + datetime.timedelta(days=days - 1),
                "note": "",
                "recorded_by_id": case["judge_id"]
                or self.deciders[(case["court_id"], "president")],
                "recorded_at": self.now,
            }
        ]

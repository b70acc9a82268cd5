"""The second pass: the checked file written in one transaction, in batches (bulk inserts
and upserts keyed by case number: a re-import updates, never duplicates)."""

from pathlib import Path

from django.db import transaction

from tianping.appeals.choices import Stage
from tianping.appeals.models import Dispute, DisputeCase
from tianping.cases.choices import CaseState
from tianping.cases.models import Case, ImportRun
from tianping.catalog.models import CaseNumberSequence
from tianping.deadlines.models import CaseTimeLimit
from tianping.flows.case_import.bulk import upsert
from tianping.flows.case_import.check import CHUNK, Survey
from tianping.flows.case_import.columns import stage_of
from tianping.flows.case_import.lookups import IMPORTED_RULE, Places, TimeLimits
from tianping.mediation.choices import MediationKind, MediationStatus
from tianping.mediation.models import Mediation
from tianping.parties.models import new_public_code

BATCH = 10000
CASE_FIELDS = ["court_id", "division_id", "judge_id", "type_code", "special_code",
               "procedure", "cause_id", "cause_text", "amount", "state", "filed_on",
               "closed_on", "closure_mode", "import_run_id", "historical_judge",
               "origin_reference"]
LIMIT_FIELDS = ["rule_code", "starts_on", "expires_on", "steps", "provisional_year",
                "case_closed"]
MEDIATION_FIELDS = ["court", "status", "applied_on", "ended_on"]


class Writer:
    def __init__(self, survey: Survey, run: ImportRun | None, user, progress):
        self.survey, self.run, self.user, self.progress = survey, run, user, progress
        self.run_id = run.pk if run is not None else None
        self.courts = survey.courts
        self.limits = TimeLimits()
        self.links: list[tuple[str, str, str, str]] = []  # number, origin, stage, outcome
        self.done = survey.rows
        self.serials: dict[tuple, int] = {}  # the highest serial of each number sequence

    def write(self, path: Path) -> list[str]:
        made = self.courts.create_missing(self.survey.court_years)
        court_ids = {self.courts.existing[code].pk for code, _year in self.survey.court_years}
        self.places = Places(court_ids)
        cases, mediations = [], []
        for row in self.survey.spool.rows():
            key = (row.court_code, row.special_code or "", row.type_code, row.year)
            if row.serial and row.serial > self.serials.get(key, 0):
                self.serials[key] = row.serial
            if row.is_mediation:
                mediations.append(self.mediation(row))
            else:
                cases.append((row, self.case(row)))
            if len(cases) >= BATCH:
                self.flush_cases(cases)
            if len(mediations) >= BATCH:
                self.flush_mediations(mediations)
        self.flush_cases(cases)
        self.flush_mediations(mediations)
        self.write_links()
        raise_sequences(self.serials)
        return made

    def step(self, n: int) -> None:
        self.done += n
        self.progress.step(self.done)

    # Cases ---------------------------------------------------------------------------

    def case(self, row) -> dict:
        court_id = self.courts.existing[row.court_code].pk
        judge_id, historical = self.places.judge(court_id, row.judge)
        cause_id = self.survey.causes.entry_id(row.cause, row.filed_on) if row.cause else None
        if row.closed_on:
            state = CaseState.CLOSED
        else:
            state = CaseState.ASSIGNED if row.judge else CaseState.FILED
        if row.origin and row.origin in self.survey.origins_found:
            self.links.append((row.number, row.origin, stage_of(row.type_code), row.outcome))
        return {"number": row.number, "court_id": court_id,
                "division_id": self.places.division_id(court_id, row.division),
                "judge_id": judge_id, "historical_judge": historical,
                "type_code": row.type_code, "special_code": row.special_code,
                "procedure": row.procedure, "cause_id": cause_id,
                "cause_text": "" if cause_id else row.cause, "amount": row.amount,
                "state": state, "filed_on": row.filed_on, "closed_on": row.closed_on,
                "closure_mode": row.closure_mode, "import_run_id": self.run_id,
                "origin_reference": row.origin}

    def flush_cases(self, batch) -> None:
        if not batch:
            return
        ids = upsert(Case, [case for _row, case in batch], key="number", update=CASE_FIELDS)
        limits = [limit for row, _case in batch
                  if (limit := self.time_limit(row, ids[row.number], _case["court_id"]))]
        upsert(CaseTimeLimit, limits, key="case_id", update=LIMIT_FIELDS)
        self.step(len(batch))
        batch.clear()

    def time_limit(self, row, case_id: int, court_id: int) -> dict | None:
        rule = self.limits.rule(row.type_code, row.procedure)
        closed = bool(row.closed_on)
        if row.expires_on:
            return {"case_id": case_id, "rule_code": rule or IMPORTED_RULE,
                    "starts_on": row.filed_on, "expires_on": row.expires_on, "steps": [],
                    "provisional_year": None, "case_closed": closed}
        computed = rule and self.limits.compute(rule, row.filed_on, court_id)
        if not computed:
            return None
        expires_on, steps, provisional = computed
        return {"case_id": case_id, "rule_code": rule, "starts_on": row.filed_on,
                "expires_on": expires_on, "steps": steps, "provisional_year": provisional,
                "case_closed": closed}

    # Pre-filing mediations -----------------------------------------------------------

    def mediation(self, row) -> Mediation:
        if row.closed_on:
            status = row.ending
        else:
            status = MediationStatus.IN_PROGRESS
        return Mediation(number=row.number, court_id=self.courts.existing[row.court_code].pk,
                         kind=MediationKind.PRE_FILING, status=status, applied_on=row.filed_on,
                         applied_by=self.user, ended_on=row.closed_on, imported=True)

    def flush_mediations(self, batch) -> None:
        if not batch:
            return
        existing = dict(Mediation.objects.filter(number__in=[m.number for m in batch],
                                                 imported=True).values_list("number", "pk"))
        new = [m for m in batch if m.number not in existing]
        old = [m for m in batch if m.number in existing]
        for mediation in old:
            mediation.pk = existing[mediation.number]
        Mediation.objects.bulk_create(new)
        Mediation.objects.bulk_update(old, MEDIATION_FIELDS)
        self.step(len(batch))
        batch.clear()

    # 原审案号: the chain of cases of one dispute ---------------------------------------

    def write_links(self) -> None:
        if not self.links:
            return
        numbers = sorted({n for link in self.links for n in link[:2]})
        pk = {}
        for start in range(0, len(numbers), CHUNK):
            pk.update(Case.objects.filter(number__in=numbers[start:start + CHUNK])
                      .values_list("number", "pk"))
        dispute_of = {}  # case id -> dispute id, of the links already there
        ids = list(pk.values())
        for start in range(0, len(ids), CHUNK):
            dispute_of.update(DisputeCase.objects.filter(case_id__in=ids[start:start + CHUNK])
                              .values_list("case_id", "dispute_id"))
        origin = {pk[n]: pk[o] for n, o, _stage, _outcome in self.links}
        roots = self.roots(origin, dispute_of)
        firsts = [root for root in sorted(set(roots.values())) if root not in dispute_of]
        codes = [new_public_code() for _ in firsts]
        made = upsert(Dispute, [{"code": code} for code in codes], key="code", update=["code"])
        for root, code in zip(firsts, codes, strict=True):
            dispute_of[root] = made[code]
        rows = [{"dispute_id": dispute_of[r], "case_id": r, "stage": Stage.FIRST,
                 "origin_id": None, "outcome": ""} for r in firsts]
        rows += [{"dispute_id": dispute_of[roots[pk[n]]], "case_id": pk[n], "stage": stage,
                  "origin_id": pk[o], "outcome": outcome} for n, o, stage, outcome in self.links]
        for start in range(0, len(rows), BATCH):
            upsert(DisputeCase, rows[start:start + BATCH], key="case_id",
                   update=["dispute_id", "stage", "origin_id", "outcome"])

    @staticmethod
    def roots(origin: dict[int, int], dispute_of: dict[int, int]) -> dict[int, int]:
        """Each linked case -> the case its dispute is filed under: the first case up the
        chain that is not linked by this file (it keeps or gets the dispute)."""
        root_of = {}
        for case_id in origin:
            path, node = [], case_id
            while node in origin and node not in root_of:
                path.append(node)
                node = origin[node]
            root = root_of.get(node, node)
            for item in path:
                root_of[item] = root
        return root_of


def raise_sequences(serials: dict[tuple, int]) -> None:
    """Move each case-number sequence (court, specialised code, type, year) past the
    highest serial imported, so that the next number the platform issues is a new one."""
    if not serials:
        return
    found = {(q.court_code, q.special_code, q.type_code, q.year): q
             for q in CaseNumberSequence.objects.select_for_update().filter(
                 court_code__in={k[0] for k in serials}, year__in={k[3] for k in serials})}
    raised, new = [], []
    for key, serial in serials.items():
        sequence = found.get(key)
        if sequence is None:
            new.append(CaseNumberSequence(court_code=key[0], special_code=key[1],
                                          type_code=key[2], year=key[3], last_serial=serial))
        elif sequence.last_serial < serial:
            sequence.last_serial = serial
            raised.append(sequence)
    CaseNumberSequence.objects.bulk_create(new, batch_size=1000)
    CaseNumberSequence.objects.bulk_update(raised, ["last_serial"], batch_size=1000)


def write(path: Path, survey: Survey, *, run, user, progress) -> list[str]:
    """Write the checked file; returns the court codes made from the catalog."""
    with transaction.atomic():
        return Writer(survey, run, user, progress).write(path)

"""Which state changes a case may go through (fields and guards only).

filed ─assign─> assigned ─start_trial─> in_trial ─close─> closed ─archive─> archived
  filed/assigned/in_trial ─suspend─> suspended ─resume─> in_trial

A case closes from trial only: the judge starts the trial first (an assigned case has not
been worked on), and a suspended case resumes first.
"""

from django_fsm import transition

from tianping.cases.choices import CaseState as S

OPEN = [S.FILED, S.ASSIGNED, S.IN_TRIAL]


class CaseWorkflow:
    @transition(field="state", source=[S.FILED, S.ASSIGNED, S.IN_TRIAL], target=S.ASSIGNED)
    def assign(self):
        """A judge (and team) takes the case; reassignment keeps the state."""

    @transition(field="state", source=S.ASSIGNED, target=S.IN_TRIAL)
    def start_trial(self):
        """The judge begins work on the case."""

    @transition(field="state", source=OPEN, target=S.SUSPENDED)
    def suspend(self):
        """Proceedings suspended (中止)."""

    @transition(field="state", source=S.SUSPENDED, target=S.IN_TRIAL)
    def resume(self):
        """Proceedings resume."""

    @transition(field="state", source=S.IN_TRIAL, target=S.CLOSED)
    def close(self):
        """Closed (结案) with a closure mode and date."""

    @transition(field="state", source=S.CLOSED, target=S.ARCHIVED)
    def archive(self):
        """Filed in the archive (归档)."""

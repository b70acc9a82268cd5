"""Which status changes a filing may go through. Fields and guards only; actions do the work.

draft ─submit─> submitted ─accept─> accepted (a case is filed)
  │                │  ├─request_correction─> correction_requested ─answer_correction─┐
  │                │  ├─refuse─> refused (written ruling)                            │
  │                │  └─transfer─> transferred                                       │
  │                └<────────────────────────────────────────────────────────────────┘
  ├─receive_at_assisting_court─> at_assisting_court ─forward─> submitted (跨域立案)
  └─send_to_mediation─> in_mediation (委派调解; also from submitted, the filer consenting)
                          ├─return_from_mediation─> submitted (no agreement: review)
                          ├─settle_in_mediation─> settled_in_mediation (agreement)
                          └─withdraw_from_mediation─> withdrawn (with the mediation)
"""

from django_fsm import transition

from tianping.filings.choices import FilingStatus as S

OPEN = [S.DRAFT, S.AT_ASSISTING_COURT, S.SUBMITTED, S.CORRECTION_REQUESTED]


class FilingWorkflow:
    @transition(field="status", source=S.DRAFT, target=S.SUBMITTED)
    def submit(self):
        """The filer (or a clerk at the window) hands the filing in: the clock starts."""

    @transition(field="status", source=S.DRAFT, target=S.AT_ASSISTING_COURT)
    def receive_at_assisting_court(self):
        """A clerk of an assisting court takes the papers for a court elsewhere."""

    @transition(field="status", source=S.AT_ASSISTING_COURT, target=S.SUBMITTED)
    def forward(self):
        """The assisting court has checked and uploaded the papers."""

    @transition(field="status", source=S.SUBMITTED, target=S.CORRECTION_REQUESTED)
    def request_correction(self):
        """One notice listing everything to correct; the clock stops."""

    @transition(field="status", source=S.CORRECTION_REQUESTED, target=S.SUBMITTED)
    def answer_correction(self):
        """The corrections arrived: the clock starts again."""

    @transition(field="status", source=S.SUBMITTED, target=S.ACCEPTED)
    def accept(self):
        """Filed (立案): a case is opened with its number."""

    @transition(field="status", source=[S.SUBMITTED, S.CORRECTION_REQUESTED], target=S.REFUSED)
    def refuse(self):
        """Refused, only by a written ruling with reasons (登记立案规定 art. 9)."""

    @transition(field="status", source=[S.SUBMITTED, S.AT_ASSISTING_COURT], target=S.TRANSFERRED)
    def transfer(self):
        """Sent to the court that has jurisdiction."""

    @transition(field="status", source=[S.DRAFT, S.SUBMITTED], target=S.IN_MEDIATION)
    def send_to_mediation(self):
        """Pre-filing mediation (委派调解): the filer applies for mediation with the papers,
        or consents to it after handing in; the review clock stops."""

    @transition(field="status", source=S.IN_MEDIATION, target=S.SUBMITTED)
    def return_from_mediation(self):
        """No agreement: the filing goes to review with its papers; the clock starts."""

    @transition(field="status", source=S.IN_MEDIATION, target=S.SETTLED_IN_MEDIATION)
    def settle_in_mediation(self):
        """The parties reached an agreement: nothing to file."""

    @transition(field="status", source=S.IN_MEDIATION, target=S.WITHDRAWN)
    def withdraw_from_mediation(self):
        """The applicant withdraws the application for mediation, and so the filing."""

    @transition(field="status", source=OPEN, target=S.WITHDRAWN)
    def withdraw(self):
        """The filer withdraws before a decision."""

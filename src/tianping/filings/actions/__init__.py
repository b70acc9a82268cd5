"""Use cases of filing (立案): drafting, handing in, review and its outcomes, cross-region.

Pages and API call these, never the models: each use case is one function and one
transaction. Each action that changes a filing's status takes the filing first and
`actor` by keyword, locks the filing row, changes the status through the workflow and
appends a timeline event. A step that also opens a case is a flow (`flows.filing`).

    from tianping.filings import actions
    actions.submit_filing(filing, actor=user)
"""

from tianping.filings.actions.cross_region import (
    forward_filing,
    receive_for_other_court,
    take_in_for_other_court,
)
from tianping.filings.actions.drafting import (
    DRAFT_FIELDS,
    REPRESENTATIVE_FIELDS,
    add_representative,
    remove_representative,
    save_draft,
    save_evidence,
    save_parties,
    set_parties,
    start_filing,
)
from tianping.filings.actions.files import (
    attach_file,
    attach_files,
    attachment_ref,
    find_attachment,
    remove_attachment,
)
from tianping.filings.actions.handing_in import (
    answer_correction,
    hand_in_at_window,
    submit_filing,
    withdraw_filing,
)
from tianping.filings.actions.procedures import hand_in_suit_after_payment_order
from tianping.filings.actions.review import (
    accept_filing,
    decide_refusal,
    note_case_opened,
    pending_refusal,
    propose_refusal,
    request_correction,
    transfer_filing,
)
from tianping.filings.actions.steering import record_if_recommended, record_mediation_choice

__all__ = [
    "DRAFT_FIELDS",
    "REPRESENTATIVE_FIELDS",
    "accept_filing",
    "add_representative",
    "answer_correction",
    "attach_file",
    "attach_files",
    "attachment_ref",
    "decide_refusal",
    "find_attachment",
    "forward_filing",
    "hand_in_at_window",
    "hand_in_suit_after_payment_order",
    "note_case_opened",
    "receive_for_other_court",
    "record_if_recommended",
    "record_mediation_choice",
    "pending_refusal",
    "propose_refusal",
    "remove_attachment",
    "remove_representative",
    "request_correction",
    "save_draft",
    "save_evidence",
    "save_parties",
    "set_parties",
    "start_filing",
    "submit_filing",
    "take_in_for_other_court",
    "transfer_filing",
    "withdraw_filing",
]

"""The documents a filing's court issued to its filer, as the portal lists them: the dated
receipt (登记立案回执), each correction notice (补正通知书), the ruling refusing the filing
(不予受理裁定书) and the notice of acceptance (受理案件通知书, with the fee and when to pay
it). Shown on the filing's page and, once filed, on the case's page; each is served as
the court's own kept PDF (`filings.documents`). A defendant (or their agent) with an
account finds the notice to respond (应诉通知书) on the case's page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tianping.filings.choices import OPPONENT_ROLES
from tianping.filings.permissions import filings_visible_to
from tianping.filings.review import reads

TITLES = {
    "receipt": _("Receipt of filing"),
    "correction-notice": _("Notice to correct (补正通知书)"),
    "refusal-ruling": _("Ruling (裁定书)"),
    "acceptance-notice": _("Notice of acceptance (受理案件通知书)"),
    "response-notice": _("Notice to respond (应诉通知书)"),
}
OPPONENTS_DOCUMENTS = ("response-notice",)


@dataclass(frozen=True)
class IssuedDocument:
    name: str
    title: str
    url: str
    issued_on: object


def filing_documents(filing) -> list[IssuedDocument]:
    """The documents FILING's filer has received, in the order they were issued."""
    if filing.submitted_at is None:
        return []
    found = [
        IssuedDocument(
            "receipt",
            TITLES["receipt"],
            reverse("online:receipt_pdf", args=[filing.code]),
            filing.submitted_at,
        )
    ]
    names = reads.documents_of(filing)
    dates = {
        "correction-notice": getattr(filing.corrections.first(), "issued_at", None),
        "refusal-ruling": filing.decided_at,
        "acceptance-notice": getattr(reads.case_of(filing), "filed_on", None),
    }
    for name in ("correction-notice", "refusal-ruling", "acceptance-notice"):
        if name in names:
            url = reverse("portal:filing_document", args=[filing.code, name])
            found.append(IssuedDocument(name, TITLES[name], url, dates[name]))
    return found


def on_the_opponents_side(case, user) -> bool:
    """Whether USER is a defendant or respondent of CASE, or the agent of one."""
    parties = case.parties.filter(role__in=OPPONENT_ROLES)
    if parties.filter(user=user).exists():
        return True
    return case.representatives.filter(user=user, party__role__in=OPPONENT_ROLES).exists()


def case_documents(case, user) -> list[IssuedDocument]:
    """What the court issued on CASE's filing to USER: to its filer, the filing's documents;
    to a defendant or their agent, the notice to respond."""
    filing = filings_visible_to(user).filter(pk=case.filing_id).first()
    if filing is not None:
        return filing_documents(filing)
    if case.filing_id is None or not on_the_opponents_side(case, user):
        return []
    names = reads.documents_of(case.filing)
    return [
        IssuedDocument(
            name, TITLES[name], reverse("portal:case_document", args=[case.code, name]),
            case.filed_on,
        )
        for name in OPPONENTS_DOCUMENTS
        if name in names
    ]

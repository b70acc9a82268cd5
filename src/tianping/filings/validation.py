"""Checks a filing must pass before it is handed in. Pure over the filing's data."""

from django.utils.translation import gettext as _

from tianping.catalog.choices import DocumentType
from tianping.catalog.identity import IdentityError, validate_document
from tianping.filings.choices import (
    CLAIMANT_ROLES,
    OPPONENT_ROLES,
    Channel,
    FilingKind,
    PartyKind,
    PartyRole,
    SpecialSubject,
)
from tianping.parties.copying import normalised_id_number


def party_errors(parties: list[dict], *, today) -> list[str]:
    """Every problem with the parties, each naming the party it concerns.

    A claimant gives their identity document. A defendant or third party is named as the
    claimant knows them (《民事诉讼法》第122条: 明确的被告, by name, sex, work unit,
    address ...; the registration rules ask no more): their document number is optional,
    and checked when given. How to reach a defendant: `contact_errors`."""
    errors = []
    for index, party in enumerate(parties, start=1):
        label = party.get("name") or _("party %(n)d") % {"n": index}
        if not (party.get("name") or "").strip():
            errors.append(_("Party %(n)d has no name.") % {"n": index})
        if identity_required(party) or (party.get("id_number") or "").strip():
            try:
                validate_document(
                    party.get("doc_type") or "", party.get("id_number") or "", today=today
                )
            except IdentityError as exc:
                errors.append(_("%(party)s: %(error)s") % {"party": label, "error": exc})
        if party.get("kind") != PartyKind.NATURAL_PERSON and party.get("doc_type") not in (
            DocumentType.USCC,
            DocumentType.OTHER,
        ):
            errors.append(
                _("%(party)s: an organisation is identified by its unified social credit code.")
                % {"party": label}
            )
    errors.extend(_same_party_on_both_sides(parties))
    return errors


def identity_required(party: dict) -> bool:
    """Whether the party must give a document number: a claimant (plaintiff, applicant,
    private prosecutor) must; a defendant, respondent or third party may."""
    return party.get("role") in CLAIMANT_ROLES


def contact_errors(parties: list[dict]) -> list[str]:
    """A defendant (or respondent) named without an address or a telephone: the court
    could not reach them. Asked of a filing made online, where nobody at the window asks."""
    return [
        _("%(party)s: give the address or the telephone of the defendant.")
        % {"party": party.get("name") or _("party %(n)d") % {"n": index}}
        for index, party in enumerate(parties, start=1)
        if party.get("role") in OPPONENT_ROLES
        and not any((party.get(name) or "").strip() for name in ("address", "phone"))
    ]


def _same_party_on_both_sides(parties: list[dict]) -> list[str]:
    claimants = {_identity(p) for p in parties if p.get("role") in CLAIMANT_ROLES}
    return [
        _("%(party)s cannot be both plaintiff and defendant.") % {"party": p.get("name")}
        for p in parties
        if p.get("role") in OPPONENT_ROLES and _identity(p) in claimants
    ]


def _identity(party: dict) -> tuple:
    number = normalised_id_number(party.get("id_number") or "")
    return ("id", number) if number else ("name", (party.get("name") or "").strip())


def completeness_errors(filing, parties: list[dict]) -> list[str]:
    """What is missing before the filing can be handed in."""
    errors = []
    roles = {p.get("role") for p in parties}
    if not roles & CLAIMANT_ROLES:
        errors.append(_("Name at least one plaintiff or applicant."))
    if filing.kind == FilingKind.SPECIAL_PROCEDURE:
        errors.extend(special_errors(filing))  # the person concerned may be no party
    elif not roles & OPPONENT_ROLES:
        errors.append(_("Name at least one defendant or respondent."))
    if filing.kind == FilingKind.PAYMENT_ORDER:
        errors.extend(payment_order_errors(filing, parties))
    if filing.channel == Channel.ONLINE:
        errors.extend(contact_errors(parties))
    if not filing.claims.strip():
        errors.append(_("State your claims."))
    if not filing.facts.strip():
        errors.append(_("State the facts and reasons."))
    if filing.amount is not None and filing.amount < 0:
        errors.append(_("The amount claimed cannot be negative."))
    return errors


def special_errors(filing) -> list[str]:
    """A special-procedure application says what it asks and whom or what it concerns; a
    voter-qualification case gives the election day (民事诉讼法 arts. 188-189)."""
    errors = []
    if filing.special_subject not in SpecialSubject.values:
        errors.append(_("Choose what the special-procedure application asks."))
    if not (filing.subject_detail or "").strip():
        errors.append(_("Name the person or the property the application concerns."))
    if filing.special_subject == SpecialSubject.VOTER and filing.election_on is None:
        errors.append(_("Give the election day: the court decides before it."))
    return errors


def payment_order_errors(filing, parties: list[dict]) -> list[str]:
    """A payment order is for money or securities due (民事诉讼法 art. 225): the amount,
    and a debtor (respondent) who can be served in China, so with an address there."""
    errors = []
    if not filing.amount or filing.amount <= 0:
        errors.append(_("Give the amount of money the debtor owes."))
    debtors = [p for p in parties if p.get("role") == PartyRole.RESPONDENT]
    if not debtors:
        errors.append(_("Name the debtor as respondent."))
    errors += [
        _("%(party)s: give the debtor's address in China, where the order can be served.")
        % {"party": p.get("name") or _("the debtor")}
        for p in debtors
        if not (p.get("address") or "").strip()
    ]
    return errors

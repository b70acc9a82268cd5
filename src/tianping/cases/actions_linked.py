"""Cases opened from another case of the same dispute: the second instance filed by the
appeal court (民终 ...), the first instance again after remand (发回重审), the review of a
retrial application (民申). Called from `flows.appeals`, which gives the time limit, the
assignment and the link of the dispute in the same transaction."""

from tianping.cases.actions import triage_case
from tianping.cases.choices import AppealRole, Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseParty, CaseRepresentative
from tianping.catalog.numbering import issue_case_number
from tianping.parties.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.parties.copying import party_fields


def open_linked_case(source: Case, *, court, type_code: str, actor, acted_for=None, today,
                     ordinary: bool = False, amount=None) -> Case:
    """Number and file a case at COURT from SOURCE: the same parties (with their accounts,
    so they see it on the portal) and representatives, cause and claims; triaged as any
    case. ORDINARY keeps the ordinary procedure (a remanded case is never tried under the
    summary procedure: 民诉解释 art. 257)."""
    issued = issue_case_number(court_code=court.code, type_code=type_code, year=today.year)
    case = Case.objects.create(
        number=issued.number, court=court, type_code=type_code,
        procedure=Procedure.ORDINARY, cause=source.cause, claims=source.claims,
        amount=amount if amount is not None else source.amount,
        is_livelihood=source.is_livelihood, is_enterprise=source.is_enterprise,
        is_migrant_wages=source.is_migrant_wages, filed_on=today,
    )
    for party in source.parties.all():
        copy = CaseParty.objects.create(case=case, user=party.user, **party_fields(party))
        for rep in party.representatives.all():
            CaseRepresentative.objects.create(
                case=case, party=copy, kind=rep.kind, name=rep.name,
                licence_number=rep.licence_number, law_firm=rep.law_firm, phone=rep.phone,
                user=rep.user)
    case_event(case, "filed", actor=actor, acted_for=acted_for, number=case.number)
    triage_case(case, actor=actor, acted_for=acted_for)
    if ordinary and case.procedure != Procedure.ORDINARY:
        case.procedure = Procedure.ORDINARY
        case.save(update_fields=["procedure"])
    return case


def set_appeal_roles(source: Case, second: Case, appellant_ids) -> None:
    """Name each party of SECOND (opened from SOURCE by `open_linked_case`, its parties
    copied in order) by its standing on appeal: the appellants; the parties of the other
    side of an appellant, appellees; the rest, the other parties below (民事诉讼法 art. 173)."""
    appellant_ids = set(appellant_ids)
    originals = list(source.parties.order_by("position", "id"))
    copies = list(second.parties.order_by("position", "id"))
    sides = {p.role for p in originals if p.pk in appellant_ids}
    opposed = set()
    if sides & CLAIMANT_ROLES:
        opposed |= OPPONENT_ROLES
    if sides & OPPONENT_ROLES:
        opposed |= CLAIMANT_ROLES
    for original, copy in zip(originals, copies, strict=True):
        if original.pk in appellant_ids:
            copy.appeal_role = AppealRole.APPELLANT
        elif original.role in opposed:
            copy.appeal_role = AppealRole.APPELLEE
        else:
            copy.appeal_role = AppealRole.BELOW
        copy.save(update_fields=["appeal_role"])

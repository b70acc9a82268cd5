"""Copying a party's details: the one place that knows which fields they are.

A filing's parties become the case's parties, a transferred filing takes its parties to
the court it goes to, a draft's saved parties are shown again and saved back. Each of
these copies goes through `party_fields` (and `representative_fields`), which read the
fields from the models: a field added to `PartyDetails` reaches every copy.
"""

import re
import unicodedata

from tianping.parties.models import PartyDetails

PARTY_FIELDS = tuple(field.name for field in PartyDetails._meta.local_fields)

# What ties a representative to its filing or case, party and papers: never copied as such.
REPRESENTATIVE_LINKS = frozenset({"id", "filing", "case", "party", "authorisation"})


def party_fields(party) -> dict:
    """The details of PARTY (a filing's or a case's party), by field name."""
    return {name: getattr(party, name) for name in PARTY_FIELDS}


def normalised_id_number(number) -> str:
    """A document number as stored and compared: full-width characters to ASCII (NFKC),
    spaces and hyphens removed, upper case (the X of a resident ID). As typed, '１１０１…'
    and '1101…' were two people, so one person could sue themself."""
    if not isinstance(number, str):
        return ""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", number)).upper()


def party_values(row: dict, *, extra=("user",)) -> dict:
    """The party details (and EXTRA fields) found in ROW, text stripped, the document
    number normalised; the rest dropped."""
    allowed = {*PARTY_FIELDS, *extra}
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k in allowed}
    if "id_number" in values:
        values["id_number"] = normalised_id_number(values["id_number"])
    return values


def representative_fields(representative, into) -> dict:
    """The details of REPRESENTATIVE that the model INTO also holds (kind, name, licence
    number, law firm, user ...), without its links to a filing or case, party and papers."""
    target = {field.name for field in into._meta.concrete_fields} - REPRESENTATIVE_LINKS
    return {
        field.attname: getattr(representative, field.attname)
        for field in type(representative)._meta.concrete_fields
        if field.name in target
    }

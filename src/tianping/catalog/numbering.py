"""Issuing case numbers (案号): the persistence side of case_numbers.py.

Call `issue_case_number` inside the transaction that files the case. The sequence row is
locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions serialise
writers), so concurrent clerks queue for it; if the filing rolls back, so does the
increment, and the serial is given to the next case: no duplicates, no gaps.
"""

import secrets
from random import Random

from django.db import IntegrityError, transaction

from tianping.catalog.case_numbers import (
    DEATH_PENALTY_REVIEW,
    format_case_number,
    random_death_penalty_serial,
    sequence_key,
)
from tianping.catalog.models import CaseNumberSequence, IssuedCaseNumber

_RANDOM = Random(secrets.randbits(64))


def issue_case_number(
    *, court_code: str, type_code: str, year: int, special_code: str = ""
) -> IssuedCaseNumber:
    """Issue the next case number of its sequence (a random one for 刑核 death-penalty review)."""
    if type_code == DEATH_PENALTY_REVIEW:
        return _issue_random(court_code, special_code, type_code, year)
    key = sequence_key(court_code, special_code, type_code, year)
    with transaction.atomic():
        sequence = _locked_sequence(key._asdict())
        sequence.last_serial += 1
        sequence.save(update_fields=["last_serial"])
        return _record(court_code, special_code, type_code, year, sequence.last_serial)


def _locked_sequence(key: dict) -> CaseNumberSequence:
    sequence = CaseNumberSequence.objects.select_for_update().filter(**key).first()
    if sequence is not None:
        return sequence
    try:
        with transaction.atomic():  # a savepoint: another clerk may create it first
            CaseNumberSequence.objects.create(**key)
    except IntegrityError:
        pass
    return CaseNumberSequence.objects.select_for_update().get(**key)


def _issue_random(court_code, special_code, type_code, year) -> IssuedCaseNumber:
    for _attempt in range(20):
        serial = int(random_death_penalty_serial(_RANDOM))
        try:
            with transaction.atomic():
                return _record(court_code, special_code, type_code, year, serial)
        except IntegrityError:
            continue  # the random number was taken: draw again
    raise RuntimeError("Could not draw a free death-penalty review number.")


def _record(court_code, special_code, type_code, year, serial) -> IssuedCaseNumber:
    number = format_case_number(year, court_code, type_code, serial, special_code)
    return IssuedCaseNumber.objects.create(
        number=number,
        court_code=court_code,
        special_code=special_code,
        type_code=type_code,
        year=year,
        serial=serial,
    )

"""Party details are copied whole, through `parties.copying`: every field of PartyDetails
reaches the case a filing becomes, and the court a filing is transferred to, without
anyone listing the fields again. A field added to PartyDetails is tested here as it is."""

import pytest
from django.db import models

from tianping.cases.models import CaseRepresentative
from tianping.cases.tests.test_case_pages import DEFENDANT, PLAINTIFF
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.models import Filing, FilingAttachment, FilingParty, FilingRepresentative
from tianping.flows.filing import accept_filing
from tianping.parties.copying import (
    PARTY_FIELDS,
    REPRESENTATIVE_LINKS,
    party_fields,
    representative_fields,
)
from tianping.parties.models import PartyDetails

pytestmark = pytest.mark.django_db


def a_value_for(field, index: int):
    """A value for FIELD that is not its default, different for each INDEX."""
    if field.choices:
        codes = [code for code, _label in field.choices if code != field.get_default()]
        return codes[index % len(codes)]
    if isinstance(field, models.CharField):
        return f"{field.name[:20]}-{index}"[: field.max_length]
    if isinstance(field, models.IntegerField):
        return 10 + index
    if isinstance(field, models.BooleanField):
        return not field.get_default()
    pytest.fail(f"Teach this test a value for {field.name} ({type(field).__name__}).")


def details(model) -> list:
    """The fields of the details of MODEL: what a copy must carry over."""
    if model is PartyDetails:
        return list(PartyDetails._meta.local_fields)
    return [f for f in model._meta.concrete_fields if f.name not in REPRESENTATIVE_LINKS]


@pytest.fixture
def filing(demo):
    """A filing handed in whose parties and representative have every detail set."""
    court, filer = Court.objects.get(code="内2502"), demo["zhangsan"]
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE, filer=filer)
    actions.save_draft(filing, actor=filer, claims="判令被告归还借款", facts="被告借款未还")
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=filer)
    filing = actions.submit_filing(filing, actor=filer)
    for index, party in enumerate(filing.parties.order_by("position")):
        values = {f.name: a_value_for(f, index) for f in details(PartyDetails)}
        FilingParty.objects.filter(pk=party.pk).update(**values)
    party = filing.parties.order_by("position").first()
    papers = FilingAttachment.objects.create(
        filing=filing,
        kind="authorisation",
        file="filings/x/power",
        original_name="授权委托书.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by=filer,
    )
    rep = {f.name: a_value_for(f, 0) for f in details(FilingRepresentative) if f.name != "user"}
    FilingRepresentative.objects.create(
        filing=filing, party=party, user=demo["lilawyer"], authorisation=papers, **rep
    )
    return Filing.objects.get(pk=filing.pk)


def assert_same_details(copies, originals, fields) -> None:
    copies, originals = list(copies), list(originals)
    assert len(copies) == len(originals) > 0
    for copy, original in zip(copies, originals, strict=True):
        for field in fields:
            assert getattr(copy, field.attname) == getattr(original, field.attname), field.name


def test_every_party_detail_of_a_filing_reaches_its_case(demo, filing):
    case = accept_filing(filing, actor=demo["lixia"])

    originals = filing.parties.order_by("position")
    assert_same_details(case.parties.order_by("position"), originals, details(PartyDetails))
    assert_same_details(
        case.representatives.all(),
        filing.representatives.all(),
        details(CaseRepresentative),
    )


def test_every_party_detail_goes_with_a_transferred_filing(demo, filing):
    other = Court.objects.get(code="内2501")
    actions.transfer_filing(
        filing, actor=demo["lixia"], to_court=other, reason="被告住所地在二连浩特"
    )

    received = Filing.objects.get(court=other)
    originals = filing.parties.order_by("position")
    assert_same_details(received.parties.order_by("position"), originals, details(PartyDetails))
    assert_same_details(
        received.representatives.all(),
        filing.representatives.all(),
        details(FilingRepresentative),
    )
    assert received.representatives.get().authorisation.original_name == "授权委托书.pdf"


def test_the_copy_helpers_read_the_fields_from_the_models():
    assert PARTY_FIELDS == tuple(f.name for f in PartyDetails._meta.local_fields)
    party = FilingParty(**{f.name: a_value_for(f, 3) for f in details(PartyDetails)})
    assert party_fields(party) == {name: getattr(party, name) for name in PARTY_FIELDS}
    rep = FilingRepresentative(name="王律师", licence_number="11501200010000001", user_id=7)
    copied = representative_fields(rep, CaseRepresentative)
    assert copied["name"] == "王律师" and copied["user_id"] == 7
    assert "id_number" not in copied  # a case's representative holds no identity number
    assert not {"id", "filing_id", "party_id", "authorisation_id"} & set(copied)

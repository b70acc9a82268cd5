"""A representative's identity number and licence number are checked where they are
entered (`filings.representatives`)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _draft(demo):
    lawyer = demo["lilawyer"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=lawyer, court=court, channel=Channel.ONLINE, filer=lawyer)
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=lawyer)
    return filing, lawyer


def _add(filing, lawyer, **fields):
    return actions.add_representative(
        filing, actor=lawyer, party=0, kind="lawyer", name="李律师", law_firm="草原律师事务所",
        authorisation=SimpleUploadedFile("委托书.pdf", PDF), **fields,
    )


def test_a_resident_id_with_a_wrong_check_digit_is_refused(demo):
    filing, lawyer = _draft(demo)
    with pytest.raises(ValidationError):
        _add(filing, lawyer, id_number="110105199001011233", licence_number="11525201010123456")
    assert not filing.representatives.exists()


def test_a_licence_number_of_other_than_17_digits_is_refused(demo):
    filing, lawyer = _draft(demo)
    with pytest.raises(ValidationError):
        _add(filing, lawyer, licence_number="1152520101")


def test_a_good_number_full_width_is_kept_normalised(demo):
    filing, lawyer = _draft(demo)
    rep = _add(filing, lawyer, id_number="１１０１０５１９９００１０１１２３２",
               licence_number="11525201010123456")
    assert rep.id_number == "110105199001011232"

"""Filing on the spot (当场立案) is one step: the walk-in's papers are handed in and the case
filed together, or nothing is kept; pages and API call the same flow."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF, clerk_at
from tianping.flows import filing as flow

pytestmark = pytest.mark.django_db
FIELDS = {
    "kind": "civil",
    "cause": None,
    "claims": "判令被告支付工资8000元",
    "amount": None,
    "facts": "原告在被告处务工，被告拖欠工资。",
    "is_livelihood": False,
    "is_enterprise": False,
    "is_migrant_wages": True,
}


def file_now(demo, **extra):
    complaint = {
        "actor": demo["lixia"],
        "court": Court.objects.get(code="内2502"),
        "channel": Channel.WINDOW,
        "parties": [PLAINTIFF, DEFENDANT],
        "fields": FIELDS,
        "today": timezone.localdate(),
        **extra,
    }
    return flow.file_on_the_spot(**complaint)


def test_the_papers_are_handed_in_and_the_case_filed_at_once(demo):
    filing, case = file_now(demo)

    assert filing.status == FilingStatus.ACCEPTED and filing.case == case
    assert filing.submitted_at is not None and case.filed_on == timezone.localdate()
    kinds = list(filing.events.values_list("kind", flat=True))
    assert kinds == ["drafted", "submitted", "accepted"]


def test_when_the_case_cannot_be_filed_nothing_is_handed_in(demo, monkeypatch):
    def no_judge_today(*args, **kwargs):
        raise ValidationError("assignment failed")

    monkeypatch.setattr(flow.case_actions, "assign_at_random", no_judge_today)

    with pytest.raises(ValidationError):
        file_now(demo)

    assert not Filing.objects.exists() and not Case.objects.exists()


def test_the_same_form_sent_twice_files_one_case(demo):
    first, case = file_now(demo, key="window-k1")
    again, same = file_now(demo, key="window-k1")

    assert (again.pk, same.pk) == (first.pk, case.pk)
    assert Filing.objects.count() == 1 and Case.objects.count() == 1


def test_a_clerk_of_another_court_cannot(demo):
    with pytest.raises(PermissionDenied):
        file_now(demo, actor=clerk_at(demo, "内2501"))
    assert not Filing.objects.exists()

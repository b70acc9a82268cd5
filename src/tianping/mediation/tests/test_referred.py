"""Court-referred mediation after filing (issue 11, part 5, 委托调解): the judge refers a
case with every party's consent; 15 or 7 days from the mediator's acceptance; the days the
parties add are not counted in the case's time limit (特邀调解规定 art. 27), and the
explanation of the limit says so; no agreement and the trial goes on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from tianping.cases.actions import assign_by_hand
from tianping.deadlines.models import CaseExclusion
from tianping.flows.mediation import end_mediation, refer_case
from tianping.mediation import actions_mediations as actions
from tianping.mediation.choices import MediationKind, MediationStatus
from tianping.mediation.models import Mediator
from tianping.mediation.permissions import mediations_visible_to
from tianping.payments.tests.test_fees_due import filed

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 3, 2)


@pytest.fixture
def case(demo):
    case = filed(demo, today=MONDAY)
    if case.judge_id != demo["wangjun"].pk:
        case = assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"],
                              reason="对口")
    return case


def hutao():
    return Mediator.objects.get(user__username="hutao")


def everyone(case):
    return list(case.parties.values_list("pk", flat=True))


def referred(demo, case, today=MONDAY):
    return refer_case(case, hutao(), actor=demo["wangjun"], consented_parties=everyone(case),
                      override="本院专职调解员", today=today)


def test_only_the_judge_refers_and_only_with_every_party_s_consent(demo, case):
    with pytest.raises(PermissionDenied):
        refer_case(case, hutao(), actor=demo["lixia"], consented_parties=everyone(case),
                   override="x", today=MONDAY)
    with pytest.raises(ValidationError) as refused:
        refer_case(case, hutao(), actor=demo["wangjun"], consented_parties=everyone(case)[:1],
                   override="x", today=MONDAY)
    assert "consented_parties" in refused.value.message_dict
    m = referred(demo, case)
    assert m.kind == MediationKind.REFERRED and m.status == MediationStatus.APPOINTED
    assert m.case == case and m.filing is None
    assert case.events.filter(kind="referred_to_mediation").exists()
    assert [e.kind for e in m.events.all()] == ["referred", "appointed"]
    # the mediator is told in words (no detail the sentence lacks)
    from tianping.notifications.messages import read
    from tianping.notifications.models import Notification

    notes = Notification.objects.filter(user=demo["hutao"], kind="mediation.event")
    assert notes and all(case.number in read(note)[0] for note in notes)
    with pytest.raises(ValidationError):  # one mediation at a time
        referred(demo, case)
    assert m in mediations_visible_to(demo["wangjun"])


def test_the_period_is_fifteen_or_seven_days_by_procedure(demo, case):
    m = actions.accept(referred(demo, case), actor=demo["hutao"], today=MONDAY)
    days = 7 if case.procedure in ("summary", "small_claims") else 15
    assert m.ends_on >= MONDAY + datetime.timedelta(days=days)
    assert m.clock_steps["period"][0]["params"]["clock"].startswith("referred_")


def test_the_days_the_parties_add_are_not_counted_in_the_time_limit(demo, case):
    before = case.time_limit.expires_on
    m = actions.accept(referred(demo, case), actor=demo["hutao"], today=MONDAY)
    base = m.ends_on
    m = actions.extend(m, actor=demo["hutao"], days=10, agreed_parties=everyone(case),
                       note="双方同意延长")
    ended = base + datetime.timedelta(days=6)
    end_mediation(m, actor=demo["hutao"], outcome="failed", reason="disagreement",
                  report="分歧较大", today=ended)
    excluded = CaseExclusion.objects.get(case=case)
    assert excluded.kind == "mediation_extended"
    assert (excluded.starts_on, excluded.ends_on) == (base + datetime.timedelta(days=1), ended)
    case.time_limit.refresh_from_db()
    assert case.time_limit.expires_on > before
    with translation.override("zh-hans"):
        page = Client()
        page.force_login(demo["wangjun"])
        text = page.get(f"/time-limits/cases/{case.code}/").content.decode()
    assert "延长调解" in text and ended.isoformat() in text
    assert case.events.filter(kind="mediation_ended").exists()
    case.refresh_from_db()
    assert case.state != "closed"  # no agreement: the trial goes on


def test_without_an_extension_nothing_is_excluded(demo, case):
    m = actions.accept(referred(demo, case), actor=demo["hutao"], today=MONDAY)
    end_mediation(m, actor=demo["hutao"], outcome="settled", report="达成协议",
                  today=MONDAY + datetime.timedelta(days=5))
    assert not CaseExclusion.objects.filter(case=case).exists()
    event = case.events.filter(kind="mediation_ended").last()
    assert event.details["outcome"] == "settled"


def test_the_judge_refers_from_the_case_page(demo, case):
    judge = Client()
    judge.force_login(demo["wangjun"])
    page = judge.get(f"/cases/{case.code}/").content.decode()
    assert f"/mediation/cases/{case.code}/refer/" in page
    form = judge.get(f"/mediation/cases/{case.code}/refer/")
    assert form.status_code == 200
    response = judge.post(f"/mediation/cases/{case.code}/refer/", {
        "mediator": hutao().pk, "consented_parties": [str(everyone(case)[0])],
        "override": "x"})
    assert response.status_code == 400  # not every party ticked: the form again, kept
    response = judge.post(f"/mediation/cases/{case.code}/refer/", {
        "mediator": hutao().pk, "consented_parties": [str(p) for p in everyone(case)],
        "override": "本院专职调解员"})
    assert response.status_code == 302
    page = judge.get(f"/cases/{case.code}/").content.decode()
    assert "/mediation/m/" in page  # the case page leads to its mediation
    other = Client()
    other.force_login(demo["lixia"])
    assert other.get(f"/mediation/cases/{case.code}/refer/").status_code in (403, 404)


def test_the_api_refers_a_case_as_the_page_does(demo, case):
    from tianping.accounts.tokens import issue_token

    def headers(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user, name='test')}"}

    url = f"/api/v1/mediation/cases/{case.code}/refer"
    body = {"mediator": hutao().pk, "consented_parties": everyone(case)[:1], "override": "x"}
    client = Client()
    refused = client.post(url, body, content_type="application/json", **headers(demo["wangjun"]))
    assert refused.status_code == 422
    assert client.post(url, {**body, "consented_parties": everyone(case)},
                       content_type="application/json",
                       **headers(demo["lixia"])).status_code in (403, 404)
    made = client.post(url, {**body, "consented_parties": everyone(case)},
                       content_type="application/json", **headers(demo["wangjun"]))
    assert made.status_code == 201 and made.json()["kind"] == "referred"

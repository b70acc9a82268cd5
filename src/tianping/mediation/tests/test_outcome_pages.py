"""The outcome on the mediation page: the mediator drafts from a template, each party signs
on the page, the application is made there, the judge rules on the case's page; refused
input comes back with what was typed."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tianping.cases.models import Case
from tianping.flows.filing import accept_filing
from tianping.mediation.choices import MediationStatus
from tianping.mediation.tests.test_mediations import court, under_way  # noqa: F401
from tianping.mediation.tests.test_outcomes import PDF, parties

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def mediation(demo, court, other_litigant):  # noqa: F811
    m = under_way(demo, court)
    _, respondent = parties(m)
    respondent.user = other_litigant
    respondent.save(update_fields=["user"])
    return m


def test_from_template_to_ruling_on_the_pages(demo, mediation, other_litigant):
    m = mediation
    url = reverse("mediation:detail", args=[m.code])
    mediator = client_for(demo["hutao"])
    page = mediator.get(url + "?template=payment").content.decode()
    assert "张三" in page and "李四" in page and "20,000.00" in page  # the text filled in
    # a bad amount comes back with the text typed
    bad = mediator.post(reverse("mediation:draft", args=[m.code]),
                        {"template": "payment", "text": "一、李四于2026年4月1日前支付张三两万元。",
                         "amount": "两万"})
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "一、李四于2026年4月1日前支付张三两万元。" in body and "金额" in body
    ok = mediator.post(reverse("mediation:draft", args=[m.code]),
                       {"template": "payment", "text": "一、李四于2026年4月1日前支付张三两万元。",
                        "amount": "20000", "pay_by": "2026-04-01"})
    assert ok.status_code == 302
    # the applicant signs, having read it; the respondent signs
    applicant_page = client_for(demo["zhangsan"])
    shown = applicant_page.get(url).content.decode()
    assert "支付张三两万元" in shown and 'name="read"' in shown
    missing = applicant_page.post(reverse("mediation:sign", args=[m.code]),
                                  {"party": parties(m)[0].pk, "version": 1})
    assert missing.status_code == 400  # the "I have read" box not ticked
    for user, party in ((demo["zhangsan"], parties(m)[0]), (other_litigant, parties(m)[1])):
        r = client_for(user).post(reverse("mediation:sign", args=[m.code]),
                                  {"party": party.pk, "version": 1, "read": "on",
                                   "joins_confirmation": "on"})
        assert r.status_code == 302, r.content.decode()[:2000]
    m.refresh_from_db()
    assert m.status == MediationStatus.SETTLED
    # the application, from the page
    r = applicant_page.post(reverse("mediation:apply_confirmation", args=[m.code]))
    assert r.status_code == 302
    filing = m.agreement.__class__.objects.get(mediation=m).request
    case = accept_filing(filing, actor=demo["lixia"])
    judge = client_for(case.judge)
    case_page = judge.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert reverse("mediation:ruling", args=[case.code]) in case_page
    dismiss = judge.post(reverse("mediation:ruling", args=[case.code]),
                         {"decision": "dismissed"})
    assert dismiss.status_code == 400  # no reasons
    granted = judge.post(reverse("mediation:ruling", args=[case.code]),
                         {"decision": "granted"})
    assert granted.status_code == 302
    case = Case.objects.get(pk=case.pk)
    assert case.closed_on is not None
    # the litigant sees the ruling among the case's documents on the portal
    portal = applicant_page.get(reverse("party_cases:detail", args=[case.code])).content.decode()
    assert "民事裁定书" in portal
    assert case.number in applicant_page.get(url).content.decode()


def test_paper_signing_on_the_page_and_strangers_kept_out(demo, mediation):
    m = mediation
    mediator = client_for(demo["hutao"])
    mediator.post(reverse("mediation:draft", args=[m.code]),
                  {"template": "general", "text": "一、双方和解。", "amount": ""})
    a, b = parties(m)
    r = mediator.post(reverse("mediation:sign_paper", args=[m.code]),
                      {"parties": [a.pk, b.pk], "joins_confirmation": [a.pk, b.pk],
                       "scan": SimpleUploadedFile("signed.pdf", PDF)})
    assert r.status_code == 302
    m.refresh_from_db()
    assert m.status == MediationStatus.SETTLED
    assert m.agreement.amount is None
    # a litigant of another dispute cannot see or act on it
    stranger = client_for(demo["lilawyer"])
    assert stranger.get(reverse("mediation:detail", args=[m.code])).status_code == 404
    assert stranger.post(reverse("mediation:apply_confirmation",
                                 args=[m.code])).status_code == 404


def test_the_list_leads_to_groups_and_figures_for_those_who_may(demo):
    url = reverse("mediation:mediations")
    groups, figures = reverse("mediation:groups"), reverse("mediation:figures")
    clerk = client_for(demo["lixia"]).get(url).content.decode()
    assert groups in clerk and figures not in clerk
    president = client_for(demo["chenzhi"]).get(url).content.decode()
    assert figures in president
    for who in ("zhangsan", "hutao"):
        page = client_for(demo[who]).get(url).content.decode()
        assert groups not in page and figures not in page

"""The outcome through the API: the same journey as the pages, from the template to the
ruling, and the refusals a client meets (not a party, twice, a bad amount, a stale
version), each in the reader's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.flows.filing import accept_filing
from tianping.mediation.models import MediationAgreement
from tianping.mediation.tests.test_api_mediations import PDF, bearer, fields, post
from tianping.mediation.tests.test_mediations import court, under_way  # noqa: F401
from tianping.mediation.tests.test_outcomes import parties

pytestmark = pytest.mark.django_db
API = "/api/v1/mediation"


@pytest.fixture
def mediation(demo, court, other_litigant):  # noqa: F811
    m = under_way(demo, court)
    _, respondent = parties(m)
    respondent.user = other_litigant
    respondent.save(update_fields=["user"])
    return m


def test_from_the_template_to_the_ruling(demo, mediation, other_litigant):
    m = mediation
    mediator, applicant = bearer(demo["hutao"]), bearer(demo["zhangsan"])
    respondent = bearer(other_litigant)
    url = f"{API}/mediations/{m.code}/agreement"
    assert applicant.get(url).status_code == 404  # nothing drafted yet
    templates = mediator.get(f"{url}/templates").json()
    assert templates[0]["template"] == "payment" or templates[0]["template"] == "general"
    assert all("张三" in t["text"] for t in templates)
    assert applicant.get(f"{url}/templates").status_code == 404  # the mediator's tool
    bad = post(mediator, url, {"template": "payment", "text": "一、还款。", "amount": "1.234"})
    assert bad.status_code == 422 and "amount" in fields(bad)
    made = post(mediator, url, {"template": "payment", "text": "一、李四付张三两万元。",
                                "amount": "20000", "pay_by": "2026-04-01"})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["amount"] == "20000.00" and body["version"] == 1
    assert "draft" in body["allowed_actions"]
    a, b = parties(m)
    assert "sign" in applicant.get(url).json()["allowed_actions"]
    stranger = post(respondent, f"{url}/sign", {"party": a.pk, "version": 1})
    assert stranger.status_code == 403
    stale = post(applicant, f"{url}/sign", {"party": a.pk, "version": 2})
    assert stale.status_code == 422
    ok = post(applicant, f"{url}/sign", {"party": a.pk, "version": 1,
                                         "joins_confirmation": True})
    assert ok.status_code == 200 and ok.json()["unsigned_parties"] == [b.pk]
    done = post(respondent, f"{url}/sign", {"party": b.pk, "version": 1,
                                            "joins_confirmation": True})
    assert done.json()["in_effect_since"] is not None
    assert "confirmation" in done.json()["allowed_actions"]
    applied = post(respondent, f"{url}/confirmation")
    assert applied.status_code == 200 and applied.json()["route"] == "confirmation"
    assert post(applicant, f"{url}/confirmation").status_code == 422  # once
    filing = MediationAgreement.objects.get(mediation=m).request
    case = accept_filing(filing, actor=demo["lixia"])
    assert applicant.get(url).json()["case_number"] == case.number
    judge = bearer(case.judge)
    assert post(applicant, f"{API}/cases/{case.code}/confirmation",
                {"decision": "granted"}).status_code in (403, 404)
    no_reasons = post(judge, f"{API}/cases/{case.code}/confirmation", {"decision": "dismissed"})
    assert no_reasons.status_code == 422 and "reasons" in fields(no_reasons)
    ruled = post(judge, f"{API}/cases/{case.code}/confirmation", {"decision": "granted"})
    assert ruled.status_code == 200, ruled.content
    assert ruled.json()["closure_mode"] == "ruling" and ruled.json()["documents"]
    # the parties rate the mediation, once
    rated = post(applicant, f"{API}/mediations/{m.code}/rating", {"party": a.pk, "stars": 5})
    assert rated.status_code == 201
    assert post(applicant, f"{API}/mediations/{m.code}/rating",
                {"party": a.pk, "stars": 4}).status_code == 422
    assert post(applicant, f"{API}/mediations/{m.code}/rating",
                {"party": a.pk, "stars": 9}).status_code == 422


def test_paper_signatures_through_the_api(demo, mediation):
    m = mediation
    mediator = bearer(demo["hutao"])
    url = f"{API}/mediations/{m.code}/agreement"
    post(mediator, url, {"template": "general", "text": "一、双方和解。"})
    a, b = parties(m)
    answer = mediator.post(f"{url}/paper", {"parties": [a.pk, b.pk],
                                            "scan": SimpleUploadedFile("signed.pdf", PDF)})
    assert answer.status_code == 200, answer.content
    assert {s["method"] for s in answer.json()["signatures"]} == {"paper"}
    assert answer.json()["in_effect_since"] is not None
    # not everyone joined the confirmation: refused, the names said
    refused = post(mediator, f"{url}/confirmation")
    assert refused.status_code == 422 and "张三" in str(refused.json())
    kept = post(mediator, f"{url}/voluntary")
    assert kept.json()["route"] == "voluntary"
    broken = post(mediator, f"{url}/performance", {"performed": False, "note": "未付款"})
    assert broken.json()["performance"] == "broken"

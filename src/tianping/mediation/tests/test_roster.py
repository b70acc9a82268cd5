"""The roster and its partners (issue 11, part 1): who sees what, who keeps it, the bounds
of every input, and the page and the API doing the same through one set of actions."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from tianping.accounts.tokens import issue_token
from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.mediation import actions
from tianping.mediation.models import Mediator, Partner, PartnerAgreement
from tianping.mediation.permissions import (
    can_keep_roster,
    get_mediator_for_user,
    mediators_visible_to,
    partners_visible_to,
)
from tianping.mediation.queries import RosterFilter, filter_mediators, performance

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def fic(court):
    return Partner.objects.get(court=court, name="锡林浩特市工商业联合会")


def add(court, actor, **fields):
    values = {"name": "乌日娜", "kind": "invited", "specialities": ["family"],
              "languages": ["zh", "mn"], "listed_on": TODAY}
    return actions.save_mediator(court, actor=actor, **{**values, **fields})


def api(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user, name='test')}"}


# The demo: the scale of seed 002


def test_the_demo_roster_has_the_seeds_scale(court):
    assert Partner.objects.filter(court=court).count() == 22
    invited = Mediator.objects.filter(court=court, kind__in=["invited", "invited_organisation"])
    assert invited.count() == 22
    assert Mediator.objects.filter(court=court, kind="peoples").count() == 2
    assert court.mediation_stations.filter(name="营商环境调解室", partner=fic(court)).exists()
    mongolian = filter_mediators(Mediator.objects.filter(court=court),
                                 RosterFilter(language="mn"), TODAY)
    assert mongolian.count() >= 5 and all("mn" in m.language_codes for m in mongolian)


# Who sees what


def test_a_coordinator_sees_only_their_partners_mediators(demo, court):
    nasen = demo["nasen"]
    seen = set(mediators_visible_to(nasen))
    assert seen and all(m.partner_id == fic(court).pk for m in seen)
    assert set(partners_visible_to(nasen)) == {fic(court)}
    other = Mediator.objects.get(court=court, name="巴特尔")
    client = Client()
    client.force_login(nasen)
    assert client.get(f"/mediation/mediators/{other.pk}/").status_code == 404
    page = client.get("/mediation/").content.decode()
    assert "萨仁" in page and "巴特尔" not in page
    assert client.get(f"/api/v1/mediation/mediators/{other.pk}").status_code == 404
    names = [m["name"] for m in client.get("/api/v1/mediation/mediators").json()["items"]]
    assert sorted(names) == ["孟凡宇", "萨仁"]


def test_every_staff_member_reads_the_roster_and_a_mediator_their_own_entry(demo, court):
    assert mediators_visible_to(demo["lixia"]).filter(court=court).count() == 25
    assert not mediators_visible_to(demo["sarula"]).filter(court=court).exists()
    own = Mediator.objects.get(user=demo["hutao"])
    assert get_mediator_for_user(demo["hutao"], own.pk) == own


def test_litigants_read_the_public_roster_without_telephones(demo, court):
    client = Client()
    client.force_login(demo["zhangsan"])
    assert client.get("/mediation/").status_code == 403
    page = client.get(f"/mediation/courts/{court.code}/roster/?language=mn").content.decode()
    assert "其木格" in page and "13904790103" not in page and "张丽华" not in page
    answer = Client().get(f"/api/v1/mediation/courts/{court.code}/roster?speciality=family")
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert items and all("family" in m["specialities"] and "phone" not in m for m in items)


# Who keeps it


def test_a_clerk_and_another_courts_administrator_cannot_change_the_roster(demo, court):
    entry = Mediator.objects.get(court=court, name="其木格")
    for person in (demo["lixia"], demo["wangjun"], demo["nasen"], demo["hutao"]):
        assert not can_keep_roster(person, court)
        with pytest.raises(PermissionDenied):
            actions.save_mediator(court, actor=person, mediator=entry, capacity=1)
    other = Court.objects.get(code="内2501")
    from tianping.courts.models import Membership

    Membership.objects.create(user=demo["tuya"], court=other, role="administrator")
    tuya = type(demo["tuya"]).objects.get(pk=demo["tuya"].pk)
    assert can_keep_roster(tuya, other) and not can_keep_roster(tuya, court)
    with pytest.raises(PermissionDenied):
        add(court, tuya)
    client = Client()
    client.force_login(tuya)
    assert client.get(f"/mediation/courts/{court.code}/mediators/new/").status_code == 404
    answer = client.post("/api/v1/mediation/mediators", json.dumps(
        {"court": court.code, "name": "某人", "kind": "invited"}), content_type="application/json")
    assert answer.status_code == 404
    assert can_keep_roster(demo["chenzhi"], court) and can_keep_roster(demo["admin"], court)


def test_adding_changing_and_delisting_a_mediator_is_audited(demo, court):
    admin = demo["admin"]
    with pytest.raises(ValidationError):  # hutao has an entry already
        add(court, admin, kind="in_court", username="hutao")
    entry = add(court, admin, partner=fic(court), kind="invited_organisation",
                username="zhaomin")
    assert entry.speciality_codes == ["family"] and entry.language_codes == ["zh", "mn"]
    assert entry.user == demo["zhaomin"]
    entry = actions.save_mediator(court, actor=admin, mediator=entry, capacity=3)
    entry = actions.delist_mediator(entry, actor=admin, on=TODAY, reason="任期届满")
    assert Mediator.objects.filter(pk=entry.pk, delisted_on=TODAY).exists()  # the row stays
    done = list(AuditEntry.objects.filter(object_id=str(entry.pk),
                                          action__startswith="mediation_mediator.")
                .order_by("pk").values_list("action", flat=True))
    assert done == ["mediation_mediator.created", "mediation_mediator.changed",
                    "mediation_mediator.delisted"]
    with pytest.raises(ValidationError):
        actions.delist_mediator(entry, actor=admin, on=TODAY)


# Bad input: clear errors in the reader's language


def messages_of(exc) -> str:
    return " ".join(exc.value.messages)


def test_bad_input_is_refused_with_clear_chinese_messages(demo, court):
    admin = demo["admin"]
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as exc:
            add(court, admin, specialities=["family", "astrology"])
        assert "astrology" in messages_of(exc)
        with pytest.raises(ValidationError) as exc:
            add(court, admin, languages=["zh"] * 9)
        with pytest.raises(ValidationError) as exc:
            add(court, admin, name="长" * 51)
        with pytest.raises(ValidationError) as exc:
            add(court, admin, kind="invited_organisation")
        with pytest.raises(ValidationError) as exc:
            add(court, admin, capacity=500)
        with pytest.raises(ValidationError) as exc:
            actions.save_agreement(fic(court), actor=admin, title="协议", signed_on=TODAY,
                                   valid_from=TODAY, valid_until=TODAY - datetime.timedelta(1))
        assert PartnerAgreement.objects.filter(title="协议").count() == 0
        other = Partner.objects.create(court=Court.objects.get(code="内2501"), name="外院伙伴",
                                       kind="other")
        with pytest.raises(ValidationError):
            add(court, admin, partner=other, kind="invited_organisation")


def test_the_api_gives_the_same_errors_and_the_same_result(demo, court):
    client = Client()
    auth = {**api(demo["admin"]), "HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    body = {"court": court.code, "name": "乌日娜", "kind": "invited",
            "specialities": ["family", "astrology"], "languages": ["mn"]}

    def post(url, data):
        return client.post(url, json.dumps(data), content_type="application/json", **auth)

    answer = post("/api/v1/mediation/mediators", body)
    assert answer.status_code == 422 and "astrology" in json.dumps(answer.json(),
                                                                   ensure_ascii=False)
    answer = post("/api/v1/mediation/mediators", {**body, "specialities": ["x"] * 20})
    assert answer.status_code == 422
    answer = post("/api/v1/mediation/mediators", {**body, "specialities": ["family"]})
    assert answer.status_code == 201, answer.content
    made = answer.json()
    assert made["specialities"] == ["family"] and made["languages"] == ["mn"]
    assert made["performance"]["taken"] == 0 and made["performance"]["rating"] is None
    answer = client.patch(f"/api/v1/mediation/mediators/{made['id']}", json.dumps(
        {"available": False, "unavailable_until": "2026-12-31"}),
        content_type="application/json", **auth)
    assert answer.status_code == 200 and answer.json()["available"] is False
    answer = post(f"/api/v1/mediation/partners/{fic(court).pk}/agreements", {
        "title": "补充协议", "signed_on": "2026-01-01", "valid_from": "2026-01-01",
        "valid_until": "2025-01-01"})
    with translation.override("zh-hans"):  # the reader's language (the Chinese once added)
        expected = translation.gettext("The agreement cannot end before it starts.")
    assert answer.status_code == 422 and answer.json()["detail"] == [expected]
    lixia = {**api(demo["lixia"])}
    answer = client.post("/api/v1/mediation/mediators", json.dumps(
        {**body, "specialities": []}), content_type="application/json", **lixia)
    assert answer.status_code == 404  # not the court's keeper: the court is not found


def test_the_roster_filters_and_pages_the_same_on_the_page_and_in_the_api(demo, court):
    client = Client()
    client.force_login(demo["lixia"])
    listed = client.get("/api/v1/mediation/mediators?language=mn&speciality=family&limit=2")
    first = listed.json()
    assert len(first["items"]) == 2 and first["next"]
    rest = client.get(f"/api/v1/mediation/mediators?language=mn&speciality=family&limit=2"
                      f"&after={first['next']}").json()
    names = [m["name"] for m in first["items"] + rest["items"]]
    expected = filter_mediators(Mediator.objects.filter(court=court),
                                RosterFilter(language="mn", speciality="family"), TODAY)
    assert sorted(names) == sorted(m.name for m in expected)[: len(names)]
    page = client.get("/mediation/?language=mn&speciality=family").content.decode()
    assert all(name in page for name in names)
    assert "刘建军" not in page  # labour, Chinese only
    assert client.get("/mediation/?speciality=astrology").status_code == 200


def test_the_mediator_page_says_there_are_no_mediations_yet(demo, court):
    entry = Mediator.objects.get(court=court, name="其木格")
    assert not performance([entry.pk])[entry.pk].has_mediations
    client = Client()
    client.force_login(demo["lixia"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/mediation/mediators/{entry.pk}/").content.decode()
    assert "No mediations yet" in page and "13904790103" in page
    assert "Change the entry" not in page


def test_the_administrator_uses_the_forms(demo, court):
    client = Client()
    client.force_login(demo["admin"])
    answer = client.post(f"/mediation/courts/{court.code}/mediators/new/", {
        "name": "乌日娜", "kind": "invited", "specialities": ["family"], "languages": ["mn"],
        "capacity": "4", "available": "on", "listed_on": "2026-03-02"})
    assert answer.status_code == 302
    entry = Mediator.objects.get(court=court, name="乌日娜")
    assert entry.language_codes == ["mn"] and entry.capacity == 4
    answer = client.post(f"/mediation/mediators/{entry.pk}/delist/",
                         {"on": "2026-03-03", "reason": "本人申请"})
    entry.refresh_from_db()
    assert entry.delisted_on == datetime.date(2026, 3, 3)
    answer = client.post(f"/mediation/partners/{fic(court).pk}/agreements/new/", {
        "title": "补充协议", "signed_on": "2026-01-01", "valid_from": "2026-01-01",
        "valid_until": "2025-01-01"})
    assert answer.status_code == 200 and not PartnerAgreement.objects.filter(
        title="补充协议").exists()
    answer = client.post(f"/mediation/courts/{court.code}/partners/new/", {
        "name": "锡林浩特市奶食品协会", "kind": "trade_association", "active": "on"})
    assert answer.status_code == 302
    partner = Partner.objects.get(name="锡林浩特市奶食品协会")
    answer = client.post(f"/mediation/partners/{partner.pk}/coordinators/",
                         {"username": "zhangsan"})
    assert partner.coordinators.filter(user__username="zhangsan", active=True).exists()
    clerk = Client()
    clerk.force_login(demo["lixia"])
    assert clerk.post(f"/mediation/partners/{partner.pk}/edit/", {
        "name": "改名", "kind": "other"}).status_code == 404

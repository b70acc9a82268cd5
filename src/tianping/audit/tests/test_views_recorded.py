"""Every look at a protected record is in the audit record: who, which record, for whom."""

from decimal import Decimal

import pytest

from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db
PARTIES = [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022"},
    {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "phone": "13800000000"},
]


@pytest.fixture
def filing(demo):
    filer = demo["zhangsan"]
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(filing, actor=filer, claims="归还货款", facts="买卖合同",
                       amount=Decimal("9000"))
    actions.set_parties(filing, PARTIES, actor=filer)
    return actions.submit_filing(filing, actor=filer)


@pytest.fixture
def case(demo, filing):
    from tianping.cases.actions import assign_by_hand

    case = accept_filing(filing, actor=demo["lixia"])
    return assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="对口")


def views_of(obj, action, user):
    return AuditEntry.objects.filter(
        action=action, object_id=str(obj.pk), actor=user
    ).count()


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        ("wangjun", "/cases/{code}/"),
        ("wangjun", "/api/v1/cases/{code}"),
        ("zhangsan", "/portal/cases/{code}/"),
        ("zhangsan", "/api/v1/party-cases/{code}"),
    ],
)
def test_opening_a_case_is_recorded(client, demo, case, persona, path):
    client.force_login(demo[persona])

    response = client.get(path.format(code=case.code))

    assert response.status_code == 200
    assert views_of(case, "case.viewed", demo[persona]) == 1


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        ("lixia", "/filing-review/{code}/"),
        ("lixia", "/api/v1/filing-review/{code}"),
        ("zhangsan", "/portal/filings/{code}/"),
        ("zhangsan", "/api/v1/filings/{code}"),
    ],
)
def test_opening_a_filing_is_recorded(client, demo, filing, persona, path):
    client.force_login(demo[persona])

    response = client.get(path.format(code=filing.code))

    assert response.status_code == 200
    assert views_of(filing, "filing.viewed", demo[persona]) == 1


def test_a_refused_look_records_nothing(client, demo, case):
    client.force_login(demo["sarula"])  # a judge of another court

    assert client.get(f"/cases/{case.code}/").status_code == 404
    assert not AuditEntry.objects.filter(action="case.viewed").exists()


def test_a_backup_standing_in_is_recorded_with_the_person_stood_in_for(client, demo, case):
    from django.utils import timezone

    from tianping.courts.actions import name_backup

    today = timezone.localdate()
    name_backup(demo["wangjun"], backup=demo["zhaomin"], away_from=today, away_until=today,
                actor=demo["wangjun"])
    client.force_login(demo["zhaomin"])
    client.post(f"/workspace/act-for/{demo['wangjun'].pk}/")

    assert client.get(f"/cases/{case.code}/").status_code == 200

    entry = AuditEntry.objects.get(action="case.viewed", object_id=str(case.pk))
    assert (entry.actor, entry.acted_for) == (demo["zhaomin"], demo["wangjun"])

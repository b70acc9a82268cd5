import pytest
from django.core.management import call_command

from tianping.courts.models import Court, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_database(demo_network):
    """No demo network: the one loaded for the session is removed (in this test's
    transaction only, rolled back afterwards)."""
    from django.contrib.auth import get_user_model

    from tianping.cases.models import Assessor, TriageRule
    from tianping.courts.models import Team
    from tianping.mediation.models import Mediator, Partner, PartnerCoordinator, Station

    PartnerCoordinator.objects.all().delete()
    Mediator.objects.all().delete()
    Station.objects.all().delete()
    Partner.objects.all().delete()
    get_user_model().objects.all().delete()
    TriageRule.objects.all().delete()
    Assessor.objects.all().delete()
    Team.objects.all().delete()
    while Court.objects.exists():  # a court's children first
        Court.objects.filter(children__isnull=True).delete()
    assert not Membership.objects.exists()


def test_demo_builds_the_network_and_prints_logins_once(empty_database, capsys):
    call_command("demo")
    first = capsys.readouterr().out
    call_command("demo")
    second = capsys.readouterr().out
    assert "wangjun" in first and "Tianping-demo-2026" in first
    assert "wangjun" not in second
    assert Court.objects.get(code="内2502").parent.code == "内25"
    assert Court.objects.get(code="内25").parent.code == "内"
    # one persona for each role
    from tianping.courts.choices import Role

    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)


def test_demo_identity_numbers_pass_the_identity_checks(litigant):
    from tianping.catalog.choices import DocumentType
    from tianping.catalog.identity import validate_document

    number = litigant.id_number
    assert validate_document(DocumentType.RESIDENT_ID, number) == number

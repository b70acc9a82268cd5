import pytest
from django.core.management import call_command

from tianping.courts.models import Court, Membership

pytestmark = pytest.mark.django_db


def test_demo_builds_the_network_and_prints_logins_once(capsys):
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


def test_demo_identity_numbers_pass_the_identity_checks(demo):
    from tianping.catalog.choices import DocumentType
    from tianping.catalog.identity import validate_document

    number = demo["zhangsan"].id_number
    assert validate_document(DocumentType.RESIDENT_ID, number) == number

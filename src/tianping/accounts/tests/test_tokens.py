"""API tokens: issued once in clear, stored as a digest, and their issue is on record."""

import io

import pytest
from django.core.management import call_command

from tianping.accounts.models import ApiToken
from tianping.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_issuing_a_token_from_the_command_line_is_in_the_audit_log(demo, client):
    out = io.StringIO()
    call_command("create_api_token", "lixia", "--name", "窗口系统", stdout=out)
    raw = out.getvalue().strip()
    token = ApiToken.objects.get(user=demo["lixia"])
    entry = AuditEntry.objects.get(action="api_token.issued", object_id=str(token.pk))
    assert entry.changes == {"user": "lixia", "name": "窗口系统", "prefix": raw[:8]}
    assert raw not in str(entry.changes) and token.digest not in str(entry.changes)
    # and the token works
    answer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert answer.status_code == 200

"""The whole API under generated input (schemathesis): no answer is a server error, and
every answer has the shape the OpenAPI schema documents, for a member of staff and for a
litigant, each signed in with an API token. Examples are bounded (a few per operation,
derandomised) so the run takes seconds and gives the same cases every time."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tianping.accounts.tokens import issue_token

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "6"))


@pytest.fixture
def tokens(demo):
    # The requests go through the WSGI handler, which closes the database connection when
    # a request ends; Django's own test client holds it open for the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {who: issue_token(demo[who], name="schemathesis") for who in ("lixia", "zhangsan")}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("who", ["lixia", "zhangsan"])
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_no_schema_violation(case, who, tokens):
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens[who]}"}, checks=CHECKS)

"""A check for API lists answered without their response schema (lib/api_pages.py,
`page_response`): the answer must be exactly the one the schema would have given."""

import json

from ninja.responses import NinjaJSONEncoder


def assert_as_schema_gives(response, schema) -> None:
    """RESPONSE's JSON is what django-ninja writes after validating it through SCHEMA:
    same fields, same types, same values."""
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(response.content)
    validated = schema.model_validate(body).model_dump()
    assert json.loads(json.dumps(validated, cls=NinjaJSONEncoder)) == body

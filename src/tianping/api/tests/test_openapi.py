"""The OpenAPI document says what the API does: one schema per name, one answer per status."""

import json
from collections import Counter

from ninja import Schema

from tianping.api.api import api


def _no_repeated_keys(pairs):
    repeated = [key for key, n in Counter(key for key, _ in pairs).items() if n > 1]
    assert repeated == [], f"a key written twice: {repeated}"
    return dict(pairs)


def test_the_document_is_json_without_a_key_written_twice(client):
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    document = json.loads(answer.content, object_pairs_hook=_no_repeated_keys)
    assert document["openapi"].startswith("3.")


def _schemas(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _schemas(sub)


def test_no_two_schemas_of_the_api_share_a_name():
    """Two classes of one name overwrite each other in the document (a decision body was
    documented as another endpoint's), so every schema of the project has its own name."""
    api.get_openapi_schema()  # every router imported
    ours = {
        cls for cls in _schemas(Schema)
        if cls.__module__.startswith("tianping.") and ".tests" not in cls.__module__
    }
    names = Counter(cls.__name__ for cls in ours)
    shared = {
        name: sorted(c.__module__ for c in ours if c.__name__ == name)
        for name, n in names.items() if n > 1
    }
    assert shared == {}


def test_every_operation_documents_its_error_answers():
    document = api.get_openapi_schema()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status in ("401", "403", "404", "422"):
                assert status in operation["responses"], (method, path, status)

"""The shape of an error answer of the API, as documented in the OpenAPI schema.

`detail` is a message (403, 404, 413), a list of messages (422 from an action or a form),
or, when the request does not match the schema at all, django-ninja's list of problems,
each with its location (`loc`), message (`msg`) and type.
"""

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str | list[str] | list[dict[str, Any]]

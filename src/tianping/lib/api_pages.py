"""Pages of API lists: `items` and the `next` token, read with `after` and `limit`.

Every API list is paged this way (keyset pagination, lib/keyset.py): no COUNT over the
list and no OFFSET, so a list reads the same few rows through its index however long.
"""

import json
from typing import Generic, TypeVar

from django.http import HttpResponse
from ninja import Field, Schema
from ninja.responses import NinjaJSONEncoder

T = TypeVar("T")


class PageIn(Schema):
    after: str | None = Field(None, max_length=500, description="The `next` of the page before.")
    limit: int = Field(50, ge=1, le=100)


class PageOut(Schema, Generic[T]):
    items: list[T]
    next: str | None = Field(description="Pass as `after` for the next page; null on the last.")


def page_response(items: list[dict], following: str | None) -> HttpResponse:
    """A page of a long list answered as JSON at once, as the API's renderer writes it,
    without validating each row through the operation's response schema (pydantic: about a
    fifth of a list's time). The schema still documents the answer, and the list's
    tests check the answer against it: ITEMS must be dicts with the schema's fields, of
    its types."""
    body = json.dumps({"items": items, "next": following}, cls=NinjaJSONEncoder)
    return HttpResponse(body, content_type="application/json; charset=utf-8")

"""Pages of API lists: `items` and the `next` token, read with `after` and `limit`.

Every API list is paged this way (keyset pagination, lib/keyset.py): no COUNT over the
list and no OFFSET, so a list reads the same few rows through its index however long.
"""

from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")


class PageIn(Schema):
    after: str | None = Field(None, max_length=500, description="The `next` of the page before.")
    limit: int = Field(50, ge=1, le=100)


class PageOut(Schema, Generic[T]):
    items: list[T]
    next: str | None = Field(description="Pass as `after` for the next page; null on the last.")

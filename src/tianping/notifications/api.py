"""The signed-in person's in-app messages in the REST API (/api/v1/messages): their own
only, newest first in keyset pages, worded when read in the reader's language
(`notifications.messages`), as on the inbox page; marking read through the page's action."""

import datetime

from django.http import Http404
from ninja import Field, Path, Query, Router, Schema

from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page
from tianping.notifications.actions import mark_read
from tianping.notifications.messages import read
from tianping.notifications.models import Notification

router = Router(tags=["messages"])


class MessageOut(Schema):
    id: int
    text: str = Field(description="In the reader's language.")
    link: str = Field(description="The page it is about; may be empty.")
    created_at: datetime.datetime
    read_at: datetime.datetime | None


class MessagePageIn(PageIn):
    unread: bool = Field(False, description="Only the messages not yet read.")


class UnreadOut(Schema):
    unread: int


class MarkedOut(Schema):
    marked: int = Field(description="How many messages were unread and are now read.")


def _out(note) -> dict:
    text, link = read(note)
    return {"id": note.pk, "text": text, "link": link, "created_at": note.created_at,
            "read_at": note.read_at}


@router.get("", response=PageOut[MessageOut], summary="My messages, newest first")
def messages(request, paging: Query[MessagePageIn]):
    notes = Notification.objects.filter(user=request.user)
    if paging.unread:
        notes = notes.filter(read_at__isnull=True)
    page = rows_page(notes, ("-created_at", "-id"), after=paging.after, size=paging.limit)
    return {"items": [_out(n) for n in page.items], "next": page.next}


@router.get("/unread-count", response=UnreadOut, summary="How many of my messages are unread")
def unread_count(request):
    return {"unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count()}


@router.post("/read", response=MarkedOut, summary="Mark all my messages read")
def read_all(request):
    return {"marked": mark_read(request.user)}


@router.post("/{pk}/read", response=MessageOut, summary="Mark one of my messages read")
def read_one(request, pk: int = Path(..., ge=1, le=2**62)):
    note = Notification.objects.filter(user=request.user, pk=pk).first()
    if note is None:
        raise Http404
    mark_read(request.user, ids=[note.pk])
    note.refresh_from_db()
    return _out(note)

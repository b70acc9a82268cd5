"""One's own messages through the API (/api/v1/messages): listed newest first in keyset
pages, worded in the reader's language, counted, marked read; never another's."""

import pytest
from django.conf import settings

from tianping.notifications.actions import notify, notify_once
from tianping.notifications.models import Notification

pytestmark = pytest.mark.django_db


def lawyer_refused(user, n=1):
    notify([user], key=f"lawyer-application:{n}:refused", kind="lawyer.decided",
           status="refused", court="内2502", reason="执业证号查无此人")


def test_my_messages_newest_first_page_by_page(client, litigant):
    for n in range(3):
        notify_once([(litigant, f"k{n}", f"消息{n}", "")])
    client.force_login(litigant)
    first = client.get("/api/v1/messages?limit=2").json()
    assert [m["text"] for m in first["items"]] == ["消息2", "消息1"]
    rest = client.get(f"/api/v1/messages?limit=2&after={first['next']}").json()
    assert [m["text"] for m in rest["items"]] == ["消息0"] and rest["next"] is None


def test_a_message_reads_in_the_readers_language(client, litigant):
    lawyer_refused(litigant)
    client.force_login(litigant)
    [chinese] = client.get("/api/v1/messages").json()["items"]
    assert "锡林浩特市人民法院" in chinese["text"] and "执业证号查无此人" in chinese["text"]
    assert chinese["link"] == "/accounts/profile/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    [english] = client.get("/api/v1/messages").json()["items"]
    assert english["text"].startswith("Xilinhot People's Court refused your registration")


def test_counting_and_marking_read(client, litigant):
    for n in range(3):
        lawyer_refused(litigant, n)
    client.force_login(litigant)
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 3}
    newest = client.get("/api/v1/messages").json()["items"][0]
    marked = client.post(f"/api/v1/messages/{newest['id']}/read").json()
    assert marked["id"] == newest["id"] and marked["read_at"] is not None
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 2}
    unread = client.get("/api/v1/messages?unread=true").json()["items"]
    assert newest["id"] not in [m["id"] for m in unread] and len(unread) == 2
    assert client.post("/api/v1/messages/read").json() == {"marked": 2}
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 0}


def test_nobody_reads_or_marks_anothers_messages(client, litigant, judge):
    notify_once([(litigant, "mine", "张三的消息", ""), (judge, "his", "王军的消息", "")])
    his = Notification.objects.get(user=judge)
    client.force_login(litigant)
    assert [m["text"] for m in client.get("/api/v1/messages").json()["items"]] == ["张三的消息"]
    assert client.post(f"/api/v1/messages/{his.pk}/read").status_code == 404
    assert client.post("/api/v1/messages/read").json() == {"marked": 1}
    his.refresh_from_db()
    assert his.read_at is None


def test_signed_out_nobody_gets_messages(client, litigant):
    notify_once([(litigant, "mine", "张三的消息", "")])
    assert client.get("/api/v1/messages").status_code == 401
    assert client.get("/api/v1/messages/unread-count").status_code == 401
    assert client.post("/api/v1/messages/read").status_code in (401, 403)

import pytest

from tianping.notifications.actions import notify_once

pytestmark = pytest.mark.django_db


def test_each_person_sees_only_their_messages_once(client, demo, login):
    notify_once([(demo["wangjun"], "k1", "案件即将超审限", "")])
    notify_once([(demo["wangjun"], "k1", "案件即将超审限", ""),
                 (demo["sarula"], "k1", "另一条", "")])
    login(demo["wangjun"])
    page = client.get("/notifications/").content.decode()
    assert page.count("案件即将超审限") == 1
    assert "另一条" not in page
    client.post("/notifications/read/")
    assert demo["wangjun"].notifications.filter(read_at__isnull=True).count() == 0

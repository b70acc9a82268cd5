import pytest

from tianping.notifications.actions import notify_once

pytestmark = pytest.mark.django_db


def test_each_person_sees_only_their_messages_once(client, judge, judge_of_other_court, login):
    notify_once([(judge, "k1", "案件即将超审限", "")])
    notify_once([(judge, "k1", "案件即将超审限", ""),
                 (judge_of_other_court, "k1", "另一条", "")])
    login(judge)
    page = client.get("/notifications/").content.decode()
    assert page.count("案件即将超审限") == 1
    assert "另一条" not in page
    client.post("/notifications/read/")
    assert judge.notifications.filter(read_at__isnull=True).count() == 0

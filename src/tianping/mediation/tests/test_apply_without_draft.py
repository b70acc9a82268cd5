"""The application for pre-filing mediation, opened by a litigant with no draft yet: the
page says where to enter the dispute (a link to a new filing), not a server error."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_litigant_without_a_draft_is_sent_to_enter_the_dispute(demo):
    litigant = Client()
    litigant.force_login(demo["zhangsan"])
    response = litigant.get("/mediation/apply/")
    assert response.status_code == 200
    assert 'href="/portal/filings/new/"' in response.content.decode()

"""Shared fixtures: the demo court network and its named personas.

Personas (demo.py): lixia (filing clerk), wangjun (judge), zhaomin (judge assistant),
sunli (court clerk), hutao (mediator), gaofeng (enforcement officer), liuqiang (division
head), chenzhi (president), zhoumei (trial management), admin (administrator, high court),
bayar (trial management, intermediate court, sees the courts below), sarula (judge of
another basic court), zhangsan (litigant), lilawyer (lawyer).
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connections
from django.utils import translation

from tianping.audit.maintenance import allow_purge
from tianping.demo.network import DEMO_PASSWORD, load_demo


@pytest.fixture(scope="session", autouse=True)
def compiled_locales():
    from django.utils.translation import trans_real

    from tianping.lib.locales import compile_locales

    if compile_locales():  # drop catalogs Django may have read before they were compiled
        trans_real._translations.clear()
        trans_real._default = None


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code called directly by tests speaks English (the source language), so tests can
    assert its messages; pages still answer in Chinese unless English is chosen."""
    with translation.override("en"):
        yield


@pytest.fixture
def demo(db):
    """The demo network; returns the personas by username."""
    load_demo()
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def password():
    return DEMO_PASSWORD


@pytest.fixture
def login(client):
    """Sign a persona in through the real login page; returns the client."""

    def _login(user):
        response = client.post(
            "/accounts/login/", {"username": user.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, response.content[:500]
        return client

    return _login


@pytest.fixture(autouse=True)
def _audit_purge_for_live_server(request):
    """Tests on a live server empty every table afterwards, the audit record included."""
    marker = request.node.get_closest_marker("django_db")
    by_marker = marker is not None and bool(
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    if by_marker or {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        allow_purge(connections["default"])
    yield

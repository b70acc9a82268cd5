"""Shared fixtures: the demo court network, built once per test database, and its personas.

The demo network (`tianping.demo.network`: five courts, their divisions, teams, rooms, the
general triage rules and one persona a role) is loaded into each test database once, when
the database is made (`django_db_setup`; under xdist once per worker). Every ordinary test
runs in a transaction on top of it that is rolled back, so a test may change the demo rows
freely. A transactional test (`django_db(transaction=True)`, `transactional_db`,
`live_server`) commits for real and Django empties every table afterwards (the
append-only tables opened for that flush alone, `_open_append_only_tables_for_the_flush`):
the network is loaded again right after that (`pytest_runtest_teardown`), and
`demo_network` loads it within the test should it ever be missing.

Ask for a persona by what they are (`judge`, `filing_clerk`, `judge_of_other_court` ...),
so that a test reads as a sentence; `demo` still gives every user by username.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connections
from django.utils import translation

from tianping.audit.maintenance import allow_purge
from tianping.demo.network import DEMO_PASSWORD, load_demo
from tianping.lib.testing import browser as browser_testing
from tianping.lib.testing.browser import browser, page  # noqa: F401  (fixtures)

browser_testing.PASSWORD = DEMO_PASSWORD  # the personas sign in with the demo's

_blocker = []  # the session's database blocker, once the test database exists


def _demo_is_loaded() -> bool:
    return get_user_model().objects.filter(username="admin").exists()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, made by pytest-django, with the demo network in it."""
    with django_db_blocker.unblock():
        load_demo()
    _blocker.append(django_db_blocker)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    by_marker = marker is not None and bool(
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    return by_marker or bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test Django has emptied every table: close the append-only
    tables again and load the network again, outside any test's transaction. (After the
    last test the test database itself is gone.)"""
    try:
        return (yield)
    finally:
        if _blocker and nextitem is not None and _is_transactional(item):
            with _blocker[0].unblock():
                allow_purge(connections["default"], False)
                if not _demo_is_loaded():
                    load_demo()


@pytest.fixture(scope="session", autouse=True)
def compiled_locales():
    from django.utils.translation import trans_real

    from tianping.lib.locales import compile_locales

    if compile_locales():  # drop catalogs Django may have read before they were compiled
        trans_real._translations.clear()
        trans_real._default = None


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (kept figures of another test's data must not
    answer for this one's)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code called directly by tests speaks English (the source language), so tests can
    assert its messages; pages still answer in Chinese unless English is chosen."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _open_append_only_tables_for_the_flush(request):
    """A transactional test empties every table afterwards, the audit record and the
    timelines included: open them when the test is over, just before that flush (this
    fixture, having asked for `transactional_db`, is torn down first), and close them right
    after it (`pytest_runtest_teardown`). During the test they hold as in production.
    On PostgreSQL this needs the test run's superuser (audit/maintenance.py)."""
    transactional = _is_transactional(request.node)
    if transactional:
        request.getfixturevalue("transactional_db")
    yield
    if transactional:
        allow_purge(connections["default"])


@pytest.fixture
def demo_network(db):
    """Database access with the demo network in place (loaded once per test database)."""
    if not _demo_is_loaded():  # only if something emptied the tables and did not restore them
        load_demo()


@pytest.fixture
def demo(demo_network):
    """Every user by username: the demo personas, and any user made before this fixture.
    Prefer the named persona fixtures below."""
    return {u.username: u for u in get_user_model().objects.all()}


def _persona(username: str):
    return get_user_model().objects.get(username=username)


# The personas (demo/network.py). Unless said otherwise they work at 锡林浩特市人民法院
# (内2502), a basic court under the Xilin Gol intermediate court (内25).


@pytest.fixture
def litigant(demo_network):
    """张三 (zhangsan): a litigant with a resident identity number; files in 内2502."""
    return _persona("zhangsan")


@pytest.fixture
def other_litigant(demo_network):
    """赵六 (zhaoliu): a signed-up litigant who is party to no filing and no case."""
    return get_user_model().objects.create_user(
        "zhaoliu", password=DEMO_PASSWORD, kind="litigant", full_name="赵六",
        phone="13800000009",
    )


@pytest.fixture
def lawyer(demo_network):
    """李律师 (lilawyer): a lawyer of 内蒙古草原律师事务所, with a lawyer's profile."""
    return _persona("lilawyer")


@pytest.fixture
def filing_clerk(demo_network):
    """李霞 (lixia): filing clerk of the case filing division (立案庭)."""
    return _persona("lixia")


@pytest.fixture
def judge(demo_network):
    """王军 (wangjun): judge of the first civil division, lead of the fast-track team."""
    return _persona("wangjun")


@pytest.fixture
def judge_assistant(demo_network):
    """赵敏 (zhaomin): judge assistant of the first civil division, fast-track team."""
    return _persona("zhaomin")


@pytest.fixture
def court_clerk(demo_network):
    """孙丽 (sunli): court clerk of the first civil division, in the fast-track and the
    enforcement team."""
    return _persona("sunli")


@pytest.fixture
def division_head(demo_network):
    """刘强 (liuqiang): head of the first civil division."""
    return _persona("liuqiang")


@pytest.fixture
def president(demo_network):
    """陈志 (chenzhi): president of the court (no division)."""
    return _persona("chenzhi")


@pytest.fixture
def trial_management(demo_network):
    """周梅 (zhoumei): trial management office of the court."""
    return _persona("zhoumei")


@pytest.fixture
def mediator(demo_network):
    """胡涛 (hutao): mediator of the litigation service centre."""
    return _persona("hutao")


@pytest.fixture
def enforcement_officer(demo_network):
    """高峰 (gaofeng): enforcement officer of the enforcement bureau, enforcement team."""
    return _persona("gaofeng")


@pytest.fixture
def judge_of_other_court(demo_network):
    """萨如拉 (sarula): civil judge of another basic court, 二连浩特市人民法院 (内2501)."""
    return _persona("sarula")


@pytest.fixture
def higher_court_officer(demo_network):
    """巴雅尔 (bayar): trial management of the intermediate court (内25), who sees the
    courts below it."""
    return _persona("bayar")


@pytest.fixture
def administrator(demo_network):
    """系统管理员 (admin): the court's administrator (general office); manages its staff
    accounts, their roles, courtrooms and calendar days. Not Django staff, no superuser."""
    return _persona("admin")


@pytest.fixture
def superuser(demo_network):
    """平台管理员 (platform): the platform's superuser, no court role; the only persona
    who reaches the Django admin (reference data of the whole network)."""
    return _persona("platform")


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

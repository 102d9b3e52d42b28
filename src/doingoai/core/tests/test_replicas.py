"""The read-replica router and the middleware that pins a user who has just written to the
primary (core/replicas.py). The replica is a name here: tests/scaleout/ runs them against a
real streaming replica."""

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from doingoai.core import replicas
from doingoai.core.models import Country
from doingoai.core.replicas import PIN_COOKIE, PinToPrimaryMiddleware, PrimaryReplicaRouter

router = PrimaryReplicaRouter()
really_reachable = replicas.reachable


@pytest.fixture
def one_replica(monkeypatch):
    """A replica that answers (it is only a name: nothing connects to it)."""
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica"])
    monkeypatch.setattr(replicas, "reachable", lambda alias: True)


def _serve(request, view):
    """Runs a request through the middleware; returns the response and where the view read."""
    seen = {}

    def get_response(request):
        seen["reads_from"] = router.db_for_read(Country)
        return view(request) or HttpResponse("ok")

    return PinToPrimaryMiddleware(get_response)(request), seen["reads_from"]


def test_a_page_read_without_a_recent_write_reads_from_the_replica(one_replica):
    response, reads_from = _serve(RequestFactory().get("/"), lambda request: None)
    assert reads_from == "replica"
    assert PIN_COOKIE not in response.cookies


def test_a_form_sent_reads_from_the_primary(one_replica):
    _response, reads_from = _serve(RequestFactory().post("/"), lambda request: None)
    assert reads_from == "default"


def test_a_user_pinned_by_the_cookie_reads_from_the_primary(one_replica):
    request = RequestFactory().get("/")
    request.COOKIES[PIN_COOKIE] = "1"
    _response, reads_from = _serve(request, lambda request: None)
    assert reads_from == "default"


def test_a_request_that_writes_pins_its_user_to_the_primary_for_the_configured_time(
    one_replica, settings
):
    settings.DOINGOAI_PIN_PRIMARY_SECONDS = 7
    after_the_write = {}

    def view(request):
        router.db_for_write(Country)
        after_the_write["reads_from"] = router.db_for_read(Country)

    response, reads_from = _serve(RequestFactory().get("/"), view)
    assert reads_from == "replica"
    assert after_the_write["reads_from"] == "default"
    assert response.cookies[PIN_COOKIE]["max-age"] == 7
    assert response.cookies[PIN_COOKIE]["httponly"]


def test_saving_the_session_alone_does_not_pin_the_user(one_replica):
    response, _reads_from = _serve(RequestFactory().get("/"),
                                   lambda request: router.db_for_write(Session) and None)
    assert PIN_COOKIE not in response.cookies


def test_sessions_and_lock_out_counters_are_always_read_from_the_primary(one_replica):
    from axes.models import AccessAttempt

    seen = {}

    def get_response(request):
        seen["session"] = router.db_for_read(Session)
        seen["attempt"] = router.db_for_read(AccessAttempt)
        return HttpResponse()

    PinToPrimaryMiddleware(get_response)(RequestFactory().get("/"))
    assert seen == {"session": "default", "attempt": "default"}


def test_without_a_replica_every_read_goes_to_the_primary():
    _response, reads_from = _serve(RequestFactory().get("/"), lambda request: None)
    assert reads_from == "default"


def test_outside_a_request_reads_go_to_the_primary(one_replica):
    _serve(RequestFactory().get("/"), lambda request: None)
    assert router.db_for_read(Country) == "default"


@pytest.mark.django_db  # closing a response sends request_finished, which checks connections
def test_a_streamed_export_reads_from_the_replica_until_it_is_closed(one_replica):
    def rows():
        yield router.db_for_read(Country)

    response, _reads_from = _serve(RequestFactory().get("/"),
                                   lambda request: StreamingHttpResponse(rows()))
    assert b"".join(response.streaming_content) == b"replica"
    response.close()
    assert router.db_for_read(Country) == "default"


def test_a_failing_view_leaves_reads_on_the_primary(one_replica):
    def view(request):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        _serve(RequestFactory().get("/"), view)
    assert router.db_for_read(Country) == "default"


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "core")
    assert not router.allow_migrate("replica", "core")


@pytest.fixture
def replica_down(one_replica, monkeypatch, tmp_path):
    """A replica alias whose database cannot be opened (a file in a folder that does not exist)."""
    from django.db import connections
    from django.db.utils import load_backend

    broken = dict(connections.settings["default"], ENGINE="django.db.backends.sqlite3",
                  NAME=str(tmp_path / "missing" / "replica.sqlite3"))
    connections["replica"] = load_backend(broken["ENGINE"]).DatabaseWrapper(broken, "replica")
    monkeypatch.setattr(replicas, "_down_until", {})
    monkeypatch.setattr(replicas, "reachable", really_reachable)
    yield
    connections["replica"].close()
    del connections["replica"]


@pytest.mark.django_db
def test_a_replica_that_cannot_be_reached_is_left_out_and_the_page_reads_from_the_primary(
    replica_down
):
    _response, reads_from = _serve(RequestFactory().get("/"), lambda request: None)
    assert reads_from == "default"
    assert replicas._down_until["replica"] > 0


def test_a_replica_left_out_is_not_tried_again_until_its_retry_time(replica_down, monkeypatch):
    tried = []
    monkeypatch.setattr(replicas, "reachable", lambda alias: tried.append(alias) or False)
    _serve(RequestFactory().get("/"), lambda request: None)
    _serve(RequestFactory().get("/"), lambda request: None)
    assert tried == ["replica"]
    replicas._down_until["replica"] = 0  # the retry time has passed
    monkeypatch.setattr(replicas, "reachable", lambda alias: tried.append(alias) or True)
    _response, reads_from = _serve(RequestFactory().get("/"), lambda request: None)
    assert tried == ["replica", "replica"]
    assert reads_from == "replica"
    assert "replica" not in replicas._down_until


def test_with_two_replicas_one_down_every_read_goes_to_the_other(monkeypatch):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica", "replica_2"])
    monkeypatch.setattr(replicas, "_down_until", {})
    monkeypatch.setattr(replicas, "reachable", lambda alias: alias == "replica_2")
    seen = {_serve(RequestFactory().get("/"), lambda request: None)[1] for _ in range(10)}
    assert seen == {"replica_2"}

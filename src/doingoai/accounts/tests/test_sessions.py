"""Idle timeout (issue 13 item 8): a session kept in the database ends SESSION_COOKIE_AGE after
its last request; a request pushes that end back, writing the session at most once a minute
(accounts/sessions.py, issue 15)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from doingoai.accounts.sessions import PUSHED_AT, REFRESH_SECONDS

pytestmark = pytest.mark.django_db


def _session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def _pushed(client, seconds_ago: int, ends_in: timedelta) -> None:
    """As if the session's end was last pushed back ``seconds_ago``, and ends in ``ends_in``."""
    store = SessionStore(client.session.session_key)
    store[PUSHED_AT] = int(timezone.now().timestamp()) - seconds_ago
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + ends_in)


def test_a_request_a_minute_after_the_last_push_pushes_the_end_of_the_session_back(
        hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    hg_client.get(reverse("core:home"))
    _pushed(hg_client, REFRESH_SECONDS, timedelta(minutes=1))
    assert hg_client.get(reverse("core:home")).status_code == 200
    assert _session(hg_client).expire_date > timezone.now() + timedelta(minutes=29)


def test_a_request_within_the_minute_of_the_last_push_writes_no_session(hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    hg_client.get(reverse("core:home"))
    _pushed(hg_client, 10, timedelta(minutes=20))
    assert hg_client.get(reverse("core:home")).status_code == 200
    assert _session(hg_client).expire_date < timezone.now() + timedelta(minutes=21)


def test_the_first_request_after_logging_in_pushes_the_end_back(hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    assert hg_client.get(reverse("core:home")).status_code == 200
    assert _session(hg_client).expire_date > timezone.now() + timedelta(minutes=29)


def test_a_visitor_without_a_session_is_given_none(client):
    assert client.get(reverse("accounts:login")).status_code == 200
    assert Session.objects.count() == 0


def test_a_session_idle_past_its_end_asks_to_log_in_again(hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    hg_client.get(reverse("core:home"))
    session = _session(hg_client)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    response = hg_client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

"""Idle timeout (issue 13 item 8): a session kept in the database ends SESSION_COOKIE_AGE after
its last request, and every request pushes that end back."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_every_request_pushes_the_end_of_the_session_back(hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    hg_client.get(reverse("core:home"))
    session = _session(hg_client)
    session.expire_date = timezone.now() + timedelta(minutes=1)
    session.save()
    assert hg_client.get(reverse("core:home")).status_code == 200
    assert _session(hg_client).expire_date > timezone.now() + timedelta(minutes=29)


def test_a_session_idle_past_its_end_asks_to_log_in_again(hg_client, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    hg_client.get(reverse("core:home"))
    session = _session(hg_client)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    response = hg_client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

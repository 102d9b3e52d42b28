"""The log-in lock-out (django-axes, accounts/lockout.py): one user name from one address,
a growing delay, forwarded addresses believed only from configured proxies."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from doingoai.accounts import lockout
from doingoai.core.management.commands.serve import gunicorn_argv
from doingoai.testing import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, username, password, ip="10.0.0.1", **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password},
        REMOTE_ADDR=ip, **extra,
    )


def fail(client, username, times, ip="10.0.0.1", **extra):
    for _ in range(times):
        log_in(client, username, "wrong", ip=ip, **extra)


def age_attempts(minutes):
    """Move every recorded failure (and its expiry) that many minutes into the past."""
    for attempt in AccessAttempt.objects.select_related("expiration"):
        attempt.attempt_time -= timedelta(minutes=minutes)
        attempt.save(update_fields=["attempt_time"])
        attempt.expiration.expires_at -= timedelta(minutes=minutes)
        attempt.expiration.save(update_fields=["expires_at"])


def test_a_user_logs_in_with_the_right_password(client, hg_specialist):
    response = log_in(client, "hg.specialist", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_five_failures_make_that_user_name_wait_at_that_address(client, hg_specialist, english):
    fail(client, "hg.specialist", 5)
    response = log_in(client, "hg.specialist", PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong passwords for this user name from this address" in (
        response.content.decode())
    assert "_auth_user_id" not in client.session


def test_the_lock_out_message_is_in_vietnamese_by_default(client, hg_specialist):
    fail(client, "hg.specialist", 5)
    page = log_in(client, "hg.specialist", PASSWORD).content.decode()
    assert 'role="alert"' in page
    assert "Nhập sai mật khẩu quá nhiều lần" in page


def test_the_right_password_from_another_address_is_not_locked(client, hg_specialist):
    fail(client, "hg.specialist", 20, ip="203.0.113.66")
    assert log_in(client, "hg.specialist", PASSWORD, ip="10.0.0.2").status_code == 302


def test_twenty_failures_from_one_address_do_not_lock_other_users_there(
    client, hg_specialist
):
    for name in [f"someone{n}" for n in range(20)]:
        log_in(client, name, "wrong", ip="10.0.0.9")
    assert log_in(client, "hg.specialist", PASSWORD, ip="10.0.0.9").status_code == 302


def test_the_user_name_is_compared_without_case(client, hg_specialist):
    fail(client, "HG.Specialist", 5)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 429


def test_the_wait_ends_after_the_first_delay(client, hg_specialist):
    fail(client, "hg.specialist", 5)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 429
    age_attempts(2)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_the_delay_doubles_with_every_further_failure(client, hg_specialist):
    fail(client, "hg.specialist", 5)
    age_attempts(2)
    fail(client, "hg.specialist", 1)  # the 6th failure: 2 minutes
    age_attempts(3)
    fail(client, "hg.specialist", 1)  # the 7th: 4 minutes
    fail(client, "hg.specialist", 3)  # tries while waiting neither count nor restart it
    assert AccessAttempt.objects.get().failures_since_start == 7
    age_attempts(3)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 429
    age_attempts(2)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_the_delay_stops_growing_at_its_ceiling(settings):
    settings.DOINGOAI_LOGIN_MAX_DELAY_MINUTES = 60
    assert lockout.delay_for(4) == timedelta(0)
    assert lockout.delay_for(5) == timedelta(minutes=1)
    assert lockout.delay_for(7) == timedelta(minutes=4)
    assert lockout.delay_for(40) == timedelta(minutes=60)


def test_failures_older_than_the_window_no_longer_count(client, hg_specialist):
    fail(client, "hg.specialist", 4)
    age_attempts(16)
    fail(client, "hg.specialist", 1)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_a_successful_log_in_clears_earlier_failures_of_that_user(client, hg_specialist):
    fail(client, "hg.specialist", 4)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302
    client.logout()
    fail(client, "hg.specialist", 4)
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_a_locked_out_user_name_does_not_lock_out_another_user(client, hg_specialist, hg_leader):
    fail(client, "hg.specialist", 5, ip="10.0.0.5")
    assert log_in(client, "hg.leader", PASSWORD, ip="10.0.0.5").status_code == 302


def test_the_admin_log_in_is_limited_too(client, hg_specialist):
    hg_specialist.is_staff = hg_specialist.is_superuser = True
    hg_specialist.save()
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "hg.specialist", "password": "wrong"}, REMOTE_ADDR="10.0.0.7")
    response = client.post(url, {"username": "hg.specialist", "password": PASSWORD},
                           REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_test_clients_force_login_is_not_counted(client, hg_specialist):
    client.force_login(hg_specialist)
    assert not AccessAttempt.objects.exists()


def test_a_forwarded_address_from_an_unknown_client_is_ignored(client, hg_specialist):
    # Without a configured proxy, each failure's X-Forwarded-For is a lie to dodge the count.
    for n in range(5):
        log_in(client, "hg.specialist", "wrong", ip="198.51.100.7",
               HTTP_X_FORWARDED_FOR=f"10.9.9.{n}")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"
    assert log_in(client, "hg.specialist", PASSWORD, ip="198.51.100.7").status_code == 429


def test_behind_a_configured_proxy_the_forwarded_client_is_counted(
    client, hg_specialist, settings
):
    settings.DOINGOAI_TRUSTED_PROXIES = ["192.0.2.1"]
    proxy = {"ip": "192.0.2.1"}
    fail(client, "hg.specialist", 5, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
    # The colleague in the office, through the same proxy, logs in with the right password.
    assert log_in(client, "hg.specialist", PASSWORD, HTTP_X_FORWARDED_FOR="10.1.1.20",
                  **proxy).status_code == 302


def test_the_client_address_skips_proxies_and_refuses_a_malformed_hop(settings):
    settings.DOINGOAI_TRUSTED_PROXIES = ["192.0.2.0/24"]
    factory = RequestFactory()

    def ip(remote, forwarded):
        return lockout.client_ip(factory.get("/", REMOTE_ADDR=remote,
                                             HTTP_X_FORWARDED_FOR=forwarded))

    assert ip("192.0.2.1", "203.0.113.5, 192.0.2.9") == "203.0.113.5"
    assert ip("192.0.2.1", "not-an-address") == "192.0.2.1"
    assert ip("198.51.100.1", "203.0.113.5") == "198.51.100.1"


def test_serve_gives_gunicorn_the_configured_proxies(settings):
    settings.DOINGOAI_TRUSTED_PROXIES = ["192.0.2.1", "10.0.0.0/8"]
    argv = gunicorn_argv("127.0.0.1:8000", 2)
    assert argv[argv.index("--forwarded-allow-ips") + 1] == "192.0.2.1,10.0.0.0/8"


def test_an_administrator_unlocks_a_user_with_the_command(client, hg_specialist):
    fail(client, "hg.specialist", 5)
    out = StringIO()
    call_command("unlock", "HG.Specialist", stdout=out)
    assert "hg.specialist" in out.getvalue()
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_an_administrator_unlocks_a_user_in_the_admin(client, hg_specialist, admin_user):
    fail(client, "hg.specialist", 5)
    attempt = AccessAttempt.objects.get()
    admin = type(client)()
    admin.force_login(admin_user)
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin.post(url, {"post": "yes"}).status_code == 302
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302



from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.accounts.models import LoginAttempt
from doingoai.testing import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_a_user_logs_in_with_the_right_password(client, hg_specialist):
    response = log_in(client, "hg.specialist", PASSWORD)
    assert response.status_code == 302
    assert LoginAttempt.objects.get().succeeded


def test_five_failures_lock_the_user_name_out_even_with_the_right_password(
    client, hg_specialist, english
):
    for _ in range(5):
        assert log_in(client, "hg.specialist", "wrong").status_code == 200
    response = log_in(client, "hg.specialist", PASSWORD, ip="10.0.0.2")
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_out_message_is_in_vietnamese_by_default(client, hg_specialist):
    for _ in range(5):
        log_in(client, "hg.specialist", "wrong")
    response = log_in(client, "hg.specialist", PASSWORD)
    assert response.status_code == 429
    assert "role=\"alert\"" in response.content.decode()


def test_the_user_name_is_compared_without_case(client, hg_specialist):
    for _ in range(5):
        log_in(client, "HG.Specialist", "wrong")
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 429


def test_failures_older_than_the_window_no_longer_count(client, hg_specialist):
    long_ago = timezone.now() - timedelta(minutes=16)
    LoginAttempt.objects.bulk_create(
        LoginAttempt(username="hg.specialist", ip="10.0.0.1", at=long_ago) for _ in range(5)
    )
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_a_successful_log_in_clears_earlier_failures_of_that_user(client, hg_specialist):
    for _ in range(4):
        log_in(client, "hg.specialist", "wrong")
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, "hg.specialist", "wrong")
    assert log_in(client, "hg.specialist", PASSWORD).status_code == 302


def test_many_failures_from_one_address_lock_that_address_out(client, hg_specialist, settings):
    settings.DOINGOAI_LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ["a", "b", "c"]:
        log_in(client, name, "wrong", ip="203.0.113.9")
    assert log_in(client, "hg.specialist", PASSWORD, ip="203.0.113.9").status_code == 429
    assert log_in(client, "hg.specialist", PASSWORD, ip="203.0.113.10").status_code == 302


def test_a_locked_out_user_name_does_not_lock_out_another_user(client, hg_specialist, hg_leader):
    for _ in range(5):
        log_in(client, "hg.specialist", "wrong", ip="10.0.0.5")
    assert log_in(client, "hg.leader", PASSWORD, ip="10.0.0.6").status_code == 302


def test_the_admin_log_in_is_limited_too(client, hg_specialist):
    hg_specialist.is_staff = hg_specialist.is_superuser = True
    hg_specialist.save()
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "hg.specialist", "password": "wrong"}, REMOTE_ADDR="10.0.0.7")
    client.post(url, {"username": "hg.specialist", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7")
    assert "_auth_user_id" not in client.session


def test_the_test_clients_force_login_is_not_counted(client, hg_specialist):
    client.force_login(hg_specialist)
    assert not LoginAttempt.objects.exists()

"""Issue 10, item 17: users change their own password, and reset it by e-mail when they have
forgotten it, in Vietnamese, with the site's pages."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from doingoai.accounts.models import PasswordResetRequest
from doingoai.testing import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Cua-khau-Thanh-Thuy-2026"


@pytest.fixture
def with_email(hg_specialist):
    hg_specialist.email = "chuyenvien@ngoaivu.hagiang.gov.vn"
    hg_specialist.save()
    return hg_specialist


def ask_for_a_reset(client, email, ip="10.0.0.1"):
    return client.post(reverse("accounts:password-reset"), {"email": email}, REMOTE_ADDR=ip)


def test_the_user_menu_links_to_the_password_change(client, hg_viewer):
    client.force_login(hg_viewer)
    page = client.get(reverse("core:home")).content.decode()
    header = page.split("<header")[1].split("</header>")[0]
    assert f'href="{reverse("accounts:password-change")}"' in header
    assert "Đổi mật khẩu" in header


def test_the_login_page_links_to_the_password_reset(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("accounts:password-reset")}"' in page
    assert "Quên mật khẩu?" in page


def test_a_user_changes_their_own_password(client, hg_specialist):
    client.force_login(hg_specialist)
    page = client.get(reverse("accounts:password-change")).content.decode()
    assert "<h1>Đổi mật khẩu</h1>" in page
    assert "Mật khẩu cũ" in page
    assert 'class="sidenav"' in page  # the site's own layout, not the admin's
    response = client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-change-done")
    assert "Đã đổi mật khẩu" in client.get(response["Location"]).content.decode()
    hg_specialist.refresh_from_db()
    assert hg_specialist.check_password(NEW_PASSWORD)
    # The session survives the change.
    assert client.get(reverse("core:home")).status_code == 200


def test_a_wrong_current_password_or_a_short_new_one_is_refused_in_vietnamese(
        client, hg_specialist):
    client.force_login(hg_specialist)
    page = client.post(reverse("accounts:password-change"), {
        "old_password": "wrong", "new_password1": "abc", "new_password2": "abc"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mật khẩu cũ không chính xác" in text
    hg_specialist.refresh_from_db()
    assert hg_specialist.check_password(PASSWORD)
    page = client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD, "new_password1": "ab1", "new_password2": "ab1"})
    assert "Mật khẩu này quá ngắn" in page.content.decode()
    assert "too short" not in page.content.decode()


def test_a_visitor_must_log_in_to_change_a_password(client, db):
    response = client.get(reverse("accounts:password-change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_forgotten_password_is_reset_through_the_link_in_the_email(client, with_email,
                                                                       settings):
    settings.DOINGOAI_BASE_URL = "https://ngoaivu.example.gov.vn"
    page = client.get(reverse("accounts:password-reset")).content.decode()
    assert "<h1>Quên mật khẩu</h1>" in page
    response = ask_for_a_reset(client, with_email.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert "Kiểm tra hộp thư" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [with_email.email]
    assert message.subject == "Đặt mật khẩu mới cho hệ thống công tác đối ngoại"
    assert "Tên đăng nhập của bạn: hg.specialist" in message.body
    link = re.search(r"https://ngoaivu\.example\.gov\.vn(/\S+)", message.body).group(1)

    # Django's confirm view swaps the token for a session and redirects to the form.
    form_url = client.get(link)["Location"]
    page = client.get(form_url).content.decode()
    assert "<h1>Đặt mật khẩu mới</h1>" in page
    assert 'name="new_password1"' in page
    response = client.post(form_url, {"new_password1": NEW_PASSWORD,
                                      "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:password-reset-complete")
    assert "Mật khẩu mới đã được lưu" in client.get(response["Location"]).content.decode()
    assert client.login(username="hg.specialist", password=NEW_PASSWORD)

    # The link works once.
    client.logout()
    page = client.get(link, follow=True).content.decode()
    assert "Đường liên kết này không còn hiệu lực" in page


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, with_email):
    response = ask_for_a_reset(client, "ai.do@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []


def test_reset_requests_are_limited_per_address(client, with_email):
    for _ in range(3):
        assert ask_for_a_reset(client, with_email.email).status_code == 302
    response = ask_for_a_reset(client, with_email.email.upper(), ip="10.0.0.9")
    assert response.status_code == 429
    assert "Quá nhiều yêu cầu đặt lại mật khẩu" in response.content.decode()
    assert len(mail.outbox) == 3


def test_reset_requests_are_limited_per_client(client, with_email):
    for n in range(10):
        assert ask_for_a_reset(client, f"nguoi{n}@example.org").status_code == 302
    assert ask_for_a_reset(client, with_email.email).status_code == 429
    assert mail.outbox == []
    assert PasswordResetRequest.objects.count() == 10

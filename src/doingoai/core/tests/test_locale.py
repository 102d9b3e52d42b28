"""Vietnamese first, with an English switch (djangoproject.com's LocaleSmokeTests)."""

from django.urls import reverse


def test_the_login_page_is_in_vietnamese_and_switches_to_english(client, db):
    login = reverse("accounts:login")
    assert "Đăng nhập" in client.get(login).content.decode()

    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert response.status_code == 302

    content = client.get(login).content.decode()
    assert "Log in" in content
    assert "Đăng nhập" not in content


def test_the_language_switch_only_redirects_to_this_site(client, db):
    response = client.post(reverse("set_language"),
                           {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]

"""The interface stays Vietnamese whatever language the browser asks for, until the user
switches to English."""

from django.urls import reverse


def test_an_english_browser_still_gets_the_vietnamese_interface(client, db):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi"' in page.content.decode()


def test_the_language_switch_is_what_gives_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en"' in page.content.decode()


def test_a_refused_page_explains_itself_in_vietnamese(client, hg_viewer):
    client.force_login(hg_viewer)
    response = client.get(reverse("partners:partner-create"))
    assert response.status_code == 403
    assert "Bạn không được mở trang này" in response.content.decode()

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


def test_every_string_of_the_vietnamese_catalogue_is_translated_and_compiled():
    """The .po is the source and the .mo what Django reads: both must be complete and agree
    (`make messages` updates and compiles them)."""
    from pathlib import Path

    import polib

    folder = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])
    mo = polib.mofile(str(folder / "django.mo"))

    def pairs(catalogue):
        return {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in catalogue
                if not e.obsolete}

    assert pairs(mo) == pairs(po)

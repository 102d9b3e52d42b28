"""Shared test fixtures: fixed users by role in two provinces (Hà Giang, Bắc Kạn), a
ministry-level viewer and an anonymous visitor. Loaded by the root conftest.py."""

import re
from html.parser import HTMLParser
from urllib.parse import unquote_plus

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from doingoai.accounts.models import Membership
from doingoai.core.models import AdminUnit

PASSWORD = "doingoai-test-password"


def legacy_province(name: str) -> AdminUnit:
    return AdminUnit.objects.provinces().get(name=name, generation="legacy")


def make_user(username: str, role: str, province: AdminUnit | None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    Membership.objects.create(user=user, role=role, province=province)
    return user


def current_province(name: str) -> AdminUnit:
    """A province as it is from the 2025 reform on (Tuyên Quang, Thái Nguyên...)."""
    return AdminUnit.objects.provinces().get(name=name, generation="2025")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    # The default PBKDF2 hasher costs ~0.2 s per user, which dominates a suite that
    # creates users in nearly every test; tests do not need slow hashes.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def ha_giang(db):
    return legacy_province("Hà Giang")


@pytest.fixture
def bac_kan(db):
    return legacy_province("Bắc Kạn")


@pytest.fixture
def tuyen_quang(db):
    """Today's Tuyên Quang, which took over Hà Giang on 1 July 2025."""
    return current_province("Tuyên Quang")


@pytest.fixture
def hg_specialist(ha_giang):
    return make_user("hg.specialist", "specialist", ha_giang, first_name="Chuyên viên Hà Giang")


@pytest.fixture
def hg_leader(ha_giang):
    return make_user("hg.leader", "leader", ha_giang, first_name="Lãnh đạo Hà Giang")


@pytest.fixture
def hg_viewer(ha_giang):
    return make_user("hg.viewer", "viewer", ha_giang)


@pytest.fixture
def bk_specialist(bac_kan):
    return make_user("bk.specialist", "specialist", bac_kan, first_name="Chuyên viên Bắc Kạn")


@pytest.fixture
def tq_specialist(tuyen_quang):
    return make_user("tq.specialist", "specialist", tuyen_quang,
                     first_name="Chuyên viên Tuyên Quang")


@pytest.fixture
def ministry_viewer(db):
    return make_user("ministry", "ministry", None)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads of the test go to a temporary folder, not ./var/media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def hg_client(client, hg_specialist):
    return client_for(client, hg_specialist)


@pytest.fixture
def english(settings):
    """Run a test in English: for tests about behaviour whose assertions quote messages,
    while the interface itself defaults to Vietnamese (the locale tests check that)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


# --- numbers that are not quantities -------------------------------------------------------
# A thousands separator of either language: dot, comma, no-break or narrow no-break space.
_SEP = "[.,\u00a0\u202f]"
_GROUPED = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+"
# Not inside a longer number: 3.357 but not 3.3570 or 1.234,5 (a decimal quantity).
_ALONE = r"(?![\d])(?![.,]\d)"
GROUPED_NUMBER = re.compile(rf"(?<![\d.,]){_GROUPED}{_ALONE}")
LOCALISED_YEAR = re.compile(rf"(?<![\d.,])(?:1{_SEP}9\d\d|2{_SEP}0\d\d){_ALONE}")
# "#3.357": an id shown in words.
LOCALISED_ID_IN_TEXT = re.compile(rf"#\s?{_GROUPED}{_ALONE}")
_WHOLE_NUMBER = re.compile(rf"\s*-?{_GROUPED}(?:[.,]\d+)?\s*")
_URL_PART = re.compile(r"[/?&=#;]")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "hx-get", "hx-post", "hx-put",
                  "hx-patch", "hx-delete", "hx-push-url"}
# Attributes that only ever hold names of things, never prose (unlike title, alt, aria-label
# or placeholder, which may quote a quantity).
NAME_ATTRIBUTES = {"id", "for", "name", "form", "list", "headers", "hx-target", "hx-include",
                   "hx-vals", "hx-indicator"}


class _NumberFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value:
                self._attribute(tag, name, value)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def _attribute(self, tag, name, value):
        where = f"<{tag} {name}>"
        if name in URL_ATTRIBUTES or (name == "value" and value.lstrip().startswith(
                ("/", "?", "http:", "https:"))):
            if value.startswith("data:"):
                return  # an inline image
            for part in _URL_PART.split(unquote_plus(value)):
                if _WHOLE_NUMBER.fullmatch(part):
                    self.found.append(f"{where} {value!r}: {part!r}")
        elif name == "value":
            if _WHOLE_NUMBER.fullmatch(value) or LOCALISED_YEAR.search(value):
                self.found.append(f"{where} {value!r}")
        elif name in NAME_ATTRIBUTES or name.startswith("data-"):
            for match in GROUPED_NUMBER.finditer(value):
                self.found.append(f"{where} {value!r}: {match.group()!r}")

    def handle_data(self, data):
        if self._skip:
            return
        for pattern in (LOCALISED_YEAR, LOCALISED_ID_IN_TEXT):
            for match in pattern.finditer(data):
                start = max(match.start() - 30, 0)
                self.found.append(f"text {data[start:match.end() + 30].strip()!r}: "
                                  f"{match.group()!r}")


def localised_ids_and_years(html: str) -> list[str]:
    """Every place in ``html`` where an id, a year or a URL went through number localisation,
    one readable line each; an empty list when there is none.

    Looked at: URLs (``href``, ``src``, ``action``, ``hx-get``/``hx-post``…, and a ``value``
    holding an address) with a path segment or query value such as ``3.357`` or ``1,234``;
    ``value`` attributes (``<option value>``, hidden and other inputs) that are a grouped
    number or hold a year such as ``2.019``; ``id``, ``for``, ``name``, ``data-*`` and
    ``hx-target`` holding a grouped number; and text holding a year such as ``2.025`` (or
    ``2,025``) or an id such as ``#3.357``. Scripts and styles are skipped; so are ``title``,
    ``alt`` and ``placeholder``, which may quote a quantity ("2.689 lượt").

    A quantity between 1.900 and 2.099 in the text reads as a year here: keep test data clear
    of such values. Usage::

        assert not localised_ids_and_years(response.content.decode())
    """
    finder = _NumberFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def start_ids_above(start: int = 1000) -> None:
    """Make every table's next automatic id larger than ``start`` (each table a little
    further, so that two tables never hand out the same id), for tests that look for ids
    printed with a thousands separator: an id of 7 would show nothing."""
    from django.apps import apps
    from django.db import connection
    from django.db.models.fields import AutoFieldMixin

    with connection.cursor() as cursor:
        for n, model in enumerate(apps.get_models()):
            pk = model._meta.pk
            if not isinstance(pk, AutoFieldMixin) or model._meta.proxy:
                continue
            table, column, value = model._meta.db_table, pk.column, start + 37 * (n + 1)
            if connection.vendor == "sqlite":
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                row = cursor.fetchone()
                if row is None:
                    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                                   [table, value])
                elif row[0] < value:
                    cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s",
                                   [value, table])
            elif connection.vendor == "postgresql":
                cursor.execute(
                    f'SELECT setval(pg_get_serial_sequence(%s, %s), GREATEST(%s, '
                    f'(SELECT COALESCE(MAX("{column}"), 0) FROM "{table}")))',
                    [table, column, value])

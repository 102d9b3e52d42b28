"""Shared test fixtures: fixed users by role in two provinces (Hà Giang, Bắc Kạn), a
ministry-level viewer and an anonymous visitor. Loaded by the root conftest.py."""

import csv
import functools
import re
from html.parser import HTMLParser
from pathlib import Path
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
# --- untranslated English on a Vietnamese page -------------------------------------------
# The detector below is used by the walk of every page and export (core/tests/
# test_no_english.py) and by the browser tests: give it the text a user reads, it returns
# the English source strings of the code found in it.

CATALOGUE = Path(__file__).resolve().parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"
_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}")
_TAG = re.compile(r"<[^>]+>")
# A string this short or with so few letters is too likely to occur by chance ("to", "New",
# "Law" inside a partner's English name) to prove anything.
MIN_LETTERS = 4


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


@functools.cache
def _catalogue_sources() -> tuple[str, ...]:
    """The English msgids of the Vietnamese catalogue that have a different translation and
    that never occur inside any translation (so "IATI", "XLSX" and "Email", which the
    Vietnamese texts use as they are, never count)."""
    import polib

    entries = [e for e in polib.pofile(str(CATALOGUE)) if not e.obsolete and e.msgid]
    translations = "\n".join(
        [e.msgstr for e in entries] + [s for e in entries for s in e.msgstr_plural.values()]
    )
    found = set()
    for entry in entries:
        for msgid, msgstr in ((entry.msgid, entry.msgstr or entry.msgstr_plural.get(0, "")),
                              (entry.msgid_plural, entry.msgstr_plural.get(1, ""))):
            source = " ".join(_TAG.sub(" ", msgid or "").split())
            if not source or source == " ".join((msgstr or "").split()):
                continue
            if re.search(rf"(?<!\w){re.escape(source)}(?!\w)", translations, re.IGNORECASE):
                continue
            found.add(source)
    return tuple(sorted(found))


def known_english_sources() -> set[str]:
    """English texts of the code that are not msgids because they are data: the English
    wording of every seeded rule and legal-document note, and the indicator units' codes
    as written in the catalogue of indicators."""
    from doingoai.rules import seed

    texts = {row["description_en"] for row in seed.RULES}
    texts |= {row["note_en"] for row in seed.DOCUMENTS if row.get("note_en")}
    with open(CATALOGUE.parents[3] / "figures" / "data" / "indicators.csv",
              encoding="utf-8") as catalogue:
        texts |= {row["unit"] for row in csv.DictReader(catalogue)} - {"km", "money", "unit"}
    return texts


def _pattern(source: str) -> str | None:
    pieces = _PLACEHOLDER.split(source)
    if _letters("".join(pieces)) < MIN_LETTERS:
        return None
    parts = []
    for piece in pieces:
        words = piece.split()
        if words and words[0][0].isalpha() and not parts and not piece[0].isspace():
            # Pages print verbose names with capfirst: "address" is also found as "Address".
            head = words[0][0]
            words[0] = f"[{head.lower()}{head.upper()}]" + re.escape(words[0][1:])
            parts.append(r"\s+".join([words[0], *map(re.escape, words[1:])]))
        else:
            parts.append(r"\s+".join(map(re.escape, words)))
    while parts and not parts[0]:
        parts.pop(0)
    while parts and not parts[-1]:
        parts.pop()
    body = r".{0,80}?".join(parts)
    # Not inside a code either: "delegations" in "delegations.outgoing" is no English word.
    return rf"(?<![\w.]){body}(?![\w]|\.\w)"


_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _detector(extra: frozenset[str]) -> list[tuple[frozenset[str], re.Pattern, str]]:
    """(the words a text must hold for the source to be in it, its pattern, the source) for
    every source, longest first. Checking the words first keeps a page's walk fast: one
    alternation of two thousand patterns, each with gaps for its placeholders, took minutes
    over a long export."""
    sources = set(_catalogue_sources()) | set(extra)
    detectors = []
    for source in sorted(sources, key=len, reverse=True):
        pattern = _pattern(source)
        if pattern is None:
            continue
        words = frozenset(word.lower() for piece in _PLACEHOLDER.split(source)
                          for word in _WORD.findall(piece))
        detectors.append((words, re.compile(pattern, re.DOTALL), source))
    return detectors


def untranslated_strings(text: str, *, extra=(), ignore=()) -> list[str]:
    """The English source strings of the code that appear in ``text``, the text a user
    reads on a Vietnamese page or export (use ``visible_text`` for HTML).

    A source string is a msgid of ``locale/vi/LC_MESSAGES/django.po`` whose translation
    differs from it (plus ``known_english_sources()`` and ``extra``), with at least
    ``MIN_LETTERS`` letters, found as whole words (a field's verbose name also with a capital
    first letter); a msgid with placeholders (``%(date)s``) matches whatever stands in them.
    Msgids that the Vietnamese translations themselves contain (acronyms, "Email") never
    count. ``ignore`` lists strings that are data rather than interface (an English partner
    name). Each string is returned once, in the order found; a source found only inside a
    longer one that is found is not returned again."""
    sources = frozenset(set(extra) | known_english_sources())
    text = " ".join(text.split())
    present = {word.lower() for word in _WORD.findall(text)}
    hits = []  # (start, end, source)
    for words, pattern, source in _detector(sources):
        if not words <= present:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(s <= start and end <= e for s, e, _ in hits):
                # An ignored source (data, not interface) still covers the words inside it.
                hits.append((start, end, source))
                break
    found = []
    for _start, _end, source in sorted(hits):
        if source not in found and source not in ignore:
            found.append(source)
    return found


class _VisibleText(HTMLParser):
    # Scripts and styles are not read; <code> holds codes (delegation.report_days), not words.
    SKIPPED = {"script", "style", "template", "svg", "code"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}
    SHOWN_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []

    @property
    def hidden(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Text marked as English on purpose (the "English" language switch) is left out.
        skip = tag in self.SKIPPED or (attrs.get("lang") or "").startswith("en")
        if not self.hidden and not skip:
            self.parts += [attrs[a] for a in self.SHOWN_ATTRIBUTES if attrs.get(a)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get(
                    "value"):
                self.parts.append(attrs["value"])
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text of an HTML page as its reader meets it: text nodes and the title,
    placeholder, alt and aria-label attributes, without scripts, styles and elements marked
    ``lang="en"``."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(part for part in parser.parts if part.strip())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, reload the data the migrations loaded, for every
    test that asks for it (``request.node.reload_migrated_data_with = django_db_blocker``:
    the live-server tests, the concurrency tests).

    Serialized rollback reloads it only when the next *serialized* test starts, so a later
    test that asks for the database lazily (``request.getfixturevalue``), which pytest-django
    orders after the transactional tests, would find the tables empty. When the next test
    is a serialized one too, Django reloads the data itself. One hook for the whole suite:
    two would load the data twice."""
    result = yield
    blocker = getattr(item, "reload_migrated_data_with", None)
    next_reloads = nextitem is not None and "django_db_serialized_rollback" in getattr(
        nextitem, "fixturenames", ()
    )
    # After the last test the session has dropped the test database: nothing to reload.
    if blocker is not None and nextitem is not None and not next_reloads:
        from django.db import connections

        with blocker.unblock():
            for connection in connections.all():
                serialized = getattr(connection, "_test_serialized_contents", None)
                if serialized:
                    connection.creation.deserialize_db_from_string(serialized)
    return result

"""Shared test fixtures: fixed users by role in two provinces (Hà Giang, Bắc Kạn), a
ministry-level viewer and an anonymous visitor. Loaded by the root conftest.py."""

import csv
import functools
import re
from html.parser import HTMLParser
from pathlib import Path

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


@functools.cache
def _detector(extra: frozenset[str]) -> tuple[re.Pattern, dict]:
    sources = set(_catalogue_sources()) | set(extra)
    patterns, by_group = [], {}
    for source in sorted(sources, key=len, reverse=True):
        pattern = _pattern(source)
        if pattern is None:
            continue
        by_group[f"g{len(patterns)}"] = source
        patterns.append(f"(?P<g{len(patterns)}>{pattern})")
    return re.compile("|".join(patterns), re.DOTALL), by_group


def untranslated_strings(text: str, *, extra=(), ignore=()) -> list[str]:
    """The English source strings of the code that appear in ``text``, the text a user
    reads on a Vietnamese page or export (use ``visible_text`` for HTML).

    A source string is a msgid of ``locale/vi/LC_MESSAGES/django.po`` whose translation
    differs from it (plus ``known_english_sources()`` and ``extra``), with at least
    ``MIN_LETTERS`` letters, found as whole words (a field's verbose name also with a capital
    first letter); a msgid with placeholders (``%(date)s``) matches whatever stands in them.
    Msgids that the Vietnamese translations themselves contain (acronyms, "Email") never
    count. ``ignore`` lists strings that are data rather than interface (an English partner
    name). Each string is returned once, longest first, in the order found."""
    sources = frozenset(set(extra) | known_english_sources())
    pattern, by_group = _detector(sources)
    text = " ".join(text.split())
    found = []
    for match in pattern.finditer(text):
        source = by_group[match.lastgroup]
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

"""Vietnamese text helpers: folding for diacritic-insensitive search."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case ``text`` without diacritics, so that "ha giang" matches "Hà Giang".

    NFD splits the tone and vowel marks off their letters so they can be dropped;
    đ/Đ is a letter of its own in Unicode, not d with a mark, so it is mapped by hand.
    """
    if not text:
        return ""
    if type(text) is str and text.isascii():  # nothing to strip: the same, much faster
        return _SPACES.sub(" ", text).strip().lower()
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped).strip().lower()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)

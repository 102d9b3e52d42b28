"""Text normalisation that keeps character offsets stable.

Every matcher in this package runs over a *key*: a string of exactly the same length as the
NFC text, so that an offset found in the key is an offset into the text the user sees. The key

* folds non-breaking and other exotic spaces to a plain space and every dash to ``-``;
* moves each syllable's tone mark to its first vowel (of a word whose vowels stand together;
  see :func:`case_key`). Vietnamese has two spelling traditions
  (``hòa``/``hoà``, ``thủy``/``thuỷ``, ``lòa``/``loà``); putting the tone on the first vowel is
  not either tradition, but it is the same for both, and in NFC every vowel with every tone is
  one code point, so the length does not change;
* in :func:`key`, is lower-cased as well (:func:`case_key` keeps the case, for proper names).

Cue words in tables are written in ordinary Vietnamese and passed through :func:`key` too, so
they match whichever tradition the document follows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["nfc", "case_key", "key", "fold"]

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aeiouyAEIOUY")
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u3000\t"), " "
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _canon_word(word: str) -> str:
    tone = None
    bases: list[str] = []
    for ch in word:
        decomposed = unicodedata.normalize("NFD", ch)
        marks = [m for m in decomposed[1:] if m in _TONES]
        if marks:
            if tone is not None or len(marks) > 1:
                return word  # not a Vietnamese syllable; leave it alone
            tone = marks[0]
            decomposed = decomposed[0] + "".join(m for m in decomposed[1:] if m not in _TONES)
        bases.append(decomposed)
    if tone is None:
        return word
    out: list[str] = []
    placed = False
    for decomposed in bases:
        if not placed and decomposed[0] in _VOWELS:
            decomposed = decomposed + tone
            placed = True
        out.append(unicodedata.normalize("NFC", decomposed))
    result = "".join(out)
    if not placed or len(result) != len(word):
        return word
    return result


def _vowel_chars() -> tuple[str, str]:
    vowels, toned = [], []
    for code in [*map(ord, "aeiouyAEIOUY"), *range(0xC0, 0x2000)]:
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed[0] in _VOWELS and unicodedata.normalize("NFC", decomposed) == ch:
            vowels.append(ch)
            if any(m in _TONES for m in decomposed[1:]):
                toned.append(ch)
    return "".join(vowels), "".join(toned)


_ANY_VOWEL, _TONED_VOWEL = _vowel_chars()
# Only a word with a tone mark on a vowel that follows another vowel ("hoà", "người", "quý")
# can change: the regular expression finds those words (from a word boundary, lazily, to the
# pair) and leaves the rest untouched, instead of calling back into Python for every word.
_MOVABLE_TONE = re.compile(
    rf"\b[^\W\d_]*?[{re.escape(_ANY_VOWEL)}][{re.escape(_TONED_VOWEL)}][^\W\d_]*"
)
_SPACE_CHARS = re.compile("[" + re.escape("".join(map(chr, _SPACES))) + "]")
_DASH_CHARS = re.compile("[" + re.escape("".join(map(chr, _DASHES))) + "]")
# A match of _MOVABLE_TONE holds a toned vowel right after another vowel, starts at a word
# boundary and holds letters only, so it never leaves its run of word characters: only the runs
# holding such a pair are rewritten, each on its own, and as the runs of a text repeat ("người",
# "nước", "quốc") the rewriting of each is remembered.
_PAIR = re.compile(f"[{re.escape(_ANY_VOWEL)}][{re.escape(_TONED_VOWEL)}]")


def _canon(match: re.Match[str]) -> str:
    return _canon_word(match.group(0))


@lru_cache(maxsize=100_000)
def _canon_run(run: str) -> str:
    return _MOVABLE_TONE.sub(_canon, run)


def case_key(text: str) -> str:
    """Same length as ``text`` (which must already be NFC); tones and spaces canonical.

    The tone of a word whose vowels stand together moves to the first of them; a word whose
    toned vowel is alone (``hòa``, ``tỉnh``) is already so.
    """
    # two substitutions by a constant in C, where str.translate with a mapping calls back per
    # character
    text = _DASH_CHARS.sub("-", _SPACE_CHARS.sub(" ", text))
    out: list[str] = []
    done = 0
    length = len(text)
    for m in _PAIR.finditer(text):
        start, end = m.span()
        if start < done:
            continue  # a second pair of a run already rewritten
        # the run of word characters (what ``\w`` matches) around the pair
        while start > done and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        while end < length and (text[end].isalnum() or text[end] == "_"):
            end += 1
        run = text[start:end]
        out.append(text[done:start])
        out.append(_canon_run(run))
        done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def key(text: str) -> str:
    """Lower-case :func:`case_key`: what all cue matching runs over."""
    return _lower(case_key(text))


@lru_cache(maxsize=65536)
def fold(phrase: str) -> str:
    """The key of a cue phrase written in ordinary Vietnamese (any normal form)."""
    return key(nfc(phrase))

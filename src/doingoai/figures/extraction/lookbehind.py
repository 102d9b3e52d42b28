"""Patterns that open with look-behinds, searched as fast as the literal words after them.

Nearly every cue of the extractor is written ``(?<!\\w)word(?!\\w)``: a word, whole. A pattern
that opens with an assertion gives the regular-expression engine nothing to skip ahead to, so
``search`` tries it at every character of the text; the same pattern without the look-behind
opens with a literal (or a choice of literals) and the engine jumps from one occurrence of its
first letter to the next. :func:`compile` returns, for such a pattern, an object whose
``search`` and ``finditer`` look for the rest and check the look-behinds by hand at each place
found, going on one character further when they fail: the same matches, in the same order, as
the pattern itself (``figures/tests/test_extraction_lookbehind.py`` holds the two side by side).

Only plain look-behinds are taken apart: ``(?<!\\w)`` and ``(?<!some words)``; anything else, or
a pattern with flags, is compiled as it is.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]

__all__ = ["compile"]

_LEADING = re.compile(r"\(\?<!(?:\\w|(?:[^()\\\[\].*+?^$|{}]|\\[^\w])+)\)")


def _is_word(ch: str) -> bool:
    # what ``\w`` matches in a str pattern: a letter, a digit of any kind, or the underscore
    return ch.isalnum() or ch == "_"


class LookBehindFirst:
    """``(?<!...)...(?<!...)body``, with the look-behinds checked in Python (see module doc)."""

    __slots__ = ("whole", "body", "not_word", "not_after", "pattern", "match", "fullmatch")

    def __init__(self, pattern: str, body: str, not_word: bool, not_after: tuple[str, ...]):
        self.whole = re.compile(pattern)
        self.body = re.compile(body)
        self.not_word = not_word
        self.not_after = not_after
        self.pattern = pattern
        # at one place there is nothing to skip: the pattern itself
        self.match = self.whole.match
        self.fullmatch = self.whole.fullmatch

    def _fits(self, text: str, start: int) -> bool:
        if self.not_word and start and _is_word(text[start - 1]):
            return False
        return not any(text.endswith(w, 0, start) for w in self.not_after)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        search = self.body.search
        while m := search(text, pos, end):
            start = m.start()
            if self._fits(text, start):
                return m
            pos = start + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        search = self.body.search
        while m := search(text, pos, end):
            start = m.start()
            if self._fits(text, start):
                yield m
                # the patterns taken apart never match an empty string (see compile)
                pos = m.end()
            else:
                pos = start + 1


def compile(pattern: str, flags: int = 0):  # noqa: A001 - it stands in for re.compile
    """``re.compile(pattern)``, or a :class:`LookBehindFirst` when it opens with plain
    look-behinds (see module doc)."""
    compiled = re.compile(pattern, flags)
    if flags:
        return compiled
    pos = 0
    not_word = False
    not_after: list[str] = []
    while m := _LEADING.match(pattern, pos):
        inner = m.group(0)[4:-1]
        if inner == r"\w":
            not_word = True
        else:
            not_after.append(re.sub(r"\\(.)", r"\1", inner))
        pos = m.end()
    body = pattern[pos:]
    if not pos or not body:
        return compiled
    parsed = _parser.parse(pattern)
    rest = _parser.parse(body)
    count = len(parsed.data) - len(rest.data)
    # The look-behinds stand alone at the top (not inside an alternative), the rest is the same
    # pattern, and it cannot match an empty string (finditer's handling of those is not copied).
    if (
        count <= 0
        or any(op is not _parser.ASSERT_NOT or av[0] != -1 for op, av in parsed.data[:count])
        or repr(parsed.data[count:]) != repr(rest.data)
        or rest.getwidth()[0] == 0
    ):
        return compiled
    return LookBehindFirst(pattern, body, not_word, tuple(not_after))

"""The look-behinds checked by hand (extraction/lookbehind.py) find what the pattern finds."""

import random
import re

from doingoai.figures.extraction import lookbehind
from doingoai.figures.extraction.evaluate import heldout_paths, press_paths, seed_paths
from doingoai.figures.extraction.normalize import fold, key, nfc

PATTERNS = [
    r"(?<!\w)(?:viện trợ|tài trợ|ODA|oda)(?!\w)",
    r"(?<!\w)(?<!phi )(?:chính phủ|tổ chức)(?!\w)",
    r"(?<!vượt )(?<!đạt )(?<!\w)(?:kế hoạch|mục tiêu)(?!\w)(?!\s+số)",
    r"(?<!\w)với\s*$",
    r"(?<!\w)(hai|ba|bốn)(?=\s)",
    r"(?<!\w)a",
    r"(?<!\w)năm\s+\d+",
]


def _texts():
    paths = seed_paths() + heldout_paths() + press_paths("dev")[:20]
    texts = [key(nfc(p.read_text(encoding="utf-8"))) for p in paths]
    # the edges: a word at the very start, one glued to a letter, a digit or an underscore
    return texts + [fold("viện trợ"), fold("xviện trợ _viện trợ 2viện trợ, viện trợ"), "aaa a_a 1a"]


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_it_finds_the_same_matches_as_the_pattern_itself():
    rng = random.Random(14)
    for raw in PATTERNS:
        pattern = fold(raw)
        fast, plain = lookbehind.compile(pattern), re.compile(pattern)
        assert isinstance(fast, lookbehind.LookBehindFirst), raw
        for text in _texts():
            assert _spans(fast.finditer(text)) == _spans(plain.finditer(text)), raw
            m, n = fast.search(text), plain.search(text)
            assert (m and m.span()) == (n and n.span()), raw
            for _ in range(5):
                pos = rng.randrange(len(text) + 1)
                end = rng.randrange(pos, len(text) + 1)
                got = _spans(fast.finditer(text, pos, end))
                assert got == _spans(plain.finditer(text, pos, end)), raw
                m, n = fast.search(text, pos, end), plain.search(text, pos, end)
                assert (m and m.span()) == (n and n.span()), raw
                m, n = fast.match(text, pos), plain.match(text, pos)
                assert (m and m.span()) == (n and n.span()), raw


def test_it_leaves_other_patterns_as_they_are():
    for raw in (r"(?<!\w)a|b", r"(?<=x)a", r"a(?<!\w)", r"(?<!\w)", r"(?<!\w)a*", r"(?<![ab])c"):
        assert isinstance(lookbehind.compile(raw), re.Pattern), raw
    assert isinstance(lookbehind.compile(r"(?<!\w)a", re.IGNORECASE), re.Pattern)

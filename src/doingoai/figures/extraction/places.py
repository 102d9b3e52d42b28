"""Places: which Vietnamese province a figure belongs to.

A provincial newspaper rarely names its own province next to each figure: it writes "tỉnh
ta", "toàn tỉnh", or nothing. The document's province is taken, in order, from

1. the masthead abbreviation that opens the lead ("BHG -" is Báo Hà Giang);
2. otherwise the Vietnamese province the article names most often (ties: the first named).

A figure whose own sentence names another province as its subject ("tỉnh Lào Cai đã đón...")
belongs to that province instead. Names are matched case-sensitively because several are
ordinary words in lower case: "hòa bình" is peace, "Hòa Bình" a province. Chinese, Lao or other
foreign provinces ("tỉnh Vân Nam") are never places here: the table holds Vietnamese ones only.
The name is returned as the text writes it.
"""

from __future__ import annotations

import re
from collections import Counter

from .normalize import case_key, nfc

__all__ = ["PROVINCES", "MASTHEADS", "find_places", "document_place"]

#: The 63 provinces and centrally-run cities (2008-2025 map) and common variant spellings.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bạc Liêu",
    "Bắc Giang", "Bắc Kạn", "Bắc Cạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
    "Đắc Lắc", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
    "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

#: Masthead abbreviations that open a provincial paper's lead ("BHG - Sáng 29.3, ...").
MASTHEADS = {
    "BHG": "Hà Giang",
    "BBK": "Bắc Kạn",
    "BCB": "Cao Bằng",
    "BQN": "Quảng Ninh",
    "BĐB": "Điện Biên",
    "BTQ": "Tuyên Quang",
    "BYB": "Yên Bái",
    "BSL": "Sơn La",
    "BTN": "Thái Nguyên",
    "BHB": "Hòa Bình",
}

_NAMES_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(case_key(nfc(n))) for n in sorted(PROVINCES, key=len, reverse=True))
    + r")(?!\w)"
)
_MASTHEAD_RE = re.compile(r"(?m)^\s*\(?(" + "|".join(MASTHEADS) + r")\)?\s*-")
# A name only takes a figure over when it is plainly the subject: after these words or opening
# the sentence ("Cao tốc Tuyên Quang - Hà Giang" names two places and is the subject of neither).
_SUBJECT_BEFORE = re.compile(
    case_key(
        nfc(
            r"(?:tỉnh|Tỉnh|tỉnh ủy|Tỉnh ủy|Tỉnh uỷ|UBND tỉnh|HĐND tỉnh|thành phố|Thành phố|TP\.?"
            r"|địa bàn|toàn tỉnh|trong đó|riêng)\s*$"
        )
    )
)


def find_places(cased: str) -> list[tuple[int, int]]:
    """Spans of Vietnamese province names in ``cased`` (the :func:`normalize.case_key`)."""
    return [(m.start(), m.end()) for m in _NAMES_RE.finditer(cased)]


def is_subject(cased: str, start: int, sentence_start: int) -> bool:
    """Whether the name at ``start`` is the subject of its sentence (see module doc)."""
    before = cased[max(sentence_start, start - 20) : start]
    return not cased[sentence_start:start].strip() or bool(_SUBJECT_BEFORE.search(before))


def document_place(
    text: str, cased: str, spans: list[tuple[int, int]], places: list[tuple[int, int]]
) -> str | None:
    """The province the article is about (see module doc)."""
    for start, end in spans:
        match = _MASTHEAD_RE.match(cased, start, end)
        if match:
            return MASTHEADS[match.group(1)]
    inside = [(s, e) for s, e in places if any(a <= s and e <= b for a, b in spans)]
    if not inside:
        return None
    # Spaces are collapsed so a non-breaking space does not make a second province.
    names = [(" ".join(text[s:e].split()), s) for s, e in inside]
    counts = Counter(name for name, _ in names)
    first: dict[str, int] = {}
    for name, s in names:
        first.setdefault(name, s)
    return max(counts, key=lambda name: (counts[name], -first[name]))

"""Places: which Vietnamese province a figure belongs to.

A provincial newspaper rarely names its own province next to each figure: it writes "tỉnh
ta", "toàn tỉnh", or nothing. The document's province is taken, in order, from

1. the masthead abbreviation that opens the lead ("BHG -" is Báo Hà Giang);
2. the source address, when the document keeps it on a line of its own near the top and the
   site is a province's ("baoquangbinh.vn", "kontumtv.vn", "sotaydangvien.thanhhoa.dcs.vn");
3. otherwise the Vietnamese province the article names most often (ties: the first named) --
   unless the article speaks of the whole country ("cả nước", "các địa phương", "vào Việt
   Nam") and names no province more than twice: a national round-up ranking provinces has no
   province of its own, each ranked province owns only its own figures.

A figure whose own sentence names another province as its subject ("tỉnh Lào Cai đã đón...")
belongs to that province instead. Names are matched case-sensitively because several are
ordinary words in lower case: "hòa bình" is peace, "Hòa Bình" a province. Chinese, Lao or other
foreign provinces ("tỉnh Vân Nam") are never places here: the table holds Vietnamese ones only.
The name is returned as the text writes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lookbehind import compile as _compile
from .normalize import case_key, nfc

__all__ = ["PROVINCES", "MASTHEADS", "find_places", "document_place"]

#: The 63 provinces and centrally-run cities (2008-2025 map) and common variant spellings.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bạc Liêu",
    "Bắc Giang", "Bắc Kạn", "Bắc Cạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
    "Đắc Lắc", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
    "Thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh",
    "TP.Hồ Chí Minh", "TP.HCM",
    "TP. HCM", "TP HCM", "TPHCM", "Hưng Yên", "Khánh Hòa",
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


def _ascii_key(name: str) -> str:
    """ "Bà Rịa - Vũng Tàu" -> "bariavungtau": how a site's address spells a province."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in plain if c.isascii() and c.isalpha()).lower()


#: Address spelling -> the province's name; only names of six letters or more, so that a short
#: key cannot turn up inside an unrelated site's name.
_ADDRESS_KEYS = {
    _ascii_key(name): name for name in reversed(PROVINCES) if len(_ascii_key(name)) >= 6
}
_ADDRESS_KEYS.pop("tphochiminh", None)
_SOURCE_LINE = re.compile(r"^\s*(?:nguồn:\s*)?https?://([^/\s]+)\S*\s*$", re.IGNORECASE)
_NATIONAL = _compile(
    case_key(nfc(r"(?<!\w)(?:cả nước|toàn quốc|các địa phương|vào Việt Nam|cho Việt Nam)(?!\w)"))
)

_IN_BREAKDOWN = _compile(case_key(nfc(r"(?<!\w)(?:trong đó|bao gồm|kể cả)(?!\w)[^.;\n]*$")))
# Searched as the names' literals, the look-behind checked by hand (``lookbehind``).
_NAMES_RE = _compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(case_key(nfc(n))) for n in sorted(PROVINCES, key=len, reverse=True))
    + r")(?!\w)"
)
_MASTHEAD_RE = re.compile(r"(?m)^\s*\(?(" + "|".join(MASTHEADS) + r")\)?\s*-")
# A name only takes a figure over when it is plainly the subject: after these words or opening
# the sentence ("Cao tốc Tuyên Quang - Hà Giang" names two places and is the subject of neither),
# or opening a clause of a ranking ("...; tiếp đến là Quảng Ninh thu hút 568,4 triệu USD; Hải
# Dương 288,1 triệu USD").
_SUBJECT_BEFORE = re.compile(
    case_key(
        nfc(
            r"(?:tỉnh|Tỉnh|tỉnh ủy|Tỉnh ủy|Tỉnh uỷ|UBND tỉnh|HĐND tỉnh|thành phố|Thành phố|TP\.?"
            r"|địa bàn|toàn tỉnh|trong đó|riêng|Trong đó|Riêng|tiếp đến là|tiếp theo là|kế đến là"
            r"|Tiếp đến là|Tiếp theo là|Kế đến là|Sau đó là"
            # "các nhà đầu tư Trung Quốc tập trung nhiều vào Tây Ninh với ...": where it went
            r"|(?:đầu tư|tập trung|rót vốn)(?: nhiều)? vào"
            r"|sau đó là|Theo đó|theo đó|;|(?:Sau|sau) [^,;.]{2,30},"
            # "Số liệu từ Bộ Kế hoạch và Đầu tư cho thấy, Bình Phước đứng thứ 11 ...", "Tại Lào
            # Cai hiện có 34 tổ chức": the sentence's source, then its subject; a place opening it
            r"|cho thấy|cho biết|Tại)[\s,]*$"
        )
    )
)


# "Theo Cục Đầu tư nước ngoài, Bà Rịa-Vũng Tàu dẫn đầu với ...": the sentence's source, then its
# subject.
_SOURCE_OPENING = re.compile(r"\s*(?:Theo|theo) [^,;.\d]{2,60},\s*")


def find_places(cased: str) -> list[tuple[int, int]]:
    """Spans of Vietnamese province names in ``cased`` (the :func:`normalize.case_key`)."""
    return [(m.start(), m.end()) for m in _NAMES_RE.finditer(cased)]


def is_subject(cased: str, start: int, sentence_start: int) -> bool:
    """Whether the name at ``start`` is the subject of its sentence (see module doc)."""
    before = cased[max(sentence_start, start - 20) : start]
    return (
        not cased[sentence_start:start].strip()
        or bool(_SUBJECT_BEFORE.search(before))
        or bool(_SOURCE_OPENING.fullmatch(cased, sentence_start, start))
    )


def document_place(
    text: str, cased: str, spans: list[tuple[int, int]], places: list[tuple[int, int]]
) -> str | None:
    """The province the article is about (see module doc)."""
    for start, end in spans:
        match = _MASTHEAD_RE.match(cased, start, end)
        if match:
            return MASTHEADS[match.group(1)]
    source = source_place(text)
    # A name inside a breakdown ("hơn 340 ngư dân Việt Nam ..., trong đó có nhiều ngư dân Quảng
    # Ngãi") is a part of the story, not whose story it is.
    inside = [
        (s, e)
        for s, e in places
        if any(a <= s and e <= b for a, b in spans)
        and not _IN_BREAKDOWN.search(cased, max(0, s - 60), s)
    ]
    named = Counter(" ".join(text[s:e].split()) for s, e in inside)
    # A provincial site's address, unless the story is plainly another province's: named twice
    # or more while the site's own province is never named ("hatinh24h.com.vn" on Đồng Tháp).
    # Nor when the story is the whole country's, ranking provinces none of which is the site's
    # ("baogialai.com.vn" on the ten provinces that drew the most FDI).
    national = any(_NATIONAL.search(cased, a, b) for a, b in spans)
    if source and source not in named and national and len(named) >= 3:
        return None
    if source and (source in named or not any(n >= 2 for n in named.values())):
        return source
    if not inside:
        return None
    # Spaces are collapsed so a non-breaking space does not make a second province.
    names = [(" ".join(text[s:e].split()), s) for s, e in inside]
    counts = Counter(name for name, _ in names)
    first: dict[str, int] = {}
    for name, s in names:
        first.setdefault(name, s)
    best = max(counts, key=lambda name: (counts[name], -first[name]))
    if counts[best] <= 2 and any(_NATIONAL.search(cased, a, b) for a, b in spans):
        return None
    return best


def source_place(text: str) -> str | None:
    """The province whose site the document was saved from, by its address (see module doc)."""
    for line in text.splitlines()[:3]:
        match = _SOURCE_LINE.match(line)
        if match:
            host = match.group(1).lower()
            for key, name in _ADDRESS_KEYS.items():
                if key in host:
                    return name
            return None
    return None

"""Periods: what stretch of time a figure covers, and the article's own date.

Reports say ``năm 2022``, ``giai đoạn 2015 – 2020`` (any dash), ``quý I.2024``, ``quý
III/2024``, ``6 tháng đầu năm``, ``9 tháng đầu năm 2024``, ``từ đầu năm đến nay``, ``từ năm
2013 đến nay`` or ``Trong 10 năm``. The relative ones need the date the article was written,
taken from its dateline ("22/04/2021", "Thứ Sáu, 27/12/2024 - 08:15", "Lạng Sơn, ngày 25 tháng
9 năm 2024") or from the caller. Without it a relative period resolves to ``None`` rather than
a guess.

The exchange format names years (``2022``), ranges of years (``2015-2020``), quarters
(``2024-Q3``) and halves (``2024-H1``). Any other stretch of months is written as an ISO 8601
interval of dates: "9 tháng đầu năm 2024" is ``2024-01-01/2024-09-30``; "từ đầu năm đến nay" in
an article of 20/11/2019 is ``2019-01-01/2019-11-20``; "đến hết tháng 10" is
``2019-01-01/2019-10-31``. "3 tháng đầu năm" stays ``Q1``, "6 tháng cuối năm" ``H2``.

A mention that points back ("trong quý", "trong kỳ", "trong năm", "cùng thời gian", "cũng trong
giai đoạn này") takes the value of the last period stated before it: "Quý III/2024, ... Trong
quý, tỉnh đón 26 đoàn" is 2024-Q3.

Four kinds of mention are found:

* ``period``: a stretch of time figures may belong to (its value may be None when it cannot
  be resolved; it still stops an earlier period from leaking past it);
* ``now``: "hiện nay", "hiện tại", "đến nay": a stock ("there are now 5 FDI projects"), which
  has no period;
* ``comparison``: "so với năm 2022": the base of a comparison, never the figure's own period;
* ``date``: "ngày 25 tháng 9 năm 2024": a day, masked like other dates, never a period.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date

from .lookbehind import compile as _compile
from .normalize import fold

__all__ = [
    "PeriodMention",
    "find_periods",
    "document_date",
    "months_period",
    "opening_period",
]

_Y = r"((?:19|20)\d\d)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    value: str | None
    kind: str  # "period" | "now" | "comparison" | "term"


def _p(pattern: str) -> re.Pattern[str]:
    return _compile(fold(pattern))


# Ordered: on overlap the earlier (more specific) pattern wins.
_RANGE = _p(
    rf"(?:(?:giai đoạn|nhiệm kỳ|thời kỳ|từ năm|từ|trong|năm)\s+)?{_Y}\s*(?:-|đến|tới|–)\s*"
    rf"(?:năm\s+)?{_Y}(?!\d)"
)
# "Từ 21 – 25/03/2020": a run of days of one month.
_DAY_RANGE = _p(
    rf"(?=từ|\d)(?:từ\s+(?:ngày\s+)?)?(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_Y}"
    r"(?!\d)"
)
# What every match of _DAY_RANGE holds from its dash on; it opens with a character, which the
# engine skips to, so a text without it is passed over at once.
_DAY_RANGE_GATE = _p(rf"[-–]\s*\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_Y}")
_SINCE = _p(rf"từ\s+(?:năm\s+)?{_Y}\s+(?:đến|tới|cho đến)\s+(?:nay|bây giờ|hiện nay|hiện tại)")
_QUARTER = _p(rf"quý\s+(iv|iii|ii|i|[1-4])(?!\w)(?:\s*(?:[./]|năm)\s*{_Y}|\s+năm nay)?")
_MONTHS = _p(
    rf"(\d{{1,2}}|ba|sáu|chín)\s+tháng\s+(?:(đầu|cuối)\s+(?:năm(?:\s+(?:nay|{_Y}))?|(?={_Y}))"
    rf"|năm\s+{_Y})(?:{_Y})?"
)
_MONTH_WORDS = {"ba": 3, "sáu": 6, "chín": 9}
_YEAR_WORDS = {fold(k): v for k, v in {"hai": 2, "ba": 3, "bốn": 4, "mười": 10}.items()}
_UNFOLD = {fold(k): k for k in _MONTH_WORDS}
# "9 tháng", "trong 6 tháng" alone: the first months of the year (not "18 tháng", "6 tháng tới").
_BARE_MONTHS = _p(
    r"(1[0-2]|[1-9])\s+tháng(?!\w)"
    r"(?!\s*(?:tới|sắp tới|tiếp theo|sau|tuổi|lương|\d|/|\.\d))"
)
_YEAR_TO_DATE = _p(
    rf"(?:từ|kể từ)\s+đầu\s+năm(?:\s+{_Y})?(?:\s+(?:đến|tới)\s+(?:nay|bây giờ|hiện nay|hiện tại))?"
)
# "từ đầu năm đến 20/3/2023", "Tính từ đầu năm đến ngày 15/9/2019": the year up to that day.
_YEAR_TO_DAY = _p(
    rf"(?:từ|kể từ)\s+đầu\s+năm(?:\s+{_Y})?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
    rf"(\d{{1,2}})\s*[/-]\s*(\d{{1,2}})(?:\s*[/-]\s*{_Y})?(?![\d/-])"
)
# "tính đến hết ngày 20/6, Nam Định đã cấp ... cho 39 dự án", "tính đến ngày 26/8/2024, tỉnh cấp
# ...": the year up to that day, when what follows is a flow; "Luỹ kế đến hết ngày 31/12/2018 ...
# còn hiệu lực" and "tính đến ngày 30/9/2024, ... đang hoạt động" stay stocks (see _NOW).
_TO_DAY = _p(
    rf"tính\s+(?:đến|tới)\s+(?:hết\s+)?ngày\s+(\d{{1,2}})\s*[/-]\s*(\d{{1,2}})"
    rf"(?:\s*[/-]\s*{_Y})?(?![\d/-])"
)
_STOCK_WORDS = _p(r"lũy kế|luỹ kế|còn hiệu lực|đang hoạt động|hiện có|nâng tổng số")
# "giai đoạn 2021 đến tháng 5/2024": from the first year's start to the end of that month.
_YEAR_TO_MONTH = _p(
    rf"(?:giai đoạn|từ)\s+(?:năm\s+)?{_Y}\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(1[0-2]|0?[1-9])"
    rf"\s*(?:/|-|năm)\s*{_Y}(?![\d/])"
)
# "đến hết tháng 10", "tính đến cuối tháng 12/2018", "Tính đến tháng 10-2017": the year up to the
# end of that month (a month alone, "tháng 9/2024", is that month; a day, "tính đến ngày
# 30/9/2024", is a stock: see _NOW).
_TO_END_OF_MONTH = _p(
    rf"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)|tính\s+(?:đến|tới))\s+tháng\s+(1[0-2]|0?[1-9])"
    rf"(?:\s*(?:/|-|năm)\s*{_Y})?(?![\d/])"
)
# "ngày 25 tháng 9 năm 2024" is a date, not the year 2024; "tháng 9/2024" is a month.
_DATE_IN_WORDS = _p(rf"ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s*(?:năm\s+|/\s*){_Y}")
_MONTH = _p(rf"tháng\s+(1[0-2]|0?[1-9])\s*(?:năm\s+|/\s*){_Y}(?![\d/])")
_BACK_REFERENCE = _p(
    r"(?:trong|cùng)\s+(?:giai đoạn|thời gian|thời kỳ)\s+(?:này|nói trên|trên)"
    r"|cùng\s+thời\s+gian|cùng\s+giai\s+đoạn|trong\s+kỳ(?!\s+họp)|trong\s+quý(?!\s+(?:i|v|\d))"
    # "Trong cùng kỳ, các nhà đầu tư Hàn Quốc ...": the period just named ("so với cùng kỳ" is a
    # comparison and is not this)
    r"|trong\s+cùng\s+kỳ(?!\s+(?:năm|của))"
    r"|trong\s+năm(?!\s+(?:19|20|tới|sau|nay|qua|học))"
)
_YEARS_BACK = _p(
    r"(?:(?:trong|qua|sau|gần|hơn|suốt)\s+(\d{1,2}|hai|ba|bốn|mười)\s+năm"
    r"(?!\s+(?:tới|sắp tới|tiếp theo|đến))"
    r"|(\d{1,2})\s+năm(?=\s+(?:triển khai\s+)?thực hiện\s))"
    # "Trong 15 năm qua (1996-2011)" says which fifteen years too
    rf"(?:(?:\s+qua)?\s*\(\s*{_Y}\s*-\s*{_Y}\s*\))?"
)
_YEAR = _p(rf"(?:năm|niên độ|cả năm)\s+{_Y}(?!\d)")
_THIS_YEAR = _p(r"năm nay")
# "Cuối tháng 4, Tổ chức COV viện trợ ...": that month of the year the text was written.
_PART_OF_MONTH = _p(r"(?:cuối|đầu|giữa|trong)\s+tháng\s+(1[0-2]|0?[1-9])(?![\d/.-])(?!\s*năm)")
# "Năm qua, Sở Ngoại vụ đã ..." in a review written in the first quarter is the year before;
# later in the year it is the year the text was written.
_LAST_YEAR = _p(r"(?:trong\s+)?năm\s+(?:vừa\s+)?qua(?!\w)")
_NOW = _p(
    r"hiện nay|hiện tại|hiện có|đến nay|tới nay|cho đến nay|tính đến nay|đến thời điểm này"
    r"|lũy kế|luỹ kế|tính đến ngày|đến ngày|tính đến thời điểm|nâng tổng số|hiện duy trì|hiện đang"
)
# _NOW's words, each looked for on its own by str.find, where the choice of sixteen words opening
# with six common letters is tried at every one of those letters.
_NOW_WORDS = tuple(dict.fromkeys(_NOW.pattern.split("|")))
# None is the beginning of another, so at any place at most one can match and finditer's
# leftmost matches are the same whatever their order (see _each_word).
assert not any(a != b and b.startswith(a) for a in _NOW_WORDS for b in _NOW_WORDS)
# "Hiện Hải Dương có 490 dự án FDI": now, with the subject between, opening a sentence or clause
_OPENINGS = frozenset({". ", "! ", "? ", "… ", ": ", ", "})
_NOW_SUBJECT = _p(r"hiện(?=\s+[^\d.;,\n]{2,30}?\s+có\s)")
# "ký kết hợp tác giai đoạn 2021 - 2025", "Chương trình vùng ..., giai đoạn 2023-2027": the term
# of an agreement or a programme, not the period its figures cover.
_TERM_BEFORE = _p(
    r"(?:hợp tác|thỏa thuận|biên bản|chương trình|kế hoạch|chiến lược|quy hoạch|đề án|dự án)"
    r"\s*,?\s*$"
)
_TERM_WORDS = _p(r"giai đoạn|nhiệm kỳ|thời kỳ")
# "Chương trình ... trong giai đoạn năm 2012-2016": the term of a programme, whatever it follows.
_TERM_OPENING = _p(r"(?:trong\s+)?giai đoạn\s+(?:năm\s+)?$")
_TERM_SUBJECT = _p(r"(?<!\w)(?:chương trình|kế hoạch|đề án|chiến lược|quy hoạch)(?!\w)")
# "7 dự án chuyển tiếp năm 2017": where the projects come from, not the period they count for.
_ORIGIN_BEFORE = _p(r"chuyển tiếp(?:\s+từ)?\s*$")
_COMPARISON_BEFORE = _p(r"(?:so\s+(?:với\s+)?|bằng\s+)(?:cùng\s+kỳ\s+)?(?:của\s+)?$")
_DATELINE = re.compile(
    r"^\s*(?:\d{1,2}:\d{2}\s*,?\s*)?(?:[^\d\n]{0,20}?,?\s*)?(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)"
    r"(?:\s*[-,]?\s*\d{1,2}:\d{2})?\s*$"
)
# Looser datelines of other sites: "Thứ Sáu, 27/12/2024 - 08:15", "Cập nhật: 14:30 | 18/3/2025",
# "Đăng ngày: 08/10/2024 15:20 | Lượt xem: 1.245", "Cập nhật lúc 10:25 ngày 28/12/2019".
_LOOSE_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
_DATELINE_WORDS = re.compile(
    fold(
        r"thứ|hai|ba|tư|năm|sáu|bảy|chủ|nhật|cập|nhật|lúc|ngày|đăng|đăng ngày|gmt|xuất|bản|"
        r"lượt|xem|giờ|sáng|chiều|tối|thời|gian"
    )
)
# An official document: "Lạng Sơn, ngày 25 tháng 9 năm 2024".
_DOCUMENT_DATE = re.compile(
    r"^[^\d\n]{0,40}?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)\s*\.?\s*$"
)


def _loose_dateline(line: str) -> date | None:
    if len(line.strip()) > 70:
        return None
    dates = list(_LOOSE_DATE.finditer(line))
    if len(dates) != 1:
        return None
    rest = line[: dates[0].start()] + " " + line[dates[0].end() :]
    words = re.findall(r"[^\W\d_]+", fold(rest))
    if any(not _DATELINE_WORDS.fullmatch(w) for w in words) or len(words) > 6:
        return None
    day, month, year = (int(g) for g in dates[0].groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def document_date(text: str, spans: list[tuple[int, int]] | None = None) -> date | None:
    """The dateline: a short line near the top holding a date (and maybe a time)."""
    lines = [text[s:e] for s, e in spans] if spans is not None else text.splitlines(keepends=True)
    for line in lines[:12]:
        if len(line.strip()) > 70:
            continue  # a paragraph, not a dateline (and folding it would cost)
        if len(line.strip()) > 40:
            found = None
        else:
            match = _DATELINE.match(line)
            found = None
            if match:
                day, month, year = (int(g) for g in match.groups())
                try:
                    found = date(year, month, day)
                except ValueError:
                    found = None
        if found is None:
            found = _loose_dateline(line)
        if found is None:
            official = _DOCUMENT_DATE.match(fold(line.strip()))
            if official:
                day, month, year = (int(g) for g in official.groups())
                try:
                    found = date(year, month, day)
                except ValueError:
                    found = None
        if found is not None:
            return found
    return None


_THANG = fold("tháng")


def _near(pattern: re.Pattern[str], folded: str, keyword: str, back: int):
    """The matches of ``pattern`` that contain ``keyword`` at most ``back`` characters in.

    A literal is found much faster than a pattern that starts with a choice, so the pattern
    is only tried around each occurrence of its keyword.
    """
    pos = folded.find(keyword)
    last_end = -1
    while pos >= 0:
        m = pattern.search(folded, max(0, pos - back), pos + len(keyword) + 60)
        if m and m.start() <= pos and m.start() >= last_end:
            last_end = m.end()
            yield m
        pos = folded.find(keyword, pos + 1)


def _digit_led(ahead: str) -> str:
    """Alternatives "0(?=ahead)|1(?=ahead)|...": a digit written as a literal keeps a choice of
    places to begin literal-led (see _from_starts), where ``\\d`` would not."""
    return "|".join(f"{d}(?={ahead})" for d in "0123456789")


# Where a match of each pattern can begin: the words of its opening choice (optional ones
# included) and what may open it when they are left out. A choice of literals lets the engine
# skip to their first letters; the patterns themselves open with an optional group, which makes
# it try every character.
_RANGE_STARTS = _p("giai đoạn|nhiệm kỳ|thời kỳ|từ|trong|năm|19|20")
_YEARS_BACK_STARTS = _p("trong|qua|sau|gần|hơn|suốt|" + _digit_led(r"\d?\s+năm"))
_LAST_YEAR_STARTS = _p("trong|năm")
_BACK_REFERENCE_STARTS = _p("trong|cùng")


def _each_word(words: tuple[str, ...], folded: str) -> list[tuple[int, int]]:
    """The spans finditer would give for the choice of these words (none the beginning of
    another): every occurrence of each, leftmost first, none overlapping one kept before it."""
    found = []
    for word in words:
        i = folded.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = folded.find(word, i + len(word))
    found.sort()
    kept = []
    end = 0
    for span in found:
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


def _from_starts(pattern: re.Pattern[str], starts: re.Pattern[str], folded: str):
    """``pattern.finditer(folded)``, the pattern tried only where ``starts`` finds a beginning.

    Exactly the same matches as long as every match of ``pattern`` begins with a match of
    ``starts`` (and none is empty): the places are tried in order, and after a match the search
    goes on from its end, as finditer does.
    """
    pos = 0
    search, match = starts.search, pattern.match
    while candidate := search(folded, pos):
        m = match(folded, candidate.start())
        if m is None:
            pos = candidate.start() + 1
            continue
        yield m
        pos = m.end()


def months_period(year: int | str, first: int, last: int) -> str:
    """The period of months ``first``..``last`` of ``year`` in the exchange format."""
    named = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) in named:
        return f"{year}-{named[first, last]}"
    end = calendar.monthrange(int(year), last)[1]
    return f"{year}-{first:02d}-01/{year}-{last:02d}-{end:02d}"


def find_periods(
    folded: str, year: int | None, published: date | None = None
) -> list[PeriodMention]:
    """Every period mention in ``folded`` (the :func:`normalize.key` of the text), in order.

    ``year`` is the year the text was written; ``published`` its date, when known, for "từ đầu
    năm đến nay".
    """
    found: list[PeriodMention] = []

    def add(m: re.Match[str], value: str | None, kind: str = "period") -> None:
        if kind == "period":
            before = folded[max(0, m.start() - 30) : m.start()]
            if _COMPARISON_BEFORE.search(before):
                kind = "comparison"
            elif _TERM_BEFORE.search(before) and _TERM_WORDS.match(folded, m.start()):
                kind = "term"
            elif _ORIGIN_BEFORE.search(before):
                kind = "term"
            elif _TERM_OPENING.search(before) and _TERM_SUBJECT.search(
                folded, max(0, m.start() - 160), m.start()
            ):
                kind = "term"
        found.append(PeriodMention(m.start(), m.end(), value, kind))

    for m in _near(_DATE_IN_WORDS, folded, _THANG, 14):
        add(m, None, "date")
    for m in _DAY_RANGE.finditer(folded) if _DAY_RANGE_GATE.search(folded) else ():
        try:
            first = date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            last = date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        except ValueError:
            continue
        if first < last:
            add(m, f"{first.isoformat()}/{last.isoformat()}")
    for m in _SINCE.finditer(folded):
        add(m, f"{m.group(1)}-{year}" if year else None)
    for m in _from_starts(_RANGE, _RANGE_STARTS, folded):
        add(m, f"{m.group(1)}-{m.group(2)}")
    for m in _QUARTER.finditer(folded):
        y = m.group(2) or year
        add(m, f"{y}-Q{_ROMAN[m.group(1)]}" if y else None)
    for m in _near(_MONTHS, folded, _THANG, 8):
        y = m.group(3) or m.group(4) or m.group(5) or year  # "4 tháng đầu 2023" too
        count = m.group(1)
        months = int(count) if count.isdigit() else _MONTH_WORDS[_UNFOLD.get(count, count)]
        value = None
        if y and 1 <= months <= 12:
            first, last = (13 - months, 12) if m.group(2) == fold("cuối") else (1, months)
            value = months_period(y, first, last)
        elif not y and count.isdigit() and m.group(2) != fold("cuối"):
            # "6 tháng đầu năm" in a text with no date, after "6 tháng đầu năm 2018": the year
            # the text named last (see _resolve_references)
            add(m, None, "months")
            continue
        add(m, value)
    for m in _near(_YEAR_TO_DAY, folded, fold("đầu năm"), 10):
        # "từ đầu năm đến ngày 20-5": the year the text was written
        if not (m.group(4) or m.group(1) or year):
            add(m, None)
            continue
        y = int(m.group(4) or m.group(1) or year)
        try:
            add(m, f"{y}-01-01/{date(y, int(m.group(3)), int(m.group(2))).isoformat()}")
        except ValueError:
            add(m, None)
    for m in _TO_DAY.finditer(folded):
        sentence_end = folded.find(".", m.end())
        rest = folded[m.end() : sentence_end if sentence_end >= 0 else len(folded)]
        y = int(m.group(3) or year or 0)
        if (
            not y
            or _STOCK_WORDS.search(rest)
            or _STOCK_WORDS.search(folded, max(0, m.start() - 20), m.start())
        ):
            continue  # a stock: _NOW reads it
        try:
            add(m, f"{y}-01-01/{date(y, int(m.group(2)), int(m.group(1))).isoformat()}")
        except ValueError:
            continue
    for m in _YEAR_TO_MONTH.finditer(folded):
        first, month, last = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first < last:
            end = calendar.monthrange(last, month)[1]
            add(m, f"{first}-01-01/{last}-{month:02d}-{end:02d}")
    for m in _near(_YEAR_TO_DATE, folded, fold("đầu năm"), 10):
        y = int(m.group(1)) if m.group(1) else year
        value = None
        if published is not None and y == published.year:
            value = f"{y}-01-01/{published.isoformat()}"
        add(m, value)
    for m in _near(_TO_END_OF_MONTH, folded, _THANG, 20):
        y = m.group(2) or year
        add(m, months_period(y, 1, int(m.group(1))) if y else None)
    for m in _near(_MONTH, folded, _THANG, 0):
        add(m, months_period(m.group(2), int(m.group(1)), int(m.group(1))))
    for m in _PART_OF_MONTH.finditer(folded):
        if published is not None and int(m.group(1)) <= published.month:
            add(m, months_period(published.year, int(m.group(1)), int(m.group(1))))
    for m in _from_starts(_YEARS_BACK, _YEARS_BACK_STARTS, folded):
        if m.group(3):  # "Trong 5 năm (2016 - 2020)" says which five years
            add(m, f"{m.group(3)}-{m.group(4)}")
        else:
            count = m.group(1) or m.group(2)
            back = int(count) if count.isdigit() else _YEAR_WORDS[count]
            add(m, f"{year - back}-{year}" if year else None)
    for m in _YEAR.finditer(folded):
        add(m, m.group(1))
    for m in _THIS_YEAR.finditer(folded):
        add(m, str(year) if year else None)
    for m in _from_starts(_LAST_YEAR, _LAST_YEAR_STARTS, folded):
        if published is not None:
            add(m, str(published.year - 1 if published.month <= 3 else published.year))
    for start, end in _each_word(_NOW_WORDS, folded):
        found.append(PeriodMention(start, end, None, "now"))
    for m in _NOW_SUBJECT.finditer(folded):
        if (
            m.start() == 0
            or folded[m.start() - 1] == "\n"
            or folded[max(0, m.start() - 2) : m.start()] in _OPENINGS
        ):
            add(m, None, "now")
    for m in _near(_BARE_MONTHS, folded, _THANG, 4):
        add(m, None, "months")
    for m in _from_starts(_BACK_REFERENCE, _BACK_REFERENCE_STARTS, folded):
        add(m, None, "back")
    # Keep the first-found (most specific) of overlapping mentions.
    kept: list[PeriodMention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda p: p.start)
    return _resolve_references(folded, kept, year)


def _resolve_references(
    folded: str, mentions: list[PeriodMention], year: int | None
) -> list[PeriodMention]:
    """Give "9 tháng" and "trong quý" the value the text has set up before them.

    A reference with nothing to refer to is dropped rather than kept empty, so that it does not
    hide the document's own period (see :func:`opening_period`).
    """
    resolved: list[PeriodMention] = []
    last: str | None = None
    last_quarter: str | None = None
    last_year: str | None = None
    for m in mentions:
        if m.kind == "months":
            months = int(re.search(r"\d+", folded[m.start : m.end]).group(0))
            y = _year_of(last) or year
            m = PeriodMention(m.start, m.end, months_period(y, 1, months) if y else None, "period")
        elif m.kind == "back":
            words = folded[m.start : m.end]
            value = last
            if words.endswith(fold("quý")):
                value = last_quarter
            elif words.endswith(fold("năm")):
                value = last_year or (str(year) if year else None)
            if value is None:
                continue
            m = PeriodMention(m.start, m.end, value, "period")
        if m.kind == "period" and m.value:
            last = m.value
            if "-Q" in m.value:
                last_quarter = m.value
            elif re.fullmatch(r"\d{4}", m.value):
                last_year = m.value
        resolved.append(m)
    return resolved


def _year_of(value: str | None) -> int | None:
    match = re.match(r"(\d{4})", value or "")
    return int(match.group(1)) if match else None


_LEAD_SOURCE = _p(r"(?:cụ thể\s*,\s*)?(?:theo\s+[^\d,.;]{2,60},\s*)?(?:tính\s+)?")


def opening_period(
    folded: str, spans: list[tuple[int, int]], mentions: list[PeriodMention]
) -> str | None:
    """The period a document as a whole reports on, or None.

    It is the period named in the title (a short line near the top, before the first long
    paragraph: "Công tác đối ngoại năm 2024", "Báo cáo ... 9 tháng đầu năm 2024") or the one
    that opens the lead ("LCĐT - Năm 2024, ..."). A figure whose paragraph names no period
    takes it: in a report on the first nine months, "Trong kỳ, xảy ra 3 vụ việc" is that period.
    """
    starts = [m.start for m in mentions]

    def first_period(lo: int, hi: int) -> PeriodMention | None:
        i = bisect.bisect_left(starts, lo)
        while i < len(mentions) and mentions[i].start < hi:
            if mentions[i].kind in ("period", "now"):
                return mentions[i]
            i += 1
        return None

    for start, end in spans[:15]:
        line = folded[start:end].strip()
        if len(line) > 160:
            # The lead: its opening words only ("BHG - Năm 2024, ..." or "Năm 2024, ...").
            head = re.match(r"\s*(?:\(?[^\W\d_]{2,6}(?:\.vn)?\)?\s*-\s*)?", folded[start:end])
            lo = start + (head.end() if head else 0)
            found = first_period(lo, lo + 120)
            # "Cụ thể, theo Cục Đầu tư nước ngoài, từ đầu năm đến ngày 20-5, ...": the period
            # the lead opens with, after its source but before any figure.
            if (
                found
                and found.kind == "period"
                and (found.start - lo < 25 or _LEAD_SOURCE.fullmatch(folded, lo, found.start))
            ):
                # "Trong 5 năm (2016 - 2020) và năm 2021, ...": two periods, none is the whole.
                if re.match(fold(r"\)?\s*(?:và|,)\s*(?:năm|quý|giai đoạn)"), folded[found.end :]):
                    return None
                return found.value
            return None
        if line.endswith((".", "!", "?")) or len(line) < 12:
            continue
        found = first_period(start, end)
        if found and found.kind == "period" and found.value:
            return found.value
    return None


def headline_period(
    folded: str, spans: list[tuple[int, int]], mentions: list[PeriodMention]
) -> str | None:
    """The one period the title and the lead's first sentence name, wherever in them, or None.

    "... rót vào TP.HCM hay Hà Nội trong 7 tháng đầu năm" (a long title), "(QNO) - Quảng Nam
    tiếp nhận 12 khoản viện trợ ... trong 6 tháng đầu năm.": what the article reports on, when
    :func:`opening_period` finds no period at the opening. Two different periods there (a
    comparison, a year and its quarter) say nothing about the whole.
    """
    values: set[str] = set()
    seen = 0
    for start, end in spans[:8]:
        line = folded[start:end]
        if re.match(r"\s*https?://", line) or not line.strip():
            continue
        stop = re.search(r"[.!?](?:\s|$)", line)
        hi = start + (stop.end() if stop else len(line))
        for m in mentions:
            if start <= m.start < hi:
                if m.kind == "now":
                    return None  # "Tính đến nay ...": the lead is about stocks
                if m.kind == "period":
                    if not m.value or re.fullmatch(r"\d{4}-\d{4}", m.value):
                        return None  # a term ("giai đoạn 2023-2028") is no report's period
                    values.add(m.value)
        seen += 1
        if seen > 1 and len(line.strip()) > 80:
            break  # the lead's first sentence is read; the body is the paragraphs' own
    return values.pop() if len(values) == 1 else None

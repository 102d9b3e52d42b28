"""Reporting periods: a year, a quarter (quý I–IV), a half-year, a term of years
(2015–2020), the reporting year of QĐ 06/2020/QĐ-TTg (15 December to 14 December) or any
date range. Plain Python, no Django.

Every period has a canonical ``label``, the form figures are stored with
(``2022``, ``2024-Q1``, ``2024-H1``, ``2015-2020``, ``2024-QD06``,
``2024-01-01/2024-06-30``); ``parse_period`` reads that form and the ways Vietnamese
reports write it ("quý I.2024", "giai đoạn 2015 – 2020", "6 tháng đầu năm 2024").
Two periods are the same when they cover the same days, whatever their labels.

Error messages go through Django's gettext when Django is set up (pages, API, commands),
so a reader of the Vietnamese interface reads them in Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from doingoai.lib.text import fold

MIN_YEAR, MAX_YEAR = 1900, 2100

YEAR, QUARTER, HALF, YEARS, QD06, RANGE = "year", "quarter", "half", "years", "qd06", "range"
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _(message: str) -> str:
    """Django's gettext once Django is set up; the English message as it is otherwise (the
    extractor's stand-alone command line)."""
    try:
        from django.conf import settings
        from django.utils.translation import gettext
    except ImportError:  # pragma: no cover - Django is a dependency of the project
        return message
    return gettext(message) if settings.configured else message


class PeriodError(ValueError):
    """A period that cannot be read; the message names the accepted forms."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str
    label: str

    def __eq__(self, other):
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __hash__(self):
        return hash((self.start, self.end))

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self):
        return self.label

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def year_periods(self) -> list[Period]:
        """The calendar years the period touches, each clipped to the period (for trends)."""
        found = []
        for year in self.years:
            start = max(self.start, dt.date(year, 1, 1))
            end = min(self.end, dt.date(year, 12, 31))
            found.append(year_period(year) if (start, end) == (dt.date(year, 1, 1),
                                                               dt.date(year, 12, 31))
                         else date_range(start, end))
        return found

    def previous(self) -> Period:
        """The period of the same kind just before this one (last year for a year...)."""
        if self.kind == YEAR:
            return year_period(self.start.year - 1)
        if self.kind == QUARTER:
            q = (self.start.month - 1) // 3 + 1
            return quarter(self.start.year - (q == 1), 4 if q == 1 else q - 1)
        if self.kind == HALF:
            return half(self.start.year - (self.start.month == 1),
                        2 if self.start.month == 1 else 1)
        if self.kind == QD06:
            return qd06_year(self.end.year - 1)
        if self.kind == YEARS:
            span = self.end.year - self.start.year
            return years(self.start.year - span, self.start.year)
        length = self.end - self.start
        end = self.start - dt.timedelta(days=1)
        return date_range(end - length, end)

    def describe(self, lang: str = "vi") -> str:
        """How a report names the period: "giai đoạn 2015 – 2020", "quý I năm 2024"."""
        y = self.start.year
        if lang == "en":
            return {
                YEAR: lambda: f"{y}",
                QUARTER: lambda: f"{_ordinal((self.start.month - 1) // 3 + 1)} quarter of {y}",
                HALF: lambda: f"{'first' if self.start.month == 1 else 'second'} half of {y}",
                YEARS: lambda: f"{y}–{self.end.year}",
                QD06: lambda: (f"the {self.end.year} reporting year "
                               f"({_dmy(self.start)} to {_dmy(self.end)})"),
                RANGE: lambda: f"{_dmy(self.start)} to {_dmy(self.end)}",
            }[self.kind]()
        return {
            YEAR: lambda: f"năm {y}",
            QUARTER: lambda: f"quý {_ROMAN[(self.start.month - 1) // 3 + 1]} năm {y}",
            HALF: lambda: f"6 tháng {'đầu' if self.start.month == 1 else 'cuối'} năm {y}",
            YEARS: lambda: f"giai đoạn {y} – {self.end.year}",
            QD06: lambda: (f"năm báo cáo {self.end.year} (từ ngày {_dmy(self.start)} "
                           f"đến ngày {_dmy(self.end)})"),
            RANGE: lambda: f"từ ngày {_dmy(self.start)} đến ngày {_dmy(self.end)}",
        }[self.kind]()


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth"}[n]


def _dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(_("year %(year)s is outside %(first)s–%(last)s") % {
            "year": year, "first": MIN_YEAR, "last": MAX_YEAR})
    return year


def year_period(year: int) -> Period:
    _check_year(year)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR, str(year))


def quarter(year: int, number: int) -> Period:
    _check_year(year)
    start = dt.date(year, 3 * number - 2, 1)
    end = (dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1))
    return Period(start, end - dt.timedelta(days=1), QUARTER, f"{year}-Q{number}")


def half(year: int, number: int) -> Period:
    _check_year(year)
    if number == 1:
        return Period(dt.date(year, 1, 1), dt.date(year, 6, 30), HALF, f"{year}-H1")
    return Period(dt.date(year, 7, 1), dt.date(year, 12, 31), HALF, f"{year}-H2")


def years(first: int, last: int) -> Period:
    _check_year(first)
    _check_year(last)
    if last < first:
        raise PeriodError(_("the term %(first)s-%(last)s ends before it starts") % {
            "first": first, "last": last})
    if first == last:
        return year_period(first)
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), YEARS, f"{first}-{last}")


def qd06_year(year: int) -> Period:
    """The reporting year of QĐ 06/2020/QĐ-TTg: 15 December of the year before to
    14 December (conference reports are due on 15 December)."""
    _check_year(year)
    _check_year(year - 1)
    return Period(dt.date(year - 1, 12, 15), dt.date(year, 12, 14), QD06, f"{year}-QD06")


def date_range(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise PeriodError(_("the range ends (%(end)s) before it starts (%(start)s)") % {
            "end": _dmy(end), "start": _dmy(start)})
    _check_year(start.year)
    _check_year(end.year)
    return Period(start, end, RANGE, f"{start.isoformat()}/{end.isoformat()}")


_Y = r"(\d{4})"
_DASH = r"\s*(?:-|–|—|den|toi)\s*"
_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_DMY = r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:nam\s+)?{_Y}$"), "year"),
    (re.compile(rf"^(?:giai doan|nhiem ky|thoi ky|tu nam|tu)?\s*{_Y}{_DASH}(?:nam\s+)?{_Y}$"),
     "years"),
    (re.compile(rf"^{_Y}\s*-?\s*q([1-4])$"), "quarter_yq"),
    (re.compile(rf"^(?:quy|q)\s*(iv|iii|ii|i|[1-4])\s*(?:[./-]|nam|\s)\s*(?:nam\s+)?{_Y}$"),
     "quarter_qy"),
    (re.compile(rf"^{_Y}\s*-?\s*h([12])$"), "half_yh"),
    (re.compile(rf"^h([12])\s*[./-]?\s*{_Y}$"), "half_hy"),
    (re.compile(rf"^6 thang (dau|cuoi) nam\s+{_Y}$"), "half_vi"),
    (re.compile(rf"^{_Y}\s*-?\s*qd\s*-?\s*0?6(?:/2020)?$"), "qd06"),
    (re.compile(rf"^(?:nam bao cao\s+){_Y}$"), "qd06"),
    (re.compile(rf"^{_ISO}\s*(?:/|\.\.)\s*{_ISO}$"), "iso_range"),
    (re.compile(rf"^(?:tu ngay\s+)?{_DMY}{_DASH}(?:ngay\s+)?{_DMY}$"), "dmy_range"),
]

ACCEPTED_FORMS = ("2022, 2024-Q1 (quý I.2024), 2024-H1, 2015-2020, 2024-QD06, "
                  "2024-01-01/2024-06-30")


def _date(year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise PeriodError(_("%(date)s is not a date") % {"date": f"{day}/{month}/{year}"}) from exc


def parse_period(text: str) -> Period:
    """The period ``text`` names, or ``PeriodError`` saying which forms are accepted."""
    key = fold(text or "")
    key = re.sub(r"\s+", " ", key).strip()
    for pattern, form in _PATTERNS:
        match = pattern.match(key)
        if not match:
            continue
        g = match.groups()
        if form == "year":
            return year_period(int(g[0]))
        if form == "years":
            return years(int(g[0]), int(g[1]))
        if form == "quarter_yq":
            return quarter(int(g[0]), int(g[1]))
        if form == "quarter_qy":
            return quarter(int(g[1]), _QUARTER_NUMBERS[g[0]])
        if form == "half_yh":
            return half(int(g[0]), int(g[1]))
        if form == "half_hy":
            return half(int(g[1]), int(g[0]))
        if form == "half_vi":
            return half(int(g[1]), 1 if g[0] == "dau" else 2)
        if form == "qd06":
            return qd06_year(int(g[0]))
        if form == "iso_range":
            return date_range(_date(*g[0:3]), _date(*g[3:6]))
        if form == "dmy_range":
            return date_range(_date(g[2], g[1], g[0]), _date(g[5], g[4], g[3]))
    raise PeriodError(_("“%(text)s” is not a period; write one of: %(forms)s") % {
        "text": text, "forms": ACCEPTED_FORMS})


def try_parse_period(text: str | None) -> Period | None:
    try:
        return parse_period(text or "")
    except PeriodError:
        return None

"""The extractor: prose in, figures (exchange format) out.

The pipeline, all over a folded copy of the text whose offsets are the NFC text's offsets
(:mod:`normalize`):

1. drop boilerplate (:mod:`boilerplate`); find the dateline, periods and places;
2. mask what only looks like a quantity: dates, times, document numbers ("04-CT/TW"), phone
   numbers, border markers ("mốc 262"), ordinals ("lần thứ XVII", "Kỳ họp lần 4");
3. find every number with its scale, denominator ("34/34") and unit (currency, %, km);
4. cut each clause into one *window* per number, running from the previous number's noun
   phrase to the next number's, so that each number sees its own verbs and nouns;
5. let the cue table (:mod:`rules`) decide the indicator, pair "422 đoàn/2.689 lượt", read
   the qualifier, the equivalent amount, the period and the place; merge repeats.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from . import numbers as nums
from .boilerplate import article_spans
from .lookbehind import compile as _compile
from .normalize import case_key, fold, nfc
from .periods import PeriodMention, document_date, find_periods, headline_period, opening_period
from .places import PROVINCES, document_place, find_places, is_subject
from .rules import (
    CHANGE_BEFORE,
    DOMAINS,
    DOMESTIC,
    EQUIVALENT,
    NOT_A_FIGURE_BEFORE,
    NUMBER_WORDS,
    PART_OF,
    QUALIFIERS,
    TARGET_BEFORE,
    TIMELESS,
    WEAK_DOMAIN_WORDS,
    Rule,
    active_rules,
)

__all__ = ["Figure", "extract"]


@dataclass(frozen=True)
class Figure:
    """One figure in the exchange format (``figures-format.md``)."""

    doc: str | None
    indicator: str
    value: Decimal
    unit: str
    of: Decimal | None
    qualifier: str
    period: str | None
    place: str | None
    equivalent: tuple[Decimal, str] | None
    start: int
    end: int
    text: str
    #: The words that decided the reading, for the reviewer: ``(("indicator", "thỏa thuận ·
    #: ký kết"), ("period", "Năm 2022"), ("place", "tỉnh Hà Giang"))``; the place is ("document
    #: place", ...) when the sentence names none. Not part of the exchange format.
    why: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "indicator": self.indicator,
            "value": nums.to_json_number(self.value),
            "unit": self.unit,
            "of": None if self.of is None else nums.to_json_number(self.of),
            "qualifier": self.qualifier,
            "period": self.period,
            "place": self.place,
            "equivalent": None
            if self.equivalent is None
            else {"value": nums.to_json_number(self.equivalent[0]), "unit": self.equivalent[1]},
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


# --- compiled patterns -------------------------------------------------------------------


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(p) for p in sorted({fold(p) for p in phrases}, key=len, reverse=True))


_N = nums.NUMBER
_QUANTITY = _compile(
    rf"(?=\d)(?<!\w)(?<!\d[.,:/])(?<![-–])(?P<num>{_N})(?![\d])(?![.,]\d)(?!\s*-\s*[^\W\d])"
    rf"(?:\s*/\s*(?P<den>{_N})(?![\d])(?![.,/]\d))?"
    rf"(?P<scale>(?:\s*(?:{nums.SCALE})(?!\w))*)"
    rf"(?:\s*(?P<pct>%|{fold('phần trăm')})"
    rf"|\s*(?P<km>km|{fold('ki-lô-mét')}|{fold('kilômét')}|{fold('cây số')})(?!\w)"
    rf"|\s*(?P<cur>{nums.CURRENCY}))?"
)
# Each pattern below starts with a digit; saying so first lets the engine skip every other
# position at once instead of trying each alternative there (seven times faster).
_MASKS = _compile(
    r"(?=\d)(?:"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)?\d\d(?!\d)"  # 06/7/2011, 22-4-2021
    r"|\d{1,2}\s*:\s*\d{2}(?!\d)"  # 09:48
    r"|\d+(?:\s*[-/]\s*[^\W\d_]{1,6})+(?!\w)"  # 04-CT/TW, 36-KH/TU, 22-NQ/TW
    r"|(?<![\d.,])0\d{2,}(?:[ .]?\d{2,})*"  # 0219 3866 xxx
    r"|(?<![\d.,])\d{7,}(?![\d.,])"  # 18001282
    r")"
)
_NOT_A_FIGURE_RE = _compile(r"(?<!\w)(?:" + _alternation(NOT_A_FIGURE_BEFORE) + r")\s*$")
# "Hải Phòng 900 triệu USD" in a ranking: "phòng" (a room, an office) ends a province's name.
_PROVINCE_END = _compile(r"(?<!\w)(?:" + _alternation(PROVINCES) + r")\s*$")
_COUNTING_SO = _compile(fold(r"(?:tổng|trong|với|có) số\s*$"))
_QUALIFIER_RE = _compile(r"(?<!\w)(" + _alternation(QUALIFIERS) + r")\s*$")
_QUALIFIER_BY_KEY = {fold(k): v for k, v in QUALIFIERS.items()}
_CHANGE_RE = _compile(r"(?<!\w)(?:" + _alternation(CHANGE_BEFORE) + r")\s*$")
#: The base of a comparison in brackets: "vượt nhiều lần so với cùng kỳ năm 2023 (35,4 triệu USD)".
_COMPARISON_BASE_RE = _compile(r"(?<!\w)so với[^.;:()\n]{0,40}\(\s*$")
_COMPARED_BEFORE_BRACKET = _compile(r"(?<!\w)so với[^.;:()\n]{0,40}$")
# "với số vốn tăng thêm 242 triệu USD", "12 lượt dự án điều chỉnh tăng 190 triệu USD vốn": the
# capital the adjustments added, a level of the period (not "tổng vốn ... tăng thêm 518 triệu
# USD", the change of a total).
_ADDED_CAPITAL_RE = _compile(fold(r"(?:(?:với|và) (?:số )?vốn|điều chỉnh) tăng(?: thêm)?\s*$"))
#: The base itself after "so với" ("tăng 20% so với 35 dự án của năm trước", "gấp đôi so với
#: cùng kỳ năm 2023 là 120 triệu USD"): what the figure is compared with, not a result.
_COMPARED_WITH_RE = _compile(fold(r"(?<!\w)(?:so với|so cùng kỳ)[^\d.;:()\n,]{0,40}$"))
_SEPARATOR = _compile(fold(r",|;|\(|/| và | với | cùng | gồm | trong đó | bao gồm "))
_EQUIVALENT_RE = _compile(
    r"\s*[(,;-]?\s*(?:"
    + _alternation(EQUIVALENT)
    + r")\s*(?:"
    # "(tương đương xấp xỉ 25 tỷ đồng)": any qualifier may stand before the second amount
    + "|".join((fold("với"), _alternation(QUALIFIERS)))
    + rf")?\s*(?P<num>{_N})(?P<scale>(?:\s*(?:{nums.SCALE})(?!\w))*)\s*(?P<cur>{nums.CURRENCY})"
    r"\s*\)?"
)
_BRACKETED_EQUIVALENT = _compile(
    r"\s*\(\s*(?:(?:"
    + _alternation(QUALIFIERS)
    + rf")\s*)?(?P<num>{_N})(?P<scale>(?:\s*(?:{nums.SCALE})(?!\w))*)"
    + rf"\s*(?P<cur>{nums.CURRENCY})\s*\)"
)
_WITH = fold(" với ")
_QUALIFIER_ONLY = _compile(r"\s*(?:(?:" + _alternation(QUALIFIERS) + r")\s*)?")
# A full stop and a space, or a full stop the site glued to the next sentence ("chung cư.Tại
# thành phố ..."): a lower-case letter, the stop, a capital then a lower-case letter ("TP.HCM"
# and "1.500" are not sentence ends).
_SENTENCE_END = _compile(r"[.!?…]+[\"”’)»]*\s+|\.(?=[^\W\d_]{2})")
_CLAUSE_END = _compile(r"[;:]|\n")
# "(?<!phi )": "tổ chức phi chính phủ Hà Lan" is an NGO, not the Dutch government.
_DOMAIN_RES = {
    name: _compile(r"(?<!\w)(?<!phi )(?:" + _alternation(cues) + r")(?!\w)")
    for name, cues in DOMAINS.items()
}
_WEAK_DOMAIN = frozenset(fold(w) for w in WEAK_DOMAIN_WORDS)
# "Bộ Kế hoạch và Đầu tư" is a ministry, "Kế hoạch số 12" a document: neither is a plan; a plan
# met ("vượt kế hoạch vận động với 23 dự án", "hoàn thành mục tiêu") is a result.
_TARGET_RE = _compile(
    "".join(rf"(?<!{re.escape(fold(w))} )" for w in ("vượt", "đạt", "thành", "với"))
    + r"(?<!\w)(?:"
    + _alternation(TARGET_BEFORE)
    + r")(?!\w)"
    + fold(r"(?!\s+(?:(?:và|&)\s+)?đầu tư|\s+số|\s+\d)")
)
_PART_OF_RE = _compile(r"(?<!\w)(?:" + _alternation(PART_OF) + r")(?!\w)")
_NUMBER_WORD_VALUES = {fold(k): v for k, v in NUMBER_WORDS.items()}
_NUMBER_WORD_RE = _compile(r"(?<!\w)(" + _alternation(NUMBER_WORDS) + r")(?=\s)")
# "số thỏa thuận còn hiệu lực là 37": the noun comes before the number.
_PREDICATE_RE = _compile(
    fold(r"(?<!\w)số\s+([^,;()]{2,80}?)\s+(?:là|lên|lên tới|đạt|có)\s*:?\s*$")
)
# A period after the number is its own only when introduced as such ("đón 150 đoàn trong năm
# 2023"), not when it qualifies a noun ("thỏa thuận hợp tác giai đoạn 2022 - 2026").
_PERIOD_AFTER_INTRO = _compile(fold(r"(?:trong|vào|qua|suốt|của|,|\()\s*$"))
# A clause after a target that says it is about what was done ("đạt", "đã"), not a plan.
_RESULT_AFTER_TARGET = _compile(fold(r"(?<!\w)(?:đã|đạt|thực hiện được|kết quả)(?!\w)"))
_UP_TO_MONTH = _compile(fold(r"tính\s+(?:đến|tới)"))
_STOCK_VERB = _compile(fold(r"(?<!\w)(?:có|hiện có|còn|đang)(?!\w)"))
_FLOW_VERB = _compile(
    fold(
        r"(?<!\w)(?:thu hút|tiếp nhận|giải ngân|đón|tiếp|ký|cấp|vận động|huy động|tổ chức|cử"
        r"|triển khai|thực hiện|thành lập)(?!\w)"
    )
)
# "230 triệu USD/năm", "hơn 2 triệu USD mỗi năm": a yearly rate, not a period's amount (GRDP per
# head, "36,8 triệu đồng/người/năm", is its own rule).
_PER_TIME_AFTER = _compile(fold(r"\s*(?:/\s*|mỗi\s+|một\s+)(?:năm|tháng|ngày|tuần)(?!\w)"))
# "bình quân hơn 5,9 triệu USD/dự án": an average per project, not an amount.
_PER_UNIT_AFTER = _compile(
    fold(
        r"\s*(?:/\s*|mỗi\s+|một\s+)(?:dự án|chương trình|khoản|người|hộ|đoàn|lượt|doanh nghiệp"
        r"|trường hợp|căn|ngôi nhà|nhà|suất|phần quà|em|học sinh|cháu|công trình|con|chiếc)(?!\w)"
    )
)
# "mỗi căn nhà trị giá 60 triệu đồng", "hỗ trợ mỗi hộ 5 triệu đồng": a value per house or head.
_PER_UNIT_BEFORE = _compile(
    fold(
        r"(?<!\w)(?:mỗi|một|1)\s+(?:căn|ngôi nhà|nhà|suất|phần quà|hộ|người|em|học sinh|cháu"
        r"|công trình|chiếc|con)(?!\w)"
    )
)
_OF_BEFORE = _compile(fold(r"(?<!\w)của\s*$"))
_RANKING_NEXT = _compile(
    fold(
        r"(?<!\w)(?:tiếp theo là|tiếp đến là|kế đến là|sau đó là|đứng thứ (?:hai|ba|tư|năm|\d+))"
        r"(?!\w)"
    )
)
_AVERAGE_EACH = _compile(fold(r"(?<!\w)(?:bình quân|trung bình)\s+(?:mỗi|một|1)\s"))
# "điều chỉnh vốn cho 113 dự án", "góp vốn mua cổ phần từ 268 dự án": counts of adjustments and
# of share purchases, not of FDI projects, unless the words say new ones are among them.
_ADJUSTED_BEFORE = _compile(fold(r"(?<!\w)(?:điều chỉnh|góp vốn|mua cổ phần)(?!\w)"))
_NEW_BEFORE = _compile(fold(r"(?<!\w)(?:cấp mới|mới)(?!\w)"))
_OF_ONLY = _compile(fold(r"\s+của\s+"))
# "Trung bình hàng tháng ... đưa ba đoàn với khoảng 50 ngư dân": a rate, not a period's result.
_RATE_RE = _compile(
    fold(
        r"(?<!\w)(?:trung bình|bình quân|hằng tháng|hàng tháng|mỗi tháng|hằng năm|hàng năm|mỗi năm"
        r"|hằng ngày|hàng ngày|mỗi ngày|hằng tuần|hàng tuần|mỗi tuần)(?!\w)"
    )
)
# The figure's sentence is about the whole country: "Cả nước có 166 dự án mới", "tổng vốn đăng
# ký FDI vào Việt Nam đạt ...".
_NATIONAL_SUBJECT = _compile(
    fold(
        r"(?<!\w)(?:cả nước có|toàn quốc có|(?:vào|cho|du lịch|ngành du lịch|kinh tế|nền kinh tế"
        r"|xuất khẩu của) việt nam|việt nam (?:đã|đón|thu hút|và lào|và trung quốc|và campuchia)"
        # "10 địa phương thu hút nhiều vốn FDI nhất ... đạt 8,66 tỷ USD": several provinces'
        r"|\d+ địa phương (?:thu hút|dẫn đầu|có|chiếm))"
        r"(?!\w)"
    )
)
# "Với tổng vốn đầu tư đăng ký hơn 1,39 tỷ USD, ..., TP Hồ Chí Minh đã vượt qua Bắc Giang": the
# figure opens the sentence and its owner comes after it.
_WITH_OPENING = _compile(fold(r"\s*với\s"))
_NATIONAL_RE = _compile(fold(r"(?<!\w)(?:cả nước|toàn quốc|việt nam)(?!\w)"))
# "Cụ thể, trong 3 tháng đầu năm 2023, địa phương có 18 dự án": the province named before.
_ANAPHORA = _compile(fold(r"(?<!\w)(?:địa phương|tỉnh này|thành phố này|địa phương này)(?!\w)"))
# A paragraph opening so details the one before it, whose period it keeps.
_STATUS_RE = _compile(
    fold(
        r"(?<!\w)(?:cấp phép|giấy phép|có đăng ký|chưa đăng ký|không đăng ký|hợp pháp|trái phép"
        r"|nam giới|nữ giới|\d[\d.,]*\s+(?:nam|nữ))(?!\w)"
    )
)
_PART_OPENING = _compile(fold(r"\s*(?:trong đó|trong số đó|trong số này)\s*[,:]"))
_DETAIL_OPENING = _compile(fold(r"\s*(?:cụ thể|theo đó|trong đó)\s*[,:]"))
_PERIOD_OPENS = _compile(fold(r"(?:trong|năm|quý|từ|qua|cả năm)\b"))
_PERSON_NOUN = _compile(
    fold(
        r"\s*(?:lượt người|lượt cán bộ|lượt khách|lượt|người|cán bộ|thành viên|khách"
        r"|đại biểu)(?!\w)"
    )
)
# "157 dự án FDI còn hiệu lực": a stock, whatever period the paragraph is about.
# "Cứ 100 đô la vốn FDI thì có 41 đô la đầu tư vào Đông Nam bộ": a ratio, not two amounts.
_RATIO_RE = _compile(fold(r"(?<!\w)cứ\s+(?:(?:khoảng|hơn|gần|trên)\s+)?\d"))
# "185 dự án đăng ký đầu tư (trong đó có 33 dự án nước ngoài)": a count of all investment whose
# foreign part follows it; the whole is not FDI.
_FOREIGN_PART_AFTER = _compile(
    fold(r"[^.;\d]{0,60}?(?:trong đó|trong số đó|gồm)\s*(?:có\s*)?(?:\D{0,6})?\d[^.;()]{0,40}?")
    + r"(?:"
    + _alternation(DOMAINS["fdi"] + ("nước ngoài",))
    + r")(?!\w)"
)
_DOMESTIC_RE = _compile(r"(?<!\w)(?:" + _alternation(DOMESTIC) + r")(?!\w)")
# "87 dự án còn hiệu lực với tổng vốn ... hơn 5.190 tỷ đồng và gần 120 triệu USD, trong đó có 21
# dự án FDI", "Trong tổng số 11 dự án ..., có 7 dự án là vốn đầu tư nước ngoài (FDI)", "có 30 dự án
# (7 dự án FDI)": a count of all projects whose foreign part is counted later in its sentence.
_FOREIGN_COUNT = _compile(
    fold(r"(?<![\w.,])\d[\d.,]*\s+dự án\s+(?:là\s+)?(?:có\s+)?(?:vốn\s+)?")
    + r"(?:"
    + _alternation(("fdi", "đầu tư nước ngoài", "đầu tư trực tiếp nước ngoài", "nước ngoài"))
    + r")(?!\w)"
)
_MARKED_FOREIGN = _compile(
    fold(r"\s*(?:dự án\s+)?(?:là\s+)?(?:có\s+)?(?:vốn\s+)?")
    + r"(?:"
    + _alternation(("fdi", "đầu tư nước ngoài", "đầu tư trực tiếp nước ngoài", "nước ngoài"))
    + r")(?!\w)"
)
# Domestic money beside foreign in one statement: "19 dự án FDI với tổng số vốn đăng ký 5.572,8 tỷ
# đồng và 148,9 triệu USD", "317,021 triệu USD và 2.463,147 tỷ đồng": the đồng are domestic.
_USD_AFTER = _compile(
    fold(
        r"\s*và\s+(?:(?:khoảng|hơn|gần|trên)\s+)?\d[\d.,]*\s*(?:triệu|tỷ|tỉ|nghìn)?\s*(?:usd|đô la)"
    )
)
_USD_BEFORE = _compile(fold(r"(?:usd|đô la mỹ|đô la)\s+và\s*$"))
# Projects revoked ("thu hồi 10 dự án với tổng vốn đầu tư 131,8 triệu USD", "24 dự án ... bị thu
# hồi") are no result of the period.
_REVOKED = _compile(fold(r"(?<!\w)(?:thu hồi|chấm dứt hoạt động)(?!\w)"))
_STOCK_AFTER = _compile(fold(r"(?<!\w)(?:còn hiệu lực)(?!\w)"))
_RESPECTIVELY = _compile(fold(r"(?<!\w)lần lượt(?!\w)"))
_ACCUMULATED = _compile(fold(r"(?<!\w)(?:lũy kế|luỹ kế)(?!\w)"))
_PART_OF_STOCK = _compile(fold(r"\s*(?:trong đó|trong số đó)(?!\w)"))
# A count of partners written as a word ("hai địa phương") is the two parties of the text unless
# it is what the province has relations with ("kết nghĩa với hai địa phương của Lào").
# Crimes handled with the other side's border force are not consular cases.
_CRIME_RE = _compile(fold(r"(?<!\w)(?:trái phép|truy nã|buôn lậu|tội phạm)(?!\w)"))
_PARTIES_IN_WORDS = frozenset({"partners.foreign_localities"})
_WITH_BEFORE = _compile(fold(r"(?<!\w)với\s*$"))
_PERSON_FOLLOWS_DELEGATION = {
    "delegations.outgoing": "delegations.outgoing_persons",
    "delegations.incoming": "delegations.incoming_persons",
}
_CUE_CACHE: dict[str, tuple[re.Pattern[str], bool]] = {}
# "6 ngư dân bị Malaysia bắt giữ", "21 ngư dân tỉnh Cà Mau bị bắt tại Thái Lan": people held
# abroad, not citizens helped, unless the clause says they were freed or handed back.
_ARRESTED_AFTER = _compile(
    fold(r"[^.;,()\n]{0,40}?(?<!\w)bị\s+(?:[^.;,()\n]{0,25}?\s)?(?:bắt|giam giữ|tạm giữ)(?!\w)")
)
_FREED = _compile(
    fold(
        r"(?<!\w)(?:được thả|thả tự do|trả tự do|trao trả|về nước|hồi hương|giải cứu|bảo hộ"
        r"|xử lý|giải quyết)(?!\w)"
    )
)
# "vượt xa mức khiêm tốn chỉ hơn 225 triệu USD của cả năm 2022": the level compared with.
_COMPARED_LEVEL = _compile(
    fold(r"(?<!\w)(?:vượt xa|vượt|cao hơn|thấp hơn|gấp|bằng|so với)\s+mức(?!\w)[^\d.;:()\n]{0,30}$")
)
# "680 dự án ..., trong đó đã có 414 dự án đi vào hoạt động": projects by status, the same
# projects as the stock they break down.
_OPERATING_AFTER = _compile(
    fold(r"\s*(?:fdi\s+)?(?:đã\s+|đang\s+)?(?:đi vào\s+)?hoạt động(?!\w)")
)
# "chiếm gần 32% tổng vốn FDI ... của cả nước (10,13 tỉ USD)": the country's total, and "các
# tỉnh miền Trung hiện có 2.151 dự án FDI": a region's.
_NATIONAL_IN_BRACKETS = _compile(fold(r"(?<!\w)(?:của|trên|toàn|cả) (?:cả )?nước\s*\(\s*$"))
_REGION_SUBJECT = _compile(
    fold(
        r"(?<!\w)(?:các tỉnh|các địa phương)(?:,? thành phố)?(?: thuộc)?"
        r" (?:miền|vùng|khu vực)(?!\w)"
    )
)
_APPROVED_RE = _compile(fold(r"(?<!\w)phê duyệt(?: việc)? tiếp nhận(?!\w)"))
_SPENT_RE = _compile(fold(r"(?<!\w)(?:giải ngân|đã thực hiện|thực hiện được)(?!\w)"))
_NGO_BASES = frozenset({"ngo.amount_committed", "ngo.amount_disbursed"})


def _cue(phrase: str) -> tuple[re.Pattern[str], bool]:
    """A compiled cue; the flag says it must stand right before the number (``$``)."""
    cached = _CUE_CACHE.get(phrase)
    if cached is None:
        anchored = phrase.endswith("$")
        body = re.escape(fold(phrase.rstrip("$")))
        pattern = rf"(?<!\w){body}\s*$" if anchored else rf"(?<!\w){body}(?!\w)"
        cached = _CUE_CACHE[phrase] = (_compile(pattern), anchored)
    return cached


# --- the engine ----------------------------------------------------------------------------


@dataclass
class _Quantity:
    start: int  # the number (or its qualifier) as stated
    num_start: int
    end: int  # end of number, scale and unit
    value: Decimal
    of: Decimal | None
    kind: str  # "count" | "money" | "percent" | "km"
    unit: str | None
    qualifier: str
    head_end: int  # end of the longest known noun after the number (counts), else ``end``
    equivalent: tuple[Decimal, str] | None = None
    change: bool = False


@dataclass
class _Segments:
    """Sentence, clause and paragraph boundaries, for bisecting."""

    sentences: list[int]
    clauses: list[int]
    paragraphs: list[int]
    length: int

    @staticmethod
    def _around(starts: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i], starts[i + 1] if i + 1 < len(starts) else length

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(self.sentences, pos, self.length)

    def clause(self, pos: int) -> tuple[int, int]:
        return self._around(self.clauses, pos, self.length)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self._around(self.paragraphs, pos, self.length)


def _segments(cased: str) -> _Segments:
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n", cased)]
    sentences = set(paragraphs)
    for m in _SENTENCE_END.finditer(cased):
        nxt = cased[m.end() : m.end() + 2]
        if m.end() - m.start() == 1 and not (
            m.start() > 0
            and cased[m.start() - 1].islower()
            and nxt[:1].isupper()
            and nxt[1:].islower()
        ):
            continue
        if nxt and (
            nxt[0].isupper() or nxt[0].isdigit() or nxt[:1] in '"“‘(' and nxt[1:].isupper()
        ):
            sentences.add(m.end())
    clauses = set(sentences) | {m.end() for m in _CLAUSE_END.finditer(cased)}
    return _Segments(sorted(sentences), sorted(clauses), paragraphs, len(cased))


class _Extractor:
    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        nouns = [r.noun_re.pattern[len(r"\s*(?:") : -len(r")(?!\w)")] for r in rules if r.noun_re]
        self.any_noun = _compile(r"\s*(?:" + "|".join(nouns) + r")(?!\w)") if nouns else None

    # -- quantities --

    def quantities(self, folded: str, spans: list[tuple[int, int]], masked: list[tuple[int, int]]):
        found: list[_Quantity] = []
        consumed: set[int] = set()
        mask_starts = [s for s, _ in masked]
        for span_start, span_end in spans:
            for m in _QUANTITY.finditer(folded, span_start, span_end):
                if m.start() in consumed:
                    continue
                i = bisect.bisect_right(mask_starts, m.start()) - 1
                if i >= 0 and masked[i][1] > m.start():
                    continue
                line_start = folded.rfind("\n", 0, m.start()) + 1
                before = folded[max(line_start, m.start() - 40) : m.start()]
                if (
                    _NOT_A_FIGURE_RE.search(before)
                    and not _COUNTING_SO.search(before)
                    and not _PROVINCE_END.search(before)
                ):
                    continue
                q = self._quantity(folded, m, before)
                if q is None:
                    continue
                eq = _EQUIVALENT_RE.match(folded, q.end) if q.kind == "money" else None
                if eq is None and q.kind == "money":
                    # "gần 7,836 triệu USD (khoảng 172 tỷ đồng)": the same money in another currency
                    eq = _BRACKETED_EQUIVALENT.match(folded, q.end)
                    if eq and nums.currency_code(eq.group("cur")) == q.unit:
                        eq = None
                if eq:
                    value = nums.parse_number(eq.group("num")) * nums.parse_scale(eq.group("scale"))
                    q.equivalent = (
                        nums.normalise_decimal(value),
                        nums.currency_code(eq.group("cur")),
                    )
                    consumed.add(eq.start("num"))
                found.append(q)
            found.extend(self._number_words(folded, span_start, span_end, masked, mask_starts))
        found.sort(key=lambda q: q.num_start)
        return found

    def _number_words(self, folded, span_start, span_end, masked, mask_starts):
        """ "hai đoàn", "ba hội nghị": small counts written as words, right before a known noun."""
        if self.any_noun is None:
            return
        for m in _NUMBER_WORD_RE.finditer(folded, span_start, span_end):
            hm = self.any_noun.match(folded, m.end())
            if not hm:
                continue
            i = bisect.bisect_right(mask_starts, m.start()) - 1
            if i >= 0 and masked[i][1] > m.start():
                continue
            line_start = folded.rfind("\n", 0, m.start()) + 1
            before = folded[max(line_start, m.start() - 40) : m.start()]
            if _NOT_A_FIGURE_RE.search(before) or re.search(r"\d\s*$", before):
                continue
            value = Decimal(_NUMBER_WORD_VALUES[m.group(1)])
            yield _Quantity(m.start(), m.start(), m.end(), value, None, "count", None, "exact",
                            hm.end())  # fmt: skip

    def _quantity(self, folded: str, m: re.Match[str], before: str) -> _Quantity | None:
        value = nums.parse_number(m.group("num")) * nums.parse_scale(m.group("scale") or "")
        of = nums.parse_number(m.group("den")) if m.group("den") else None
        if m.group("cur"):
            kind, unit = "money", nums.currency_code(m.group("cur"))
        elif m.group("pct"):
            kind, unit = "percent", "percent"
        elif m.group("km"):
            kind, unit = "km", "km"
        else:
            kind, unit = "count", None
        qualifier = "exact"
        start = m.start()
        qm = _QUALIFIER_RE.search(before)
        if qm:
            qualifier = _QUALIFIER_BY_KEY[qm.group(1)]
            start = m.start() - (len(before) - qm.start())
        change = (
            bool(_CHANGE_RE.search(folded[max(0, start - 20) : start]))
            and not _ADDED_CAPITAL_RE.search(folded[max(0, start - 40) : start])
        ) or bool(_COMPARISON_BASE_RE.search(folded[max(0, start - 60) : start]))
        if not change:
            # "So với giai đoạn 2017- 2019 (đạt 51 khoản, vốn tài trợ là 5,087 triệu USD, ...)":
            # every number inside the brackets of a comparison is its base
            near = folded[max(0, start - 160) : start]
            opening = near.rfind("(")
            change = (
                opening >= 0
                and ")" not in near[opening:]
                and bool(_COMPARED_BEFORE_BRACKET.search(near[:opening]))
            )
        head_end = m.end()
        if kind == "count" and self.any_noun is not None:
            hm = self.any_noun.match(folded, m.end())
            if hm:
                head_end = hm.end()
        return _Quantity(
            start,
            m.start(),
            m.end(),
            nums.normalise_decimal(value),
            of,
            kind,
            unit,
            qualifier,
            head_end,
            change=change,
        )

    # -- classification --

    def classify(self, folded: str, qs: list[_Quantity], segs: _Segments):
        """Yield (quantity, clause, before, window, window_end) for every quantity.

        The window of a number runs from the last separator between it and the previous
        number to the last separator before the next one; "422 đoàn/2.689 lượt" share theirs.
        """
        by_clause: dict[tuple[int, int], list[_Quantity]] = {}
        for q in qs:
            by_clause.setdefault(segs.clause(q.num_start), []).append(q)
        for (c0, c1), group in by_clause.items():
            group.sort(key=lambda q: q.num_start)
            splits = [c0]
            ends = []
            pairs = [False]
            for prev, cur in zip(group, group[1:], strict=False):
                gap = folded[prev.head_end : cur.start]
                seps = list(_SEPARATOR.finditer(gap))
                if (
                    seps
                    and seps[-1].group(0) == _WITH
                    and _QUALIFIER_ONLY.fullmatch(gap, seps[-1].end())
                ):
                    # "TP Hồ Chí Minh có số vốn đăng ký lớn nhất với 724,2 triệu USD": a "với"
                    # that introduces the number itself does not cut its words off.
                    seps.pop()
                splits.append(prev.head_end + seps[-1].end() if seps else prev.head_end)
                # Without a separator the words after a noun still describe it ("34 tổ chức
                # phi chính phủ nước ngoài đã tài trợ 92 dự án"): the window runs on to the next.
                ends.append(splits[-1] if seps else cur.start)
                pairs.append(gap.strip() == "/")
            splits.append(c1)
            ends.append(c1)
            for i, q in enumerate(group):
                lo = splits[i - 1] if i > 0 and pairs[i] else splits[i]
                if (
                    i > 0
                    and splits[i] == group[i - 1].head_end
                    and (
                        _OF_BEFORE.search(folded[splits[i - 1] : group[i - 1].start])
                        # "197 dự án của 38 tổ chức": the donors of those projects
                        or _OF_ONLY.fullmatch(folded, group[i - 1].head_end, q.start)
                    )
                ):
                    # "Tổng vốn cam kết ... của 28 chương trình, dự án là 1.174.012 USD": the count
                    # sits inside the amount's noun phrase, whose words are the amount's too.
                    lo = splits[i - 1]
                hi = ends[i + 1] if i + 1 < len(group) and pairs[i + 1] else ends[i]
                yield q, (c0, c1), folded[lo : q.start], folded[lo:hi], hi

    def choose(
        self,
        folded: str,
        q: _Quantity,
        before: str,
        window: str,
        clause: str,
        domain,
        noun_at: int | None = None,
        sentence_start: int | None = None,
        sentence_end: int | None = None,
    ):
        """The best rule for ``q`` as (score, rule, end of its noun), or None.

        ``noun_at`` is where the noun is looked for (right after the number unless the text
        put it first: "số thỏa thuận còn hiệu lực là 37"). A required cue before the number
        counts for more than one after it: in "tham dự 15 hội nghị do Bộ Ngoại giao tổ chức"
        the conferences were attended, not organised.
        """
        noun_at = q.end if noun_at is None else noun_at
        best: tuple[int, Rule, int] | None = None
        for rule in self.rules:
            if rule.kind == "money":
                if q.kind != "money":
                    continue
            elif rule.kind in ("percent", "km"):
                if q.kind != rule.kind:
                    continue
            elif q.kind != "count":
                continue
            head_end = q.end
            if rule.noun_re is not None:
                hm = rule.noun_re.match(folded, noun_at)
                if not hm:
                    continue
                head_end = hm.end() if noun_at == q.end else q.end
            far = False
            if rule.domain is not None:
                found, far = domain()
                if found != rule.domain:
                    continue
            if any(_cue(f)[0].search(window) for f in rule.forbid):
                continue
            if rule.require_in_sentence and not any(
                _cue(f)[0].search(folded[sentence_start or 0 : sentence_end])
                for f in rule.require_in_sentence
            ):
                continue
            if rule.forbid_in_sentence and any(
                _cue(f)[0].search(folded[sentence_start or 0 : q.start])
                for f in rule.forbid_in_sentence
            ):
                continue
            scope = clause if rule.scope == "clause" else window
            if rule.scope == "clause" and clause.rstrip().endswith(":"):
                # "3 đồn biên phòng: Phú Gia, Hòa Hải, Hương Quang ... ký kết nghĩa": the list
                # after the colon is the count's own.
                scope = folded[sentence_start or 0 : sentence_end]
            score = rule.weight
            ok = True
            for group in rule.require:
                hits = [len(c) for c in group if self._hit(c, before, scope)]
                if not hits:
                    ok = False
                    break
                score += max(hits)
                if any(self._hit(c, before, before) for c in group):
                    score += 20
            if not ok:
                continue
            cue_score = sum(len(c) for c in rule.cues if self._hit(c, before, window))
            if far and not (rule.require or rule.nouns or cue_score):
                continue  # a domain from another sentence is too weak on its own
            score += cue_score
            if best is None or score > best[0]:
                best = (score, rule, head_end)
        return best

    @staticmethod
    def _hit(phrase: str, before: str, text: str) -> bool:
        pattern, anchored = _cue(phrase)
        return bool(pattern.search(before.rstrip() if anchored else text))


def _domain_of(text: str, weak: bool = True) -> str | None:
    for name, pattern in _DOMAIN_RES.items():
        for m in pattern.finditer(text):
            if weak or m.group(0) not in _WEAK_DOMAIN:
                return name
    return None


def _domain_for(
    folded: str,
    q,
    before: str,
    window_end: int,
    s0: int,
    previous,
    p_lo: int,
    in_sentence=None,
    document: str | None = None,
) -> tuple[str | None, bool]:
    """The aid or investment a number is about, and whether that was found far from it.

    Its own words first, the explicit ones ("ODA", "FDI", "phi chính phủ") before the generic
    ("tài trợ", "viện trợ": the World Bank "tài trợ" ODA too); then the figure it follows in
    its clause; then its generic words; then the nearest before it in its sentence; then,
    *far*, in its paragraph or the one before ("Giá trị giải ngân đạt 8,2 tỷ đồng." after a
    paragraph on NGO aid).

    ``document`` is the domain the title or the lead names explicitly ("9 tháng giải ngân gần
    63 tỷ yên vốn ODA Nhật Bản"): a generic word ("viện trợ không hoàn lại") defers to it, and a
    number with no word of its own takes it, far. ``in_sentence`` is the figure before this one
    in its sentence: in a ranking ("TP Hồ Chí Minh ... 724,2 triệu USD; Hải Dương 288,1 triệu
    USD") the later amounts are of the same kind.
    """
    after = folded[q.end : window_end]
    found = _domain_of(after, weak=False) or _domain_of(before, weak=False)
    if not found and previous and previous[0].split(".")[0] in DOMAINS:
        found = previous[0].split(".")[0]
    if not found:
        weak = _domain_of(after) or _domain_of(before)
        found = document if weak and document else weak
    if found:
        return found, False
    near = _nearest_domain(folded[s0 : q.start])
    if near:
        return document if document and near == "ngo" and _only_weak(
            folded[s0 : q.start]
        ) else near, False
    if in_sentence and in_sentence[0].split(".")[0] in DOMAINS:
        return in_sentence[0].split(".")[0], False
    return _nearest_domain(folded[p_lo:s0]) or document, True


def _only_weak(text: str) -> bool:
    """Whether the domain words of ``text`` are all generic ("viện trợ", "tài trợ")."""
    return _domain_of(text, weak=False) is None


def document_domain(folded: str, spans: list[tuple[int, int]]) -> str | None:
    """The aid or investment the title or the lead's first sentence names explicitly."""
    for start, end in spans[:6]:
        line = folded[start:end]
        if re.match(r"\s*https?://", line) or not line.strip():
            continue
        found = _domain_of(line[:300], weak=False)
        if found:
            return found
        if len(line.strip()) > 160:
            break  # past the lead's opening
    return None


def _nearest_domain(text: str) -> str | None:
    best = None
    for name, pattern in _DOMAIN_RES.items():
        for m in pattern.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    return best[1] if best else None


def _period(
    folded: str,
    mentions: list[PeriodMention],
    starts: list[int],
    q,
    segs: _Segments,
    clause_end: int,
    number_starts: list[int],
    default: str | None,
    year: int | None,
    window_end: int,
):
    """The period of ``q`` (see ANNOTATIONS.md, "Period"), and whether its sentence says it."""
    s0, _ = segs.sentence(q.num_start)
    p0, _ = segs.paragraph(q.num_start)
    if _DETAIL_OPENING.match(folded, p0):
        while p0 > 0:
            p0 = segs.paragraph(p0 - 1)[0]
            if folded[p0 : segs.paragraph(p0)[1]].strip():
                break
    lo = bisect.bisect_left(starts, p0)
    hi = bisect.bisect_left(starts, clause_end)
    nearby = [m for m in mentions[lo:hi] if m.kind in ("period", "now")]
    own = [m for m in nearby if m.start >= s0 and m.end <= q.start]
    if not own and any(
        m.kind == "term" and m.start >= s0 and m.end <= q.start for m in mentions[lo:hi]
    ):
        # "ký biên bản ghi nhớ ... Chương trình ... giai đoạn năm 2012-2016 với tổng kinh phí hỗ trợ
        # là 3.200.000 USD": a programme's money over its term, no period of its own
        return None, True
    if own:
        last = own[-1]
        if (
            _UP_TO_MONTH.match(folded, last.start)
            and _STOCK_VERB.search(folded, last.end, q.start)
            and not _FLOW_VERB.search(folded, last.end, q.start)
        ):
            # "Tính đến tháng 12-2014, cả nước có 76.309 lao động nước ngoài đang làm việc": what
            # there is at that date, a stock; "Tính đến tháng 10-2017, ... đã giải ngân" is a flow.
            return None, True
        if _STOCK_AFTER.search(folded, last.end, q.start):
            # "đến tháng 9/2018 tại các KCN có 338 dự án đầu tư còn hiệu lực; trong đó có 200 dự
            # án FDI": the parts of a stock are a stock too
            return None, True
        return last.value, True
    if _STOCK_AFTER.search(folded, q.end, window_end):
        return None, True
    if s0 > 0 and _PART_OF_STOCK.match(folded, s0):
        ps0, ps1 = segs.sentence(s0 - 1)
        if _STOCK_AFTER.search(folded, ps0, ps1) or _ACCUMULATED.search(folded, ps0, ps1):
            # "Luỹ kế ... có 243 dự án FDI còn hiệu lực ... Trong đó trong khu công nghiệp có 207
            # dự án": a breakdown of the stock before it
            return None, True
    after = [m for m in nearby if m.start >= q.end]
    if after and after[0].kind == "period":
        m = after[0]
        between = bisect.bisect_left(number_starts, m.start) - bisect.bisect_right(
            number_starts, q.num_start
        )
        gap = folded[q.end : m.start]
        introduced = _PERIOD_AFTER_INTRO.search(gap) or _PERIOD_OPENS.match(folded, m.start)
        # "57 đoàn ..., trong đó riêng quý III/2024 đón 18 đoàn": the quarter is the part's.
        if between == 0 and introduced and not _PART_OF_RE.search(gap):
            return m.value, True
    # A plan for a later year ("tổ chức ... trong năm 2026") sets no context for results.
    earlier = [m for m in nearby if m.start < s0 and m.kind == "period" and not _later(m, year)]
    if earlier:
        return earlier[-1].value, False
    return default, False


def _respective_place(text, folded, places, quantities, q, s0, s1) -> str | None:
    """The place "lần lượt" pairs with the amount ``q``: the k-th of the last places named.

    "Theo sau là Hải Phòng, Hưng Yên, Gia Lai, với vốn FDI ... lần lượt đạt 1,2 tỷ USD; 1,1 tỷ USD
    và 1 tỷ USD": the k-th amount after "lần lượt" is the k-th place named before it.
    """
    m = _RESPECTIVELY.search(folded, s0, q.start)
    if m is None:
        return None
    named = [(a, b) for a, b in places if s0 <= a and b <= m.start()]
    amounts = [x for x in quantities if x.kind == "money" and m.end() <= x.num_start < s1]
    if len(amounts) < 2 or len(named) < len(amounts) or q not in amounts:
        return None
    named = named[-len(amounts) :]  # "Theo sau Hà Nội là A, B, C ... lần lượt": the last ones
    a, b = named[amounts.index(q)]
    return " ".join(text[a:b].split())


def _domestic(folded: str, lo: int, start: int, hi: int) -> bool:
    """Whether the figure at ``start`` is domestic investment.

    Either its clause names domestic investment and no foreign one, or the domestic words come
    after the last foreign ones before it: "200 dự án FDI với ... 2.492,17 triệu USD và 138 dự án
    trong nước với tổng vốn đầu tư đăng ký là 25.227,75 tỷ đồng".
    """
    domestic = [m.start() for m in _DOMESTIC_RE.finditer(folded, lo, start)]
    if not domestic:
        return False
    if not _DOMAIN_RES["fdi"].search(folded, lo, hi):
        return True
    foreign = [m.start() for m in _DOMAIN_RES["fdi"].finditer(folded, lo, start)]
    return bool(foreign) and domestic[-1] > foreign[-1]


def _later(mention: PeriodMention, year: int | None) -> bool:
    return bool(year and mention.value and int(mention.value[:4]) > year)


def _part_of(engine: _Extractor, folded: str, q, previous):
    """A breakdown of the figure before it: "186 đoàn ..., trong đó có 11 đoàn cấp Bộ trưởng".

    When no rule fits on its own words, a number introduced by "trong đó", "riêng" takes the
    indicator of the previous figure of its sentence, provided it counts the same thing.
    """
    if previous is None or q.kind != "count":
        return None
    if not _PART_OF_RE.search(folded[previous[1] : q.start]):
        return None
    if _STATUS_RE.search(folded, previous[1], q.end + 40):
        # "Trong đó, số lao động không thuộc diện cấp phép lao động là 5.610 người", "gồm 9 nữ":
        # the same people by sex or legal status, not a part of the figure
        return None
    rule = next((r for r in engine.rules if r.indicator == previous[0]), None)
    if rule is None or rule.noun_re is None:
        return None
    hm = rule.noun_re.match(folded, q.end)
    return (0, rule, hm.end()) if hm else None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_DEFAULT: _Extractor | None = None


def _extractor() -> _Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = _Extractor(active_rules())
    return _DEFAULT


def _once(compute):
    """``compute`` called at most once: the rules that need the domain ask for it in turn."""
    result = []

    def call():
        if not result:
            result.append(compute())
        return result[0]

    return call


def extract(text: str, doc: str | None = None, published: date | None = None) -> list[Figure]:
    """Every figure of the catalogue that ``text`` states, in order of appearance.

    ``doc`` is the document's file name (its folder is dropped); ``published`` the date the
    document was written, which relative periods ("Trong 10 năm") are resolved against; when
    it is not given the article's own dateline is used if it has one.
    """
    engine = _extractor()
    text = nfc(text)
    cased = case_key(text)
    folded = cased.lower() if len(cased.lower()) == len(cased) else fold(text)
    spans = article_spans(text, folded)
    if published is None:
        published = document_date(text, spans)
    year = published.year if published else None
    mentions = find_periods(folded, year, published)
    mention_starts = [m.start for m in mentions]
    default_period = opening_period(folded, spans, mentions) or headline_period(
        folded, spans, mentions
    )
    doc_domain = document_domain(folded, spans)
    title_end = _title_end(folded, spans)
    places = find_places(cased)
    home = document_place(text, cased, spans, places)
    place_starts = [s for s, _ in places]
    masked = _merge(
        [(m.start, m.end) for m in mentions]
        + [(m.start(), m.end()) for m in _MASKS.finditer(folded)]
    )
    segs = _segments(cased)
    doc_name = os.path.basename(doc) if doc else doc

    figures: list[Figure] = []
    seen: set[tuple] = set()
    last_in_clause: dict[tuple[int, int], tuple[str, int]] = {}
    last_in_sentence: dict[int, tuple[str, int]] = {}
    mixed_until: dict[int, int] = {}
    period_in_clause: dict[tuple[int, int], str | None] = {}
    last_subject_in_paragraph: dict[int, str] = {}
    quantities = engine.quantities(folded, spans, masked)
    number_starts = [q.num_start for q in quantities]
    for q, clause, before, window, hi in engine.classify(folded, quantities, segs):
        if q.change:
            continue
        s0, s1 = segs.sentence(q.num_start)
        if _TARGET_RE.search(folded[max(s0, clause[0]) : q.start]):
            continue  # a target ("phấn đấu đón 80 đoàn"), not a result
        if (
            clause[0] > s0
            and _TARGET_RE.search(folded[s0 : clause[0]])
            and not _RESULT_AFTER_TARGET.search(folded, clause[0], q.start)
        ):
            continue  # "... đặt mục tiêu phấn đấu đón 17-18 triệu lượt khách; phục vụ 110 triệu"
        if q.kind == "count" and _RATE_RE.search(folded[max(s0, clause[0]) : q.start]):
            continue  # a rate ("trung bình hàng tháng ... 50 ngư dân"), not a result
        if q.kind == "money" and _AVERAGE_EACH.search(folded[max(s0, clause[0]) : q.start]):
            continue  # "với bình quân mỗi dự án đạt hơn 2,2 triệu USD": an average
        if _RATIO_RE.search(folded, s0, q.num_start + 1):
            continue  # "Cứ 100 đô la ... thì có 41 đô la": a ratio
        if q.kind == "money" and _PER_UNIT_BEFORE.search(folded[max(s0, clause[0]) : q.start]):
            continue  # "mỗi căn nhà trị giá 60 triệu đồng": a value per house
        if _COMPARED_WITH_RE.search(folded, max(s0, clause[0], q.start - 60), q.start):
            continue  # "so với 35 dự án cùng kỳ": the base of a comparison
        if _COMPARED_LEVEL.search(folded, max(s0, clause[0], q.start - 60), q.start):
            continue  # "vượt xa mức ... hơn 225 triệu USD của cả năm 2022": the level compared with
        clause_text = folded[clause[0] : clause[1]]
        previous = last_in_clause.get(clause)
        p0, _ = segs.paragraph(q.num_start)
        p_lo = segs.paragraph(p0 - 1)[0] if p0 > 0 else p0

        domain = _once(
            functools.partial(
                _domain_for,
                folded,
                q,
                before,
                hi,
                s0,
                previous,
                p_lo,
                last_in_sentence.get(s0),
                doc_domain,
            )
        )

        indicator = head_end = None
        paired = (
            previous is not None
            and previous[0] in _PERSON_FOLLOWS_DELEGATION
            and q.kind == "count"
            and _PERSON_NOUN.match(folded, q.end)
            and not re.search(r"\d", folded[previous[1] : q.start])
        )
        if paired:
            indicator = _PERSON_FOLLOWS_DELEGATION[previous[0]]
            head_end = _PERSON_NOUN.match(folded, q.end).end()
        else:
            noun_at = None
            if q.kind == "count" and q.head_end == q.end:
                pm = _PREDICATE_RE.search(folded, max(s0, clause[0]), q.start)
                if pm and pm.end() == q.start:
                    noun_at = pm.start(1)
            best = engine.choose(
                folded, q, before, window, clause_text, domain, noun_at, s0, s1
            )  # fmt: skip
            if best is None:
                best = _part_of(engine, folded, q, last_in_sentence.get(s0))
            if (
                best is None
                and figures
                and _PART_OPENING.match(folded, s0)
                and figures[-1].end >= segs.paragraph(q.num_start)[0]
            ):
                # "... có hơn 7.400 người nước ngoài thường xuyên lưu trú. Trong đó, 6.232 người
                # làm việc tại ...": a breakdown of the sentence before
                best = _part_of(engine, folded, q, (figures[-1].indicator, s0))
            if best is None and figures and _RANKING_NEXT.search(folded, s0, q.start):
                # "Tiếp theo là Hà Nội với gần 1,14 tỉ USD": the next place of the ranking the
                # sentence before began, so the same indicator as its last figure
                last = figures[-1]
                if last.unit == (q.unit or last.unit) and q.kind == "money":
                    rule = next(r for r in engine.rules if r.indicator == last.indicator)
                    best = (0, rule, q.end)
            if best is None:
                continue
            _, rule, head_end = best
            indicator = rule.indicator
        if (
            indicator == "fdi.projects"
            and _ADJUSTED_BEFORE.search(before)
            and not _NEW_BEFORE.search(before)
        ):
            # "các nhà đầu tư ... đã điều chỉnh vốn cho 113 dự án, bổ sung thêm hơn 303 triệu
            # USD": not a count of projects, but what the amount after it is about
            last_in_clause[clause] = (indicator, head_end)
            last_in_sentence[s0] = (indicator, head_end)
            continue
        if indicator.startswith("fdi.") and _domestic(folded, max(s0, clause[0]), q.start, hi):
            continue  # "30 dự án đầu tư trong nước với tổng vốn 9.000 tỷ đồng": domestic money
        if (
            indicator == "fdi.projects"
            and (fm := _FOREIGN_PART_AFTER.match(folded, head_end))
            and _domain_of(before + folded[q.end : fm.start(0) + fm.group(0).find("trong")], False)
            != "fdi"
        ):
            continue  # "185 dự án (trong đó có 33 dự án nước ngoài)": all investment, not FDI
        if indicator.startswith("fdi.") and (
            _REVOKED.search(folded, max(s0, clause[0]), clause[1])
            or re.search(fold(r"bị thu hồi này"), folded[s0 : q.start])
        ):
            continue  # "thu hồi 10 dự án với tổng vốn đầu tư 131,8 triệu USD": projects revoked
        if (
            indicator == "fdi.projects"
            and not _MARKED_FOREIGN.match(folded, q.end)
            and (fc := _FOREIGN_COUNT.search(folded, head_end, s1))
        ):
            # "87 dự án còn hiệu lực ..., trong đó có 21 dự án FDI": all projects, not FDI; the
            # amounts told of them before the foreign part are not FDI capital either
            mixed_until[s0] = fc.start()
            continue
        if indicator == "fdi.capital" and q.start < mixed_until.get(s0, -1):
            continue  # "87 dự án ... gần 120 triệu USD, trong đó có 21 dự án FDI"
        if (
            indicator == "fdi.capital"
            and q.unit == "VND"
            and (
                _USD_AFTER.match(folded, q.end)
                or _USD_BEFORE.search(folded, max(s0, q.start - 30), q.start)
            )
        ):
            continue  # "5.572,8 tỷ đồng và 148,9 triệu USD": the đồng are domestic investment
        if (
            indicator == "consular.persons"
            and _ARRESTED_AFTER.match(folded, head_end)
            and not _FREED.search(folded, max(s0, clause[0]), clause[1])
        ):
            continue  # "6 ngư dân bị Malaysia bắt giữ": held abroad, not (yet) helped
        if (
            indicator == "fdi.projects"
            and _OPERATING_AFTER.match(folded, head_end)
            and (
                _PART_OF_RE.search(folded, s0, q.start)
                or (
                    figures
                    and figures[-1].indicator.startswith("fdi.")
                    and figures[-1].period is None
                    and figures[-1].end >= p0
                )
            )
        ):
            continue  # "..., trong đó đã có 414 dự án đi vào hoạt động": the stock by status
        if (
            indicator == "ngo.amount_total"
            and _APPROVED_RE.search(folded, max(s0, clause[0]), q.start)
            and not _SPENT_RE.search(folded, max(s0, clause[0]), q.start)
        ):
            # "UBND tỉnh đã phê duyệt tiếp nhận 50 khoản viện trợ mới với tổng giá trị hơn 3,772
            # triệu USD": the money of grants approved is committed, wherever the verb stands
            indicator = "ngo.amount_committed"
        if indicator == "ngo.amount_total" and _PART_OPENING.match(folded, s0):
            # "... tổng vốn cam kết ... 17,945 triệu USD. Trong đó, UBND tỉnh là cơ quan chủ quản
            # của 18 khoản viện trợ với tổng vốn 17,212 triệu USD": a part has its whole's basis
            whole = next(
                (
                    f
                    for f in reversed(figures)
                    if f.indicator.startswith("ngo.amount") and f.end <= s0
                ),
                None,
            )
            if whole is not None and whole.indicator in _NGO_BASES and s0 - whole.end < 600:
                indicator = whole.indicator
        if indicator == "consular.cases" and _CRIME_RE.search(clause_text):
            continue  # "phối hợp xử lý 50 vụ với 436 công dân xuất, nhập cảnh trái phép": crimes
        if (
            indicator in _PARTIES_IN_WORDS
            and not folded[q.num_start].isdigit()
            and not _WITH_BEFORE.search(before)
        ):
            continue  # "của hai Đảng, hai Nhà nước, hai địa phương": the two parties, not a count
        if (
            q.kind == "money"
            and indicator != "economy.grdp_per_capita"
            and _PER_TIME_AFTER.match(folded, q.end)
        ):
            continue  # "huy động viện trợ giải ngân trung bình 230 triệu USD/năm"
        if (
            q.kind == "money"
            and indicator != "economy.grdp_per_capita"
            and _PER_UNIT_AFTER.match(folded, q.end)
        ):
            continue  # "bình quân hơn 5,9 triệu USD/dự án"
        if indicator.split(".")[0] in TIMELESS and last_in_sentence.get(s0, ("",))[0] == indicator:
            continue  # "414,712 km, trong đó giáp Lào 374,7 km": a part of the border
        kind_unit = q.unit
        if kind_unit is None:
            rule_kind = next(r.kind for r in engine.rules if r.indicator == indicator)
            kind_unit = "persons" if rule_kind == "persons" else "count"
        last_in_clause[clause] = (indicator, head_end)
        last_in_sentence[s0] = (indicator, head_end)

        place = home
        # the country's total in brackets or a region's: no province, whoever the subject is
        aggregate = bool(
            _NATIONAL_IN_BRACKETS.search(folded, max(s0, q.start - 20), q.start)
            or _REGION_SUBJECT.search(folded, s0, q.start)
        )
        national = aggregate or bool(_NATIONAL_SUBJECT.search(folded, s0, q.start))
        if national:
            place = None
        subject = None
        i = bisect.bisect_left(place_starts, s0)
        while i < len(places) and places[i][1] <= q.start:
            if is_subject(cased, places[i][0], s0):
                subject = " ".join(text[places[i][0] : places[i][1]].split())
            i += 1
        if subject is None and home is None and _WITH_OPENING.match(folded, s0):
            while i < len(places) and places[i][0] < s1:
                if re.search(r",\s*$", cased[max(s0, places[i][0] - 3) : places[i][0]]):
                    subject = " ".join(text[places[i][0] : places[i][1]].split())
                    break
                i += 1
        if subject is None and home is None and _ANAPHORA.search(folded, s0, q.start):
            subject = last_subject_in_paragraph.get(p0)
        if (
            subject is None
            and home is None
            and p0 in last_subject_in_paragraph
            and not national
            and not _NATIONAL_RE.search(folded, s0, s1)
            and all(
                " ".join(text[a:b].split()) == last_subject_in_paragraph[p0]
                for a, b in places
                if p0 <= a < s1
            )
        ):
            # "10 tháng đầu năm 2022, tỉnh Bình Dương đã thu hút 2,7 tỷ USD ... Công nghiệp chế
            # biến ... 1,66 tỷ USD": a sentence naming no place goes on with the only one its
            # paragraph named
            subject = last_subject_in_paragraph[p0]
        if q.kind == "money" and (
            respective := _respective_place(text, folded, places, quantities, q, s0, s1)
        ):
            subject = respective
        if subject is not None and not aggregate:
            place = subject
            last_subject_in_paragraph[p0] = subject
        period, stated = _period(
            folded,
            mentions,
            mention_starts,
            q,
            segs,
            clause[1],
            number_starts,
            default_period,
            year,
            hi,
        )
        if not stated and previous is not None and previous[0] != indicator:
            # "28 dự án ... còn hiệu lực, tổng vốn đăng ký hơn 3 tỷ USD": the amount of the
            # projects before it in its clause covers what they cover.
            period = period_in_clause.get(clause, period)
        period_in_clause[clause] = period
        if indicator.split(".")[0] in TIMELESS:
            period = None
        if period and year and int(period[:4]) > year:
            continue  # a plan for a later year is not a result

        identity = (indicator, q.value, kind_unit, q.of, period, place)
        # Stated again in its paragraph ("... có 21 tổ chức đang triển khai 28 chương trình, dự
        # án. Tổng vốn cam kết ... của 28 chương trình, dự án là ..."): one figure.
        restated = (p0, indicator, q.value, kind_unit, q.of, place)
        if identity in seen or restated in seen:
            continue
        seen.add(identity)
        seen.add(restated)
        why = (
            ("indicator", _indicator_why(text, folded, engine, indicator, q, hi - len(window), hi,
                                         head_end, paired)),
            ("period", _period_why(text, mentions, period, q.start, default_period)),
            _place_why(text, place, subject, home),
        )  # fmt: skip
        figures.append(
            Figure(
                doc=doc_name,
                indicator=indicator,
                value=q.value,
                unit=kind_unit,
                of=q.of,
                qualifier=q.qualifier,
                period=period,
                place=place,
                equivalent=q.equivalent,
                start=q.start,
                end=head_end,
                text=text[q.start : head_end],
                why=why,
            )
        )
    figures.sort(key=lambda f: f.start)
    return _drop_title_restatements(figures, title_end)


@functools.lru_cache(maxsize=4096)
def _why_pattern(phrase: str) -> re.Pattern[str]:
    return _compile(rf"(?<!\w){re.escape(fold(phrase.rstrip('$')))}(?!\w)")


def _indicator_why(text, folded, engine, indicator, q, lo, hi, head_end, paired) -> str:
    """The noun and the cue words in the number's window that made it ``indicator``."""
    words = [" ".join(text[q.end : head_end].split())] if head_end > q.end else []
    if paired:
        return " · ".join(words)  # "422 đoàn/2.689 lượt": the persons of the delegations
    rule = next((r for r in engine.rules if r.indicator == indicator), None)
    if rule is None:
        return " · ".join(words)
    phrases = [c for group in rule.require for c in group] + list(rule.cues)
    spans = []
    window = folded[lo:hi]
    for phrase in sorted(set(phrases), key=len, reverse=True):
        m = _why_pattern(phrase).search(window)
        if m and not any(a <= lo + m.start() < b for a, b in spans):
            spans.append((lo + m.start(), lo + m.end()))
    if rule.domain:
        pattern = _DOMAIN_RES[rule.domain]
        found = pattern.search(folded, lo, hi) or list(pattern.finditer(folded, 0, q.start))
        if isinstance(found, list):
            found = found[-1] if found else None
        if found and not any(a <= found.start() < b for a, b in spans):
            spans.append((found.start(), found.end()))
    words += [text[a:b] for a, b in sorted(spans)]
    return " · ".join(dict.fromkeys(w for w in words if w))


def _period_why(text, mentions, period, pos, default) -> str:
    """The words that state ``period``: the nearest mention of it, before the number first."""
    if period is None:
        return ""
    same = [m for m in mentions if m.value == period]
    before = [m for m in same if m.end <= pos]
    m = before[-1] if before else (same[0] if same else None)
    if m is None:
        return period
    return " ".join(text[m.start : m.end].split())


def _place_why(text, place, subject, home) -> tuple[str, str]:
    """("place", the subject's words) or ("document place", the province of the source, title or
    lead) when the sentence names none."""
    if place is None or subject is not None:
        return ("place", subject or "")
    return ("document place", place)


def _title_end(folded: str, spans: list[tuple[int, int]]) -> int:
    """Where the title ends: the first short line that is not a source address or a dateline."""
    for start, end in spans[:4]:
        line = folded[start:end].strip()
        if not line or re.match(r"https?://", line):
            continue
        if len(line) > 200 or line.endswith((".", "!", "?", ":")):
            return 0
        return end
    return 0


def _drop_title_restatements(figures: list[Figure], title_end: int) -> list[Figure]:
    """A headline figure the body states again is the body's figure (its period, its words).

    "Kon Tum có 15 dự án phi chính phủ ..." heads "Tính đến cuối tháng 12/2018, tỉnh Kon Tum thu
    hút 15 dự án ...": one figure, of 2018.
    """
    if not title_end:
        return figures
    body = {(f.indicator.split(".")[0], f.value, f.unit) for f in figures if f.start >= title_end}
    # "25 tỷ đồng" in the title for the body's "1,086 triệu USD (tương đương xấp xỉ 25 tỷ đồng)"
    body |= {
        (f.indicator.split(".")[0], *f.equivalent)
        for f in figures
        if f.start >= title_end and f.equivalent
    }
    return [
        f
        for f in figures
        if f.start >= title_end
        or (
            (f.indicator.split(".")[0], f.value, f.unit) not in body
            and not _rounded_restatement(f, figures, title_end)
        )
    ]


def _rounded_restatement(title: Figure, figures: list[Figure], title_end: int) -> bool:
    """A headline's round amount ("hơn 11 tỷ USD", "gần 63 tỷ yên") for the body's exact one
    (11,284 tỷ USD; 62,888 tỷ yên): within a tenth of it, on the side its qualifier says; an
    unqualified one within a hundredth."""
    if not title.value:
        return False
    # an unqualified headline rounds only its last digit: "25,7 triệu USD" for 25.761.306 USD
    margin = 10 if title.qualifier != "exact" else 100
    for f in figures:
        if f.start < title_end or f.unit != title.unit:
            continue
        if f.indicator.split(".")[0] != title.indicator.split(".")[0] or not f.value:
            continue
        if f.value == title.value or abs(f.value - title.value) > f.value / margin:
            continue
        if title.qualifier == "over" and f.value < title.value:
            continue
        if title.qualifier == "under" and f.value > title.value:
            continue
        return True
    return False

"""Vietnamese numbers, scale words and currencies.

Vietnamese writes the thousands separator as a dot and the decimal mark as a comma:
``2.689`` is two thousand six hundred and eighty-nine, ``22,3`` is twenty-two point three,
``1.104.469`` is a million-odd. A dot is therefore only a thousands separator when every group
after it has exactly three digits; ``29.3`` (29 March) or ``I.2024`` (a quarter) are not numbers
at all, and :func:`parse_number` refuses them rather than guess.

Some pages copy figures from English sources: ``1,234,567 USD`` (two comma groups) or
``1,234.5`` cannot be Vietnamese and are read the English way; a lone ``1,200`` stays 1,2.

Amounts are kept as :class:`~decimal.Decimal` so that ``22,3 triệu`` is exactly 22 300 000 and
not 22 299 999.999...
"""

from __future__ import annotations

import re
from decimal import Decimal

from doingoai.lib.money import normalise_decimal, to_json_number  # plain helpers, no Django

from .normalize import fold

__all__ = [
    "NUMBER",
    "SCALE",
    "CURRENCY",
    "SCALES",
    "CURRENCIES",
    "parse_number",
    "parse_scale",
    "parse_amount",
    "parse_money",
    "normalise_decimal",
    "to_json_number",
    "currency_code",
]

#: A number as Vietnamese prose writes it (dot-grouped thousands, comma decimals) or, where it
#: cannot be anything else, as English writes it: two or more comma groups of three digits
#: ("1,234,567 USD"), or comma groups then a decimal point ("1,234.5"). One comma group alone
#: ("1,200") stays a Vietnamese decimal: the press means 1,2 far more often than 1 200.
_ENGLISH = r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?(?![\d,])|\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])"
NUMBER = _ENGLISH + r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_ENGLISH_FULL = re.compile(_ENGLISH)
_NUMBER_FULL = re.compile(rf"(?:{NUMBER})")

#: Scale words, longest first so that ``nghìn tỷ`` wins over ``nghìn``.
SCALES: dict[str, int] = {
    "nghìn tỷ": 10**12,
    "ngàn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỉ": 10**12,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}
_SCALE_BY_KEY = {fold(k): v for k, v in SCALES.items()}
SCALE = "|".join(re.escape(k) for k in sorted(_SCALE_BY_KEY, key=len, reverse=True))

#: Currency words as written in the press, mapped to ISO 4217. ``đồng`` is only a currency when
#: it is not the first half of a compound (``đồng chí``, ``đồng bộ``...), hence the guard below.
CURRENCIES: dict[str, str] = {
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đôla mỹ": "USD",
    "đô la": "USD",
    "đô-la": "USD",
    "đôla": "USD",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "vnđ": "VND",
    "vnd": "VND",
    "việt nam đồng": "VND",
    "đồng": "VND",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "yên nhật": "JPY",
    "yên": "JPY",
    "jpy": "JPY",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
    "cny": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "bạt": "THB",
    "baht": "THB",
    "thb": "THB",
    "kíp": "LAK",
    "lak": "LAK",
    "đô la úc": "AUD",
    "aud": "AUD",
    "bảng anh": "GBP",
    "gbp": "GBP",
    "franc thụy sĩ": "CHF",
    "chf": "CHF",
}
_CURRENCY_BY_KEY = {fold(k): v for k, v in CURRENCIES.items()}
_NOT_MONEY_AFTER_DONG = (
    "chí|bộ|thời|hành|bào|ý|tình|loạt|nghiệp|minh|đều|phục|hương|ruộng|bằng|tâm|đội|dạng"
    "|cảm|lòng|hồ|nhất|chủ|sáng|tổ chức|thuận|lúa|cỏ|văn|nát"
)
_CURRENCY_ALTS = []
for _k in sorted(_CURRENCY_BY_KEY, key=len, reverse=True):
    if _k == fold("đồng"):
        _CURRENCY_ALTS.append(rf"{re.escape(_k)}(?!\s+(?:{fold(_NOT_MONEY_AFTER_DONG)})(?!\w))")
    elif _k[-1].isalnum():
        _CURRENCY_ALTS.append(rf"{re.escape(_k)}(?!\w)")
    else:
        _CURRENCY_ALTS.append(re.escape(_k))
#: A currency word, over folded text (see :func:`normalize.key`).
CURRENCY = "|".join(_CURRENCY_ALTS)
_CURRENCY_RE = re.compile(CURRENCY)
_AMOUNT_RE = re.compile(rf"\s*({NUMBER})((?:\s*(?:{SCALE})(?!\w))*)\s*")


def parse_number(text: str) -> Decimal:
    """``"2.689"`` -> 2689, ``"22,3"`` -> 22.3; raises ValueError for anything else."""
    text = text.strip()
    if not _NUMBER_FULL.fullmatch(text):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    if _ENGLISH_FULL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    whole, _, frac = text.partition(",")
    return Decimal(whole.replace(".", "") + ("." + frac if frac else ""))


def parse_scale(words: str) -> int:
    """``"triệu"`` -> 10**6; ``"nghìn tỷ"`` -> 10**12; ``""`` -> 1. Scale words multiply."""
    factor = 1
    rest = fold(words).strip()
    while rest:
        for word, value in sorted(_SCALE_BY_KEY.items(), key=lambda kv: -len(kv[0])):
            if rest.startswith(word) and (len(rest) == len(word) or not rest[len(word)].isalnum()):
                factor *= value
                rest = rest[len(word) :].strip()
                break
        else:
            raise ValueError(f"not a scale word: {words!r}")
    return factor


def parse_amount(text: str) -> Decimal:
    """``"22,3 triệu"`` -> 22300000, ``"1.200"`` -> 1200 (a number and optional scale words)."""
    match = _AMOUNT_RE.fullmatch(fold(text))
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    value = parse_number(match.group(1)) * parse_scale(match.group(2))
    return normalise_decimal(value)


def currency_code(word: str) -> str:
    """``"đô la Mỹ"`` -> ``"USD"``; raises KeyError for an unknown currency word."""
    folded = fold(word).strip()
    if folded in _CURRENCY_BY_KEY:
        return _CURRENCY_BY_KEY[folded]
    match = _CURRENCY_RE.match(folded)
    if match and match.end() == len(folded):
        return _CURRENCY_BY_KEY[folded]
    raise KeyError(word)


def parse_money(text: str) -> tuple[Decimal, str]:
    """``"22,3 triệu USD"`` -> (22300000, "USD")."""
    folded = fold(text).strip()
    match = _AMOUNT_RE.match(folded)
    if not match:
        raise ValueError(f"not an amount of money: {text!r}")
    amount = parse_number(match.group(1)) * parse_scale(match.group(2))
    return normalise_decimal(amount), currency_code(folded[match.end() :])

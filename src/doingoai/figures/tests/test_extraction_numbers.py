"""The Vietnamese number parser: dots group thousands, the comma is the decimal mark."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.figures.extraction.numbers import (
    SCALES,
    currency_code,
    parse_amount,
    parse_money,
    parse_number,
    to_json_number,
)


def vietnamese(value: Decimal, group: bool = True) -> str:
    """Write a non-negative decimal the Vietnamese way: 1.104.469,25."""
    text = f"{value:f}"
    whole, _, frac = text.partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + frac if frac else "")


def test_it_reads_2689_written_with_a_dot_as_two_thousand_six_hundred_eighty_nine():
    assert parse_number("2.689") == 2689


def test_it_reads_22_comma_3_as_twenty_two_point_three():
    assert parse_number("22,3") == Decimal("22.3")


def test_it_reads_4_comma_04_as_four_point_zero_four():
    assert parse_number("4,04") == Decimal("4.04")


def test_it_reads_1104469_with_two_dots_as_a_million_and_more():
    assert parse_number("1.104.469") == 1104469


@pytest.mark.parametrize("text", ["29.3", "4.2018", "1.2345", "1,2,3", "", "abc", "12.50"])
def test_it_refuses_what_only_looks_like_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22,3 triệu", 22_300_000),
        ("523 tỷ", 523_000_000_000),
        ("523 tỉ", 523_000_000_000),
        ("3 nghìn", 3_000),
        ("3 ngàn", 3_000),
        ("1,5 nghìn tỷ", 1_500_000_000_000),
        ("12,9 triệu", 12_900_000),
        ("1.200", 1_200),
    ],
)
def test_it_multiplies_by_the_scale_word(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("22,3 triệu USD", 22_300_000, "USD"),
        ("4,04 triệu đô la Mỹ", 4_040_000, "USD"),
        ("523 tỷ đồng", 523_000_000_000, "VND"),
        ("50 triệu VNĐ", 50_000_000, "VND"),
        ("2 triệu euro", 2_000_000, "EUR"),
        ("300 triệu yên", 300_000_000, "JPY"),
        ("1,2 tỷ VND", 1_200_000_000, "VND"),
    ],
)
def test_it_reads_money_in_the_currency_the_text_gives(text, value, code):
    assert parse_money(text) == (value, code)


def test_it_reads_decomposed_unicode_scale_and_currency_words():
    import unicodedata

    assert parse_money(unicodedata.normalize("NFD", "36,8 triệu đồng")) == (36_800_000, "VND")


def test_it_knows_dong_chi_is_a_comrade_and_not_money():
    with pytest.raises(KeyError):
        currency_code("đồng chí")


def test_it_writes_integral_values_as_int_and_others_as_float_for_json():
    assert to_json_number(Decimal("22300000")) == 22300000
    assert isinstance(to_json_number(Decimal("2689")), int)
    assert to_json_number(Decimal("4.04")) == 4.04


@given(st.integers(min_value=0, max_value=10**15))
def test_any_integer_written_with_dots_reads_back_as_itself(n):
    assert parse_number(vietnamese(Decimal(n))) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_any_integer_written_without_dots_reads_back_as_itself(n):
    assert parse_number(str(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_any_decimal_written_with_a_comma_reads_back_as_itself(value):
    assert parse_number(vietnamese(value)) == value


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(SCALES)),
)
def test_any_amount_with_a_scale_word_reads_back_as_number_times_scale(value, scale):
    assert parse_amount(f"{vietnamese(value)} {scale}") == value * SCALES[scale]

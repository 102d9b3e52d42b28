"""The plain helpers in doingoai.lib: Vietnamese numbers, money, working days, folding."""

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from doingoai.lib.dates import add_working_days, format_date, is_working_day
from doingoai.lib.money import Money, format_number
from doingoai.lib.text import fold


def test_numbers_are_grouped_with_dots_and_decimals_with_a_comma():
    assert format_number(2689) == "2.689"
    assert format_number(Decimal("22.3")) == "22,3"
    assert format_number(Decimal("1234567.50")) == "1.234.567,5"
    assert format_number(Decimal("1234.5"), decimals=2) == "1.234,50"
    assert format_number(0) == "0"


def test_money_refuses_a_float():
    with pytest.raises(TypeError):
        Money(1.5, "USD")


def test_money_in_dong_is_rounded_to_whole_dong_and_shown_the_vietnamese_way():
    assert str(Money(Decimal("1500000000.4"), "VND")) == "1.500.000.000 VND"
    assert str(Money(Decimal("1234.567"), "USD")) == "1.234,57 USD"


def test_money_in_two_currencies_cannot_be_added():
    with pytest.raises(ValueError):
        Money(Decimal(1), "USD") + Money(Decimal(1), "VND")
    assert Money(Decimal(1), "USD") + Money(Decimal(2), "USD") == Money(Decimal(3), "USD")


def test_tet_2024_and_weekends_are_not_working_days():
    # Tết Giáp Thìn: the office was closed from Thursday 8 to Wednesday 14 February 2024.
    assert is_working_day(dt.date(2024, 2, 7))
    for day in range(8, 15):
        assert not is_working_day(dt.date(2024, 2, day))
    assert is_working_day(dt.date(2024, 2, 15))
    assert not is_working_day(dt.date(2024, 2, 17))  # a Saturday


def test_adding_working_days_skips_tet_and_weekends():
    assert add_working_days(dt.date(2024, 2, 6), 1) == dt.date(2024, 2, 7)
    # Wednesday 7 February 2024 + 1 working day: Tết, then Thursday 15.
    assert add_working_days(dt.date(2024, 2, 7), 1) == dt.date(2024, 2, 15)
    assert add_working_days(dt.date(2024, 2, 7), 3) == dt.date(2024, 2, 19)
    assert add_working_days(dt.date(2024, 2, 7), 0) == dt.date(2024, 2, 7)


def test_dates_are_shown_day_first():
    assert format_date(dt.date(2025, 6, 30)) == "30/06/2025"
    assert format_date(None) == ""


def test_folding_drops_diacritics_and_case_and_turns_d_with_stroke_into_d():
    assert fold("Đồng Văn") == "dong van"
    assert fold("Hà Giang") == "ha giang"
    assert fold(unicodedata.normalize("NFD", "Tỉnh Hà Giang")) == "tinh ha giang"
    assert fold("  BẮC   KẠN ") == "bac kan"
    assert fold(None) == ""

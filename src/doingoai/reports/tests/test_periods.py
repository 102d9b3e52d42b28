import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.lib.periods import (
    PeriodError,
    date_range,
    half,
    parse_period,
    qd06_year,
    quarter,
    year_period,
    years,
)

year_numbers = st.integers(min_value=1901, max_value=2099)
periods = st.one_of(
    year_numbers.map(year_period),
    st.builds(quarter, year_numbers, st.integers(1, 4)),
    st.builds(half, year_numbers, st.integers(1, 2)),
    st.builds(lambda a, n: years(a, min(a + n, 2099)), year_numbers, st.integers(1, 10)),
    year_numbers.map(qd06_year),
    st.builds(lambda d, n: date_range(d, d + dt.timedelta(days=n)),
              st.dates(dt.date(1901, 1, 1), dt.date(2098, 1, 1)), st.integers(0, 900)),
)


@given(periods)
def test_every_period_reads_back_from_its_label(period):
    again = parse_period(period.label)
    assert again == period
    assert again.label == period.label
    assert again.kind == period.kind


@given(periods)
def test_a_period_starts_before_it_ends_and_lists_its_years(period):
    assert period.start <= period.end
    assert period.years[0] == period.start.year and period.years[-1] == period.end.year
    clipped = period.year_periods()
    assert clipped[0].start == period.start and clipped[-1].end == period.end


@given(year_numbers)
def test_the_four_quarters_cover_the_year_day_by_day(year):
    quarters = [quarter(year, n) for n in range(1, 5)]
    assert quarters[0].start == dt.date(year, 1, 1) and quarters[-1].end == dt.date(year, 12, 31)
    for before, after in zip(quarters, quarters[1:], strict=False):
        assert after.start - before.end == dt.timedelta(days=1)


@given(st.integers(min_value=1902, max_value=2099))
def test_the_qd06_reporting_year_runs_from_15_december_to_14_december(year):
    period = qd06_year(year)
    assert (period.start, period.end) == (dt.date(year - 1, 12, 15), dt.date(year, 12, 14))
    assert period.previous().end == period.start - dt.timedelta(days=1)


@given(st.text(max_size=40))
def test_any_text_is_either_a_period_or_a_period_error(text):
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.start <= period.end


@pytest.mark.parametrize(("text", "label"), [
    ("2022", "2022"),
    ("năm 2022", "2022"),
    ("2024-Q1", "2024-Q1"),
    ("quý I.2024", "2024-Q1"),
    ("Quý IV/2023", "2023-Q4"),
    ("quy 2 nam 2024", "2024-Q2"),
    ("2024-H1", "2024-H1"),
    ("6 tháng cuối năm 2024", "2024-H2"),
    ("2015-2020", "2015-2020"),
    ("giai đoạn 2015 – 2020", "2015-2020"),
    ("2024-QD06", "2024-QD06"),
    ("2024-01-01/2024-06-30", "2024-01-01/2024-06-30"),
    ("01/01/2024 - 30/06/2024", "2024-01-01/2024-06-30"),
])
def test_it_reads_the_ways_reports_write_periods(text, label):
    assert parse_period(text).label == label


@pytest.mark.parametrize("text", ["", "20x", "2024-Q5", "2020-2015", "2024-02-30/2024-03-01",
                                  "quý V.2024", "hôm qua"])
def test_it_rejects_what_is_not_a_period(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_a_date_range_equal_to_a_half_year_is_the_same_period():
    assert parse_period("2024-01-01/2024-06-30") == parse_period("2024-H1")


def test_periods_are_named_as_reports_name_them():
    assert parse_period("2015-2020").describe() == "giai đoạn 2015 – 2020"
    assert parse_period("quý I.2024").describe() == "quý I năm 2024"
    assert parse_period("2024-H1").describe("en") == "first half of 2024"
    assert parse_period("2024-QD06").describe() == (
        "năm báo cáo 2024 (từ ngày 15/12/2023 đến ngày 14/12/2024)")

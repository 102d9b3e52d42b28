"""Periods and datelines as Vietnamese reports write them (see extraction/periods.py)."""

from __future__ import annotations

from datetime import date

import pytest

from doingoai.figures.extraction import extract
from doingoai.figures.extraction.normalize import fold
from doingoai.figures.extraction.periods import document_date, find_periods, months_period


def _values(text: str, year: int | None = 2024, published: date | None = None) -> list:
    return [(m.value, m.kind) for m in find_periods(fold(text), year, published)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trong 9 tháng đầu năm 2024, tỉnh", "2024-01-01/2024-09-30"),
        ("Chín tháng năm 2025, hai tỉnh", "2025-01-01/2025-09-30"),
        ("quý III/2024", "2024-Q3"),
        ("quý I.2024", "2024-Q1"),
        ("6 tháng đầu năm", "2024-H1"),
        ("6 tháng cuối năm 2023", "2023-H2"),
        ("3 tháng đầu năm 2022", "2022-Q1"),
        ("tháng 9/2024", "2024-09-01/2024-09-30"),
        ("Đến hết tháng 10, tổng kinh phí", "2024-01-01/2024-10-31"),
        ("Trong 5 năm (2016 - 2020) và", "2016-2020"),
        ("nhiệm kỳ 2020 – 2025", "2020-2025"),
    ],
)
def test_it_reads_the_period_a_report_names(text, value):
    assert _values(text)[0] == (value, "period")


def test_nine_months_is_a_date_interval_because_the_format_has_no_name_for_it():
    assert months_period(2024, 1, 9) == "2024-01-01/2024-09-30"
    assert months_period(2024, 1, 6) == "2024-H1"
    assert months_period(2024, 1, 12) == "2024"


def test_from_the_start_of_the_year_runs_to_the_articles_date():
    assert _values("Từ đầu năm đến nay, tỉnh", 2019, date(2019, 11, 20)) == [
        ("2019-01-01/2019-11-20", "period")
    ]


def test_from_the_start_of_the_year_is_unknown_without_the_articles_date():
    assert _values("Từ đầu năm đến nay, tỉnh", None) == [(None, "period")]


def test_in_the_quarter_refers_back_to_the_last_quarter_named():
    text = "Quý III/2025, tỉnh đón 29 đoàn. Dự kiến năm 2026 mở cửa khẩu. Trong quý, tỉnh"
    assert _values(text)[-1] == ("2025-Q3", "period")


def test_a_date_written_in_words_is_not_a_period():
    assert _values("Lạng Sơn, ngày 25 tháng 9 năm 2024") == [(None, "date")]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Thứ Sáu, 27/12/2024 - 08:15\n", date(2024, 12, 27)),
        ("Cập nhật: 14:30 | 18/3/2025\n", date(2025, 3, 18)),
        ("Đăng ngày: 08/10/2024 15:20 | Lượt xem: 1.245\n", date(2024, 10, 8)),
        ("Cập nhật lúc 10:25 ngày 28/12/2019\n", date(2019, 12, 28)),
        ("Lạng Sơn, ngày 25 tháng 9 năm 2024\n", date(2024, 9, 25)),
        ("22/04/2021\n", date(2021, 4, 22)),
    ],
)
def test_it_finds_the_dateline_of_other_sites_and_of_official_documents(line, day):
    assert document_date("Tiêu đề\n" + line + "Nội dung bài viết.\n") == day


def test_a_sentence_holding_a_date_is_not_a_dateline():
    text = "Ngày 15/3/2024, đoàn công tác của tỉnh đã sang thăm và làm việc tại tỉnh Vân Nam.\n"
    assert document_date(text) is None


def test_a_figure_without_a_period_in_its_paragraph_takes_the_period_of_the_title():
    text = (
        "Kết quả công tác đối ngoại 9 tháng đầu năm 2024\n"
        "Trong kỳ, xảy ra 3 vụ việc trên tuyến biên giới tỉnh Lạng Sơn.\n"
        "Tỉnh đã tham dự 7 hội nghị quốc tế.\n"
    )
    assert {f.period for f in extract(text)} == {"2024-01-01/2024-09-30"}


def test_a_stock_keeps_no_period_even_under_a_dated_title():
    text = (
        "Kết quả công tác đối ngoại năm 2024\n"
        "Hiện có 1.120 người nước ngoài đang làm việc trên địa bàn tỉnh Lạng Sơn.\n"
        "Tỉnh có 157 dự án FDI còn hiệu lực.\n"
    )
    assert [(f.indicator, f.period) for f in extract(text)] == [
        ("foreigners.resident", None),
        ("fdi.projects", None),
    ]


def test_the_length_of_the_border_has_no_period():
    text = "Năm 2024, tỉnh Lào Cai có 182,086 km đường biên giới với Trung Quốc."
    assert [(f.indicator, f.period) for f in extract(text)] == [
        ("geography.border_length_km", None)
    ]

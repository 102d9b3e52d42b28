"""Issue 11 §2: the prose states only what is true."""

import datetime as dt
from decimal import Decimal

from doingoai.figures.models import ReportedFigure, SourceDocument
from doingoai.friendship.models import FriendshipAssociation
from doingoai.lib.periods import parse_period
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import declare_complete
from doingoai.testing import legacy_province

TEXT = ("Tỉnh đã tiếp nhận và triển khai 250 chương trình, dự án viện trợ không hoàn lại (NGO), "
        "ký kết mới 119 chương trình dự án với kinh phí cam kết là 22,3 triệu USD.")
TOTAL_TEXT = ("Tỉnh đã tiếp nhận và triển khai 250 chương trình, dự án, tổng kinh phí cam kết là "
              "22,3 triệu USD; ký kết mới 119 chương trình dự án.")


def figures_from(place, text, rows):
    source = SourceDocument.objects.create(owner=place, title="Báo cáo", text=text,
                                           published_on=dt.date(2024, 3, 29))
    for code, value, unit, quote in rows:
        start = text.index(quote)
        ReportedFigure.objects.create(
            owner=place, place=place, period="2020-2025", indicator_id=code,
            value=Decimal(value), unit=unit, source=source, quote=quote, start=start,
            end=start + len(quote))


ROWS = [("ngo.projects", 250, "count", "250 chương trình"),
        ("ngo.projects_signed", 119, "count", "119 chương trình"),
        ("ngo.amount_committed", 22_300_000, "USD", "22,3 triệu USD")]


def test_a_commitment_is_written_with_the_count_the_text_gave_it_to(ha_giang):
    figures_from(ha_giang, TEXT, ROWS)
    prose = build_report([ha_giang], parse_period("2020-2025"), details=False).prose("vi")
    assert "ký kết mới 119 chương trình, dự án viện trợ phi chính phủ nước ngoài với kinh " \
           "phí cam kết 22,3 triệu USD" in prose


def test_a_commitment_given_for_all_programmes_is_not_attached_to_the_new_ones(ha_giang):
    figures_from(ha_giang, TOTAL_TEXT, ROWS)
    prose = build_report([ha_giang], parse_period("2020-2025"), details=False).prose("vi")
    assert "250 chương trình, dự án viện trợ phi chính phủ nước ngoài với kinh phí cam kết " \
           "22,3 triệu USD" in prose
    assert "119 chương trình, dự án viện trợ phi chính phủ nước ngoài với" not in prose


def test_a_commitment_without_a_count_gets_a_clause_of_its_own(ha_giang):
    ReportedFigure.objects.create(owner=ha_giang, place=ha_giang, period="2022",
                                  indicator_id="ngo.projects_signed", value=25, unit="count")
    ReportedFigure.objects.create(owner=ha_giang, place=ha_giang, period="2022",
                                  indicator_id="ngo.amount_committed", value=52 * 10**9,
                                  unit="VND", qualifier="over")
    prose = build_report([ha_giang], parse_period("2022"), details=False).prose("vi")
    assert "tổng kinh phí cam kết tài trợ phi chính phủ nước ngoài trong kỳ đạt trên 52 tỷ " \
           "đồng" in prose
    assert "25 chương trình, dự án viện trợ phi chính phủ nước ngoài với" not in prose


def test_a_period_without_figures_is_one_plain_sentence_not_a_colon(db):
    old = legacy_province("Tuyên Quang")
    prose = build_report([old], parse_period("2017"), details=False).prose("vi")
    assert prose == "Năm 2017, chưa có số liệu về công tác đối ngoại của tỉnh Tuyên Quang."
    assert ":" not in build_report([old], parse_period("2017"), details=False).prose("en")


def test_friendship_associations_are_a_stock_not_founded_every_year(ha_giang):
    declare_complete(ha_giang, dt.date(2015, 1, 1), ["friendship"])
    for n in range(3):
        FriendshipAssociation.objects.create(owner=ha_giang, name=f"Hội hữu nghị {n}",
                                             founded_on=dt.date(2010 + n, 1, 1))
    prose = build_report([ha_giang], parse_period("2023"), details=False).prose("vi")
    assert "3 hội hữu nghị đang hoạt động" in prose
    assert "được thành lập" not in prose


def test_after_the_reform_the_prose_names_no_district_and_no_town(tuyen_quang):
    for code, value, of in (("friendship.border_communes", 34, 34),
                            ("friendship.district_pairs", 6, None)):
        ReportedFigure.objects.create(owner=tuyen_quang, place=tuyen_quang, period="2026",
                                      indicator_id=code, value=value, unit="count", of=of)
    prose = build_report([tuyen_quang], parse_period("2026"), details=False).prose("vi")
    assert "thị trấn" not in prose and "cặp huyện" not in prose
    assert "34/34 xã, phường biên giới" in prose
    before = legacy_province("Hà Giang")
    ReportedFigure.objects.create(owner=before, place=before, period="2023",
                                  indicator_id="friendship.border_communes", value=34,
                                  unit="count", of=34)
    assert "34/34 xã, thị trấn biên giới" in build_report(
        [before], parse_period("2023"), details=False).prose("vi")

"""The paragraphs written from the seed figures (reports/tests/conftest.py)."""

import datetime as dt

from doingoai.lib.periods import parse_period
from doingoai.reports.prose import amount, number
from doingoai.reports.report import build_report
from doingoai.reports.tests.conftest import report_figures

HA_GIANG_2015_2020_VI = (
    "Giai đoạn 2015 – 2020, tỉnh Hà Giang đã ký kết và triển khai 85 thỏa thuận, biên bản hợp "
    "tác; tiếp nhận và triển khai 223 chương trình, dự án viện trợ phi chính phủ nước ngoài "
    "với kinh phí đã thực hiện gần 350 tỷ đồng và 21 chương trình, dự án viện trợ phát triển "
    "chính thức (ODA). Ngoài ra, tỉnh đã tổ chức 25 hội nghị, hội thảo quốc tế; tham dự 22 hội "
    "nghị, hội thảo quốc tế trong và ngoài nước; cho phép 422 đoàn/2.689 lượt cán bộ đi làm "
    "việc, học tập và khảo sát tại nước ngoài; đón tiếp 381 đoàn/3.236 lượt người nước ngoài "
    "đến thăm, làm việc chính thức tại tỉnh. Công tác đối ngoại nhân dân được tăng cường, có "
    "34/34 xã, thị trấn biên giới, 3 cặp huyện, thành phố ký kết hợp tác hữu nghị với phía đối "
    "đẳng; 12/12 đồn biên phòng ký kết nghĩa “Đồn – Trạm hữu nghị, biên giới bình yên”."
)

HA_GIANG_2015_2020_EN = (
    "In 2015–2020, Hà Giang province signed and implemented 85 cooperation agreements, "
    "memoranda and minutes; received and implemented 223 foreign NGO aid programmes and "
    "projects, with nearly 350 billion VND spent, and 21 official development assistance (ODA) "
    "programmes and projects. The province also organised 25 international conferences and "
    "seminars; attended 22 international conferences and seminars at home and abroad; sent 422 "
    "delegations of officials abroad (2,689 person-trips); received 381 foreign delegations "
    "(3,236 visitors). People-to-people diplomacy was strengthened: 34/34 border communes and "
    "towns and 3 district and city pairs had friendship pacts with their counterparts; 12/12 "
    "border posts were twinned with the facing stations."
)

BAC_KAN_2011_2021_VI = (
    "Giai đoạn 2011 – 2021, tỉnh Bắc Kạn đã vận động thu hút 25 tổ chức phi chính phủ nước "
    "ngoài; tiếp nhận và triển khai 97 chương trình, dự án viện trợ phi chính phủ nước ngoài "
    "với tổng giá trị 12,9 triệu USD."
)


def test_the_vietnamese_paragraph_reads_like_the_seed_article(ha_giang, ha_giang_figures):
    report = build_report([ha_giang], parse_period("2015-2020"), details=False)
    assert report.prose("vi") == HA_GIANG_2015_2020_VI


def test_the_english_paragraph_says_the_same(ha_giang, ha_giang_figures):
    report = build_report([ha_giang], parse_period("2015-2020"), details=False)
    assert report.prose("en") == HA_GIANG_2015_2020_EN


def test_a_paragraph_leaves_out_what_was_not_reported(bac_kan, bac_kan_figures):
    report = build_report([bac_kan], parse_period("2011-2021"), details=False)
    assert report.prose("vi") == BAC_KAN_2011_2021_VI


def test_a_single_years_paragraph_says_signed_rather_than_signed_and_implemented(ha_giang):
    report_figures(ha_giang, "2022", [
        ("agreements.signed", 12, "count", None, "exact", "ký mới được 12 thỏa thuận"),
        ("agreements.implementing", 24, "count", None, "exact", "triển khai 24 thỏa thuận"),
    ], "Tăng cường đối ngoại", dt.date(2023, 2, 1))
    report = build_report([ha_giang], parse_period("2022"), details=False)
    assert report.prose("vi").startswith(
        "Năm 2022, tỉnh Hà Giang đã ký kết 12 thỏa thuận, biên bản hợp tác quốc tế; tiếp tục "
        "triển khai 24 thỏa thuận hợp tác quốc tế")
    assert report.prose("en").startswith(
        "In 2022, Hà Giang province signed 12 international cooperation agreements, memoranda "
        "and minutes; continued to implement 24 international")
    assert "ký kết và triển khai" not in report.prose("vi")


def test_numbers_are_written_the_vietnamese_way():
    assert number(2689) == "2.689"
    assert number("22.3") == "22,3"
    assert amount(22_300_000, "USD") == "22,3 triệu USD"
    assert amount(523_000_000_000, "VND") == "523 tỷ đồng"
    assert amount(4_040_000, "USD") == "4,04 triệu USD"
    assert amount(350_000_000_000, "VND", "en") == "350 billion VND"
    assert number(2689, "en") == "2,689"


HA_GIANG_2023_OFFICE_WORK_VI = (
    "Về công tác lãnh sự, tiếp nhận 2 vụ việc lãnh sự, bảo hộ công dân, giải quyết xong 2 vụ; "
    "hỗ trợ, bảo hộ 3 công dân; giao 2 lượt hộ chiếu ngoại giao, công vụ cho cán bộ đi công "
    "tác, 1 hộ chiếu chưa nộp lại đúng hạn; trên địa bàn có 1 người nước ngoài cư trú, làm "
    "việc. Trên tuyến biên giới xảy ra 2 vụ việc, sự vụ. Về kinh tế đối ngoại, kim ngạch xuất "
    "khẩu đạt 2,5 triệu USD; kim ngạch nhập khẩu đạt 900.000 USD."
)

HA_GIANG_2023_OFFICE_WORK_EN = (
    "In consular work, 2 consular and citizen-protection cases were opened and 2 closed; 3 "
    "citizens were assisted; 2 official and diplomatic passports were handed out for trips, 1 "
    "not returned on time; 1 foreigner was residing or working in the province. 2 incidents "
    "occurred on the border. In foreign trade, exports reached 2.5 million USD and imports "
    "900,000 USD."
)


def test_the_paragraph_tells_the_consular_border_and_trade_figures_of_the_records(ha_giang):
    from doingoai.reports.tests.records import make_records

    make_records(ha_giang)
    report = build_report([ha_giang], parse_period("2023"), details=False)
    assert report.prose("vi").endswith(HA_GIANG_2023_OFFICE_WORK_VI)
    assert report.prose("en").endswith(HA_GIANG_2023_OFFICE_WORK_EN)


def test_the_paragraph_says_nothing_of_consular_work_without_its_figures(ha_giang,
                                                                        ha_giang_figures):
    report = build_report([ha_giang], parse_period("2015-2020"), details=False)
    assert "lãnh sự" not in report.prose("vi") and "kim ngạch" not in report.prose("vi")
    assert "consular" not in report.prose("en")

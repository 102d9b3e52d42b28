"""Sentences the rules were not written from, in the style of other provinces' reports.

Each case: a short text, its publication date (or None), and the figures expected from it as
(indicator, value, unit, of, qualifier, period, place, equivalent). Nothing else may be found.
"""

from __future__ import annotations

from datetime import date

import pytest

from doingoai.figures.extraction import extract

CASES = [
    (
        "lao_cai_delegations",
        "Năm 2023, tỉnh Lào Cai đã đón tiếp 150 đoàn khách quốc tế với 1.200 lượt người "
        "đến thăm và làm việc tại tỉnh.",
        None,
        [
            ("delegations.incoming", 150, "count", None, "exact", "2023", "Lào Cai", None),
            (
                "delegations.incoming_persons",
                1200,
                "persons",
                None,
                "exact",
                "2023",
                "Lào Cai",
                None,
            ),
        ],
    ),
    (
        "lang_son_ngo",
        "Lạng Sơn - Trong 6 tháng đầu năm 2024, tỉnh Lạng Sơn tiếp nhận 45 dự án viện trợ phi "
        "chính phủ nước ngoài với tổng giá trị 8,5 triệu USD.",
        None,
        [
            ("ngo.projects", 45, "count", None, "exact", "2024-H1", "Lạng Sơn", None),
            ("ngo.amount_total", 8500000, "USD", None, "exact", "2024-H1", "Lạng Sơn", None),
        ],
    ),
    (
        "cao_bang_consular",
        "Năm 2022, Sở Ngoại vụ tỉnh Cao Bằng đã phối hợp giải quyết 12 vụ việc bảo hộ công dân, "
        "hỗ trợ 37 công dân bị bắt giữ ở nước ngoài trở về địa phương.",
        None,
        [
            ("consular.cases", 12, "count", None, "exact", "2022", "Cao Bằng", None),
            ("consular.persons", 37, "persons", None, "exact", "2022", "Cao Bằng", None),
        ],
    ),
    (
        "quang_ninh_mou",
        "Trong năm 2023, tỉnh Quảng Ninh đã ký kết 5 biên bản ghi nhớ với các địa phương của "
        "Trung Quốc và tiếp tục triển khai 18 thỏa thuận quốc tế đã ký.",
        None,
        [
            ("agreements.signed", 5, "count", None, "exact", "2023", "Quảng Ninh", None),
            ("agreements.implementing", 18, "count", None, "exact", "2023", "Quảng Ninh", None),
        ],
    ),
    (
        "dien_bien_outgoing",
        "Giai đoạn 2016—2020, tỉnh Điện Biên cử 96 đoàn/412 lượt cán bộ đi công tác nước ngoài, "
        "đón 210 đoàn/1.845 lượt khách nước ngoài đến làm việc tại tỉnh.",
        None,
        [
            ("delegations.outgoing", 96, "count", None, "exact", "2016-2020", "Điện Biên", None),
            (
                "delegations.outgoing_persons",
                412,
                "persons",
                None,
                "exact",
                "2016-2020",
                "Điện Biên",
                None,
            ),
            ("delegations.incoming", 210, "count", None, "exact", "2016-2020", "Điện Biên", None),
            (
                "delegations.incoming_persons",
                1845,
                "persons",
                None,
                "exact",
                "2016-2020",
                "Điện Biên",
                None,
            ),
        ],
    ),
    (
        "lao_cai_trade_and_tourism",
        "Năm 2023, kim ngạch xuất khẩu qua các cửa khẩu trên địa bàn tỉnh Lào Cai đạt 1,2 tỷ "
        "USD; tỉnh đón khoảng 5,2 triệu lượt khách du lịch, trong đó có hơn 800 nghìn lượt "
        "khách quốc tế.",
        None,
        [
            ("trade.exports", 1200000000, "USD", None, "exact", "2023", "Lào Cai", None),
            ("tourism.visitors", 5200000, "persons", None, "about", "2023", "Lào Cai", None),
            ("tourism.visitors", 800000, "persons", None, "over", "2023", "Lào Cai", None),
        ],
    ),
    (
        "ha_giang_quarter_relative",
        "Quý I năm nay, tỉnh Tuyên Quang đã tổ chức 3 hội nghị xúc tiến đầu tư quốc tế và tham "
        "dự 4 hội thảo trực tuyến với các đối tác nước ngoài.",
        date(2024, 4, 10),
        [
            ("conferences.organised", 3, "count", None, "exact", "2024-Q1", "Tuyên Quang", None),
            ("conferences.attended", 4, "count", None, "exact", "2024-Q1", "Tuyên Quang", None),
        ],
    ),
    (
        "cao_bang_friendship",
        "Đến nay, toàn tỉnh Cao Bằng có 15/15 đồn biên phòng kết nghĩa với trạm kiểm soát biên "
        "giới phía Trung Quốc, 38 cặp thôn, bản hai bên biên giới kết nghĩa và 4 cặp huyện "
        "ký kết hữu nghị.",
        None,
        [
            ("friendship.border_posts", 15, "count", 15, "exact", None, "Cao Bằng", None),
            ("friendship.village_pairs", 38, "count", None, "exact", None, "Cao Bằng", None),
            ("friendship.district_pairs", 4, "count", None, "exact", None, "Cao Bằng", None),
        ],
    ),
    (
        "quang_ninh_fdi",
        "Hiện nay, tỉnh Quảng Ninh có 157 dự án FDI còn hiệu lực với tổng vốn đầu tư đăng ký "
        "hơn 10,5 tỷ USD.",
        None,
        [
            ("fdi.projects", 157, "count", None, "exact", None, "Quảng Ninh", None),
            ("fdi.capital", 10500000000, "USD", None, "over", None, "Quảng Ninh", None),
        ],
    ),
    (
        "dien_bien_oda_with_equivalent",
        "Từ năm 2018 đến nay, tỉnh Điện Biên đã vận động được 7 dự án ODA với tổng vốn "
        "150 triệu USD (tương đương 3.450 tỷ đồng).",
        date(2023, 12, 1),
        [
            ("oda.projects", 7, "count", None, "exact", "2018-2023", "Điện Biên", None),
            (
                "oda.amount",
                150000000,
                "USD",
                None,
                "exact",
                "2018-2023",
                "Điện Biên",
                {"value": 3450000000000, "unit": "VND"},
            ),
        ],
    ),
    (
        "lai_chau_foreigners_and_border",
        "Năm 2021, trên địa bàn tỉnh Lai Châu có 126 người nước ngoài đang cư trú và làm việc; "
        "trên tuyến biên giới xảy ra 3 vụ việc, đã được hai bên phối hợp giải quyết.",
        None,
        [
            ("foreigners.resident", 126, "persons", None, "exact", "2021", "Lai Châu", None),
            ("border.incidents", 3, "count", None, "exact", "2021", "Lai Châu", None),
        ],
    ),
    (
        "nghe_an_economy",
        "Năm 2023, tốc độ tăng trưởng GRDP của tỉnh Nghệ An ước đạt 6,19%; GRDP bình quân "
        "đầu người đạt xấp xỉ 58 triệu đồng; 25/29 chỉ tiêu chủ yếu đạt và vượt kế hoạch.",
        None,
        [
            ("economy.grdp_growth", 6.19, "percent", None, "about", "2023", "Nghệ An", None),
            ("economy.grdp_per_capita", 58000000, "VND", None, "about", "2023", "Nghệ An", None),
            ("economy.targets_met", 25, "count", 29, "exact", "2023", "Nghệ An", None),
        ],
    ),
    (
        "son_la_ngo_signed_and_disbursed",
        "Trong 5 năm qua, tỉnh Sơn La đã ký kết mới 64 chương trình, dự án viện trợ PCPNN với "
        "tổng kinh phí cam kết trên 9 triệu USD; giá trị giải ngân đạt gần 7,5 triệu USD. "
        "Có 31 tổ chức phi chính phủ nước ngoài đang hoạt động tại tỉnh.",
        date(2021, 3, 2),
        [
            ("ngo.projects_signed", 64, "count", None, "exact", "2016-2021", "Sơn La", None),
            ("ngo.amount_committed", 9000000, "USD", None, "over", "2016-2021", "Sơn La", None),
            ("ngo.amount_disbursed", 7500000, "USD", None, "under", "2016-2021", "Sơn La", None),
            ("ngo.organisations", 31, "count", None, "exact", "2016-2021", "Sơn La", None),
        ],
    ),
    (
        "lang_son_border_length_and_partners",
        "Lạng Sơn có đường biên giới dài 231,74 km tiếp giáp với Khu tự trị dân tộc Choang "
        "Quảng Tây (Trung Quốc). Tỉnh đã thiết lập quan hệ hợp tác với 4 địa phương nước ngoài "
        "và thành lập 2 hội hữu nghị.",
        None,
        [
            ("geography.border_length_km", 231.74, "km", None, "exact", None, "Lạng Sơn", None),
            ("partners.foreign_localities", 4, "count", None, "exact", None, "Lạng Sơn", None),
            ("friendship.associations", 2, "count", None, "exact", None, "Lạng Sơn", None),
        ],
    ),
    (
        "not_figures",
        "Thực hiện Chỉ thị số 12-CT/TU và Kế hoạch 145 của UBND tỉnh Hà Giang, ngày 15/3/2024 "
        "đoàn công tác đã khảo sát mốc 458; Đại hội lần thứ XVIII diễn ra với 3 nội dung đột "
        "phá; mọi thông tin xin gọi đường dây nóng 02193866123 hoặc 18001567.",
        None,
        [],
    ),
    (
        "old_tone_marks_and_nbsp",
        "Năm\u00a02020, tỉnh Hoà Bình đã tổ chức 7\u00a0hội nghị, hội thảo quốc tế và tiếp nhận "
        "12 khoản viện trợ phi chính phủ nước ngoài trị giá 2,3\u00a0triệu đô la Mỹ.",
        None,
        [
            ("conferences.organised", 7, "count", None, "exact", "2020", "Hoà Bình", None),
            ("ngo.projects", 12, "count", None, "exact", "2020", "Hoà Bình", None),
            ("ngo.amount_total", 2300000, "USD", None, "exact", "2020", "Hoà Bình", None),
        ],
    ),
]


def _tuple(figure) -> tuple:
    d = figure.to_dict()
    return (d["indicator"], d["value"], d["unit"], d["of"], d["qualifier"], d["period"],
            d["place"], d["equivalent"])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "published", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_it_finds_exactly_the_expected_figures_in_an_unseen_report(name, text, published, expected):
    got = [_tuple(f) for f in extract(text, doc=f"{name}.txt", published=published)]
    assert got == expected


@pytest.mark.parametrize(
    ("name", "text", "published", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_every_unseen_figure_quotes_the_words_that_state_it(name, text, published, expected):
    for figure in extract(text, doc=f"folder/{name}.txt", published=published):
        assert figure.doc == f"{name}.txt"
        assert figure.text == text[figure.start : figure.end]
        assert any(ch.isdigit() for ch in figure.text)


def test_total_trade_is_a_figure_only_once_the_catalogue_has_an_indicator_for_it():
    from doingoai.figures.extraction.rules import catalogue_codes

    text = "Năm 2023, kim ngạch xuất nhập khẩu qua các cửa khẩu tỉnh Lạng Sơn đạt 1,2 tỷ USD."
    got = [_tuple(f) for f in extract(text)]
    if "trade.total" in (catalogue_codes() or ()):
        assert got == [("trade.total", 1200000000, "USD", None, "exact", "2023", "Lạng Sơn", None)]
    else:
        assert got == []

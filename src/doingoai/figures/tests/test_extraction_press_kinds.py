"""Kinds of error read on the press corpus's development part (issue 14), one behaviour each.

The sentences are written in the manner of the corpus, not copied from it.
"""

from __future__ import annotations

from datetime import date

from doingoai.figures.extraction import extract


def _found(text: str, published: date | None = None) -> list[tuple]:
    return [
        (f.indicator, int(f.value) if f.value == int(f.value) else float(f.value), f.period)
        for f in extract(text, published=published)
    ]


def test_enterprises_with_foreign_capital_are_not_fdi_projects():
    text = (
        "Năm 2024, tỉnh Yên Bái có 1.200 lao động nước ngoài làm việc tại 95 doanh nghiệp FDI "
        "và 40 doanh nghiệp DDI."
    )
    assert [f for f in _found(text) if f[0].startswith("fdi.")] == []


def test_domestic_investment_beside_foreign_is_not_fdi():
    text = (
        "Năm 2023, tỉnh Hà Nam thu hút 12 dự án FDI. Cũng trong năm, tỉnh thu hút 30 dự án đầu tư "
        "trong nước với tổng vốn 9.000 tỷ đồng."
    )
    assert _found(text) == [("fdi.projects", 12, "2023")]


def test_a_project_broken_ground_on_is_not_the_periods_capital():
    text = (
        "Năm 2024, tỉnh Thái Bình khởi công dự án FDI của tập đoàn Hàn Quốc có vốn 300 triệu USD."
    )
    assert [f for f in _found(text) if f[0] == "fdi.capital"] == []


def test_people_fined_at_the_border_are_not_citizens_helped():
    text = (
        "Đồn Biên phòng đã tiếp nhận, lập biên bản và xử phạt vi phạm hành chính 40 người xuất "
        "cảnh không làm thủ tục."
    )
    assert _found(text) == []


def test_a_stretch_of_border_patrolled_is_not_the_borders_length():
    text = (
        "Đồn Biên phòng phối hợp với dân quân tuần tra đoạn biên giới từ mốc 120 đến mốc 123, "
        "dài 7,5 km."
    )
    assert _found(text) == []


def test_the_base_of_a_comparison_is_not_a_result():
    text = "Năm 2024, tỉnh Nam Định thu hút 25 dự án FDI, tăng mạnh so với 14 dự án của năm 2023."
    assert _found(text) == [("fdi.projects", 25, "2024")]


def test_a_value_per_house_is_not_aid_money():
    text = (
        "Năm 2023, tổ chức phi chính phủ nước ngoài tài trợ xây 20 căn nhà, mỗi căn nhà trị giá "
        "60 triệu đồng."
    )
    assert [f for f in _found(text) if f[0].startswith("ngo.amount")] == []


def test_a_plan_is_not_a_result_but_the_ministry_of_planning_is_no_plan():
    planned = "Theo kế hoạch, năm 2025 tỉnh Hòa Bình đón 60 đoàn khách quốc tế."
    assert _found(planned, date(2025, 1, 10)) == []
    ministry = "Theo Bộ Kế hoạch và Đầu tư, trong năm 2024 tỉnh Bắc Ninh thu hút 120 dự án FDI mới."
    assert _found(ministry) == [("fdi.projects", 120, "2024")]


def test_a_plan_exceeded_is_a_result():
    text = "Năm 2022, tỉnh Cà Mau vượt kế hoạch vận động viện trợ PCPNN với 15 dự án."
    assert _found(text) == [("ngo.projects", 15, "2022")]


def test_the_year_just_past_is_the_year_before_in_a_review_written_early_in_the_year():
    text = "Năm qua, Sở Ngoại vụ tỉnh Sơn La đã đón 40 đoàn khách quốc tế đến làm việc."
    assert _found(text, date(2025, 2, 10)) == [("delegations.incoming", 40, "2024")]
    assert _found(text, date(2025, 12, 20)) == [("delegations.incoming", 40, "2025")]


def test_a_related_news_block_before_the_lead_does_not_end_the_article():
    text = (
        "https://example.vn/bao-ho-cong-dan.html\n"
        "Công tác bảo hộ công dân\n"
        "TIN LIÊN QUAN\n"
        "Nước bạn bắt giữ 60 người vượt biên\n"
        "Giải cứu cô gái bị lừa bán\n"
        "Theo Cục Lãnh sự, trong 6 tháng đầu năm 2016, Cục đã tiến hành bảo hộ 90 vụ việc đối "
        "với 1.200 ngư dân bị nước ngoài bắt giữ. Đây là một kết quả đáng ghi nhận của công tác "
        "bảo hộ công dân trong bối cảnh tình hình trên biển còn nhiều diễn biến phức tạp.\n"
    )
    assert _found(text) == [
        ("consular.cases", 90, "2016-H1"),
        ("consular.persons", 1200, "2016-H1"),
    ]


def test_a_ratio_is_not_two_amounts():
    text = "Năm 2023, cứ 100 đô la vốn FDI vào Việt Nam thì có 41 đô la đầu tư vào Đông Nam bộ."
    assert _found(text) == []


def test_a_count_of_all_investment_whose_foreign_part_follows_is_not_fdi():
    text = "Năm 2023, tỉnh Phú Yên thu hút 50 dự án đầu tư, trong đó có 8 dự án FDI."
    assert _found(text) == [("fdi.projects", 8, "2023")]


def test_a_foreign_governments_grant_is_oda_and_a_foreign_ngos_is_not():
    official = (
        "Năm 2023, dự án do Chính phủ Hà Lan viện trợ tại tỉnh Bến Tre có giá trị 1.500.000 euro."
    )
    assert _found(official) == [("oda.amount", 1500000, "2023")]
    ngo = "Năm 2023, tổ chức phi chính phủ Hà Lan viện trợ tỉnh Bến Tre 1.500.000 euro."
    assert _found(ngo) == [("ngo.amount_total", 1500000, "2023")]


def test_a_period_the_lead_names_at_its_end_covers_the_paragraphs_that_name_none():
    text = (
        "Tỉnh Quảng Ngãi tiếp nhận viện trợ\n"
        "(QNg) - Tỉnh Quảng Ngãi tiếp nhận 10 khoản viện trợ không hoàn lại từ các tổ chức phi "
        "chính phủ nước ngoài trong 6 tháng đầu năm.\n"
        "Trong đó, tổ chức Plan International tài trợ 5 tỷ đồng cho các trường học vùng cao.\n"
    )
    assert _found(text, date(2021, 7, 1)) == [
        ("ngo.projects", 10, "2021-H1"),
        ("ngo.amount_total", 5000000000, "2021-H1"),
    ]


def test_the_end_of_a_month_without_its_year_is_that_month_of_the_texts_year():
    text = (
        "Cuối tháng 4, tổ chức phi chính phủ nước ngoài COV viện trợ gạo cho các trường mẫu giáo "
        "của tỉnh Quảng Nam trị giá hơn 4 tỷ đồng."
    )
    assert _found(text, date(2021, 7, 1)) == [
        ("ngo.amount_total", 4000000000, "2021-04-01/2021-04-30")
    ]


def test_a_sentence_opening_with_trong_do_breaks_down_the_figure_before_it():
    text = (
        "Năm 2024, tỉnh Phú Thọ có 900 người nước ngoài đang làm việc. Trong đó, 120 người là "
        "chuyên gia; 60 sinh viên, giảng viên đang học tập, làm việc tại các trường."
    )
    assert _found(text) == [
        ("foreigners.resident", 900, "2024"),
        ("foreigners.resident", 120, "2024"),
        ("foreigners.resident", 60, "2024"),
    ]


def test_the_same_people_by_legal_status_are_not_a_part():
    text = (
        "Năm 2024, tỉnh Phú Thọ có 900 người nước ngoài đang làm việc. Trong đó, số lao động "
        "không thuộc diện cấp phép lao động là 120 người."
    )
    assert _found(text) == [("foreigners.resident", 900, "2024")]


def test_an_equivalent_amount_may_carry_its_own_qualifier():
    text = (
        "Trong 6 tháng đầu năm 2019, Liên hiệp Hải Dương đã vận động được hơn 1,086 triệu USD "
        "(tương đương xấp xỉ 25 tỷ đồng) từ các tổ chức phi chính phủ nước ngoài."
    )
    figures = extract(text)
    assert [(f.indicator, f.value, f.unit) for f in figures] == [
        ("ngo.amount_total", 1086000, "USD")
    ]
    assert figures[0].equivalent == (25000000000, "VND")


# --- round 10: fresh development articles (Nam Định, Hà Nam, Lâm Đồng, Thừa Thiên Huế, ...) ---


def test_a_count_of_all_projects_whose_foreign_part_follows_is_not_fdi_nor_its_money():
    text = (
        "Năm 2023, tỉnh Hưng Yên cấp phép cho 64 dự án với tổng vốn đăng ký 3.100 tỷ đồng và "
        "85 triệu USD, trong đó có 12 dự án FDI."
    )
    assert _found(text) == [("fdi.projects", 12, "2023")]


def test_a_total_whose_foreign_part_is_counted_after_a_comma_is_not_fdi():
    text = (
        "Trong tổng số 15 dự án được cấp phép tại tỉnh Thái Bình năm 2022, có 6 dự án là vốn đầu "
        "tư nước ngoài (FDI) và 9 dự án đầu tư trong nước."
    )
    assert _found(text) == [("fdi.projects", 6, "2022")]


def test_the_dong_beside_dollars_in_one_statement_are_domestic_investment():
    text = (
        "Năm 2024, tỉnh Ninh Bình cấp mới cho 14 dự án, gồm 5 dự án đầu tư trong nước và 9 dự án "
        "FDI với tổng số vốn đăng ký 2.100 tỷ đồng và 96,5 triệu USD."
    )
    found = _found(text)
    assert ("fdi.capital", 96500000, "2024") in found
    assert not [f for f in found if f[0] == "fdi.capital" and f[1] == 2100000000000]


def test_projects_revoked_are_no_result_of_the_period():
    text = (
        "Năm 2021, tỉnh Hà Nam có 30 dự án FDI được cấp phép mới. Thực hiện thu hồi 6 dự án với "
        "tổng vốn đầu tư 45 triệu USD."
    )
    assert _found(text) == [("fdi.projects", 30, "2021")]


def test_investors_visits_are_not_tourists():
    text = (
        "Năm 2021, tỉnh Trà Vinh đã tiếp và làm việc với 20 lượt nhà đầu tư trong và ngoài nước "
        "đến tỉnh tìm hiểu đầu tư, thăm các khu du lịch."
    )
    assert _found(text) == []


def test_a_grant_the_province_approves_to_receive_is_money_committed():
    text = (
        "UBND tỉnh Quảng Trị ban hành Quyết định phê duyệt tiếp nhận khoản viện trợ không hoàn "
        "lại do tổ chức Sống Xanh (Hoa Kỳ) tài trợ, trị giá 450.000.000 đồng."
    )
    assert [f[:2] for f in _found(text)] == [("ngo.amount_committed", 450000000)]


def test_a_flow_counted_to_a_day_is_the_year_to_that_day_and_a_stock_to_a_day_has_no_period():
    text = (
        "Tính đến hết ngày 15/5, tỉnh Hà Nam đã cấp mới cho 21 dự án FDI. Lũy kế đến hết ngày "
        "31/12/2023 toàn tỉnh có 300 dự án FDI còn hiệu lực."
    )
    assert _found(text, date(2024, 6, 1)) == [
        ("fdi.projects", 21, "2024-01-01/2024-05-15"),
        ("fdi.projects", 300, None),
    ]


def test_a_term_from_a_year_to_a_month_runs_from_that_years_start():
    text = "Giai đoạn 2021 đến tháng 3/2024, tỉnh Thái Bình thu hút 45 dự án FDI."
    assert _found(text) == [("fdi.projects", 45, "2021-01-01/2024-03-31")]


def test_the_parts_of_a_stock_have_no_period_in_its_sentence_or_the_next():
    text = (
        "Đến tháng 6/2019 tại các KCN tỉnh Hà Nam có 300 dự án đầu tư còn hiệu lực; trong đó có "
        "180 dự án FDI. Luỹ kế đến hết ngày 31/12/2019 toàn tỉnh có 260 dự án FDI còn hiệu lực. "
        "Trong đó trong khu công nghiệp có 220 dự án."
    )
    assert [f for f in _found(text) if f[2] is not None] == []


def test_the_money_of_domestic_projects_named_after_the_foreign_ones_is_domestic():
    text = (
        "Năm 2020, tại các KCN tỉnh Nam Định có 90 dự án FDI với tổng vốn đăng ký là 1.200 triệu "
        "USD và 60 dự án trong nước với tổng vốn đầu tư đăng ký là 9.000 tỷ đồng."
    )
    assert [f[:2] for f in _found(text) if f[0] == "fdi.capital"] == [("fdi.capital", 1200000000)]


def test_respectively_pairs_each_amount_with_the_place_named_in_its_rank():
    text = (
        "Vốn FDI vào cả nước tăng mạnh\n\n"
        "Trong 6 tháng đầu năm 2025, cả nước thu hút 15 tỷ USD vốn FDI. Theo sau Hà Nội là Bắc "
        "Ninh, Đồng Nai, Quảng Ninh, với vốn FDI đăng ký cấp mới lần lượt đạt 900 triệu USD; 700 "
        "triệu USD và 500 triệu USD.\n"
    )
    places = {f.value: f.place for f in extract(text) if f.indicator == "fdi.capital"}
    assert (places[900000000], places[700000000], places[500000000]) == (
        "Bắc Ninh",
        "Đồng Nai",
        "Quảng Ninh",
    )


def _places(text: str, published: date | None = None) -> list[tuple]:
    return [(f.indicator, int(f.value), f.place) for f in extract(text, published=published)]


def test_fishermen_held_abroad_are_not_citizens_helped_until_freed():
    held = (
        "Sở Ngoại vụ tỉnh Bến Tre đề nghị Cục Lãnh sự xác minh thông tin 8 ngư dân bị Indonesia "
        "bắt giữ khi đang đánh bắt trên biển."
    )
    assert _found(held) == []
    freed = "Năm 2023, Sở Ngoại vụ phối hợp bảo hộ, đưa 8 ngư dân bị Indonesia bắt giữ trở về nước."
    assert _found(freed) == [("consular.persons", 8, "2023")]


def test_every_number_inside_the_brackets_of_a_comparison_is_its_base():
    text = (
        "Giai đoạn 2021-2023, tỉnh Sóc Trăng tiếp nhận 40 khoản viện trợ phi chính phủ nước ngoài "
        "với tổng giá trị 4,2 triệu USD. So với giai đoạn 2018-2020 (đạt 35 khoản, tổng giá trị "
        "3,1 triệu USD), số khoản viện trợ tăng 5 khoản."
    )
    assert _found(text) == [
        ("ngo.projects", 40, "2021-2023"),
        ("ngo.amount_total", 4200000, "2021-2023"),
    ]


def test_the_level_a_result_is_compared_with_is_not_a_result():
    text = (
        "9 tháng đầu năm 2024, tỉnh Tây Ninh thu hút gần 400 triệu USD vốn FDI, vượt xa mức "
        "chỉ hơn 150 triệu USD của cả năm 2023."
    )
    assert _found(text) == [("fdi.capital", 400000000, "2024-01-01/2024-09-30")]


def test_the_projects_of_a_stock_by_status_are_not_figures():
    text = (
        "Tính đến nay, tỉnh Hậu Giang có 80 dự án FDI với tổng vốn đăng ký 1,2 tỷ USD, trong đó "
        "đã có 52 dự án đi vào hoạt động."
    )
    assert _found(text) == [("fdi.projects", 80, None), ("fdi.capital", 1200000000, None)]
    alone = "Hiện tại, toàn tỉnh Hậu Giang có 80 dự án FDI đang hoạt động."
    assert _found(alone) == [("fdi.projects", 80, None)]


def test_fdi_disbursed_to_date_is_not_registered_capital():
    text = (
        "Hiện tỉnh có 120 dự án FDI với tổng vốn đầu tư 2,5 tỷ USD. Tổng vốn lũy kế thực hiện "
        "các dự án đạt trên 1,8 tỷ USD."
    )
    assert [f[1] for f in _found(text) if f[0] == "fdi.capital"] == [2500000000]


def test_an_amount_in_brackets_in_another_currency_is_its_equivalent():
    text = (
        "Giai đoạn 2016-2020, tỉnh Gia Lai tiếp nhận 60 khoản viện trợ phi chính phủ nước ngoài "
        "có tổng giá trị gần 5,5 triệu USD (khoảng 125 tỷ đồng)."
    )
    figures = extract(text)
    assert [(f.indicator, int(f.value), f.unit) for f in figures] == [
        ("ngo.projects", 60, "count"),
        ("ngo.amount_total", 5500000, "USD"),
    ]
    assert figures[1].to_dict()["equivalent"] == {"value": 125000000000, "unit": "VND"}


def test_capital_added_by_adjustments_is_fdi_capital_not_a_change():
    text = (
        "Trong 6 tháng đầu năm 2023, tỉnh Hưng Yên cấp mới cho 15 dự án FDI và điều chỉnh tăng "
        "vốn cho 20 lượt dự án với số vốn tăng thêm 180 triệu USD."
    )
    assert ("fdi.capital", 180000000, "2023-H1") in _found(text)


def test_a_part_opening_trong_do_has_the_basis_of_its_whole():
    text = (
        "Năm 2022, có 25 khoản viện trợ phi chính phủ nước ngoài với tổng vốn cam kết 9,5 triệu "
        "USD. Trong đó, UBND tỉnh là cơ quan chủ quản của 20 khoản viện trợ với tổng vốn 8,1 "
        "triệu USD."
    )
    assert ("ngo.amount_committed", 8100000, "2022") in _found(text)


def test_the_countrys_total_in_brackets_and_a_regions_total_have_no_place():
    text = (
        "BLA - Quý I/2024, tỉnh Bạc Liêu thu hút 300 triệu USD vốn FDI, chiếm 5% tổng vốn FDI "
        "của cả nước (6 tỷ USD)."
    )
    assert _places(text) == [
        ("fdi.capital", 300000000, "Bạc Liêu"),
        ("fdi.capital", 6000000000, None),
    ]
    region = (
        "Trên địa bàn các tỉnh miền Trung hiện có 2.000 dự án FDI còn hiệu lực. Trong đó, Quảng "
        "Nam có 200 dự án."
    )
    assert _places(region) == [("fdi.projects", 2000, None), ("fdi.projects", 200, "Quảng Nam")]


def test_a_sentence_naming_no_place_goes_on_with_the_one_its_paragraph_named():
    text = (
        "9 tháng đầu năm 2023, tỉnh Bình Định thu hút 150 triệu USD vốn FDI. Ngành chế biến, "
        "chế tạo thu hút nhiều nhất với 90 triệu USD."
    )
    assert [f[2] for f in _places(text)] == ["Bình Định", "Bình Định"]
    source_first = (
        "Số liệu của Bộ Kế hoạch và Đầu tư cho thấy, Bình Định đứng thứ 20 cả nước về thu hút vốn "
        "FDI 9 tháng đầu năm 2023, đạt 150 triệu USD."
    )
    assert [f[2] for f in _places(source_first)] == ["Bình Định"]


def test_now_with_the_subject_between_is_a_stock():
    text = (
        "Trong 6 tháng đầu năm 2024, tỉnh Thái Bình thu hút 12 dự án FDI. Hiện Thái Bình có 300 "
        "dự án FDI với tổng vốn đầu tư 4 tỷ USD."
    )
    assert _found(text, date(2024, 6, 25)) == [
        ("fdi.projects", 12, "2024-H1"),
        ("fdi.projects", 300, None),
        ("fdi.capital", 4000000000, None),
    ]


def test_months_of_the_year_in_an_undated_text_take_the_year_it_named_last():
    text = (
        "Trong 6 tháng đầu năm 2019, vốn FDI vào tỉnh Hà Nam đạt 150 triệu USD.\n\n"
        "Trong 6 tháng đầu năm, tỉnh cấp mới cho 14 dự án FDI."
    )
    assert _found(text) == [
        ("fdi.capital", 150000000, "2019-H1"),
        ("fdi.projects", 14, "2019-H1"),
    ]
    assert _found("Trong 6 tháng đầu năm, tỉnh Hà Nam cấp mới cho 14 dự án FDI.") == [
        ("fdi.projects", 14, None)
    ]


def test_a_line_that_is_one_headline_twice_is_a_related_storys_link():
    headline = "Quảng Nam vận động được 6 tỷ đồng viện trợ phi chính phủ nước ngoài"
    text = (
        "Năm 2023, các tổ chức phi chính phủ nước ngoài viện trợ cho tỉnh Kon Tum 12 khoản viện "
        f"trợ.\n{headline} {headline}\nCác khoản viện trợ tập trung vào y tế, giáo dục.\n"
    )
    assert _found(text) == [("ngo.projects", 12, "2023")]


def test_the_money_of_grants_approved_for_receipt_is_committed_wherever_the_verb_stands():
    text = (
        "Năm 2023, UBND tỉnh Phú Yên đã phê duyệt tiếp nhận 18 khoản viện trợ mới với tổng giá "
        "trị hơn 1,2 triệu USD."
    )
    assert ("ngo.amount_committed", 1200000, "2023") in _found(text)

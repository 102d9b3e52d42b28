"""Wordings met in the held-out set, one behaviour each (see data/ANNOTATIONS.md)."""

from __future__ import annotations

from datetime import date

from doingoai.figures.extraction import extract


def _found(text: str, published: date | None = None) -> list[tuple]:
    return [
        (f.indicator, int(f.value) if f.value == int(f.value) else float(f.value), f.period)
        for f in extract(text, published=published)
    ]


def test_conferences_organised_by_someone_else_were_attended():
    text = "Năm 2024, tỉnh Lào Cai cử cán bộ tham dự 15 hội nghị do Bộ Ngoại giao tổ chức."
    assert _found(text) == [("conferences.attended", 15, "2024")]


def test_a_small_count_written_in_words_is_a_figure():
    text = "6 tháng đầu năm 2023, UBND tỉnh Lai Châu đã cử hai đoàn công tác sang Vân Nam."
    assert _found(text) == [("delegations.outgoing", 2, "2023-H1")]


def test_two_delegations_talking_to_each_other_are_not_a_figure():
    assert _found("Tại buổi làm việc, hai đoàn đã thống nhất nhiều nội dung quan trọng.") == []


def test_a_target_is_not_a_result():
    text = "Năm 2025, tỉnh Lạng Sơn phấn đấu đón 80 đoàn khách quốc tế và thu hút 5 dự án FDI."
    assert _found(text) == []


def test_a_foreign_countrys_growth_is_not_the_provinces():
    text = "Theo số liệu của nước bạn, GDP của Trung Quốc năm 2024 tăng trưởng 5%."
    assert _found(text) == []


def test_a_count_whose_noun_comes_first_is_read():
    text = "Đến nay, số thỏa thuận quốc tế còn hiệu lực của tỉnh Lào Cai là 37."
    assert _found(text) == [("agreements.implementing", 37, None)]


def test_a_part_of_a_figure_keeps_its_indicator():
    text = (
        "Năm 2019, UBND tỉnh Thừa Thiên Huế đã tiếp 186 đoàn khách quốc tế, trong đó có 11 đoàn "
        "cấp Nguyên thủ, Bộ trưởng."
    )
    assert _found(text) == [
        ("delegations.incoming", 186, "2019"),
        ("delegations.incoming", 11, "2019"),
    ]


def test_a_quarter_stated_for_a_part_is_not_the_wholes():
    text = (
        "Trong 9 tháng đầu năm 2024, tỉnh Lạng Sơn đã đón tiếp 57 đoàn với 623 lượt khách nước "
        "ngoài, trong đó riêng quý III/2024 đón 18 đoàn."
    )
    nine_months = "2024-01-01/2024-09-30"
    assert _found(text) == [
        ("delegations.incoming", 57, nine_months),
        ("delegations.incoming_persons", 623, nine_months),
        ("delegations.incoming", 18, "2024-Q3"),
    ]


def test_the_term_of_an_agreement_is_not_the_period_of_its_signing():
    text = (
        "Năm 2022, tỉnh Điện Biên ký kết 6 biên bản hội đàm, thỏa thuận hợp tác giai đoạn "
        "2022 - 2026 với các tỉnh Bắc Lào."
    )
    assert _found(text) == [("agreements.signed", 6, "2022")]


def test_workers_abroad_are_neither_foreigners_nor_delegations():
    text = (
        "Hiện tỉnh Nghệ An có khoảng 15.320 người lao động đang đi làm việc ở nước ngoài theo "
        "hợp đồng."
    )
    assert _found(text) == []


def test_visitors_received_without_delegations_are_tourists():
    text = "Năm 2018, tỉnh Kiên Giang đón 3,1 triệu lượt khách."
    assert _found(text) == [("tourism.visitors", 3100000, "2018")]


def test_delegation_visits_are_delegations_not_person_trips():
    text = "Trong 10 năm qua, tỉnh Kon Tum đã đón 236 lượt đoàn với 2.450 lượt người nước ngoài."
    assert _found(text, published=date(2020, 9, 15)) == [
        ("delegations.incoming", 236, "2010-2020"),
        ("delegations.incoming_persons", 2450, "2010-2020"),
    ]


def test_the_world_banks_funding_of_an_oda_project_is_oda():
    text = (
        "Năm 2022, tỉnh Điện Biên có 2 dự án ODA đang thực hiện với tổng vốn 33 triệu USD do "
        "Ngân hàng Thế giới tài trợ."
    )
    assert _found(text) == [("oda.projects", 2, "2022"), ("oda.amount", 33000000, "2022")]


def test_aid_money_in_a_sentence_of_its_own_belongs_to_the_aid_of_its_paragraph():
    text = (
        "Năm 2023, tỉnh Lai Châu vận động được 11 khoản viện trợ PCPNN. Giá trị giải ngân đạt "
        "8,2 tỷ đồng."
    )
    assert _found(text) == [
        ("ngo.projects", 11, "2023"),
        ("ngo.amount_disbursed", 8200000000, "2023"),
    ]

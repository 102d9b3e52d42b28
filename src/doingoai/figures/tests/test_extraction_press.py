"""Real press articles (data/press): the kinds of wording the rules missed, and a floor.

The short texts below are written in the manner of the corpus's development part, one case per
general rule, not copied from it. The last tests run the extractor over the corpus's test
part, which the rules were not tuned on, and hold it above a floor a few points under what was
measured when the rules last changed (data/press/README.md): they fail when a change makes
the extractor worse on text it has never seen.
"""

from __future__ import annotations

import csv
import unicodedata
from datetime import date

from doingoai.figures.extraction import extract
from doingoai.figures.extraction.baseline import keyword_baseline
from doingoai.figures.extraction.evaluate import (
    ANNOTATIONS,
    PRESS_MANIFEST,
    load_annotations,
    place_key,
    press_paths,
    score_press_split,
    score_set,
    seed_paths,
)

# Measured on the test part of round 8 (data/press/README.md, "Round 8: a fresh test part": 35
# articles, 58 figures; family F1 0.631, strict 0.619, period right 77%, place right 100%), less a
# margin of a few points: one figure of the 58 moves F1 by about 1.5 points.
TEST_FAMILY_F1_FLOOR = 0.59
TEST_STRICT_F1_FLOOR = 0.58
TEST_PERIOD_RIGHT_FLOOR = 0.72
TEST_PLACE_RIGHT_FLOOR = 0.95
# The development part, which the rules are tuned on (178 articles, 389 figures, with the old test
# part and rounds 10 and 11 moved in; 0.942 / 0.932 / 95% / 97% at the last change of round 11): a
# change that fixes one article by breaking others fails here.
DEV_FAMILY_F1_FLOOR = 0.91
DEV_STRICT_F1_FLOOR = 0.90
DEV_PERIOD_RIGHT_FLOOR = 0.91
DEV_PLACE_RIGHT_FLOOR = 0.94


def _figures(text: str, published: date | None = None) -> list[tuple]:
    return [
        (f.indicator, float(f.value), f.unit, f.period, f.place)
        for f in extract(text, published=published)
    ]


# --- place ---------------------------------------------------------------------------------


def test_it_takes_the_province_from_the_address_of_a_provincial_site():
    text = (
        "https://baoyenbai.com.vn/12/300000/tin.htm\n"
        "Thu hút thêm dự án phi chính phủ\n\n"
        "Năm 2023, toàn tỉnh tiếp nhận 14 dự án phi chính phủ nước ngoài.\n"
    )
    assert _figures(text) == [("ngo.projects", 14, "count", "2023", "Yên Bái")]


def test_it_lets_the_story_name_its_province_over_the_address_of_another_provinces_site():
    text = (
        "https://baoyenbai.com.vn/12/300001/tin.htm\n"
        "Tiếp nhận công dân\n\n"
        "Ngày 3-5, Bộ đội Biên phòng tỉnh An Giang làm thủ tục tại cửa khẩu Vĩnh Xương. Đơn vị đã "
        "tiếp nhận 41 công dân do Campuchia trao trả, rồi bàn giao cho Công an An Giang.\n"
    )
    assert [(f[0], f[1], f[4]) for f in _figures(text)] == [("consular.persons", 41, "An Giang")]


def test_it_gives_a_national_round_up_no_province_and_each_ranked_province_its_own_figure():
    text = (
        "Vốn FDI vào cả nước tăng mạnh\n\n"
        "Trong năm 2023, cả nước có 3.188 dự án mới được cấp phép. Trong đó, TP.HCM dẫn đầu với "
        "tổng vốn đăng ký 4,5 tỷ USD; tiếp đến là Bắc Ninh thu hút 1,2 tỷ USD; Hải Phòng "
        "900 triệu USD.\n"
    )
    places = [(f[0], f[1], place_key(f[4])) for f in _figures(text)]
    assert places == [
        ("fdi.projects", 3188, None),
        ("fdi.capital", 4.5e9, "hồ chí minh"),
        ("fdi.capital", 1.2e9, "bắc ninh"),
        ("fdi.capital", 9e8, "hải phòng"),
    ]


def test_it_gives_a_ranked_figure_to_the_province_that_opens_or_closes_its_clause():
    text = (
        "Vốn FDI vào cả nước quý I/2023\n\n"
        "Theo đó, Bắc Giang dẫn đầu với tổng vốn đầu tư đăng ký hơn 1,1 tỷ USD. Sau Bắc Giang, "
        "Đồng Nai xếp thứ hai với tổng vốn đầu tư đăng ký 607 triệu USD. Với tổng vốn đầu tư "
        "đăng ký 500 triệu USD, Bắc Ninh đứng thứ ba. Cụ thể, địa phương có 53 dự án cấp mới.\n"
    )
    assert [(f[0], f[1], f[4]) for f in _figures(text)] == [
        ("fdi.capital", 1.1e9, "Bắc Giang"),
        ("fdi.capital", 6.07e8, "Đồng Nai"),
        ("fdi.capital", 5e8, "Bắc Ninh"),
        ("fdi.projects", 53, "Bắc Ninh"),
    ]


def test_it_gives_no_province_to_a_sentence_about_the_country_in_a_provincial_paper():
    text = (
        "https://baoquangtri.vn/tin.htm\n"
        "Biên giới hữu nghị\n\n"
        "Việt Nam và Lào có chung đường biên giới dài hơn 2.300 km. Năm 2022, du lịch Việt Nam "
        "đã đón 3,6 triệu lượt khách quốc tế.\n"
    )
    assert [(f[0], f[4]) for f in _figures(text)] == [
        ("geography.border_length_km", None),
        ("tourism.visitors", None),
    ]


# --- one figure stated twice ---------------------------------------------------------------


def test_it_reads_a_headline_figure_the_body_states_again_as_the_bodys_figure():
    text = (
        "Quảng Ngãi tiếp nhận 20 khoản viện trợ phi chính phủ\n\n"
        "Năm 2022, tỉnh Quảng Ngãi tiếp nhận 20 khoản viện trợ phi chính phủ nước ngoài.\n"
    )
    assert _figures(text) == [("ngo.projects", 20, "count", "2022", "Quảng Ngãi")]


def test_it_reads_a_count_restated_inside_an_amounts_noun_phrase_once_and_the_amounts_basis():
    text = (
        "Năm 2022, tỉnh Gia Lai có 18 chương trình, dự án phi chính phủ nước ngoài. Tổng vốn "
        "cam kết viện trợ của 18 chương trình, dự án là 900.000 USD.\n"
    )
    assert _figures(text) == [
        ("ngo.projects", 18, "count", "2022", "Gia Lai"),
        ("ngo.amount_committed", 900000, "USD", "2022", "Gia Lai"),
    ]


# --- periods -------------------------------------------------------------------------------


def test_it_reads_tinh_den_thang_as_the_year_up_to_the_end_of_that_month():
    text = "Tính đến tháng 8-2019, tỉnh Hà Nam đã giải ngân 1,2 triệu USD viện trợ phi chính phủ."
    assert _figures(text) == [
        ("ngo.amount_disbursed", 1.2e6, "USD", "2019-01-01/2019-08-31", "Hà Nam")
    ]


def test_it_reads_from_the_start_of_the_year_to_a_day_and_months_without_the_word_nam():
    text = (
        "Từ đầu năm đến 20/3/2023, tỉnh Bắc Giang thu hút 1,1 tỷ USD vốn FDI. Trong 4 tháng đầu "
        "2023, tỉnh Bắc Giang thu hút 25 dự án FDI."
    )
    assert [(f[0], f[3]) for f in _figures(text)] == [
        ("fdi.capital", "2023-01-01/2023-03-20"),
        ("fdi.projects", "2023-01-01/2023-04-30"),
    ]


def test_it_reads_what_there_is_at_the_end_of_a_month_as_a_stock():
    text = "Tính đến tháng 12-2020, tỉnh Bắc Ninh có 4.500 lao động nước ngoài đang làm việc."
    assert _figures(text) == [("foreigners.resident", 4500, "persons", None, "Bắc Ninh")]


def test_it_reads_up_to_the_end_of_december_as_the_whole_year():
    text = "Tính đến cuối tháng 12/2020, tỉnh Phú Yên thu hút 6 dự án phi chính phủ nước ngoài."
    assert _figures(text) == [("ngo.projects", 6, "count", "2020", "Phú Yên")]


def test_it_reads_years_back_written_as_a_word():
    text = "Trong ba năm qua, tỉnh Hòa Bình đã ký 9 thỏa thuận hợp tác quốc tế."
    assert _figures(text, date(2024, 12, 1)) == [
        ("agreements.signed", 9, "count", "2021-2024", "Hòa Bình")
    ]


def test_it_does_not_take_an_agreements_term_or_the_origin_of_projects_for_a_period():
    text = (
        "Ngày 2-4, tỉnh Sơn La và 3 tỉnh Bắc Lào đã ký kết hợp tác giai đoạn 2021 - 2025 với "
        "sự chứng kiến của đoàn đại biểu 3 tỉnh Bắc Lào. Năm 2021, tỉnh có 4 dự án phi chính "
        "phủ chuyển tiếp năm 2020.\n"
    )
    assert _figures(text) == [
        ("partners.foreign_localities", 3, "count", None, "Sơn La"),
        ("ngo.projects", 4, "count", "2021", "Sơn La"),
    ]


def test_it_keeps_a_paragraph_that_opens_with_cu_the_in_the_period_of_the_one_before():
    text = (
        "Giai đoạn 2016 - 2020, tỉnh Bình Thuận huy động nhiều nguồn viện trợ.\n\n"
        "Cụ thể, tỉnh đã ký kết 40 chương trình, dự án phi chính phủ nước ngoài.\n"
    )
    assert _figures(text) == [("ngo.projects_signed", 40, "count", "2016-2020", "Bình Thuận")]


# --- what is not a result ------------------------------------------------------------------


def test_it_does_not_take_a_monthly_average_for_a_result():
    text = (
        "Năm 2023, tỉnh Cà Mau tiếp nhận 120 ngư dân được nước ngoài trao trả về nước. Trung "
        "bình hàng tháng có khoảng 10 ngư dân được trao trả."
    )
    assert _figures(text) == [("consular.persons", 120, "persons", "2023", "Cà Mau")]


def test_it_does_not_take_a_yearly_rate_for_an_amount():
    text = (
        "Năm 2023, tỉnh Cao Bằng thu hút hơn 2 triệu USD/năm từ nguồn viện trợ phi chính phủ "
        "nước ngoài."
    )
    assert _figures(text) == []


def test_it_still_reads_grdp_per_head_a_year():
    text = "Năm 2023, GRDP bình quân đầu người của tỉnh Hà Giang ước đạt 40 triệu đồng/năm."
    assert _figures(text) == [("economy.grdp_per_capita", 4e7, "VND", "2023", "Hà Giang")]


def test_it_does_not_take_the_rest_of_a_list_of_targets_for_results():
    text = (
        "Năm 2024, tỉnh Lào Cai đặt mục tiêu phấn đấu đón 5 triệu lượt khách du lịch; phục vụ "
        "800 nghìn lượt khách quốc tế."
    )
    assert _figures(text) == []


def test_it_counts_domestic_visitors_as_tourist_visits():
    text = "Năm 2023, tỉnh Lào Cai đón 7 triệu lượt khách du lịch. Khách nội địa đạt 6 triệu lượt."
    assert [f[1] for f in _figures(text)] == [7e6, 6e6]


def test_it_does_not_take_arrested_fishermen_for_citizens_helped_until_the_case_is_handled():
    arrested = "Năm 2023, 12 tàu cá của tỉnh Bến Tre với 90 ngư dân bị nước ngoài bắt giữ."
    handled = "Năm 2023, tỉnh Bến Tre xử lý 12 vụ việc với 90 ngư dân bị nước ngoài bắt giữ."
    assert _figures(arrested) == []
    assert ("consular.persons", 90, "persons", "2023", "Bến Tre") in _figures(handled)


def test_it_does_not_take_disbursed_fdi_or_fdi_firms_gifts_for_registered_capital():
    text = (
        "Năm 2023, vốn FDI giải ngân của tỉnh Bắc Giang đạt 1,1 tỷ USD. Các doanh nghiệp FDI đã "
        "ủng hộ 3 tỷ đồng cho quỹ vì người nghèo của tỉnh Bắc Giang."
    )
    assert _figures(text) == []


def test_it_does_not_count_vietnamese_provinces_or_the_two_parties_as_foreign_partners():
    text = (
        "Năm 2023, các nhà đầu tư nước ngoài đã đầu tư vào 50 tỉnh, thành phố trên cả nước. "
        "Tỉnh Long An và tỉnh Liêu Ninh ký kết hợp tác hữu nghị giữa 2 địa phương."
    )
    assert [f for f in _figures(text) if f[0] == "partners.foreign_localities"] == []


# --- wordings ------------------------------------------------------------------------------


def test_it_reads_projects_said_to_be_new_as_newly_signed():
    text = "Năm 2023, tỉnh Đắk Lắk có 11 dự án phi chính phủ mới với tổng giá trị 2 triệu USD."
    assert _figures(text)[0] == ("ngo.projects_signed", 11, "count", "2023", "Đắk Lắk")


def test_it_reads_generic_aid_words_in_an_article_about_oda_as_oda_in_yen():
    text = (
        "Vốn ODA Nhật Bản cho Việt Nam\n\n"
        "Về các dự án viện trợ không hoàn lại, có 3 dự án đang triển khai trị giá 2,1 tỷ yên.\n"
    )
    assert _figures(text) == [
        ("oda.projects", 3, "count", None, None),
        ("oda.amount", 2.1e9, "JPY", None, None),
    ]


def test_it_reads_english_style_thousands_where_they_cannot_be_vietnamese():
    text = "Năm 2021, tỉnh Quảng Nam nhận 1,250,000 USD viện trợ phi chính phủ nước ngoài."
    assert _figures(text) == [("ngo.amount_total", 1250000, "USD", "2021", "Quảng Nam")]


def test_it_keeps_the_words_before_a_number_that_voi_introduces():
    # The sentence names no kind of investment: only "vốn đăng ký", between the number before
    # and "với", says the amount is registered capital of the headline's FDI.
    text = (
        "Thu hút FDI năm 2022\n\n"
        "Trong số 40 tỉnh, thành phố, Bình Dương có số vốn đăng ký lớn nhất với 3,1 tỷ USD.\n"
    )
    assert _figures(text) == [("fdi.capital", 3.1e9, "USD", "2022", "Bình Dương")]


def test_it_reads_a_list_after_a_colon_as_the_counts_own_words():
    text = (
        "Năm 2022, 2 đồn biên phòng: Thanh Thủy, Xín Cái (tỉnh Hà Giang) ký kết nghĩa với các "
        "trạm kiểm soát biên phòng phía Trung Quốc."
    )
    assert _figures(text) == [("friendship.border_posts", 2, "count", "2022", "Hà Giang")]


# --- the corpus ----------------------------------------------------------------------------


def test_every_press_article_has_a_manifest_row_with_its_source_address():
    with PRESS_MANIFEST.open(encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    files = {f"{split}/{p.name}" for split in ("dev", "test") for p in press_paths(split)}
    assert files == set(rows)
    for name, row in rows.items():
        first_line = (PRESS_MANIFEST.parent / name).read_text(encoding="utf-8").split("\n")[0]
        assert row["source"] == first_line.strip() and row["split"] == name.split("/")[0], name


def test_every_press_annotation_points_at_the_words_it_quotes_in_the_nfc_text():
    for split in ("dev", "test"):
        texts = {
            p.name: unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))
            for p in press_paths(split)
        }
        for figure in load_annotations(PRESS_MANIFEST.parent / f"{split}_annotations.jsonl"):
            assert texts[figure["doc"]][figure["start"] : figure["end"]] == figure["text"], figure


def test_it_holds_its_scores_on_real_articles_it_was_not_tuned_on():
    result = score_press_split("test")
    _, _, family_f1 = result.family
    _, _, strict_f1 = result.strict
    assert family_f1 >= TEST_FAMILY_F1_FLOOR, result.report()
    assert strict_f1 >= TEST_STRICT_F1_FLOOR, result.report()
    assert result.period_accuracy >= TEST_PERIOD_RIGHT_FLOOR, result.report()
    assert result.place_accuracy >= TEST_PLACE_RIGHT_FLOOR, result.report()


def test_it_holds_its_scores_on_the_part_it_is_tuned_on():
    result = score_press_split("dev")
    assert result.family[2] >= DEV_FAMILY_F1_FLOOR, result.report()
    assert result.strict[2] >= DEV_STRICT_F1_FLOOR, result.report()
    assert result.period_accuracy >= DEV_PERIOD_RIGHT_FLOOR, result.report()
    assert result.place_accuracy >= DEV_PLACE_RIGHT_FLOOR, result.report()


def test_the_corpus_holds_articles_with_numbers_but_no_catalogue_figure_in_both_parts():
    for split in ("dev", "test"):
        gold = load_annotations(PRESS_MANIFEST.parent / f"{split}_annotations.jsonl")
        with_figures = {d["doc"] for d in gold}
        without = [
            p
            for p in press_paths(split)
            if p.name not in with_figures
            and any(c.isdigit() for c in p.read_text().split("\n", 1)[1])
        ]
        assert len(without) >= (20 if split == "dev" else 8), (split, len(without))


def test_the_seed_articles_stay_fully_read():
    result = score_set(seed_paths(), ANNOTATIONS)
    assert (result.misses, result.spurious) == ([], []), result.report()


def test_it_does_better_than_a_plain_keyword_baseline_on_both_parts():
    for split in ("dev", "test"):
        ours = score_press_split(split).family[2]
        baseline = score_press_split(split, keyword_baseline).family[2]
        assert ours > baseline, (split, ours, baseline)


# --- round 4: kinds of error found on the development part's fourth round -------------------


def test_it_does_not_take_what_fdi_firms_give_to_welfare_as_fdi_capital():
    text = (
        "Năm 2024, tỉnh Bình Thuận tiếp nhận 12 khoản viện trợ phi chính phủ nước ngoài. Các "
        "doanh nghiệp FDI cũng tham gia chương trình an sinh xã hội, đóng góp hơn 2,4 tỷ đồng.\n"
    )
    assert [f[0] for f in _figures(text)] == ["ngo.projects"]


def test_it_does_not_take_a_domestic_donation_on_an_ngo_page_as_ngo_aid():
    text = (
        "Công tác phi chính phủ nước ngoài\n\n"
        "Liên hiệp các tổ chức hữu nghị tỉnh ủng hộ 500 triệu đồng xây nhà cho hộ nghèo. Năm "
        "2023, các tổ chức phi chính phủ nước ngoài viện trợ 40 tỷ đồng cho tỉnh Sơn La.\n"
    )
    assert [(f[0], f[1]) for f in _figures(text)] == [("ngo.amount_total", 4e10)]


def test_it_counts_fishermen_freed_after_the_ministrys_note_as_citizens_protected():
    text = (
        "Sở Ngoại vụ Thanh Hóa cho biết, sau công hàm của Bộ Ngoại giao, tàu cá TH-9021 cùng "
        "7 thuyền viên đã được thả tự do. Năm 2023 có 9 thuyền viên khác bị bắt.\n"
    )
    assert [(f[0], f[1]) for f in _figures(text)] == [("consular.persons", 7)]


def test_it_takes_a_headlines_rounded_amount_as_the_bodys_exact_one():
    text = (
        "Thu hút hơn 5 tỷ USD vốn FDI\n\n"
        "Năm 2022, tổng vốn FDI đăng ký cấp mới và tăng thêm vào cả nước là 5,216 tỷ USD.\n"
    )
    assert [(f[0], f[1], f[3]) for f in _figures(text)] == [("fdi.capital", 5.216e9, "2022")]


def test_it_reads_the_two_parties_of_a_pact_as_no_count_but_two_partners_after_with_as_two():
    parties = (
        "Năm 2019, hai Đảng, hai Nhà nước, hai địa phương thống nhất tăng cường quan hệ hữu nghị "
        "ở khu vực biên giới tỉnh Lai Châu.\n"
    )
    assert _figures(parties) == []
    partners = "Năm 2019, tỉnh Lai Châu thiết lập quan hệ hữu nghị với hai địa phương của Lào.\n"
    assert [(f[0], f[1]) for f in _figures(partners)] == [("partners.foreign_localities", 2)]


def test_it_does_not_give_a_national_figure_the_province_named_only_in_its_breakdown():
    text = (
        "Từ đầu năm 2018 đến nay, hơn 200 ngư dân Việt Nam được đưa về nước, trong đó có nhiều "
        "ngư dân Bình Định.\n"
    )
    assert [(f[0], f[1], f[4]) for f in _figures(text)] == [("consular.persons", 200, None)]


def test_it_reads_a_donors_decision_to_fund_as_money_committed():
    text = (
        "Năm 2023, tổ chức phi chính phủ KOTO/Úc đã quyết định tài trợ 350 triệu đồng cho "
        "dự án nước sạch ở tỉnh Trà Vinh.\n"
    )
    assert [(f[0], f[1]) for f in _figures(text)] == [("ngo.amount_committed", 3.5e8)]


# --- round 5 ----------------------------------------------------------------------------------


def test_it_does_not_take_an_average_per_project_as_an_amount():
    text = (
        "Trong 6 tháng đầu năm 2023, cả nước có 900 dự án FDI mới, bình quân hơn 4,2 triệu "
        "USD/dự án.\n"
    )
    assert [f[0] for f in _figures(text)] == ["fdi.projects"]


def test_it_takes_the_period_the_lead_opens_with_after_its_source_for_later_paragraphs():
    text = (
        "Vốn FDI tăng mạnh\n\n"
        "Theo Cục Đầu tư nước ngoài, từ đầu năm đến ngày 20-4, cả nước có 700 dự án mới được cấp "
        "phép với tổng vốn đăng ký gần 5 tỉ USD, tăng 10% so với cùng kỳ năm trước; tính cả góp "
        "vốn, tổng vốn đăng ký đạt hơn 8 tỉ USD.\n\n"
        "Các nhà đầu tư nước ngoài đã đầu tư vào 18 ngành; công nghiệp chế biến, chế tạo dẫn đầu "
        "với tổng vốn đầu tư đăng ký hơn 3 tỉ USD.\n"
    )
    periods = {f[3] for f in _figures(text, published=date(2023, 4, 28))}
    assert periods == {"2023-01-01/2023-04-20"}


def test_it_gives_a_national_ranking_on_a_provincial_site_no_province_of_the_site():
    text = (
        "https://baoquangngai.vn/kinh-te/202405/tin.htm\n"
        "Các tỉnh hút vốn FDI\n\n"
        "Năm 2023, cả nước thu hút 2.000 dự án FDI mới. Theo Cục Đầu tư nước ngoài, Hải Phòng dẫn "
        "đầu với tổng vốn đầu tư đăng ký hơn 3 tỷ USD. Tiếp theo là Bắc Giang với gần 2 tỷ USD. "
        "Quảng Ninh đứng thứ ba với tổng vốn đăng ký 1,5 tỷ USD.\n"
    )
    places = [(f[0], f[1], f[4]) for f in _figures(text)]
    assert places == [
        ("fdi.projects", 2000, None),
        ("fdi.capital", 3e9, "Hải Phòng"),
        ("fdi.capital", 2e9, "Bắc Giang"),
        ("fdi.capital", 1.5e9, "Quảng Ninh"),
    ]


def test_it_reads_the_organisations_behind_projects_of_ngo_aid_as_ngos_over_the_years_in_brackets():
    text = (
        "Trong 10 năm qua (2010-2019) các dự án viện trợ phi chính phủ nước ngoài tại tỉnh Yên "
        "Bái đạt tổng giá trị 12 triệu USD thông qua 90 dự án của 25 tổ chức.\n"
    )
    figures = _figures(text, published=date(2020, 1, 15))
    assert [(f[0], f[1], f[3]) for f in figures] == [
        ("ngo.amount_total", 1.2e7, "2010-2019"),
        ("ngo.projects", 90, "2010-2019"),
        ("ngo.organisations", 25, "2010-2019"),
    ]


def test_it_gives_a_programmes_money_over_its_term_no_period():
    text = (
        "Năm 2022, tỉnh Gia Lai tiếp nhận 20 dự án phi chính phủ nước ngoài.\n\n"
        "Tại buổi làm việc, UBND tỉnh và tổ chức Plan đã ký biên bản ghi nhớ thực hiện Chương "
        "trình hỗ trợ trẻ em trong giai đoạn năm 2023-2027 với tổng kinh phí cam kết là "
        "2.500.000 USD.\n"
    )
    figures = _figures(text)
    assert [(f[0], f[3]) for f in figures] == [
        ("ngo.projects", "2022"),
        ("ngo.amount_committed", None),
    ]


def test_it_takes_no_crime_handled_at_the_border_nor_a_units_number_as_a_consular_figure():
    text = (
        "Đoàn đại biểu Cụm 5 Đồn Biên phòng tỉnh Lạng Sơn hội đàm với phía Trung Quốc. Hai bên đã "
        "phối hợp xử lý 30 vụ với 200 công dân xuất, nhập cảnh trái phép.\n"
    )
    assert _figures(text) == []


def test_it_does_not_count_the_people_of_an_incident_told_as_an_example_as_citizens_helped():
    text = (
        "Năm 2022, tỉnh An Giang tiếp nhận 60 công dân do Campuchia trao trả. Điển hình như vụ 30 "
        "người bỏ trốn khỏi casino, bơi về nước.\n"
    )
    assert [(f[0], f[1]) for f in _figures(text)] == [("consular.persons", 60)]


def test_it_takes_an_unqualified_headline_rounding_the_bodys_amount_as_the_body_figure():
    text = (
        "NGO hỗ trợ 12,4 triệu USD\n\n"
        "Năm 2019, các tổ chức phi chính phủ nước ngoài viện trợ tỉnh Sơn La tổng giá trị "
        "12.412.500 USD.\n"
    )
    assert [(f[1], f[3]) for f in _figures(text)] == [(12412500, "2019")]


# --- round 6 ----------------------------------------------------------------------------------


def test_it_splits_sentences_a_site_glued_together_but_not_an_abbreviation():
    text = (
        "Công an sẽ kiểm tra hơn 5.000 cơ sở lưu trú như khách sạn, chung cư.Tại thành phố Hồ Chí "
        "Minh hiện có hơn 90.000 người nước ngoài đang cư trú.\n"
    )
    figures = [(f[0], f[1], place_key(f[4])) for f in _figures(text)]
    assert figures == [("foreigners.resident", 90000, "hồ chí minh")]


def test_it_reads_a_run_of_days_of_one_month_as_the_period():
    text = (
        "Từ 2 – 6/04/2021, Bộ Ngoại giao đã phối hợp hỗ trợ khoảng 300 công dân về nước an toàn.\n"
    )
    assert [(f[0], f[1], f[3]) for f in _figures(text)] == [
        ("consular.persons", 300, "2021-04-02/2021-04-06")
    ]


# --- round 7 ----------------------------------------------------------------------------------


def test_it_takes_no_average_per_project_nor_counts_of_adjustments_as_figures():
    text = (
        "Trong 6 tháng đầu năm 2024, các nhà đầu tư Nhật Bản đã triển khai 120 dự án FDI mới tại "
        "Việt Nam, tổng vốn đăng ký cấp mới đạt hơn 900 triệu USD, với bình quân mỗi dự án đạt "
        "hơn 7 triệu USD. Ngoài ra, các nhà đầu tư Nhật Bản đã điều chỉnh vốn cho 40 dự án FDI, "
        "bổ sung thêm hơn 200 triệu USD.\n"
    )
    assert [(f[0], f[1]) for f in _figures(text)] == [
        ("fdi.projects", 120),
        ("fdi.capital", 9e8),
        ("fdi.capital", 2e8),
    ]


def test_it_gives_the_same_period_to_a_figure_in_the_same_term_and_the_province_invested_in():
    text = (
        "Trong 9 tháng đầu năm 2023, cả nước có 300 dự án FDI mới của nhà đầu tư Singapore. Trong "
        "cùng kỳ, cả nước có 200 dự án FDI mới của nhà đầu tư Hàn Quốc. Các nhà đầu tư Hàn Quốc "
        "tập trung nhiều vào Bắc Ninh với tổng vốn FDI hơn 5 tỷ USD.\n"
    )
    figures = [(f[1], f[3], f[4]) for f in _figures(text, published=date(2023, 10, 5))]
    assert figures == [
        (300, "2023-01-01/2023-09-30", None),
        (200, "2023-01-01/2023-09-30", None),
        (5e9, "2023-01-01/2023-09-30", "Bắc Ninh"),
    ]


# --- round 8, kinds read on the development part (the old test part moved there) -----------


def test_foreigners_who_regularly_stay_in_the_province_are_residents():
    text = (
        "https://baoyenbai.com.vn/1/tin.htm\n\n"
        "Trên địa bàn tỉnh hiện có hơn 1.200 người nước ngoài thường xuyên lưu trú, hoạt động.\n"
    )
    assert _figures(text) == [("foreigners.resident", 1200, "persons", None, "Yên Bái")]


def test_an_amount_in_brackets_after_a_comparison_is_its_base_not_a_figure():
    text = (
        "https://baoyenbai.com.vn/1/tin.htm\n\n"
        "Quý I/2024, tỉnh thu hút 4 dự án FDI với tổng vốn đăng ký 52 triệu USD, tăng mạnh so "
        "với cùng kỳ năm 2023 (12,5 triệu USD).\n"
    )
    assert _figures(text) == [
        ("fdi.projects", 4, "count", "2024-Q1", "Yên Bái"),
        ("fdi.capital", 52000000, "USD", "2024-Q1", "Yên Bái"),
    ]

"""The detector of English on a Vietnamese page (``doingoai.testing``) finds the catalogue's
source strings and the known English data, and nothing in Vietnamese text or in codes."""

from doingoai.testing import untranslated_strings, visible_text


def test_it_finds_a_catalogue_string_left_in_english():
    assert untranslated_strings("Trạng thái: Draft → Đã trình") == ["Draft"]


def test_it_finds_a_verbose_name_printed_with_a_capital_first_letter():
    assert "unit or currency" in untranslated_strings("Unit or currency: VND")


def test_it_finds_a_message_whatever_stands_in_its_placeholders():
    text = "“abc” is not a period; write one of: 2022, 2024-Q1"
    assert untranslated_strings(text) == ["“%(text)s” is not a period; write one of: %(forms)s"]


def test_it_finds_an_english_rule_text_and_the_english_units():
    text = ("The province's annual report on international conferences and seminars to the "
            "Ministry of Foreign Affairs by 18 December (Form 03), covering 15 December of the "
            "year before to 14 December. 2.689 persons")
    found = untranslated_strings(text)
    assert len(found) == 2 and "persons" in found


def test_it_finds_nothing_in_vietnamese_text_codes_and_acronyms():
    text = ("Tỉnh gửi Bộ Ngoại giao báo cáo hằng năm; mã delegations.outgoing, "
            "passport.return_working_days; tải về XLSX, CSV, JSON; Email; ODA; FDI")
    assert untranslated_strings(text) == []


def test_it_leaves_out_data_it_is_told_to_ignore():
    assert untranslated_strings("Draft", ignore={"Draft"}) == []


def test_visible_text_keeps_what_a_reader_sees_and_leaves_out_scripts_codes_and_english_marks():
    html = ('<p title="Gợi ý">Văn bản <code>delegation.report_days</code></p>'
            '<script>var label = "Draft";</script><button lang="en">English</button>'
            '<input type="submit" value="Lưu"><input placeholder="Tìm kiếm">')
    text = visible_text(html)
    assert "Gợi ý" in text and "Văn bản" in text and "Lưu" in text and "Tìm kiếm" in text
    assert "delegation" not in text and "Draft" not in text and "English" not in text

"""Issue 11 §4: the DOCX read back with python-docx follows each rule of Decree 30/2020/NĐ-CP
the report applies (and, through LibreOffice, lays out the heading block on one line each
and numbers the pages from the second)."""

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from doingoai.lib.periods import parse_period
from doingoai.reports.document import issuer_for
from doingoai.reports.exports import render
from doingoai.reports.exports.word import as_docx
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import make_records


@pytest.fixture
def report(ha_giang, ha_giang_figures):
    make_records(ha_giang)
    return build_report([ha_giang], parse_period("2023"))


@pytest.fixture
def document(report):
    return Document(io.BytesIO(as_docx(report, "vi", issued_on=dt.date(2026, 1, 15))))


def body_paragraphs(document):
    return [p for p in document.paragraphs if p.text.strip()]


def test_the_page_is_a4_with_the_decrees_margins(document):
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert 20 <= round(section.top_margin.mm) <= 25
        assert 20 <= round(section.bottom_margin.mm) <= 25
        assert 30 <= round(section.left_margin.mm) <= 35
        assert 15 <= round(section.right_margin.mm) <= 20


def test_the_body_is_times_new_roman_of_13_to_14_points(document):
    sizes = set()
    for paragraph in body_paragraphs(document):
        for run in paragraph.runs:
            assert run.font.name == "Times New Roman", paragraph.text
            sizes.add(run.font.size.pt)
    assert sizes and sizes <= {13.0, 14.0}


def test_the_language_is_vietnamese(document):
    normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "vi-VN"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(
        qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert defaults.get(qn("w:val")) == "vi-VN"


def test_pages_are_numbered_at_the_top_centre_from_the_second(document):
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert not first.first_page_header.paragraphs[0].text
    header = first.header.paragraphs[0]
    assert header.alignment == 1  # centre
    assert "PAGE" in "".join(t.text for t in header._element.iter(qn("w:instrText")))
    for later in document.sections[1:]:
        assert not later.different_first_page_header_footer  # the annex page is numbered


def test_the_heading_block_has_the_issuer_number_national_name_and_date(document):
    head = document.tables[0]
    left, right = (cell.text.split("\n") for cell in head.rows[0].cells)
    assert left == ["UBND TỈNH TUYÊN QUANG", "SỞ NGOẠI VỤ", "Số:      /BC-SNV"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Tuyên Quang, ngày 15 tháng 01 năm 2026"]
    issuer, national = head.rows[0].cells[0].paragraphs, head.rows[0].cells[1].paragraphs
    assert issuer[1].runs[0].bold and issuer[1].runs[0].underline
    assert national[0].runs[0].bold and national[0].runs[0].font.size.pt in (12, 13)
    assert national[1].runs[0].underline and national[2].runs[0].italic


def test_a_document_dated_after_the_merger_is_never_headed_by_hà_giang(report, ha_giang):
    before = issuer_for(ha_giang, dt.date(2025, 6, 30))
    after = issuer_for(ha_giang, dt.date(2025, 7, 1))
    assert before.parent == "UBND TỈNH HÀ GIANG" and before.place_name == "Hà Giang"
    assert after.parent == "UBND TỈNH TUYÊN QUANG" and after.place_name == "Tuyên Quang"
    old = Document(io.BytesIO(as_docx(report, "vi", issued_on=dt.date(2024, 3, 20))))
    assert old.tables[0].rows[0].cells[0].text.startswith("UBND TỈNH HÀ GIANG")
    # Issued by Tuyên Quang, the title says whose year it reports.
    new = Document(io.BytesIO(as_docx(report, "vi", issued_on=dt.date(2026, 1, 15))))
    assert "Kết quả công tác đối ngoại năm 2023 của tỉnh Hà Giang" in [
        p.text for p in new.paragraphs]


def test_tables_have_widths_both_word_and_libreoffice_honour(document):
    for table in document.tables:
        properties = table._tbl.tblPr
        assert properties.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in table.rows:
            assert [cell.width.twips for cell in row.cells] == grid
        assert sum(grid) <= Mm(165).twips + 5


def test_the_annex_is_one_table_of_the_printed_figures_whose_rows_do_not_split(document,
                                                                             report):
    annex = document.tables[2]
    # No "Nguồn số liệu" column: computed or reported is the review page's business.
    assert [c.text for c in annex.rows[0].cells] == ["STT", "Chỉ tiêu", "Số liệu"]
    assert annex.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in annex.rows)
    assert len(annex.rows) - 1 == len(report.printed_lines)
    text = "\n".join(cell.text for row in annex.rows for cell in row.cells)
    assert "Chênh lệch" not in text and "Không in" not in text
    assert "Tính từ hồ sơ" not in text and "Số liệu báo cáo" not in text
    assert len(document.tables) == 3  # heading block, signature block, annex


def test_the_signature_block_does_not_split_and_names_the_signer(report):
    from doingoai.reports.document import Issuer

    issuer = issuer_for(report.places[0], dt.date(2026, 1, 15))
    signed = Issuer(**{**issuer.__dict__, "authority": "KT. GIÁM ĐỐC",
                       "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Văn A"})
    document = Document(io.BytesIO(as_docx(report, "vi", issuer=signed)))
    foot = document.tables[1]
    assert foot.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    recipients, signature = (cell.text.split("\n") for cell in foot.rows[0].cells)
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu: VT."
    assert signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]
    # The paragraph before the block keeps with it: no signature alone on a page.
    previous = foot._tbl.getprevious()
    assert previous.find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def test_the_document_properties_name_the_report_and_its_issuer(document):
    properties = document.core_properties
    assert properties.title == "BÁO CÁO Kết quả công tác đối ngoại năm 2023 của tỉnh Hà Giang"
    assert properties.author == "SỞ NGOẠI VỤ UBND TỈNH TUYÊN QUANG"
    created = properties.created.replace(tzinfo=dt.UTC)
    assert abs(created - timezone.now()) < dt.timedelta(days=1)


def test_the_report_has_the_sections_of_a_bao_cao_cong_tac_doi_ngoai(document):
    headings = [p.text for p in document.paragraphs if p.runs and p.runs[0].bold]
    for heading in ("I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI", "II. ĐÁNH GIÁ CHUNG",
                    "1. Ưu điểm", "2. Tồn tại, hạn chế", "3. Nguyên nhân",
                    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. KIẾN NGHỊ, ĐỀ XUẤT",
                    "PHỤ LỤC"):
        assert heading in headings
    assert headings.index("PHỤ LỤC") > headings.index("IV. KIẾN NGHỊ, ĐỀ XUẤT")


def test_libreoffice_keeps_each_heading_line_whole_and_numbers_from_page_2(report, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    source = tmp_path / "report.docx"
    source.write_bytes(render(report, "docx"))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"],
                           check=True, capture_output=True, text=True).stdout.split("\f")
    lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert re.match(r"UBND TỈNH TUYÊN QUANG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$", lines[0])
    assert not lines[0].isdigit()
    second = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert second[0] == "2"
    # The signature never stands alone: the last section is on its page.
    signed = next(page for page in pages if "Nơi nhận" in page)
    assert "IV. KIẾN NGHỊ, ĐỀ XUẤT" in signed


def test_the_last_section_is_kept_with_the_signature(document):
    paragraphs = document.paragraphs
    last = max(n for n, p in enumerate(paragraphs) if p.text.startswith("IV. KIẾN NGHỊ"))
    annex = next(n for n, p in enumerate(paragraphs) if p.text == "PHỤ LỤC")
    before_signature = [p for p in paragraphs[last:annex] if p.text.strip()]
    assert before_signature and all(p.paragraph_format.keep_with_next
                                    for p in before_signature)


def test_the_annex_of_an_inland_province_has_no_border_row(bac_kan, bac_kan_figures):
    from doingoai.reports.tests.records import declare_complete

    declare_complete(bac_kan)  # its registers "cover" 2022: the border ones give nothing
    report = build_report([bac_kan], parse_period("2022"))
    document = Document(io.BytesIO(as_docx(report, "vi", issued_on=dt.date(2026, 1, 15))))
    annex = document.tables[-1]
    names = [row.cells[1].text for row in annex.rows[1:]]
    assert names and not [name for name in names if "biên giới" in name.lower()]


def test_the_annex_names_a_figure_as_the_prose_tells_it(document, report):
    from doingoai.reports.exports.tables import document_rows

    names = {row["code"]: row["name"] for row in document_rows(report, "vi")}
    # The prose says "… hội hữu nghị đang hoạt động" (what stands), the table the same.
    assert names["friendship.associations"] == "Số hội hữu nghị đang hoạt động"
    # The note under the annex's title breaks before the issuer: no word alone on a line.
    note = next(p for p in document.paragraphs if p.text.startswith("(Kèm theo"))
    assert note.text.split("\n")[1].startswith("của ")


import io
import os
import shutil
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook

from doingoai.lib.periods import parse_period
from doingoai.reports.exports import render
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import make_records

REQUIRE_OFFICE = os.environ.get("DOINGOAI_REQUIRE_OFFICE") == "1"


def weasyprint_or_skip():
    try:
        import weasyprint  # noqa: F401
    except OSError as exc:  # Pango missing: WeasyPrint cannot load it
        pytest.skip(f"WeasyPrint cannot load Pango ({exc}); `make report-deps` installs it")


@pytest.fixture
def report(ha_giang, ha_giang_figures):
    make_records(ha_giang)  # records of 2022–2023, declared complete from 2022
    return build_report([ha_giang], parse_period("2015-2020"))


def docx_text(document):
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return "\n".join(texts)


def test_the_docx_has_the_motto_block_the_table_and_the_charts(report):
    document = Document(io.BytesIO(render(report, "docx")))
    text = docx_text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Nơi nhận:" in text and "BÁO CÁO" in text
    # Issued today, after the 2025 merger: headed by Tuyên Quang, never by Hà Giang.
    assert "UBND TỈNH TUYÊN QUANG" in text
    figures = document.tables[2]
    assert figures.rows[0].cells[1].text == "Chỉ tiêu"
    assert any("2.689" in cell.text for row in figures.rows for cell in row.cells)
    # The records (declared complete from 2022) give no year of 2015–2020: the charts of a
    # year they cover are drawn.
    covered = build_report([report.places[0]], parse_period("2023"))
    assert Document(io.BytesIO(render(covered, "docx"))).inline_shapes, (
        "the trend charts are pictures in the document")


def test_the_docx_follows_the_decree_30_page_layout(report):
    from docx.shared import Mm

    document = Document(io.BytesIO(render(report, "docx")))
    section = document.sections[0]
    # Word stores lengths in twentieths of a point: allow the rounding.
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_libreoffice_converts_the_docx_to_pdf(report, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if REQUIRE_OFFICE:
            pytest.fail("DOINGOAI_REQUIRE_OFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed; `make report-deps` installs it")
    source = tmp_path / "report.docx"
    source.write_bytes(render(report, "docx"))
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_pdf_text_keeps_the_diacritics_and_the_vietnamese_numbers(report, tmp_path):
    if shutil.which("pdftotext") is None:
        if REQUIRE_OFFICE:
            pytest.fail("DOINGOAI_REQUIRE_OFFICE=1 but pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed; `make report-deps` installs it")
    weasyprint_or_skip()
    target = tmp_path / "report.pdf"
    target.write_bytes(render(report, "pdf"))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")
    assert "Hà Giang" in text
    assert "2.689" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text


def test_the_pdf_embeds_its_fonts(report):
    from pypdf import PdfReader

    weasyprint_or_skip()
    reader = PdfReader(io.BytesIO(render(report, "pdf")))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for font in fonts.values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        descriptor = descriptor.get_object()
        embedded.append((str(font["/BaseFont"]),
                         any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))))
    assert embedded and all(is_embedded for _, is_embedded in embedded)
    assert any("Report-Serif" in name for name, _ in embedded)  # the shipped Liberation Serif


def test_the_xlsx_keeps_numbers_as_numbers_and_has_a_chart(report):
    workbook = load_workbook(io.BytesIO(render(report, "xlsx")))
    figures = workbook.worksheets[0]
    assert figures.title == "Số liệu"
    assert [cell.value for cell in figures[2]] == [
        "STT", "Chỉ tiêu", "Số liệu", "Đơn vị tính", "Trên tổng số", "Ghi chú"]
    persons = next(row for row in figures.iter_rows(min_row=3) if row[2].value == 2689)
    assert isinstance(persons[2].value, int)
    assert persons[2].number_format.startswith("[$-42A]")
    assert persons[3].value == "lượt người"
    disbursed = next(row for row in figures.iter_rows(min_row=3)
                     if row[3].value == "đồng")
    assert (disbursed[2].value, disbursed[5].value) == (350_000_000_000, "gần")
    # No year of 2015–2020 has a figure (the records start in 2022): no sheet of trends and
    # no empty chart; the report of a year the records cover carries a native chart.
    assert "Theo năm" not in workbook.sheetnames
    covered = build_report([report.places[0]], parse_period("2023"))
    by_year = load_workbook(io.BytesIO(render(covered, "xlsx")))
    assert by_year["Theo năm"]._charts, "the sheet of trends carries a native chart"
    # The records of 2023 give no aid sector: that breakdown has no sheet.
    assert by_year.sheetnames == [
        "Số liệu", "Theo năm", "Đoàn theo nước", "Viện trợ theo nhà tài trợ",
        "Thỏa thuận theo nước"]


def test_the_xlsx_has_no_internal_column_and_no_sheet_without_rows(report):
    workbook = load_workbook(io.BytesIO(render(report, "xlsx")))
    cells = {cell.value for sheet in workbook.worksheets for row in sheet.iter_rows()
             for cell in row}
    for internal in ("Tính từ hồ sơ", "Báo cáo", "Chênh lệch", "Không in", "Số liệu in",
                     "Lý do"):
        assert internal not in cells
    for sheet in workbook.worksheets:
        assert sheet.max_row > 2, f"{sheet.title} has no row"


def test_the_json_lists_only_printed_figures(report):
    import json

    data = json.loads(render(report, "json"))
    assert set(data) == {"place", "period", "figures", "prose"}
    assert all(set(f) == {"indicator", "value", "unit", "of", "qualifier", "basis", "source"}
               for f in data["figures"])


def test_the_documents_leave_out_the_figures_without_data(report):
    # Issue 11: a figure neither covered by the records nor reported is not written as 0.
    assert report.line("fdi.projects").basis is None
    text = docx_text(Document(io.BytesIO(render(report, "docx"))))
    assert "Không in" not in text
    sheet = load_workbook(io.BytesIO(render(report, "xlsx"))).worksheets[0]
    assert "Không in" not in [cell.value for row in sheet.iter_rows() for cell in row]


def test_every_xlsx_sheet_has_a_title_row_and_prints_on_a4_fitted_to_width(report):
    workbook = load_workbook(io.BytesIO(render(report, "xlsx")))
    for sheet in workbook.worksheets:
        assert sheet["A1"].value.endswith("Hà Giang, giai đoạn 2015 – 2020"), sheet.title
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$2:$2"
    covered = build_report([report.places[0]], parse_period("2023"))
    chart = load_workbook(io.BytesIO(render(covered, "xlsx")))["Theo năm"]._charts[0]
    assert chart.series, "a chart is never empty"
    assert chart.legend is not None and chart.x_axis.title and chart.y_axis.title

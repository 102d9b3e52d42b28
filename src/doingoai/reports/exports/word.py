"""The report as a DOCX administrative document in the layout of Decree 30/2020/NĐ-CP,
Appendix I: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
the national name (12 pt bold capitals) and motto (13 pt bold, underlined) at the top right,
the issuing body and "Số: /BC-…" at the top left, place and date in italics, the title, the
body (14 pt), a table, charts as images, "Nơi nhận:" (12 pt bold italic, its list 11 pt) at
the bottom left and the signature block at the bottom right.

The number is left blank ("Số:      /BC-SNV"): the clerk's office gives it when the report
is issued.
"""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doingoai.reports.charts import trend_charts
from doingoai.reports.exports.tables import document_rows

FONT = "Times New Roman"
NATIONAL_NAME = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "en": "SOCIALIST REPUBLIC OF VIET NAM"}
MOTTO = {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"}
WORDS = {
    "vi": {"title": "BÁO CÁO", "subtitle": "Kết quả công tác đối ngoại {period}",
           "figures": "I. SỐ LIỆU CHỦ YẾU", "charts": "II. BIỂU ĐỒ", "no": "STT",
           "indicator": "Chỉ tiêu", "value": "Số liệu", "computed": "Tính từ hồ sơ",
           "reported": "Báo cáo", "difference": "Chênh lệch", "basis": "Số liệu in",
           "recipients": "Nơi nhận:", "number": "Số:", "people": "ỦY BAN NHÂN DÂN",
           "office": "SỞ NGOẠI VỤ", "signer": "GIÁM ĐỐC", "date": "{place}, ngày {d} tháng "
           "{m} năm {y}"},
    "en": {"title": "REPORT", "subtitle": "Results of foreign affairs work, {period}",
           "figures": "I. KEY FIGURES", "charts": "II. CHARTS", "no": "No.",
           "indicator": "Indicator", "value": "Figure", "computed": "Computed",
           "reported": "Reported", "difference": "Difference", "basis": "Printed",
           "recipients": "Recipients:", "number": "No.:", "people": "PEOPLE'S COMMITTEE",
           "office": "DEPARTMENT OF FOREIGN AFFAIRS", "signer": "DIRECTOR",
           "date": "{place}, {d}/{m}/{y}"},
}
RECIPIENTS = {
    "vi": ["- Bộ Ngoại giao;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND, UBND tỉnh;",
           "- Lưu: VT."],
    "en": ["- Ministry of Foreign Affairs;", "- Standing Committee of the Party Committee;",
           "- People's Council and People's Committee;", "- Archive."],
}


def _font(run, size: float, bold=False, italic=False, underline=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    # Word picks the East Asian font slot for some Vietnamese characters: name it too.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _para(container, text="", size=14, bold=False, italic=False, underline=False,
          align=WD_ALIGN_PARAGRAPH.CENTER, after=0, indent=None):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = indent
    if text:
        _font(paragraph.add_run(text), size, bold, italic, underline)
    return paragraph


def _no_borders(table):
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


def _cell(table, row, col):
    cell = table.cell(row, col)
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cell


def as_docx(report, lang: str = "vi", *, issued_on: dt.date | None = None,
            issuer: str | None = None, office: str | None = None, symbol: str = "BC-SNV",
            signer_title: str | None = None, signer_name: str = "") -> bytes:
    words = WORDS[lang]
    issued_on = issued_on or timezone.localdate()
    place = report.places[0]
    issuer = issuer or (f"{words['people']} {place.kind.upper()} {place.name.upper()}"
                        if lang == "vi" else f"{place.name.upper()} {words['people']}")
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    # The heading block: issuing body and number (left), national name and motto (right).
    head = document.add_table(rows=1, cols=2)
    _no_borders(head)
    head.autofit = False
    left, right = _cell(head, 0, 0), _cell(head, 0, 1)
    left.width, right.width = Mm(70), Mm(95)
    _para(left, issuer, 13)
    _para(left, office or words["office"], 13, bold=True, underline=True, after=6)
    _para(left, f"{words['number']}      /{symbol}", 13)
    _para(right, NATIONAL_NAME[lang], 12, bold=True)
    _para(right, MOTTO[lang], 13, bold=True, underline=True, after=6)
    _para(right, words["date"].format(place=place.name, d=f"{issued_on.day:02d}",
                                      m=f"{issued_on.month:02d}", y=issued_on.year),
          14, italic=True)

    _para(document, "", after=6)
    _para(document, words["title"], 14, bold=True)
    _para(document, words["subtitle"].format(period=report.period.describe(lang)), 14,
          bold=True, after=12)
    for sentence in _paragraphs(report.prose(lang)):
        _para(document, sentence, 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent=Mm(10))

    _para(document, words["figures"], 14, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    table_rows = document_rows(report, lang)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    headings = [words["no"], words["indicator"], words["computed"], words["reported"],
                words["difference"], words["basis"]]
    for n, heading in enumerate(headings):
        cell = _cell(table, 0, n)
        _para(cell, heading, 12, bold=True)
    for n, row in enumerate(table_rows, start=1):
        cells = table.add_row().cells
        values = [str(n), row["name"], row["computed_text"], row["reported_text"],
                  row["difference_text"], row["basis_name"]]
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
            align = (WD_ALIGN_PARAGRAPH.LEFT if column == 1
                     else WD_ALIGN_PARAGRAPH.CENTER if column in (0, 5)
                     else WD_ALIGN_PARAGRAPH.RIGHT)
            _para(cell, value, 12, align=align)
    widths = [Mm(10), Mm(62), Mm(25), Mm(25), Mm(20), Mm(23)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width

    charts = trend_charts(report, lang)
    if charts:
        _para(document, "", after=6)
        _para(document, words["charts"], 14, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
        for _title, png in charts:
            document.add_picture(io.BytesIO(png), width=Mm(160))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    # Recipients (left) and signature (right).
    _para(document, "", after=6)
    foot = document.add_table(rows=1, cols=2)
    _no_borders(foot)
    left, right = _cell(foot, 0, 0), _cell(foot, 0, 1)
    left.width, right.width = Mm(80), Mm(85)
    _para(left, words["recipients"], 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in RECIPIENTS[lang]:
        _para(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, signer_title or words["signer"], 14, bold=True, after=60)
    _para(right, signer_name, 14, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraphs(prose: str) -> list[str]:
    """The prose split at its topics (each starts a paragraph as in the press articles)."""
    starts = ("Ngoài ra,", "Công tác đối ngoại nhân dân", "Về kinh tế", "Số liệu gồm",
              "The province also", "The provinces also", "People-to-people", "In the economy",
              "The figures include", "Các địa phương")
    paragraphs, current = [], ""
    for sentence in prose.replace(". ", ".\x00").split("\x00"):
        if current and sentence.startswith(starts):
            paragraphs.append(current.strip())
            current = ""
        current += " " + sentence
    if current.strip():
        paragraphs.append(current.strip())
    return paragraphs

"""The report as a DOCX administrative document in the layout of Decree 30/2020/NĐ-CP,
Appendix I: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman,
body 14 pt, language vi-VN; page numbers at the top centre from the second page; at the top
left the parent body and the issuer ("UBND TỈNH TUYÊN QUANG / SỞ NGOẠI VỤ", one line each)
over "Số:      /BC-SNV"; at the top right the national name (12 pt bold capitals) and the
motto (13 pt bold, underlined) over the place and date (italics); the title; the sections
of ``reports.document.outline``; "Nơi nhận:" (12 pt bold italic, its list 11 pt) at the
bottom left and the signature block ("KT. GIÁM ĐỐC" / title / name) at the bottom right, in
one row that does not split; then the annex: one table of the printed figures (its header
repeated on each page, rows that do not split) and the charts.

Column widths are written three times (the grid, each cell, a fixed layout) because Word
reads the cells and LibreOffice the grid. The number is left blank: the clerk's office
gives it when the report is issued. Who issues the report comes from
``reports.document.issuer_for``.
"""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doingoai.correspondence.numbering import format_number
from doingoai.reports.charts import trend_charts
from doingoai.reports.document import Issuer, issuer_for, outline
from doingoai.reports.exports.tables import document_rows

FONT = "Times New Roman"
LANGUAGE = {"vi": "vi-VN", "en": "en-GB"}
TEXT_WIDTH_MM = 165  # 210 - 30 - 15
HEAD_WIDTHS_MM = (70, 95)
FOOT_WIDTHS_MM = (80, 85)
ANNEX_WIDTHS_MM = (12, 100, 53)  # STT, indicator, figure ("khoảng 36,8 triệu đồng" on one line)
TABLE_PT = 12
SMALL_TABLE_WIDTHS_MM = (65, 25, 25, 25, 25)
NATIONAL_NAME = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "en": "SOCIALIST REPUBLIC OF VIET NAM"}
MOTTO = {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"}
WORDS = {
    "vi": {"title": "BÁO CÁO", "subtitle": "Kết quả công tác đối ngoại {period}",
           "of_place": " của {place}", "annex": "PHỤ LỤC",
           "annex_title": "SỐ LIỆU CHỦ YẾU VỀ CÔNG TÁC ĐỐI NGOẠI {period}",
           "annex_note": "(Kèm theo Báo cáo số {number} ngày {d}/{m}/{y}\ncủa {issuer})",
           "charts": "Biểu đồ", "no": "STT", "indicator": "Chỉ tiêu", "value": "Số liệu",
           "basis": "Nguồn số liệu", "recipients": "Nơi nhận:", "number": "Số:",
           "date": "{place}, ngày {d} tháng {m} năm {y}", "draft": "DỰ THẢO"},
    "en": {"title": "REPORT", "subtitle": "Results of foreign affairs work, {period}",
           "of_place": ", {place}", "annex": "ANNEX",
           "annex_title": "KEY FOREIGN AFFAIRS FIGURES, {period}",
           "annex_note": "(Attached to report No. {number} of {d}/{m}/{y}\nby {issuer})",
           "charts": "Charts", "no": "No.", "indicator": "Indicator", "value": "Figure",
           "basis": "Source of the figure", "recipients": "Recipients:", "number": "No.:",
           "date": "{place}, {d}/{m}/{y}", "draft": "DRAFT"},
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
          align=WD_ALIGN_PARAGRAPH.CENTER, after=0, before=0, indent=None, keep=False):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(before)
    if keep:
        paragraph.paragraph_format.keep_with_next = True
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


def _fixed_widths(table, widths_mm):
    """Column widths both Word (cell widths) and LibreOffice (the grid) honour."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    width.set(qn("w:type"), "dxa")
    for column, mm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm,
                          strict=True):
        column.set(qn("w:w"), str(int(Mm(mm).twips)))
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def _row_flags(row, *, header=False):
    """A row that does not split over two pages; a header row repeated on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _page_number(paragraph, size=13):
    """A PAGE field in ``paragraph``."""
    run = _font(paragraph.add_run(), size)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)


def _language(document, lang):
    """``w:lang`` of the document's defaults and Normal style (spelling, hyphenation)."""
    tag = LANGUAGE[lang]
    for rpr in (document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
                .find(qn("w:rPr")), document.styles["Normal"].element.get_or_add_rPr()):
        element = rpr.find(qn("w:lang"))
        if element is None:
            element = OxmlElement("w:lang")
            rpr.append(element)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            element.set(qn(attribute), tag)


def _setup(document, lang):
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _language(document, lang)
    # Page numbers: top centre, none on the first page.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(header)


def _heading_block(document, issuer: Issuer, lang, words, issued_on, number=None):
    head = document.add_table(rows=1, cols=2)
    _no_borders(head)
    _fixed_widths(head, HEAD_WIDTHS_MM)
    left, right = _cell(head, 0, 0), _cell(head, 0, 1)
    _para(left, issuer.parent, 12)
    _para(left, issuer.body, 12, bold=True, underline=True, after=6)
    _para(left, f"{words['number']} {format_number(number, issuer.symbol)}" if number
          else f"{words['number']}      /{issuer.symbol}", 13)
    _para(right, NATIONAL_NAME[lang], 12, bold=True)
    _para(right, MOTTO[lang], 13, bold=True, underline=True, after=6)
    _para(right, date_line(words, issuer, issued_on), 14, italic=True)


def date_line(words, issuer: Issuer, issued_on: dt.date) -> str:
    return words["date"].format(place=issuer.place_name, d=f"{issued_on.day:02d}",
                                m=f"{issued_on.month:02d}", y=issued_on.year)


def subtitle(report, issuer: Issuer, lang: str) -> str:
    """"Kết quả công tác đối ngoại năm 2023", with the place when it is not the issuer's
    province (Hà Giang's 2023, issued by today's Tuyên Quang)."""
    words = WORDS[lang]
    text = words["subtitle"].format(period=report.period.describe(lang))
    if [p.pk for p in report.places] != [issuer.province.pk]:
        names = ", ".join((f"{(p.kind or 'tỉnh').lower()} {p.name}" if lang == "vi" else p.name)
                          for p in report.places)
        text += words["of_place"].format(place=names)
    return text


def as_docx(report, lang: str = "vi", *, issued_on: dt.date | None = None,
            issuer: Issuer | None = None, written: dict[str, str] | None = None,
            sections: list | None = None, annex_rows: list[dict] | None = None,
            number: int | None = None, draft: bool = False) -> bytes:
    """``sections`` and ``annex_rows``: a stored version's text (``reports.drafting``)
    instead of the report's own; ``number``: the number it was issued with; ``draft``:
    marked "DỰ THẢO" at the top of its first page."""
    words = WORDS[lang]
    issued_on = issued_on or timezone.localdate()
    issuer = issuer or issuer_for(report.places[0], issued_on, lang)
    document = Document()
    _setup(document, lang)
    title = subtitle(report, issuer, lang)
    properties = document.core_properties
    properties.title = f"{words['title']} {title}"
    properties.author = properties.last_modified_by = issuer.author
    properties.created = properties.modified = timezone.now().replace(tzinfo=None)
    properties.language = LANGUAGE[lang]

    if draft:
        header = document.sections[0].first_page_header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(header.add_run(words["draft"]), 13, bold=True)
    _heading_block(document, issuer, lang, words, issued_on, number)
    _para(document, words["title"], 14, bold=True, before=18)
    _para(document, title, 14, bold=True, after=12)
    if sections is None:
        sections = outline(report, lang, written)
    for n, section in enumerate(sections):
        # "a) …" subsections in bold italic under the numbered parts.
        _para(document, section.heading, 14, bold=True, italic=section.level > 2,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6, after=6,
              indent=Mm(10) if section.level > 1 else None, keep=True)
        last = n == len(sections) - 1
        for text in section.paragraphs:
            # The last section goes with the signature: never a page of the signature alone.
            _para(document, text, 14, italic=not section.written and text.startswith("["),
                  align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent=Mm(10), keep=last)
        if section.table:
            _small_table(document, section.table)
    _signature(document, issuer, lang, words)
    _annex(document, report, issuer, lang, words, issued_on, annex_rows, number)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _small_table(document, rows):
    """A section's table (the plan's implementation): the header in bold and repeated, the
    first column text, the others whole numbers centred."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for n, values in enumerate(rows):
        added = table.add_row()
        _row_flags(added, header=n == 0)
        for column, (cell, value) in enumerate(zip(added.cells, values, strict=True)):
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
            _para(cell, "" if value is None else str(value), TABLE_PT, bold=n == 0,
                  align=WD_ALIGN_PARAGRAPH.LEFT if column == 0 and n
                  else WD_ALIGN_PARAGRAPH.CENTER)
    _fixed_widths(table, SMALL_TABLE_WIDTHS_MM)
    _para(document, "", after=6)


def _signature(document, issuer: Issuer, lang, words):
    """Recipients (left) and signature (right) in one row that does not split, so that the
    signature never stands alone at the top of a page."""
    _para(document, "", after=6, keep=True)
    foot = document.add_table(rows=1, cols=2)
    _no_borders(foot)
    _fixed_widths(foot, FOOT_WIDTHS_MM)
    _row_flags(foot.rows[0])
    left, right = _cell(foot, 0, 0), _cell(foot, 0, 1)
    _para(left, words["recipients"], 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in RECIPIENTS[lang]:
        _para(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    if issuer.authority:
        _para(right, issuer.authority, 14, bold=True)
    # The space for the signature and the seal, then the signer's name.
    _para(right, issuer.signer_title, 14, bold=True, after=72)
    _para(right, issuer.signer_name, 14, bold=True)


def _annex(document, report, issuer: Issuer, lang, words, issued_on, rows=None,
           number=None):
    """The annex on a new page: one table of the printed figures and the charts."""
    rows = document_rows(report, lang) if rows is None else rows
    charts = trend_charts(report, lang)
    if not rows and not charts:
        return
    annex = document.add_section(WD_SECTION.NEW_PAGE)
    annex.different_first_page_header_footer = False  # numbered from its first page
    _para(document, words["annex"], 14, bold=True)
    _para(document, words["annex_title"].format(
        period=report.period.describe(lang).upper()), 14, bold=True)
    _para(document, words["annex_note"].format(
        number=format_number(number, issuer.symbol), d=f"{issued_on.day:02d}",
        m=f"{issued_on.month:02d}",
        y=issued_on.year, issuer=issuer.in_text if lang == "vi" else issuer.body),
        13, italic=True, after=12)
    if rows:
        # The printed figures only: whether a figure was computed or reported is the
        # review page's business, not the reader's.
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for n, heading in enumerate([words["no"], words["indicator"], words["value"]]):
            _para(_cell(table, 0, n), heading, TABLE_PT, bold=True)
        _row_flags(table.rows[0], header=True)
        for n, row in enumerate(rows, start=1):
            added = table.add_row()
            _row_flags(added)
            values = [str(n), row["name"], row["printed_text"]]
            aligns = [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                      WD_ALIGN_PARAGRAPH.RIGHT]
            for cell, value, align in zip(added.cells, values, aligns, strict=True):
                cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
                _para(cell, value, TABLE_PT, align=align)
        _fixed_widths(table, ANNEX_WIDTHS_MM)
    if charts:
        _para(document, words["charts"], 14, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT,
              before=12, after=6, keep=True)
        for _title, png in charts:
            document.add_picture(io.BytesIO(png), width=Mm(160))
            picture = document.paragraphs[-1]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_together = True


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


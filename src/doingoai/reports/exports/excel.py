"""The report as an XLSX workbook: one sheet per annex table (the printed figures only, as
the DOCX's annex: no "computed / reported / difference" columns, which stay on the review
page), a sheet per breakdown that has rows, numbers stored as numbers with a Vietnamese
number format (LCID 042A: Excel and LibreOffice show 2.689 and 22,3), units in the
workbook's language, and a native bar chart of the trends when there is a figure to draw."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font

from doingoai.lib.cells import safe_row
from doingoai.reports import plan
from doingoai.reports.exports.tables import document_rows, indicator_name, plain

WHOLE = "[$-42A]#,##0"
# A year is a number too (so that a chart can take it as its categories) but never grouped:
# "#,##0" prints 2019 as 2.019.
YEAR = "0"
DECIMAL = "[$-42A]#,##0.##"
SHEETS = {
    "vi": {"figures": "Số liệu", "trends": "Theo năm", "countries": "Đoàn theo nước",
           "donors": "Viện trợ theo nhà tài trợ", "sectors": "Viện trợ theo lĩnh vực",
           "agreements": "Thỏa thuận theo nước", "plan": "Thực hiện kế hoạch"},
    "en": {"figures": "Figures", "trends": "By year", "countries": "Delegations by country",
           "donors": "Aid by donor", "sectors": "Aid by sector",
           "agreements": "Agreements by country", "plan": "Plan implementation"},
}
HEADINGS = {
    "vi": {
        "figures": ["STT", "Chỉ tiêu", "Số liệu", "Đơn vị tính", "Trên tổng số", "Ghi chú"],
        "countries": ["Nước", "Đoàn ra", "Lượt người đi", "Đoàn vào", "Lượt người đến"],
        "aid": ["Tên", "Số chương trình, dự án", "Giải ngân trong kỳ (đồng)"],
        "agreements": ["Nước", "Thỏa thuận ký kết"],
        "year": "Năm",
    },
    "en": {
        "figures": ["No.", "Indicator", "Figure", "Unit", "Out of", "Note"],
        "countries": ["Country", "Outgoing", "Outgoing persons", "Incoming",
                      "Incoming persons"],
        "aid": ["Name", "Programmes", "Disbursed in the period (VND)"],
        "agreements": ["Country", "Agreements signed"],
        "year": "Year",
    },
}


UNITS = {
    "vi": {"count": "", "persons": "lượt người", "percent": "%", "km": "km", "VND": "đồng"},
    "en": {"count": "", "persons": "persons", "percent": "%", "km": "km", "VND": "VND"},
}
# The qualifier of a reported figure, said in the note column ("trên 3 triệu lượt khách").
QUALIFIER_NOTES = {
    "vi": {"over": "trên", "under": "gần", "about": "khoảng"},
    "en": {"over": "over", "under": "nearly", "about": "about"},
}


def figure_rows(report, lang: str) -> list[list]:
    """The annex table: number, indicator, the printed figure as a number, its unit, the
    total it is out of, and the qualifier a reported figure came with."""
    found = []
    for n, row in enumerate(document_rows(report, lang), start=1):
        line = row["line"]
        found.append([n, row["name"], line.value, UNITS[lang].get(line.unit, line.unit),
                      line.of, QUALIFIER_NOTES[lang].get(line.qualifier, "")])
    return found


TITLES = {"vi": "{sheet} — {place}, {period}", "en": "{sheet} — {place}, {period}"}
HEADER_ROW = 2  # row 1 is the sheet's title (place and period)


def _write(sheet, headings, data_rows, year_column: int | None = None, title: str = ""):
    """Write the title row, ``headings`` and ``data_rows`` to ``sheet``, set it up to
    print (A4, fit to the page's width, the header row repeated on every page); column
    ``year_column`` (1-based) holds years."""
    sheet.append(safe_row([title]))
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    sheet.append(safe_row(headings))
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for data in data_rows:
        sheet.append(safe_row(plain(v) if not isinstance(v, str) and v is not None else v
                              for v in data))
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if len(headings) > 6 else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
        for cell in row:
            if cell.column == year_column:
                cell.number_format = YEAR
            elif isinstance(cell.value, int):
                cell.number_format = WHOLE
            elif isinstance(cell.value, float):
                cell.number_format = DECIMAL
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column[1:]) if len(column) > 1 else 10
        sheet.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 60)


def as_xlsx(report, lang: str = "vi") -> bytes:
    names, headings = SHEETS[lang], HEADINGS[lang]

    def title(key):
        return TITLES[lang].format(sheet=names[key], place=report.place_names,
                                   period=report.period.describe(lang))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = names["figures"]
    _write(sheet, headings["figures"], figure_rows(report, lang), title=title("figures"))

    trends = report.trends or {"years": [], "series": {}, "indicators": {}}
    codes = list(trends["series"])
    # The delegation counts, or else the first series with a value: a chart is never empty,
    # and a sheet with no figure for any year is not written.
    drawn = [c for c in codes if any(v is not None for _y, v, _b in trends["series"][c])]
    if trends["years"] and drawn:
        sheet = workbook.create_sheet(names["trends"])
        _write(sheet, [headings["year"]] + [indicator_name(trends["indicators"][c], lang)
                                            for c in codes],
               [[year] + [trends["series"][c][n][1] for c in codes]
                for n, year in enumerate(trends["years"])], year_column=1,
               title=title("trends"))
        wanted = [n for n, c in enumerate(codes, start=2) if c in drawn and c in (
            "delegations.outgoing", "delegations.incoming")] or [
            codes.index(c) + 2 for c in drawn[:1]]
        last = HEADER_ROW + len(trends["years"])
        chart = BarChart()
        chart.title = names["trends"]
        chart.x_axis.title = headings["year"]
        chart.y_axis.title = "Số lượng" if lang == "vi" else "Number"
        chart.x_axis.number_format = YEAR
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.legend.position = "b"
        chart.height, chart.width = 9, 18
        for column in wanted:
            chart.add_data(Reference(sheet, min_col=column, min_row=HEADER_ROW, max_row=last),
                           titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=HEADER_ROW + 1,
                                       max_row=last))
        sheet.add_chart(chart, f"A{last + 3}")

    breakdowns = report.breakdowns or {}
    tables = [
        ("countries", headings["countries"], [
            [r["country"], r["outgoing"], r["outgoing_persons"], r["incoming"],
             r["incoming_persons"]] for r in breakdowns.get("delegations_by_country", [])]),
        ("donors", headings["aid"], [[r["name"], r["programmes"], r["disbursed"]]
                                     for r in breakdowns.get("aid_by_donor", [])]),
        ("sectors", headings["aid"], [[r["name"], r["programmes"], r["disbursed"]]
                                      for r in breakdowns.get("aid_by_sector", [])]),
        ("agreements", headings["agreements"], [
            [r["country"], r["agreements"]]
            for r in breakdowns.get("agreements_by_country", [])]),
    ]
    for key, heading, data in tables:
        if data:  # a table without a row is not a sheet
            _write(workbook.create_sheet(names[key]), heading, data, title=title(key))
    for heading, _paragraphs, rows in plan.sections(report, lang):
        _write(workbook.create_sheet(names["plan"]), rows[0], rows[1:],
               title=f"{heading} — {report.place_names}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""The report as an XLSX workbook: one sheet per table, numbers stored as numbers with a
Vietnamese number format (LCID 042A: Excel and LibreOffice show 2.689 and 22,3), and a
native bar chart of the trends."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font

from doingoai.figures.models import unit_name
from doingoai.lib.cells import safe_row
from doingoai.reports.exports.tables import document_rows, indicator_name, plain

WHOLE = "[$-42A]#,##0"
# A year is a number too (so that a chart can take it as its categories) but never grouped:
# "#,##0" prints 2019 as 2.019.
YEAR = "0"
DECIMAL = "[$-42A]#,##0.##"
SHEETS = {
    "vi": {"figures": "Số liệu", "trends": "Theo năm", "countries": "Đoàn theo nước",
           "donors": "Viện trợ theo nhà tài trợ", "sectors": "Viện trợ theo lĩnh vực",
           "agreements": "Thỏa thuận theo nước"},
    "en": {"figures": "Figures", "trends": "By year", "countries": "Delegations by country",
           "donors": "Aid by donor", "sectors": "Aid by sector",
           "agreements": "Agreements by country"},
}
HEADINGS = {
    "vi": {
        "figures": ["Mã", "Chỉ tiêu", "Tính từ hồ sơ", "Đơn vị", "Trên tổng số", "Báo cáo",
                    "Đơn vị", "Trên tổng số", "Chênh lệch", "Số liệu in", "Lý do"],
        "countries": ["Nước", "Đoàn ra", "Lượt người đi", "Đoàn vào", "Lượt người đến"],
        "aid": ["Tên", "Số chương trình, dự án", "Giải ngân trong kỳ (đồng)"],
        "agreements": ["Nước", "Thỏa thuận ký kết"],
        "year": "Năm",
    },
    "en": {
        "figures": ["Code", "Indicator", "Computed", "Unit", "Out of", "Reported", "Unit",
                    "Out of", "Difference", "Printed", "Reason"],
        "countries": ["Country", "Outgoing", "Outgoing persons", "Incoming",
                      "Incoming persons"],
        "aid": ["Name", "Programmes", "Disbursed in the period (VND)"],
        "agreements": ["Country", "Agreements signed"],
        "year": "Year",
    },
}


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
    _write(sheet, headings["figures"], [
        [r["code"], r["name"], r["computed"], unit_name(r["computed_unit"]), r["computed_of"],
         r["reported"], unit_name(r["reported_unit"]), r["reported_of"], r["difference"],
         r["basis_name"], r["reason"]] for r in document_rows(report, lang)],
        title=title("figures"))

    trends = report.trends or {"years": [], "series": {}, "indicators": {}}
    codes = list(trends["series"])
    sheet = workbook.create_sheet(names["trends"])
    _write(sheet, [headings["year"]] + [indicator_name(trends["indicators"][c], lang)
                                        for c in codes],
           [[year] + [trends["series"][c][n][1] for c in codes]
            for n, year in enumerate(trends["years"])], year_column=1, title=title("trends"))
    # The delegation counts, or else the first series with a value: a chart is never empty.
    drawn = [c for c in codes if any(v is not None for _y, v, _b in trends["series"][c])]
    wanted = [n for n, c in enumerate(codes, start=2) if c in drawn and c in (
        "delegations.outgoing", "delegations.incoming")] or [
        codes.index(c) + 2 for c in drawn[:1]]
    if trends["years"] and wanted:
        last = HEADER_ROW + len(trends["years"])
        chart = BarChart()
        chart.title = names["trends"]
        chart.x_axis.title = headings["year"]
        chart.y_axis.title = "Số lượng" if lang == "vi" else "Number"
        chart.x_axis.number_format = YEAR
        chart.height, chart.width = 9, 18
        for column in wanted:
            chart.add_data(Reference(sheet, min_col=column, min_row=HEADER_ROW, max_row=last),
                           titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=HEADER_ROW + 1,
                                       max_row=last))
        sheet.add_chart(chart, f"A{last + 3}")

    breakdowns = report.breakdowns or {}
    sheet = workbook.create_sheet(names["countries"])
    _write(sheet, headings["countries"], [
        [r["country"], r["outgoing"], r["outgoing_persons"], r["incoming"],
         r["incoming_persons"]] for r in breakdowns.get("delegations_by_country", [])],
        title=title("countries"))
    for key, title_key in (("aid_by_donor", "donors"), ("aid_by_sector", "sectors")):
        sheet = workbook.create_sheet(names[title_key])
        _write(sheet, headings["aid"], [[r["name"], r["programmes"], r["disbursed"]]
                                        for r in breakdowns.get(key, [])], title=title(title_key))
    sheet = workbook.create_sheet(names["agreements"])
    _write(sheet, headings["agreements"], [[r["country"], r["agreements"]]
                                           for r in breakdowns.get("agreements_by_country", [])],
           title=title("agreements"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

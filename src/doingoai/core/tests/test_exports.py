"""CSV and XLSX exports: the same rows as the table, readable by Excel."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl

from doingoai.agreements.pages import agreements
from doingoai.core.tests.factories import make_agreement, make_partner
from doingoai.partners.pages import partners

EXPECTED_CSV = (
    "\ufeffname in Vietnamese,acronym,kind,country,part of\r\n"
    "Cơ quan Hợp tác Quốc tế Nhật Bản,JICA,National government body,Japan,\r\n"
    "Tỉnh Vân Nam,,Foreign province or city,China,\r\n"
)


def _partners(ha_giang, bac_kan):
    make_partner(ha_giang, name_vi="Tỉnh Vân Nam", country_id="CN")
    make_partner(ha_giang, name_vi="Cơ quan Hợp tác Quốc tế Nhật Bản", acronym="JICA",
                 kind="government", country_id="JP")
    make_partner(bac_kan, name_vi="Quận Gangnam", country_id="KR")
    make_partner(ha_giang, name_vi="Tổ chức đã xoá", country_id="US").soft_delete()


def test_the_csv_export_starts_with_a_bom_and_has_the_header_and_the_visible_rows(
    hg_client, ha_giang, bac_kan
):
    _partners(ha_giang, bac_kan)
    hg_client.cookies["django_language"] = "en"

    response = hg_client.get(partners.reverse("list"), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="partners.csv"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).decode("utf-8") == EXPECTED_CSV


def test_the_csv_export_keeps_the_search_and_filters_of_the_table(hg_client, ha_giang, bac_kan):
    _partners(ha_giang, bac_kan)
    response = hg_client.get(partners.reverse("list"), {"export": "csv", "q": "van nam"})
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("Tỉnh Vân Nam,")
    response = hg_client.get(partners.reverse("list"), {"export": "csv", "country": "JP"})
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["JICA"]


def test_the_xlsx_export_opens_and_has_the_rows(hg_client, ha_giang, bac_kan):
    _partners(ha_giang, bac_kan)

    response = hg_client.get(partners.reverse("list"), {"export": "xlsx"})

    assert response.status_code == 200
    assert 'filename="partners.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    assert [row[0] for row in rows[1:]] == [
        "Cơ quan Hợp tác Quốc tế Nhật Bản", "Tỉnh Vân Nam",
    ]
    assert rows[1][3] == "Nhật Bản"


def test_the_ministry_exports_every_province(client, ministry_viewer, ha_giang, bac_kan):
    _partners(ha_giang, bac_kan)
    client.force_login(ministry_viewer)
    response = client.get(partners.reverse("list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "Quận Gangnam" in text and "Tỉnh Vân Nam" in text and "Tổ chức đã xoá" not in text


def test_the_xlsx_export_writes_dates_as_dates_and_numbers_as_numbers(hg_client, ha_giang):
    from doingoai.core.tests.factories import make_figure
    from doingoai.figures.pages import figures

    make_agreement(ha_giang, title="Biên bản ghi nhớ với Vân Nam",
                   signed_on=dt.date(2017, 5, 12), expires_on=dt.date(2022, 5, 11))
    make_figure(ha_giang, value=Decimal("1234.5000"))

    response = hg_client.get(agreements.reverse("list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    column = agreements.list_columns.index
    signed = sheet.cell(row=2, column=column("signed_on") + 1)
    assert signed.is_date
    assert signed.value.date() == dt.date(2017, 5, 12)
    assert signed.number_format == "DD/MM/YYYY"
    assert sheet.cell(row=2, column=column("title") + 1).value == "Biên bản ghi nhớ với Vân Nam"
    assert sheet.cell(row=2, column=column("kind") + 1).data_type == "s"

    response = hg_client.get(figures.reverse("list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    column = figures.list_columns.index
    value = sheet.cell(row=2, column=column("value") + 1)
    assert value.data_type == "n"
    assert value.value == 1234.5
    # The period stays the text it is ("2022"), the CSV keeps the page's text.
    assert sheet.cell(row=2, column=column("period") + 1).value == "2022"

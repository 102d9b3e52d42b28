"""Names come in Vietnamese alphabetical order (a ă â b c d đ e ê ..., tones breaking ties),
not by code point, wherever a list is shown: record lists, drop-downs, exports, on SQLite and
on PostgreSQL alike."""

import csv
import datetime as dt
import io
import re

import openpyxl
from django.urls import reverse

from doingoai.agreements.pages import agreements
from doingoai.core.models import AdminUnit, Country
from doingoai.core.tests.factories import make_agreement, make_partner
from doingoai.lib.collation import Vietnamese, sort_key
from doingoai.partners.pages import partners
from doingoai.reports.access import readable_provinces
from doingoai.reports.report import agreements_by_country

# By code point: "Anh", "Y-ê-men", "Áo", "Ô-xtrây-li-a", "Ấn Độ".
NAMES = ["Y-ê-men", "Ô-xtrây-li-a", "Anh", "Ấn Độ", "Áo"]
IN_VIETNAMESE_ORDER = ["Anh", "Áo", "Ấn Độ", "Ô-xtrây-li-a", "Y-ê-men"]
# Countries whose short names are the five above.
CODES = {"GB": "Anh", "AT": "Áo", "IN": "Ấn Độ", "AU": "Ô-xtrây-li-a", "YE": "Y-ê-men"}


def _in_page_order(html: str, names) -> list[str]:
    return sorted(names, key=lambda name: html.index(name))


def _options(html: str, select_name: str) -> list[str]:
    select = re.search(rf'<select name="{select_name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no drop-down {select_name}"
    return re.findall(r'<option value="([^"]+)"', select.group(1))


def test_the_sort_key_follows_the_vietnamese_alphabet():
    assert sorted(NAMES, key=sort_key) == IN_VIETNAMESE_ORDER
    assert sorted(["Huế", "Hà Nội", "Hà Giang"], key=sort_key) == ["Hà Giang", "Hà Nội", "Huế"]
    assert sorted(["Đà Nẵng", "Dăm-bi-a", "Ơ", "Ô man", "u", "Ư"], key=sort_key) == [
        "Dăm-bi-a", "Đà Nẵng", "Ô man", "Ơ", "u", "Ư"]
    # The tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]


def test_countries_come_from_the_database_in_vietnamese_order(db):
    names = list(Country.objects.filter(code__in=CODES).values_list("name_vi", flat=True))
    assert names == IN_VIETNAMESE_ORDER


def test_the_database_orders_every_administrative_unit_as_python_does(db):
    """On PostgreSQL this holds the tailoring of ``lib.collation`` to ICU's ``vi-x-icu``
    over 10,000 real names; on SQLite it holds the collation registered on the connection."""
    names = list(AdminUnit.objects.order_by(Vietnamese("name"), "pk")
                 .values_list("name", flat=True))
    assert len(names) > 10_000
    assert names == sorted(names, key=sort_key)


def test_provinces_come_in_vietnamese_order_for_the_report(ministry_viewer):
    names = [p.name for p in readable_provinces(ministry_viewer).filter(generation="2025")]
    assert names.index("Hà Nội") < names.index("Huế")
    assert names == sorted(names, key=sort_key)


def test_the_reference_page_lists_provinces_and_countries_in_vietnamese_order(hg_client):
    page = hg_client.get(reverse("core:reference")).content.decode()
    assert _in_page_order(page, ["<td>Thành phố Huế</td>", "<td>Thành phố Hà Nội</td>"]) == [
        "<td>Thành phố Hà Nội</td>", "<td>Thành phố Huế</td>"]
    cells = [f"<td>{name}</td>" for name in NAMES]
    assert _in_page_order(page, cells) == [f"<td>{name}</td>" for name in IN_VIETNAMESE_ORDER]


def _five_partners(owner):
    for name in NAMES:
        make_partner(owner, name_vi=name)


def test_a_record_list_is_in_vietnamese_order(hg_client, ha_giang):
    _five_partners(ha_giang)
    page = hg_client.get(partners.reverse("list")).content.decode()
    cells = [f">{name}<" for name in NAMES]
    assert _in_page_order(page, cells) == [f">{name}<" for name in IN_VIETNAMESE_ORDER]


def test_the_csv_and_xlsx_exports_are_in_vietnamese_order(hg_client, ha_giang):
    _five_partners(ha_giang)
    response = hg_client.get(partners.reverse("list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == IN_VIETNAMESE_ORDER

    response = hg_client.get(partners.reverse("list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == IN_VIETNAMESE_ORDER


def test_drop_downs_of_countries_and_partners_are_in_vietnamese_order(hg_client, ha_giang):
    _five_partners(ha_giang)
    by_name = {p.name_vi: str(p.pk) for p in partners.model.objects.all()}

    form = hg_client.get(partners.reverse("create")).content.decode()
    countries = [code for code in _options(form, "country") if code in CODES]
    assert [CODES[code] for code in countries] == IN_VIETNAMESE_ORDER

    form = hg_client.get(agreements.reverse("create")).content.decode()
    chosen = [pk for pk in _options(form, "partners") if pk in by_name.values()]
    assert chosen == [by_name[name] for name in IN_VIETNAMESE_ORDER]


def test_the_filter_drop_down_of_a_list_is_in_vietnamese_order(hg_client):
    page = hg_client.get(partners.reverse("list")).content.decode()
    countries = [code for code in _options(page, "country") if code in CODES]
    assert [CODES[code] for code in countries] == IN_VIETNAMESE_ORDER


def test_the_reports_table_by_country_breaks_ties_in_vietnamese_order(ha_giang):
    for code in CODES:
        make_agreement(ha_giang, partners=[make_partner(ha_giang, country_id=code)])
    rows = agreements_by_country([ha_giang.pk], dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert [row["country"] for row in rows] == IN_VIETNAMESE_ORDER

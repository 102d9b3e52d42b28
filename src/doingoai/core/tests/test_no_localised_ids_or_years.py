"""Ids, years and codes are never printed through number localisation (issue 10, item 4).

Every page of every record type (list, detail, create and edit form, delete, trash, import),
the report page, the dashboard, the ministry comparison, the home page, the calendar, the
figure review pages, the other pages without parameters and the Django admin are rendered in
Vietnamese on demo data whose ids are all above 1000 and with years 2019-2026; each page fails
on a digit group in an id, a year or a URL (``doingoai.testing.localised_ids_and_years``). The
XLSX exports write their years as plain numbers (format "0") or as text, never "#,##0".

The demo is loaded once for the module inside a transaction that is rolled back at the end."""

import datetime as dt
import importlib
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.html import strip_tags

from doingoai.agreements.models import Agreement, ImplementationNote
from doingoai.core.models import AdminUnit
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_record
from doingoai.demo.load import load_demo
from doingoai.demo.logins import HG_LEADER, HG_SPECIALIST, HG_VIEWER, MINISTRY_VIEWER
from doingoai.figures.models import ReportedFigure, SourceDocument
from doingoai.testing import LOCALISED_YEAR, localised_ids_and_years, start_ids_above

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY

YEARS = range(2019, 2027)
RAW_DECIMAL = re.compile(r"\d,\d*0000(?!\d)")
HA_GIANG = ("Hà Giang", "legacy")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        start_ids_above(1000)
        load_demo()
        ha_giang = AdminUnit.objects.provinces().get(name=HA_GIANG[0], generation=HA_GIANG[1])
        # One more record of every type, and figures and notes for each year 2019-2026.
        for rt in REGISTRY:
            make_record(rt.model, ha_giang)
        agreement = Agreement.objects.filter(owner=ha_giang).order_by("-pk").first()
        for year in YEARS:
            ImplementationNote.objects.create(agreement=agreement, year=year,
                                              text=f"Kết quả triển khai năm {year}")
            ReportedFigure.objects.create(
                owner=ha_giang, place=ha_giang, indicator_id="delegations.outgoing",
                period=str(year), value=Decimal("3.0000"), unit="count",
                source=SourceDocument.objects.filter(owner=ha_giang).first(),
                quote=f"năm {year} đón 3 đoàn")
        yield ha_giang
        transaction.set_rollback(True)


def user(login):
    return get_user_model().objects.get(username=login.username)


@pytest.fixture
def vietnamese():
    with translation.override("vi"):
        yield


def check(client, url, *, allowed=(200,)):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code in allowed, (url, response.status_code)
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        html = response.content.decode()
        assert localised_ids_and_years(html) == [], url
        # A figure's Decimal printed raw: 3,0000 where 3 is meant.
        assert not RAW_DECIMAL.findall(strip_tags(html)), (url, RAW_DECIMAL.findall(html))
    return response


def test_the_demo_has_ids_above_1000_and_every_year(demo, db):
    for rt in REGISTRY:
        assert rt.model.all_objects.filter(pk__gt=1000).exists(), rt.model
    assert set(ImplementationNote.objects.values_list("year", flat=True)) >= set(YEARS)


@pytest.mark.parametrize("rt", REGISTRY, ids=lambda rt: rt.slug)
def test_every_page_of_a_record_type_prints_ids_and_years_as_they_are(
        demo, db, client, vietnamese, rt):
    specialist = user(HG_SPECIALIST)
    client.force_login(specialist)
    for action in ("list", "create", "trash", "import"):
        check(client, rt.reverse(action))
    check(client, rt.reverse("list") + "?q=a&page=1")
    records = list(rt.queryset_for(specialist).order_by("-pk")[:3])
    assert records, rt.slug
    for record in records:
        for action in ("detail", "edit", "delete"):
            check(client, rt.reverse(action, record.pk))


def test_the_report_the_dashboard_and_the_comparison_print_years_as_they_are(
        demo, db, client, vietnamese):
    client.force_login(user(HG_SPECIALIST))
    for period in ("2019-2026", "2023", "2024-Q1"):
        page = check(client, reverse("reports:report") + f"?place={demo.pk}&period={period}")
        assert page.context["report"] is not None
    check(client, reverse("reports:report"))
    page = check(client, reverse("reports:dashboard"))
    html = page.content.decode()
    this_year = dt.date.today().year
    assert f"<th>{this_year}</th>" in html and f"<th>{this_year - 1}</th>" in html
    assert "3,0000" not in html
    client.force_login(user(MINISTRY_VIEWER))
    for generation in ("legacy", "2025"):
        check(client, reverse("reports:compare") + f"?indicator=delegations.outgoing"
                      f"&period=2019-2026&generation={generation}")
    check(client, reverse("reports:dashboard"))


def test_a_value_stored_with_four_places_reads_as_a_whole_number(demo, db, client, vietnamese):
    client.force_login(user(HG_SPECIALIST))
    figure = ReportedFigure.objects.filter(owner=demo, period="2019").first()
    html = check(client, reverse("figures:figure-detail", args=[figure.pk])).content.decode()
    assert "3,0000" not in html
    assert re.search(r">\s*3\s*<", html)
    form = check(client, reverse("figures:figure-edit", args=[figure.pk])).content.decode()
    assert re.search(r'name="value" value="3"', form) or re.search(r'value="3"[^>]*name="value"',
                                                                    form), form


def test_the_figure_review_pages_the_calendar_and_the_home_page_print_ids_as_they_are(
        demo, db, client, vietnamese):
    for login in (HG_SPECIALIST, HG_LEADER, HG_VIEWER):
        client.force_login(user(login))
        check(client, reverse("core:home"))
        for document in SourceDocument.objects.filter(owner=demo):
            check(client, reverse("figures:document-review", args=[document.pk]))
        for month in ("2019-01", "2023-05", "2023-10", "2026-12"):
            check(client, reverse("notifications:calendar") + f"?month={month}")


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


# Pages that change something or leave the site when opened.
NOT_OPENED = re.compile(r"^(accounts/logout/|i18n/|admin/|static/|media/|.*/reset/$)")


def _pages_without_parameters():
    return sorted({"/" + route for route in _walk(get_resolver().url_patterns)
                   if "<" not in route and "(?P" not in route and "^" not in route
                   and "\\" not in route and not NOT_OPENED.match(route)})


@pytest.mark.parametrize("url", _pages_without_parameters())
def test_every_page_without_parameters_prints_ids_and_years_as_they_are(
        demo, db, client, vietnamese, url):
    for login in (HG_SPECIALIST, HG_LEADER, MINISTRY_VIEWER):
        client.force_login(user(login))
        check(client, url, allowed=(200, 302, 400, 403, 404, 405, 422))


def test_the_django_admin_prints_ids_and_years_as_they_are(demo, db, client, vietnamese):
    client.force_login(get_user_model().objects.get(username="admin"))
    for model in admin.site._registry:
        meta = model._meta
        check(client, reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        obj = model._default_manager.order_by("-pk").first()
        if obj is not None:
            check(client, reverse(f"admin:{meta.app_label}_{meta.model_name}_change",
                                  args=[obj.pk]))


def _year_cells(sheet, heading):
    """The cells under the column headed ``heading`` (the header row, under the title)."""
    from doingoai.reports.exports.excel import HEADER_ROW

    rows = list(sheet.iter_rows())
    headings = [cell.value for cell in rows[HEADER_ROW - 1]]
    column = headings.index(heading)
    return [row[column] for row in rows[HEADER_ROW:]]


def test_the_report_workbook_writes_years_as_plain_numbers(demo, db, client, vietnamese):
    client.force_login(user(HG_SPECIALIST))
    response = client.get(reverse("reports:report-export"),
                          {"place": demo.pk, "period": "2019-2026", "format": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["Theo năm"]
    cells = _year_cells(sheet, "Năm")
    assert [cell.value for cell in cells] == list(YEARS)
    for cell in cells:
        assert cell.number_format in ("0", "@", "General"), cell.number_format
    chart = sheet._charts[0]
    assert chart.x_axis.number_format is not None
    assert chart.x_axis.number_format.formatCode == "0"


@pytest.mark.parametrize("rt", REGISTRY, ids=lambda rt: rt.slug)
def test_the_list_exports_write_ids_and_years_as_they_are(demo, db, client, vietnamese, rt):
    client.force_login(user(HG_SPECIALIST))
    csv_text = b"".join(client.get(rt.reverse("list") + "?export=csv")
                        .streaming_content).decode("utf-8")
    for cell in re.split(r"[,\n]", csv_text):
        assert not LOCALISED_YEAR.fullmatch(cell.strip('"\r ')), (rt.slug, cell)
    response = client.get(rt.reverse("list") + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                assert not LOCALISED_YEAR.fullmatch(cell.value.strip()), (rt.slug, cell.value)
            elif isinstance(cell.value, int) and 1900 <= cell.value < 2100:
                assert "#,##" not in cell.number_format, (rt.slug, cell.number_format)

"""Issue 11 §1: a province merged on 1 July 2025 rolls up each predecessor on its own
coverage (computed where that unit's register covers the period, its reported figure
otherwise), names its predecessors so that the reader can tell them apart, and a name with
a period means the unit in force in that period."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from doingoai.figures.models import ReportedFigure
from doingoai.lib.periods import parse_period
from doingoai.reports.places import find_province
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import declare_complete, delegation
from doingoai.testing import client_for, legacy_province

pytestmark = pytest.mark.usefixtures("english")


def report_figure(place, code, period, value, unit="count", **extra):
    return ReportedFigure.objects.create(owner=place, place=place, indicator_id=code,
                                         period=period, value=Decimal(value), unit=unit, **extra)


@pytest.fixture
def old_tuyen_quang(db):
    return legacy_province("Tuyên Quang")


def test_todays_tuyên_quang_adds_hà_giangs_computed_figure_to_the_old_provinces_reported_one(
        ha_giang, old_tuyen_quang, tuyen_quang):
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["delegations"])
    for day in (dt.date(2025, 2, 1), dt.date(2025, 5, 1)):
        delegation(ha_giang, "outgoing", day, 3)
    report_figure(old_tuyen_quang, "delegations.outgoing", "2025-H1", 1)
    report_figure(old_tuyen_quang, "delegations.outgoing", "2025", 4)
    report_figure(tuyen_quang, "delegations.incoming", "2025", 9)
    report = build_report([tuyen_quang], parse_period("2025"), details=False)
    line = report.line("delegations.outgoing")
    assert (line.value, line.basis) == (6, "mixed")
    assert [unit.pk for unit in line.contributors] == [ha_giang.pk, old_tuyen_quang.pk]
    # The merged province's own figure for the whole year already holds its predecessors.
    incoming = report.line("delegations.incoming")
    assert (incoming.value, incoming.basis, incoming.parts) == (9, "reported", [])


def test_the_reason_tells_the_old_tuyên_quang_from_todays(ha_giang, old_tuyen_quang,
                                                          tuyen_quang):
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["delegations"])
    line = build_report([tuyen_quang], parse_period("2025"), details=False).line(
        "delegations.outgoing")
    assert "Tuyên Quang (until 30/06/2025)" in line.reason
    assert "Tuyên Quang (from 01/07/2025)" in line.reason
    assert "Hà Giang (until 30/06/2025)" in line.reason
    assert (line.value, line.basis) == (0, "computed")  # Hà Giang's register, declared


def test_a_predecessor_without_coverage_or_figure_prints_nothing_rather_than_zero(
        ha_giang, tuyen_quang):
    delegation(ha_giang, "outgoing", dt.date(2023, 3, 1), 2)
    line = build_report([tuyen_quang], parse_period("2023"), details=False).line(
        "delegations.outgoing")
    assert (line.basis, line.value) == (None, None)
    assert "has not declared" in line.reason


def test_tuyên_quang_2023_in_the_ministry_comparison_shows_hà_giangs_delegations(
        client, ministry_viewer, ha_giang, tuyen_quang):
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["delegations"])
    for month in (2, 4, 9):
        delegation(ha_giang, "outgoing", dt.date(2023, month, 1), 2)
    page = client_for(client, ministry_viewer).get(
        reverse("reports:compare"), {"indicator": "delegations.outgoing", "period": "2023"})
    assert page.status_code == 200
    row = next(r for r in page.context["table"] if r["province"].pk == tuyen_quang.pk)
    assert row["line"].value == 3
    assert "Hà Giang (until 30/06/2025)" in row["line"].reason


def test_the_prose_names_only_the_predecessors_that_gave_a_figure(ha_giang, old_tuyen_quang,
                                                                 tuyen_quang):
    report_figure(ha_giang, "agreements.signed", "2025-H1", 5)
    report = build_report([tuyen_quang], parse_period("2025-H1"), details=False)
    assert [u.pk for u in report.merged_units] == [ha_giang.pk]
    prose = report.prose("vi")
    assert "tỉnh Hà Giang" in prose
    assert "Tuyên Quang (cũ)" in prose  # told that it gave no figure, not counted in it
    assert "5 thỏa thuận" in prose


def test_a_province_never_merged_says_nothing_about_a_merger(ha_giang):
    report_figure(ha_giang, "agreements.signed", "2022", 12)
    prose = build_report([ha_giang], parse_period("2022"), details=False).prose("vi")
    assert "hợp nhất" not in prose and "12 thỏa thuận" in prose


@pytest.mark.parametrize("period, generation", [
    ("2023", "legacy"), ("2015-2020", "legacy"), ("2025", "2025"), ("2026", "2025")])
def test_a_name_with_a_period_means_the_province_in_force_then(db, period, generation):
    assert find_province("Tuyên Quang", parse_period(period)).generation == generation

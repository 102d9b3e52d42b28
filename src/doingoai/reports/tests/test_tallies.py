"""The tallies (one GROUP BY per register) give the figures the per-indicator computations
give: the annotated figures of the fixture, for one place and for several, in and out of
the window."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.models import ExchangeRate
from doingoai.lib.periods import parse_period
from doingoai.reports.computations import COMPUTATIONS, TALLIED, compute, tallying
from doingoai.reports.report import ReportBuilder
from doingoai.reports.tests.records import EXPECTED_2023, make_records

WIDE = (dt.date(2015, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize("code", sorted(TALLIED))
def test_each_tallied_figure_is_the_annotated_one(code, ha_giang):
    make_records(ha_giang)
    period = parse_period("2023")
    with tallying([ha_giang.pk], *WIDE):
        computed = compute(code, [ha_giang.pk], period.start, period.end)
    assert computed.value == Decimal(EXPECTED_2023[code][0])


@pytest.mark.parametrize("code", sorted(TALLIED))
def test_each_tallied_figure_equals_its_computation_for_every_period_and_place(
        code, ha_giang, bac_kan):
    make_records(ha_giang)
    ExchangeRate.objects.all().delete()  # made again, the same, by the second call
    make_records(bac_kan)
    periods = [parse_period(p) for p in ("2021", "2022", "2023", "2024", "2022-2024",
                                         "2023-Q2", "2023-H2")]
    with tallying([ha_giang.pk, bac_kan.pk], *WIDE):
        for ids in ([ha_giang.pk], [bac_kan.pk], [ha_giang.pk, bac_kan.pk]):
            for period in periods:
                tallied = compute(code, ids, period.start, period.end)
                direct = COMPUTATIONS[code].function(ids, period.start, period.end)
                assert (tallied.value, tallied.unit, tallied.notes) == (
                    direct.value, direct.unit, direct.notes), (ids, period)


def test_a_period_outside_the_window_is_computed_directly(ha_giang):
    make_records(ha_giang)
    period = parse_period("2023")
    with tallying([ha_giang.pk], dt.date(2024, 1, 1), dt.date(2024, 12, 31)):
        computed = compute("delegations.outgoing", [ha_giang.pk], period.start, period.end)
    assert computed.value == Decimal(EXPECTED_2023["delegations.outgoing"][0])


def test_a_report_reads_each_tallied_register_once_whatever_the_number_of_periods(ha_giang):
    make_records(ha_giang)
    codes = ["delegations.outgoing", "delegations.incoming"]
    builder = ReportBuilder([ha_giang], codes=codes)
    with CaptureQueriesContext(connection) as queries:
        builder.build(parse_period("2023"), details=False)
    assert sum("delegations_delegation" in q["sql"] for q in queries.captured_queries) == 1
    with CaptureQueriesContext(connection) as five_years:
        builder.build(parse_period("2023"))  # trends: 2019 to 2023
    with CaptureQueriesContext(connection) as eight_years:
        report = builder.build(parse_period("2017-2024"))  # trends: 2017 to 2024
    assert len(eight_years) == len(five_years)
    assert report.line("delegations.outgoing").computed is not None

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


STRETCHES = [parse_period(p) for p in ("2021", "2022", "2023", "2024", "2021-2024")]


@pytest.mark.parametrize("code", sorted(TALLIED))
def test_each_figure_tallied_by_stretch_equals_its_computation(code, ha_giang, bac_kan):
    make_records(ha_giang)
    ExchangeRate.objects.all().delete()
    make_records(bac_kan)
    # The report's own window: its period and trend years known, flows read by year.
    asked = [*STRETCHES, parse_period("2022-2024"), parse_period("2023-Q2")]
    with tallying([ha_giang.pk, bac_kan.pk], dt.date(2021, 1, 1), dt.date(2024, 12, 31),
                  periods=STRETCHES):
        for ids in ([ha_giang.pk], [bac_kan.pk], [ha_giang.pk, bac_kan.pk]):
            for period in asked:  # 2022-2024 and 2023-Q2 are not whole stretches
                tallied = compute(code, ids, period.start, period.end)
                direct = COMPUTATIONS[code].function(ids, period.start, period.end)
                assert (tallied.value, tallied.unit, tallied.notes) == (
                    direct.value, direct.unit, direct.notes), (ids, period)


def test_a_period_that_is_not_made_of_whole_stretches_is_computed_directly(ha_giang):
    make_records(ha_giang)
    with tallying([ha_giang.pk], *WIDE, periods=[parse_period("2023")]) as tally:
        assert tally.covers([ha_giang.pk], dt.date(2023, 1, 1), dt.date(2023, 12, 31))
        assert not tally.covers([ha_giang.pk], dt.date(2023, 4, 1), dt.date(2023, 6, 30))


def test_a_tally_of_some_figures_reads_no_other_and_computes_the_others_directly(ha_giang):
    make_records(ha_giang)
    period = parse_period("2023")
    with tallying([ha_giang.pk], *WIDE, codes=["delegations.outgoing_persons"]) as tally:
        persons = compute("delegations.outgoing_persons", [ha_giang.pk], period.start,
                          period.end)
        incoming = compute("delegations.incoming_persons", [ha_giang.pk], period.start,
                           period.end)
        loaded = [figure for data in tally.loaded.values() for figure, _owner in data]
    assert set(loaded) == {"delegations.outgoing_persons"}
    assert persons.value == Decimal(EXPECTED_2023["delegations.outgoing_persons"][0])
    assert incoming.value == Decimal(EXPECTED_2023["delegations.incoming_persons"][0])


def test_the_builders_of_a_comparison_give_the_lines_of_one_builder_per_province(
        ha_giang, bac_kan):
    make_records(ha_giang)
    ExchangeRate.objects.all().delete()
    make_records(bac_kan)
    period = parse_period("2023")
    places = [ha_giang, bac_kan]
    codes = sorted(TALLIED)
    together = ReportBuilder.for_each(places, codes=codes)
    assert [b.units for b in together] == [ReportBuilder([p]).units for p in places]
    for place, builder in zip(places, together, strict=True):
        alone = ReportBuilder([place], codes=codes).build(period, details=False)
        shared = builder.build(period, details=False)
        assert [(line.code, line.value, line.basis, line.reason) for line in shared.lines] == [
            (line.code, line.value, line.basis, line.reason) for line in alone.lines]


def test_the_builders_of_a_comparison_make_as_many_queries_for_two_provinces_as_for_one(
        ha_giang, bac_kan):
    make_records(ha_giang)
    with CaptureQueriesContext(connection) as one:
        ReportBuilder.for_each([ha_giang], codes=["delegations.outgoing"])
    with CaptureQueriesContext(connection) as two:
        ReportBuilder.for_each([ha_giang, bac_kan], codes=["delegations.outgoing"])
    assert len(two) == len(one)


def test_fdi_projects_tallied_by_their_spans_are_those_computed_directly(ha_giang):
    from doingoai.aid.models import AidProgramme

    make_records(ha_giang)
    spans = [("under_way", dt.date(2021, 3, 1), dt.date(2022, 12, 31)),
             ("under_way", dt.date(2023, 7, 1), None),
             ("finished", dt.date(2020, 1, 1), None),
             ("cancelled", dt.date(2020, 1, 1), None),
             ("under_way", dt.date(2024, 12, 31), dt.date(2026, 1, 1))]
    for status, starts_on, ends_on in spans:
        AidProgramme.objects.create(owner=ha_giang, kind="fdi", title=f"FDI {starts_on}",
                                    status=status, starts_on=starts_on, ends_on=ends_on)
    periods = [parse_period(p) for p in ("2021", "2022", "2023", "2024", "2021-2024",
                                         "2023-Q2")]
    with tallying([ha_giang.pk], dt.date(2021, 1, 1), dt.date(2024, 12, 31),
                  periods=periods[:5]):
        for period in periods:
            tallied = compute("fdi.projects", [ha_giang.pk], period.start, period.end)
            direct = COMPUTATIONS["fdi.projects"].function([ha_giang.pk], period.start,
                                                           period.end)
            assert tallied.value == direct.value, period


@pytest.mark.parametrize("code", sorted(TALLIED))
def test_a_tally_of_another_place_runs_the_same_statement_with_that_place_s_own_units(
        code, ha_giang, bac_kan):
    # One unit each: the second tally has the first one's shape and reuses its SQL.
    make_records(ha_giang)
    period = parse_period("2023")
    figures = {}
    for place in (ha_giang, bac_kan):
        with tallying([place.pk], *WIDE, periods=[period]):
            figures[place.pk] = compute(code, [place.pk], period.start, period.end).value
    assert figures[ha_giang.pk] == Decimal(EXPECTED_2023[code][0])
    assert figures[bac_kan.pk] == COMPUTATIONS[code].function(
        [bac_kan.pk], period.start, period.end).value == 0


def test_an_amount_in_a_currency_without_a_rate_is_noted_alike_tallied_and_computed(ha_giang):
    from doingoai.aid.models import AidProgramme, AidTransaction

    make_records(ha_giang)
    programme = AidProgramme.objects.create(owner=ha_giang, kind="ngo", title="Không có tỷ giá",
                                            status="under_way", starts_on=dt.date(2023, 1, 1))
    AidTransaction.objects.create(programme=programme, kind="disbursement",
                                  on=dt.date(2023, 5, 2), amount=Decimal(1000),
                                  currency_id="EUR")
    period = parse_period("2023")
    with tallying([ha_giang.pk], *WIDE, periods=[period]):
        tallied = compute("ngo.amount_disbursed", [ha_giang.pk], period.start, period.end)
    direct = COMPUTATIONS["ngo.amount_disbursed"].function([ha_giang.pk], period.start,
                                                          period.end)
    assert tallied.notes and tallied.notes == direct.notes
    assert tallied.value == direct.value == Decimal(EXPECTED_2023["ngo.amount_disbursed"][0])

import datetime as dt
from decimal import Decimal

import pytest

from doingoai.figures.models import ReportedFigure
from doingoai.lib.periods import parse_period
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import delegation, make_records

# The assertions quote English messages; the Vietnamese ones are checked elsewhere.
pytestmark = pytest.mark.usefixtures("english")


def report_figure(place, code, period, value, unit="count", **extra):
    return ReportedFigure.objects.create(owner=place, place=place, indicator_id=code,
                                         period=period, value=Decimal(value), unit=unit, **extra)


def test_covered_periods_print_the_computed_figure_and_show_the_difference(ha_giang, english):
    make_records(ha_giang)
    report_figure(ha_giang, "delegations.outgoing", "2023", 5)
    line = build_report([ha_giang], parse_period("2023")).line("delegations.outgoing")
    assert line.basis == "computed"
    assert (line.computed.value, line.reported.value, line.difference) == (2, 5, -3)
    assert "cover" in line.reason


def test_periods_before_the_records_print_the_reported_figure(ha_giang):
    make_records(ha_giang)
    report_figure(ha_giang, "delegations.outgoing", "2015-2020", 422)
    line = build_report([ha_giang], parse_period("2015-2020")).line("delegations.outgoing")
    assert line.basis == "reported"
    assert line.value == 422
    assert "2022" in line.reason  # the records start in 2022


def test_the_user_can_ask_for_either_figure(ha_giang):
    make_records(ha_giang)
    report_figure(ha_giang, "delegations.outgoing", "2023", 5)
    period = parse_period("2023")
    assert build_report([ha_giang], period, prefer="reported").line(
        "delegations.outgoing").value == 5
    report_figure(ha_giang, "delegations.incoming", "2015-2020", 381)
    old = build_report([ha_giang], parse_period("2015-2020"), prefer="computed")
    assert old.line("delegations.incoming").basis == "computed"
    assert old.line("delegations.incoming").value == 0


def test_a_figure_is_matched_by_the_days_its_period_covers_not_by_its_spelling(ha_giang):
    report_figure(ha_giang, "conferences.organised", "2024-01-01/2024-03-31", 4)
    report = build_report([ha_giang], parse_period("quý I.2024"), details=False)
    assert report.line("conferences.organised").value == 4


def test_reported_money_is_compared_in_dong_through_its_equivalent(ha_giang):
    make_records(ha_giang)
    report_figure(ha_giang, "ngo.amount_committed", "2023", 150_000, unit="USD",
                  equivalent_value=Decimal(3_500_000_000), equivalent_unit="VND")
    line = build_report([ha_giang], parse_period("2023")).line("ngo.amount_committed")
    assert line.difference == Decimal(3_350_000_000 - 3_500_000_000)


def test_the_latest_source_wins_when_two_report_the_same_figure(ha_giang):
    from doingoai.figures.models import SourceDocument

    old = SourceDocument.objects.create(owner=ha_giang, title="Cũ",
                                        published_on=dt.date(2021, 1, 1))
    new = SourceDocument.objects.create(owner=ha_giang, title="Mới",
                                        published_on=dt.date(2022, 1, 1))
    report_figure(ha_giang, "oda.projects", "2015-2020", 20, source=new)
    report_figure(ha_giang, "oda.projects", "2015-2020", 19, source=old)
    report = build_report([ha_giang], parse_period("2015-2020"), details=False)
    assert report.line("oda.projects").value == 20


def test_the_border_commune_denominator_is_the_one_last_reported(ha_giang):
    make_records(ha_giang)
    report_figure(ha_giang, "friendship.border_communes", "2016", 13, of=Decimal(34))
    line = build_report([ha_giang], parse_period("2023")).line("friendship.border_communes")
    assert (line.basis, line.value, line.of) == ("computed", 1, 34)


def test_hà_giang_rolls_up_into_todays_tuyên_quang(ha_giang, tuyen_quang):
    delegation(ha_giang, "outgoing", dt.date(2017, 5, 1), 3)
    report_figure(ha_giang, "agreements.signed", "2015-2020", 85)
    today = build_report([tuyen_quang], parse_period("2015-2020"), prefer="computed")
    assert today.line("delegations.outgoing").computed.value == 1
    assert today.line("delegations.outgoing_persons").computed.value == 3
    assert today.line("agreements.signed").reported.value == 85
    assert "Hà Giang" in today.prose()
    own = build_report([ha_giang], parse_period("2015-2020"))
    assert own.line("delegations.outgoing").computed.value == 1


def test_old_tuyên_quang_does_not_count_hà_giang(ha_giang):
    from doingoai.testing import legacy_province

    delegation(ha_giang, "outgoing", dt.date(2017, 5, 1), 3)
    old = build_report([legacy_province("Tuyên Quang")], parse_period("2017"))
    assert old.line("delegations.outgoing").computed.value == 0


def test_an_old_record_does_not_make_the_register_cover_a_later_period(ha_giang):
    # Issue 11: one agreement of 2017 used to make 2022 "covered", printing 0 for the 12
    # agreements the office published.
    from doingoai.agreements.models import Agreement

    Agreement.objects.create(owner=ha_giang, title="Biên bản 2017", kind="mou",
                             signed_on=dt.date(2017, 11, 20), status="in_force")
    report_figure(ha_giang, "agreements.signed", "2022", 12)
    line = build_report([ha_giang], parse_period("2022"), details=False).line(
        "agreements.signed")
    assert (line.basis, line.value) == ("reported", 12)
    assert "declared" in line.reason


def test_a_register_counts_only_for_the_periods_the_office_declares_complete(ha_giang):
    from doingoai.reports.tests.records import declare_complete

    delegation(ha_giang, "outgoing", dt.date(2023, 5, 1), 3)
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["delegations"])
    report_figure(ha_giang, "delegations.outgoing", "2022", 7)
    before = build_report([ha_giang], parse_period("2022"), details=False)
    assert before.line("delegations.outgoing").basis == "reported"
    assert "01/01/2023" in before.line("delegations.outgoing").reason
    assert before.line("delegations.incoming").basis is None  # no data: nothing, not 0
    during = build_report([ha_giang], parse_period("2023"), details=False)
    assert (during.line("delegations.outgoing").basis,
            during.line("delegations.outgoing").value) == ("computed", 1)
    mid_year = build_report([ha_giang], parse_period("2022-07-01/2023-06-30"), details=False)
    assert mid_year.line("delegations.outgoing").basis is None

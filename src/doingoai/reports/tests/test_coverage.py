"""The register coverage page (issue 11): the leader declares from when each register is
complete; the office reads it; no one sees or changes another province's; and the leader's
choice between two differing figures is recorded and printed."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from doingoai.figures.models import ReportedFigure
from doingoai.lib.periods import parse_period
from doingoai.reports.models import FigureChoice, RegisterCoverage
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import declare_complete, delegation
from doingoai.testing import client_for, make_user

URL = reverse("reports:coverage")


def test_the_leader_declares_a_register_complete_and_the_change_is_kept(client, hg_leader,
                                                                       ha_giang):
    leader = client_for(client, hg_leader)
    response = leader.post(URL, {"place": ha_giang.pk, "register": "delegations",
                                 "complete_from": "01/01/2023"})
    assert response.status_code == 302
    row = RegisterCoverage.objects.get(province=ha_giang, register="delegations")
    assert (row.complete_from, row.updated_by) == (dt.date(2023, 1, 1), hg_leader)
    leader.post(URL, {"place": ha_giang.pk, "register": "delegations",
                      "complete_from": "01/07/2022"})
    history = row.history.order_by("history_date")
    assert [h.complete_from for h in history] == [dt.date(2023, 1, 1), dt.date(2022, 7, 1)]
    assert history.last().history_user == hg_leader
    assert "01/07/2022" in leader.get(URL).content.decode()


def test_it_rejects_a_date_that_is_not_a_date_with_a_message(client, hg_leader, ha_giang):
    response = client_for(client, hg_leader).post(
        URL, {"place": ha_giang.pk, "register": "delegations", "complete_from": "31/02/2023"})
    assert response.status_code == 400
    assert not RegisterCoverage.objects.exists()


def test_a_specialist_reads_the_coverage_but_may_not_change_it(client, hg_specialist,
                                                               ha_giang):
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["aid"])
    specialist = client_for(client, hg_specialist)
    page = specialist.get(URL)
    assert page.status_code == 200 and "01/01/2023" in page.content.decode()
    assert 'name="complete_from"' not in page.content.decode()
    response = specialist.post(URL, {"place": ha_giang.pk, "register": "aid",
                                     "complete_from": "01/01/2015"})
    assert response.status_code == 403
    assert RegisterCoverage.objects.get(register="aid").complete_from == dt.date(2023, 1, 1)


def test_another_provinces_leader_neither_sees_nor_changes_the_coverage(client, ha_giang,
                                                                        bac_kan):
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["aid"])
    bk_leader = client_for(client, make_user("bk.leader", "leader", bac_kan))
    assert bk_leader.get(URL, {"place": ha_giang.pk}).status_code == 404
    response = bk_leader.post(URL, {"place": ha_giang.pk, "register": "aid",
                                    "complete_from": "01/01/2015"})
    assert response.status_code == 404
    assert RegisterCoverage.objects.get(register="aid").complete_from == dt.date(2023, 1, 1)
    assert not RegisterCoverage.objects.filter(province=bac_kan).exists()


def differing_figures(ha_giang):
    delegation(ha_giang, "outgoing", dt.date(2023, 5, 1), 3)
    declare_complete(ha_giang, dt.date(2023, 1, 1), ["delegations"])
    ReportedFigure.objects.create(owner=ha_giang, place=ha_giang, period="2023", value=5,
                                  indicator_id="delegations.outgoing", unit="count")


def test_the_leaders_choice_between_two_figures_is_recorded_and_printed(client, hg_leader,
                                                                       ha_giang):
    differing_figures(ha_giang)
    line = build_report([ha_giang], parse_period("2023")).line("delegations.outgoing")
    assert line.disagrees and (line.basis, line.difference) == ("computed", Decimal(-4))
    leader = client_for(client, hg_leader)
    page = leader.get(reverse("reports:report"), {"place": ha_giang.pk, "period": "2023"})
    assert "In số liệu báo cáo" in page.content.decode()
    response = leader.post(reverse("reports:choose"), {
        "place": ha_giang.pk, "period": "2023", "indicator": "delegations.outgoing",
        "basis": "reported"})
    assert response.status_code == 302
    choice = FigureChoice.objects.get()
    assert (choice.basis, choice.chosen_by, choice.period_start) == (
        "reported", hg_leader, dt.date(2023, 1, 1))
    line = build_report([ha_giang], parse_period("2023")).line("delegations.outgoing")
    assert (line.basis, line.value) == ("reported", 5)
    assert "Lãnh đạo Hà Giang" in line.reason


def test_a_specialist_may_not_choose_the_printed_figure(client, hg_specialist, ha_giang):
    differing_figures(ha_giang)
    response = client_for(client, hg_specialist).post(reverse("reports:choose"), {
        "place": ha_giang.pk, "period": "2023", "indicator": "delegations.outgoing",
        "basis": "reported"})
    assert response.status_code == 403
    assert not FigureChoice.objects.exists()


def test_the_review_table_says_no_data_rather_than_zero(client, hg_specialist, ha_giang):
    delegation(ha_giang, "outgoing", dt.date(2023, 5, 1), 3)  # no declaration
    page = client_for(client, hg_specialist).get(
        reverse("reports:report"), {"place": ha_giang.pk, "period": "2023"})
    assert "<em>chưa có số liệu</em>" in page.content.decode()

"""Issue 11 §4: the dashboard and the ministry comparison open on the latest period that has
data and show what changed against the period before (▲/▼ with the difference)."""

from django.urls import reverse
from django.utils import timezone

from doingoai.figures.models import ReportedFigure
from doingoai.reports.views import change
from doingoai.testing import client_for


def reported(province, year, value, code="delegations.outgoing"):
    return ReportedFigure.objects.create(owner=province, place=province, period=str(year),
                                         indicator_id=code, value=value, unit="count")


def row_of(page, code="delegations.outgoing"):
    return next(row for row in page.context["comparison"] if row["code"] == code)


def test_the_change_is_an_arrow_with_the_difference_and_nothing_without_data():
    assert change(18, 15, "vi") == "▲ 3"
    assert change(12, 18, "vi") == "▼ 6"
    assert change(5, 5, "vi") == "="
    assert change(5, None, "vi") == ""
    assert change(None, 5, "vi") == ""
    assert change(2689, 1000, "vi") == "▲ 1.689"


def test_the_dashboard_opens_on_the_latest_year_with_figures_not_the_empty_current_one(
        client, hg_specialist, ha_giang):
    year = timezone.localdate().year - 2
    reported(ha_giang, year, 18)
    reported(ha_giang, year - 1, 15)
    page = client_for(client, hg_specialist).get(reverse("reports:dashboard"),
                                                 {"place": ha_giang.pk})
    assert page.status_code == 200
    assert page.context["this_year"] == year
    outgoing = row_of(page)
    assert (outgoing["now"], outgoing["before"], outgoing["change_text"]) == (18, 15, "▲ 3")
    assert "▲ 3" in page.content.decode()


def test_a_year_asked_for_is_shown_even_when_it_has_no_figure(client, hg_specialist,
                                                              ha_giang):
    reported(ha_giang, timezone.localdate().year - 2, 18)
    asked = timezone.localdate().year
    page = client_for(client, hg_specialist).get(reverse("reports:dashboard"),
                                                 {"place": ha_giang.pk, "year": asked})
    assert page.context["this_year"] == asked
    assert row_of(page)["now"] is None and row_of(page)["change_text"] == ""


def test_the_dashboard_of_another_province_is_refused(client, bk_specialist, ha_giang):
    reported(ha_giang, timezone.localdate().year - 2, 4321)
    page = client_for(client, bk_specialist).get(reverse("reports:dashboard"),
                                                 {"place": ha_giang.pk})
    assert page.status_code in (403, 404)
    assert "4.321" not in page.content.decode()


def test_the_comparison_shows_the_previous_year_and_the_change(client, ministry_viewer,
                                                               ha_giang):
    year = timezone.localdate().year - 1
    reported(ha_giang, year, 12)
    reported(ha_giang, year - 1, 18)
    page = client_for(client, ministry_viewer).get(reverse("reports:compare"), {
        "indicator": "delegations.outgoing", "generation": "legacy"})
    assert page.context["period_text"] == str(year)
    assert page.context["previous"] == year - 1
    row = next(r for r in page.context["table"] if r["province"] == ha_giang)
    assert (row["line"].value, row["before"], row["change_text"]) == (12, 18, "▼ 6")
    assert "▼ 6" in page.content.decode()

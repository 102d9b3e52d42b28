import datetime as dt

from django.urls import reverse
from django.utils import timezone

from doingoai.testing import client_for


def test_a_specialist_sees_the_report_of_their_province_with_links_to_sources(
        client, hg_specialist, ha_giang, ha_giang_figures):
    page = client_for(client, hg_specialist).get(
        reverse("reports:report"), {"place": ha_giang.pk, "period": "2015-2020"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "422 đoàn/2.689 lượt" in html
    figure = ha_giang_figures[0]
    assert reverse("figures:figure-detail", args=[figure.pk]) in html
    assert "format=docx" in html


def test_a_bắc_kạn_user_cannot_read_hà_giangs_report(client, bk_specialist, ha_giang,
                                                     ha_giang_figures):
    client = client_for(client, bk_specialist)
    page = client.get(reverse("reports:report"), {"place": ha_giang.pk, "period": "2015-2020"})
    assert page.status_code == 403
    export = client.get(reverse("reports:report-export"),
                        {"place": ha_giang.pk, "period": "2015-2020", "format": "json"})
    assert export.status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, ha_giang):
    page = client.get(reverse("reports:report"), {"place": ha_giang.pk})
    assert page.status_code == 302


def test_the_export_downloads_the_figures(client, hg_specialist, ha_giang, ha_giang_figures):
    response = client_for(client, hg_specialist).get(
        reverse("reports:report-export"),
        {"place": ha_giang.pk, "period": "2015-2020", "format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"delegations.outgoing_persons" in response.content


def test_a_malformed_period_is_shown_on_the_page(client, hg_specialist, ha_giang):
    page = client_for(client, hg_specialist).get(
        reverse("reports:report"), {"place": ha_giang.pk, "period": "2020-Q9"})
    assert page.status_code == 200
    assert 'aria-invalid="true"' in page.content.decode()


def test_the_ministry_compares_every_province(client, ministry_viewer, ha_giang,
                                              ha_giang_figures):
    page = client_for(client, ministry_viewer).get(reverse("reports:compare"), {
        "indicator": "delegations.outgoing", "period": "2015-2020", "generation": "legacy"})
    assert page.status_code == 200
    table = page.context["table"]
    assert len(table) == 63
    assert table[0]["province"] == ha_giang and table[0]["line"].value == 422


def test_a_province_user_compares_only_their_own_province(client, bk_specialist, bac_kan,
                                                          ha_giang_figures):
    page = client_for(client, bk_specialist).get(reverse("reports:compare"), {
        "indicator": "delegations.outgoing", "period": "2015-2020", "generation": "legacy"})
    assert [row["province"] for row in page.context["table"]] == [bac_kan]
    assert "Hà Giang" not in page.content.decode()


def test_the_dashboard_compares_this_year_with_last_year(client, hg_specialist, ha_giang):

    from doingoai.reports.tests.records import declare_complete, delegation

    # Hà Giang stood until 30/06/2025: a year of its own, with its records declared complete.
    declare_complete(ha_giang)
    delegation(ha_giang, "outgoing", dt.date(2024, 1, 2), 2)
    page = client_for(client, hg_specialist).get(reverse("reports:dashboard"),
                                                 {"year": 2024})
    assert page.status_code == 200
    outgoing = next(row for row in page.context["comparison"]
                    if row["code"] == "delegations.outgoing")
    assert outgoing["now"] == 1
    assert "Overdue" in page.content.decode() or "quá hạn" in page.content.decode().lower()


def test_the_comparison_shows_by_default_the_latest_year_that_has_a_figure(
        client, ministry_viewer, ha_giang):
    from doingoai.figures.models import ReportedFigure

    year = timezone.localdate().year - 3  # neither last year nor the one before has data
    ReportedFigure.objects.create(owner=ha_giang, place=ha_giang, period=str(year),
                                  indicator_id="delegations.outgoing", value=18, unit="count")
    page = client_for(client, ministry_viewer).get(reverse("reports:compare"), {
        "indicator": "delegations.outgoing", "generation": "legacy"})
    assert page.context["period_text"] == str(year)
    row = next(r for r in page.context["table"] if r["province"] == ha_giang)
    assert row["line"].value == 18
    chosen = client_for(client, ministry_viewer).get(reverse("reports:compare"), {
        "indicator": "delegations.outgoing", "generation": "legacy",
        "period": str(year + 2)})
    assert chosen.context["period_text"] == str(year + 2)  # a period asked for is kept

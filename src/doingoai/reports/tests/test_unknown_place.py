"""The report page's place (issue 10, item 3): the form sends a province's id as it is (3357,
never "3.357"), and a place that is no province at all gets a clear message in the page's
language, not a 403. Another province's report is still refused (test_place_by_name)."""

import pytest
from django.urls import reverse

from doingoai.testing import client_for

UNKNOWN_VI = "Không có tỉnh, thành phố nào là “3.357”"
UNKNOWN_EN = "No province or city matches “3.357”"


def test_the_report_form_sends_the_province_id_without_a_thousands_separator(
        client, hg_specialist, ha_giang):
    assert ha_giang.pk > 1000  # else a separator could not show
    page = client_for(client, hg_specialist).get(reverse("reports:report"))
    html = page.content.decode()
    assert f'<option value="{ha_giang.pk}"' in html
    # What the button sends is what the page reads back: the report of Hà Giang.
    chosen = client.get(reverse("reports:report"), {"place": ha_giang.pk, "period": "2020"})
    assert chosen.status_code == 200
    assert chosen.context["places"] == [ha_giang]


@pytest.mark.parametrize("place", ["3.357", "999999", "Atlantis"])
def test_an_unknown_place_gets_a_clear_message_not_a_403(client, hg_specialist, place):
    page = client_for(client, hg_specialist).get(
        reverse("reports:report"), {"place": place, "period": "2020"})
    assert page.status_code == 400
    html = page.content.decode()
    assert f"Không có tỉnh, thành phố nào là “{place}”" in html
    assert 'aria-invalid="true"' in html
    assert "report" not in page.context or page.context["report"] is None


def test_an_unknown_place_is_told_in_english_under_the_english_locale(client, hg_specialist):
    client = client_for(client, hg_specialist)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("reports:report"), {"place": "3.357", "period": "2020"})
    assert page.status_code == 400
    assert UNKNOWN_EN in page.content.decode()


def test_the_export_and_the_dashboard_say_so_too(client, hg_specialist):
    client = client_for(client, hg_specialist)
    export = client.get(reverse("reports:report-export"),
                        {"place": "3.357", "period": "2020", "format": "csv"})
    assert export.status_code == 400
    assert UNKNOWN_VI in export.content.decode()
    dashboard = client.get(reverse("reports:dashboard"), {"place": "3.357"})
    assert dashboard.status_code == 400
    assert UNKNOWN_VI in dashboard.content.decode()


def test_another_provinces_id_is_still_refused(client, bk_specialist, ha_giang):
    page = client_for(client, bk_specialist).get(
        reverse("reports:report"), {"place": ha_giang.pk, "period": "2020"})
    assert page.status_code == 403

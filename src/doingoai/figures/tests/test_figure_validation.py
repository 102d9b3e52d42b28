"""Reported figures that cannot be true are refused on every path (item 7 of issue 10): a
negative count, a period the report cannot place, the same figure entered twice."""

import importlib

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from doingoai.core.spreadsheets import option_label
from doingoai.core.tests.factories import valid_form_data, vi
from doingoai.core.tests.test_spreadsheets import filled, upload
from doingoai.figures.models import Candidate, Indicator, ReportedFigure
from doingoai.figures.pages import figures
from doingoai.figures.tests.test_review_pages import paste

importlib.import_module(settings.ROOT_URLCONF)

NOT_NEGATIVE_VI = vi("This cannot be negative: enter 0 or more.")


def figure_data(owner, **changes):
    return {**valid_form_data(figures, owner), "indicator": "oda.projects",
            "period": "2022", "value": "5", "unit": "count", **changes}


def make_figure(owner, **fields):
    values = {"indicator_id": "oda.projects", "place": owner, "period": "2022",
              "value": 5, "unit": "count"}
    return ReportedFigure.objects.create(owner=owner, **{**values, **fields})


def test_the_figure_form_refuses_a_negative_count_in_vietnamese(hg_client, ha_giang):
    response = hg_client.post(figures.reverse("create"), figure_data(ha_giang, value="-7"))
    assert response.status_code == 400
    assert NOT_NEGATIVE_VI in response.content.decode()
    assert "value" in response.context["form"].errors
    assert not ReportedFigure.all_objects.exists()


def test_the_figure_form_refuses_a_period_it_cannot_read_and_lists_the_accepted_forms(
    hg_client, ha_giang
):
    response = hg_client.post(figures.reverse("create"),
                              figure_data(ha_giang, period="năm ngoái"))
    assert response.status_code == 400
    [message] = response.context["form"].errors["period"]
    assert "năm ngoái" in message
    assert "không phải là kỳ báo cáo" in message
    for form in ("2022", "2024-Q1", "quý I.2024", "2024-H1", "2015-2020", "2024-QD06",
                 "2024-01-01/2024-06-30"):
        assert form in message
    assert not ReportedFigure.all_objects.exists()


def test_a_period_written_as_reports_write_it_is_stored_in_its_canonical_form(
    hg_client, ha_giang
):
    response = hg_client.post(figures.reverse("create"),
                              figure_data(ha_giang, period="quý I.2024"))
    assert response.status_code == 302
    assert ReportedFigure.objects.get().period == "2024-Q1"


def test_a_growth_rate_may_be_negative_but_not_a_count(hg_client, ha_giang):
    response = hg_client.post(figures.reverse("create"), figure_data(
        ha_giang, indicator="economy.grdp_growth", value="-1.5", unit="percent"))
    assert response.status_code == 302
    assert ReportedFigure.objects.get().value == -1.5


def test_a_second_figure_for_the_same_indicator_place_and_period_is_refused_naming_the_first(
    hg_client, ha_giang
):
    first = make_figure(ha_giang, period="2022", value=5)
    response = hg_client.post(figures.reverse("create"),
                              figure_data(ha_giang, period="năm 2022", value="6"))
    assert response.status_code == 400
    [message] = response.context["form"].non_field_errors()
    assert f"số {first.pk}" in message and "2022" in message
    assert list(ReportedFigure.objects.values_list("value", flat=True)) == [5]


def test_the_same_days_under_another_label_are_the_same_period(hg_client, ha_giang):
    make_figure(ha_giang, period="2024-Q1")
    response = hg_client.post(figures.reverse("create"),
                              figure_data(ha_giang, period="2024-01-01/2024-03-31"))
    assert response.status_code == 400
    assert ReportedFigure.objects.count() == 1


def test_a_figure_in_the_trash_or_of_another_period_is_no_duplicate(hg_client, ha_giang):
    make_figure(ha_giang, period="2022").soft_delete()
    make_figure(ha_giang, period="2023")
    response = hg_client.post(figures.reverse("create"), figure_data(ha_giang, period="2022"))
    assert response.status_code == 302


def test_a_figure_is_corrected_by_editing_it_and_its_history_keeps_the_old_value(
    hg_client, ha_giang
):
    figure = make_figure(ha_giang, value=5)
    data = {**figure_data(ha_giang, value="6"), "version": str(figure.version)}
    response = hg_client.post(figures.reverse("edit", figure.pk), data)
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == 6
    assert [h.value for h in figure.history.order_by("history_date")] == [5, 6]


def _accept(client, candidate, **changes):
    prefix = f"c{candidate.pk}"
    data = {"indicator": candidate.indicator_id, "value": "12", "unit": "count",
            "qualifier": "exact", "period": "2022", "place": "Hà Giang", **changes}
    return client.post(reverse("figures:candidate-decide", args=[candidate.pk]),
                       {"action": "accept", **{f"{prefix}-{k}": v for k, v in data.items()}})


def test_the_review_page_refuses_a_negative_figure(hg_client):
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    response = _accept(hg_client, candidate, value="-5")
    assert response.status_code == 400
    assert NOT_NEGATIVE_VI in response.content.decode()
    assert not ReportedFigure.all_objects.exists()


def test_the_review_page_refuses_a_period_it_cannot_read(hg_client):
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    response = _accept(hg_client, candidate, period="năm ngoái")
    assert response.status_code == 400
    assert "2024-Q1" in response.content.decode()
    assert not ReportedFigure.all_objects.exists()


def test_the_review_page_refuses_a_figure_already_recorded(hg_client, ha_giang):
    make_figure(ha_giang, indicator_id="agreements.signed", period="2022", value=11)
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    response = _accept(hg_client, candidate)
    assert response.status_code == 400
    assert ReportedFigure.objects.get().value == 11


def test_the_database_refuses_a_negative_figure_written_around_the_forms(ha_giang):
    figure = make_figure(ha_giang)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportedFigure.objects.filter(pk=figure.pk).update(value=-5)


def test_the_admin_refuses_a_negative_figure_and_an_unreadable_period(admin_client, ha_giang):
    url = reverse("admin:figures_reportedfigure_add")
    data = {"owner": ha_giang.pk, "indicator": "oda.projects", "place": ha_giang.pk,
            "period": "năm ngoái", "value": "-5", "unit": "count", "qualifier": "exact"}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"value", "period"} <= set(errors)
    assert not ReportedFigure.all_objects.exists()


def test_an_import_refuses_a_negative_figure_and_the_same_figure_twice(
    client, hg_specialist, ha_giang
):
    from doingoai.testing import client_for

    client_for(client, hg_specialist)
    row = {"indicator": option_label(Indicator.objects.get(pk="oda.projects")),
           "place": option_label(ha_giang), "period": "2022",
           "value": 5, "unit": "count", "qualifier": "exact"}
    response = upload(client, figures, filled(client, figures, [{**row, "value": -5}]))
    assert response.status_code == 400
    assert not ReportedFigure.all_objects.exists()

    response = upload(client, figures, filled(client, figures, [row, {**row, "value": 6}]))
    assert response.status_code == 400
    assert [line for line, _reason in response.context["bad_rows"]] == [3]
    assert not ReportedFigure.all_objects.exists()

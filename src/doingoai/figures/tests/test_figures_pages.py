"""The reported figure and source document pages."""

from doingoai.core.tests.factories import REQUIRED_VI, make_source, valid_form_data, vi
from doingoai.figures.models import ReportedFigure, SourceDocument
from doingoai.figures.pages import figures, sources


def test_a_figure_is_created_with_its_source(hg_client, ha_giang):
    source = make_source(ha_giang)
    data = {
        **valid_form_data(figures, ha_giang),
        "source": str(source.pk),
        "quote": "Đón 45 đoàn khách quốc tế",
        "start": "0",
        "end": "25",
    }
    response = hg_client.post(figures.reverse("create"), data)
    assert response.status_code == 302
    figure = ReportedFigure.objects.get()
    assert (figure.owner, figure.source, figure.place) == (ha_giang, source, ha_giang)


def test_a_source_document_is_created_through_its_page(hg_client, ha_giang):
    response = hg_client.post(sources.reverse("create"), valid_form_data(sources, ha_giang))
    assert response.status_code == 302
    assert SourceDocument.objects.get().owner == ha_giang


def test_a_figure_without_a_value_is_refused_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(figures, ha_giang), "value": ""}
    response = hg_client.post(figures.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not ReportedFigure.all_objects.exists()


def test_a_total_smaller_than_the_value_is_refused(hg_client, ha_giang):
    data = {**valid_form_data(figures, ha_giang), "value": "45", "of": "30"}
    response = hg_client.post(figures.reverse("create"), data)
    assert response.status_code == 400
    assert vi("The total cannot be smaller than the value.") in response.content.decode()


def test_a_figure_cannot_cite_another_provinces_source_or_place(hg_client, ha_giang, bac_kan):
    theirs = make_source(bac_kan)
    data = {
        **valid_form_data(figures, ha_giang),
        "source": str(theirs.pk),
        "place": str(bac_kan.pk),
    }
    response = hg_client.post(figures.reverse("create"), data)
    assert response.status_code == 400
    assert {"source", "place"} <= set(response.context["form"].errors)
    assert not ReportedFigure.all_objects.exists()

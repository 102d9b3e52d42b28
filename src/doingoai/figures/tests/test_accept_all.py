""""Chấp nhận tất cả" on the review page: all the pending figures or none."""

from django.urls import reverse

from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument
from doingoai.figures.tests.test_review_pages import paste


def accept_all(client, document):
    return client.post(reverse("figures:document-accept-all", args=[document.pk]), follow=True)


def test_accept_all_accepts_nothing_and_names_the_figure_without_a_period(hg_client):
    paste(hg_client)
    document = SourceDocument.objects.get()
    # The last figure in the text is the one without a period: the first ones would be
    # accepted before it stops a loop that is not one transaction.
    last = document.candidates.order_by("-start").first()
    last.period = ""
    last.save()
    response = accept_all(hg_client, document)
    assert response.status_code == 200
    page = response.content.decode()
    assert not ReportedFigure.all_objects.exists()
    assert set(document.candidates.values_list("status", flat=True)) == {"pending"}
    assert "Chưa chấp nhận số liệu nào" in page
    assert f"“{document.text[last.start:last.end]}”" in page
    assert "Kỳ: Trường này không được để trắng." in page


def test_accept_all_names_every_figure_that_stops_it(hg_client):
    paste(hg_client)
    document = SourceDocument.objects.get()
    document.candidates.update(period="")
    page = accept_all(hg_client, document).content.decode()
    for candidate in document.candidates.all():
        assert f"“{document.text[candidate.start:candidate.end]}”" in page
    assert not ReportedFigure.all_objects.exists()


def test_accept_all_accepts_them_all_once_they_are_corrected(hg_client):
    paste(hg_client)
    document = SourceDocument.objects.get()
    last = document.candidates.order_by("-start").first()
    last.period = ""
    last.save()
    accept_all(hg_client, document)
    last.period = "2022"
    last.save()
    page = accept_all(hg_client, document).content.decode()
    assert ReportedFigure.objects.count() == 4
    assert not document.candidates.filter(status=Candidate.Status.PENDING).exists()
    assert "Chưa chấp nhận" not in page

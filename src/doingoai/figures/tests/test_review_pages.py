"""From a pasted or uploaded article to accepted figures, in the web interface."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument
from doingoai.partners.models import Partner

ARTICLE = (
    "Hà Giang\n\nTăng cường đối ngoại\n\n09:48, 01/02/2023\n\n"
    "BHG - Năm 2022, tỉnh đã ký mới được 12 thỏa thuận và tiếp tục triển khai 24 thỏa thuận "
    "hợp tác quốc tế. Tỉnh đã tổ chức 26 hội nghị, hội đàm trực tuyến và tham dự 8 hội nghị "
    "trực tuyến. Tỉnh làm việc với Cơ quan hợp tác quốc tế Nhật Bản (JICA) và tổ chức "
    "ChildFund (CFA).\n"
)


def paste(client, text=ARTICLE, title="Tăng cường đối ngoại"):
    return client.post(reverse("figures:document-new"), {"title": title, "text": text})


def test_pasting_an_article_lists_its_figures_for_review(hg_client):
    response = paste(hg_client)
    document = SourceDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("figures:document-review", args=[document.pk])
    codes = sorted(document.candidates.values_list("indicator_id", flat=True))
    assert codes == [
        "agreements.implementing",
        "agreements.signed",
        "conferences.attended",
        "conferences.organised",
    ]
    page = hg_client.get(response["Location"]).content.decode()
    assert "<mark" in page and "12 thỏa thuận" in page


def test_the_same_document_twice_is_recognised(hg_client):
    paste(hg_client)
    response = paste(hg_client, title="Another title")
    assert SourceDocument.objects.count() == 1
    assert response["Location"] == reverse(
        "figures:document-review", args=[SourceDocument.objects.get().pk]
    )


def test_accepting_a_figure_makes_a_reported_figure_with_its_quote(hg_client, ha_giang):
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    prefix = f"c{candidate.pk}"
    response = hg_client.post(
        reverse("figures:candidate-decide", args=[candidate.pk]),
        {
            "action": "accept",
            f"{prefix}-indicator": "agreements.signed",
            f"{prefix}-value": "12",
            f"{prefix}-unit": "count",
            f"{prefix}-qualifier": "exact",
            f"{prefix}-period": "2022",
            f"{prefix}-place": "Hà Giang",
        },
    )
    assert response.status_code == 302
    figure = ReportedFigure.objects.get()
    assert (figure.indicator_id, figure.value, figure.period) == (
        "agreements.signed",
        Decimal(12),
        "2022",
    )
    assert figure.place == ha_giang
    assert figure.source.text[figure.start : figure.end] == figure.quote
    assert "12" in figure.quote


def test_a_correction_is_kept_when_accepting(hg_client):
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="conferences.attended")
    prefix = f"c{candidate.pk}"
    hg_client.post(
        reverse("figures:candidate-decide", args=[candidate.pk]),
        {
            "action": "accept",
            f"{prefix}-indicator": "conferences.attended",
            f"{prefix}-value": "9",
            f"{prefix}-unit": "count",
            f"{prefix}-qualifier": "about",
            f"{prefix}-period": "2022",
            f"{prefix}-place": "",
        },
    )
    figure = ReportedFigure.objects.get()
    assert (figure.value, figure.qualifier) == (Decimal(9), "about")


def test_rejecting_a_figure_creates_nothing(hg_client):
    paste(hg_client)
    candidate = Candidate.objects.first()
    hg_client.post(reverse("figures:candidate-decide", args=[candidate.pk]), {"action": "reject"})
    candidate.refresh_from_db()
    assert candidate.status == "rejected"
    assert not ReportedFigure.objects.exists()


def test_accept_all_accepts_every_pending_figure(hg_client):
    paste(hg_client)
    document = SourceDocument.objects.get()
    hg_client.post(reverse("figures:document-accept-all", args=[document.pk]))
    assert ReportedFigure.objects.count() == 4
    assert not document.candidates.filter(status="pending").exists()


def test_partners_named_in_the_text_are_matched_and_unknown_ones_offered(hg_client, ha_giang):
    Partner.objects.create(
        owner=ha_giang,
        kind="government",
        name_vi="Cơ quan hợp tác quốc tế Nhật Bản",
        acronym="JICA",
    )
    paste(hg_client)
    page = hg_client.get(
        reverse("figures:document-review", args=[SourceDocument.objects.get().pk])
    ).content.decode()
    assert "JICA" in page
    assert "?name_vi=CFA" in page


def test_an_uploaded_text_file_is_read(hg_client):
    upload = SimpleUploadedFile("bai-viet.txt", ARTICLE.encode("utf-8"), "text/plain")
    response = hg_client.post(reverse("figures:document-new"), {"title": "Tệp", "file": upload})
    assert response.status_code == 302
    assert SourceDocument.objects.get().file_name == "bai-viet.txt"


@pytest.mark.parametrize("name,data", [("empty.txt", b""), ("image.png", b"\x89PNG....")])
def test_an_empty_or_unreadable_upload_is_refused_with_a_message(hg_client, name, data):
    upload = SimpleUploadedFile(name, data)
    response = hg_client.post(reverse("figures:document-new"), {"title": "x", "file": upload})
    assert response.status_code == 400
    assert not SourceDocument.objects.exists()


def test_another_province_cannot_review_or_decide(client, hg_client, bk_specialist):
    paste(hg_client)
    document = SourceDocument.objects.get()
    candidate = document.candidates.first()
    client.force_login(bk_specialist)
    assert client.get(reverse("figures:document-review", args=[document.pk])).status_code == 404
    response = client.post(
        reverse("figures:candidate-decide", args=[candidate.pk]), {"action": "reject"}
    )
    assert response.status_code == 404
    response = client.post(reverse("figures:document-accept-all", args=[document.pk]))
    assert response.status_code == 404
    candidate.refresh_from_db()
    assert candidate.status == "pending"


def test_a_viewer_can_read_but_not_decide(client, hg_client, hg_viewer):
    paste(hg_client)
    document = SourceDocument.objects.get()
    client.force_login(hg_viewer)
    assert client.get(reverse("figures:document-review", args=[document.pk])).status_code == 200
    assert client.get(reverse("figures:document-new")).status_code == 403
    candidate = document.candidates.first()
    response = client.post(
        reverse("figures:candidate-decide", args=[candidate.pk]), {"action": "reject"}
    )
    assert response.status_code == 403


def test_an_htmx_decision_also_updates_the_mark_and_the_count_out_of_band(hg_client):
    paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    response = hg_client.post(
        reverse("figures:candidate-decide", args=[candidate.pk]),
        {"action": "reject"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="candidate-{candidate.pk}"' in html
    assert (
        f'<mark id="c{candidate.pk}" class="fig-rejected" title="agreements.signed" '
        'hx-swap-oob="outerHTML">12 thỏa thuận</mark>'
    ) in html
    assert '<span id="pending-count" hx-swap-oob="true">3 ' in html


def test_the_full_review_page_has_no_out_of_band_markup(hg_client):
    paste(hg_client)
    page = hg_client.get(
        reverse("figures:document-review", args=[SourceDocument.objects.get().pk])
    ).content.decode()
    assert '<span id="pending-count">4 ' in page
    assert "hx-swap-oob" not in page


def _accept(client, candidate, **fields):
    prefix = f"c{candidate.pk}"
    data = {"action": "accept"}
    data.update({f"{prefix}-{k}": v for k, v in fields.items()})
    return client.post(reverse("figures:candidate-decide", args=[candidate.pk]), data)


def test_the_reviewed_figures_download_as_annotation_lines_with_the_corrections(hg_client):
    import json

    paste(hg_client)
    document = SourceDocument.objects.get()
    corrected = Candidate.objects.get(indicator_id="conferences.attended")
    response = _accept(
        hg_client, corrected, indicator="conferences.attended", value="9", unit="count",
        qualifier="about", period="2022", place="Hà Giang",
    )
    assert response.status_code == 302
    rejected = Candidate.objects.get(indicator_id="agreements.signed")
    hg_client.post(reverse("figures:candidate-decide", args=[rejected.pk]), {"action": "reject"})
    page = hg_client.get(reverse("figures:document-review", args=[document.pk])).content.decode()
    url = reverse("figures:document-annotations", args=[document.pk])
    assert url in page and "Tải các số liệu đã duyệt" in page
    response = hg_client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    lines = [json.loads(line) for line in response.content.decode().splitlines()]
    # Only the accepted figure: the rejected one is no figure, the pending ones are undecided.
    assert len(lines) == 1
    line = lines[0]
    assert (line["indicator"], line["value"], line["qualifier"], line["period"], line["place"]) == (
        "conferences.attended", 9, "about", "2022", "Hà Giang"
    )
    assert document.text[line["start"] : line["end"]] == line["text"]
    assert "8 hội nghị" in line["text"]


def test_another_province_cannot_download_the_annotation_lines(client, hg_client, bk_specialist):
    paste(hg_client)
    document = SourceDocument.objects.get()
    client.force_login(bk_specialist)
    url = reverse("figures:document-annotations", args=[document.pk])
    assert client.get(url).status_code == 404


def test_each_reading_shows_the_words_that_decided_it(hg_client):
    response = paste(hg_client)
    candidate = Candidate.objects.get(indicator_id="agreements.signed")
    assert dict(candidate.why)["indicator"] == "thỏa thuận · ký"
    assert dict(candidate.why)["period"] == "Năm 2022"
    page = hg_client.get(response["Location"]).content.decode()
    assert "Chỉ tiêu theo" in page and "«thỏa thuận · ký»" in page
    assert "«Năm 2022»" in page


def test_the_words_behind_a_reading_are_not_shown_to_another_province(
    client, hg_client, bk_specialist
):
    response = paste(hg_client)
    client.force_login(bk_specialist)
    page = client.get(response["Location"])
    assert page.status_code == 404
    assert "thỏa thuận · ký" not in page.content.decode()

"""The register of documents in and out: outgoing drafts issued with the next number of their
book, incoming ones awaiting an answer, links to the records they belong to, and another
province's documents out of reach."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from doingoai.core.models import RecordChanged
from doingoai.core.tests.factories import REQUIRED_VI, make_agreement, make_delegation, vi
from doingoai.correspondence.models import Document, DocumentLink
from doingoai.correspondence.numbering import format_number
from doingoai.correspondence.pages import documents
from doingoai.testing import client_for


def make_document(owner, **fields):
    values = {"direction": "outgoing", "kind": "bc", "dated_on": dt.date(2026, 11, 20),
              "summary": "Báo cáo kết quả công tác đối ngoại năm 2026",
              "recipients": "Bộ Ngoại giao"}
    return Document.objects.create(owner=owner, **{**values, **fields})


def form_data(**fields):
    return {"direction": "incoming", "kind": "cv", "reference": "1234/BNG-LS",
            "dated_on": "18/11/2026", "received_on": "20/11/2026",
            "issuer": "Bộ Ngoại giao", "summary": "V/v cử cán bộ dự tập huấn công tác lãnh sự",
            "urgency": "normal", "confidentiality": "normal", "status": "", **fields}


def test_an_incoming_document_is_registered_as_received(hg_client, ha_giang):
    response = hg_client.post(documents.reverse("create"), form_data())
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.owner, document.status, document.reference) == (
        ha_giang, Document.Status.RECEIVED, "1234/BNG-LS")


def test_a_document_without_its_summary_is_refused_in_vietnamese(hg_client):
    response = hg_client.post(documents.reverse("create"), form_data(summary=""))
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not Document.all_objects.exists()


def test_a_document_cannot_arrive_before_its_date(hg_client):
    response = hg_client.post(documents.reverse("create"), form_data(received_on="01/11/2026"))
    assert response.status_code == 400
    assert vi("A document cannot arrive before its date.") in response.content.decode()


def test_an_outgoing_draft_cannot_be_marked_issued_by_an_edit(hg_client):
    response = hg_client.post(documents.reverse("create"),
                              form_data(direction="outgoing", status="issued"))
    assert response.status_code == 400
    assert not Document.all_objects.exists()


def test_an_incoming_document_cannot_take_an_outgoing_status(hg_client):
    response = hg_client.post(documents.reverse("create"), form_data(status="draft"))
    assert response.status_code == 400
    assert vi("This status is not one of a document of this direction.") in (
        response.content.decode())


def test_issuing_a_draft_gives_it_the_next_number_of_its_book(hg_client, ha_giang):
    first, second = make_document(ha_giang), make_document(ha_giang)
    for document in (first, second):
        response = hg_client.post(documents.reverse("issue", document.pk))
        assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    year = dt.date.today().year
    assert (first.status, first.symbol, first.issued_on.year) == ("issued", "BC-SNgV", year)
    assert [first.number, second.number] == [1, 2]
    assert second.reference == format_number(2, "BC-SNgV") == "02/BC-SNgV"
    assert vi("No.") in hg_client.get(documents.reverse("detail", second.pk)).content.decode()


def test_an_official_letter_is_numbered_in_its_bodys_own_book(ha_giang, hg_specialist):
    letter = make_document(ha_giang, kind="cv", symbol="")
    decision = make_document(ha_giang, kind="qd", symbol="")
    letter.issue(hg_specialist)
    decision.issue(hg_specialist)
    assert (letter.reference, decision.reference) == ("01/SNgV", "01/QĐ-SNgV")


def test_an_issued_document_is_not_issued_twice(hg_client, ha_giang):
    document = make_document(ha_giang)
    hg_client.post(documents.reverse("issue", document.pk))
    hg_client.post(documents.reverse("issue", document.pk))
    document.refresh_from_db()
    assert document.number == 1
    assert Document.objects.filter(number__isnull=False).count() == 1


def test_a_stale_issue_is_refused_and_takes_no_number(ha_giang, hg_specialist):
    document = make_document(ha_giang)
    stale = Document.objects.get(pk=document.pk)
    document.issue(hg_specialist)
    with pytest.raises(RecordChanged):
        stale.issue(hg_specialist)
    assert Document.objects.get(pk=document.pk).number == 1


def test_an_incoming_document_has_no_issue_button_and_is_not_issued(hg_client, ha_giang):
    document = make_document(ha_giang, direction="incoming", kind="cv")
    page = hg_client.get(documents.reverse("detail", document.pk)).content.decode()
    assert documents.reverse("issue", document.pk) not in page
    hg_client.post(documents.reverse("issue", document.pk))
    document.refresh_from_db()
    assert (document.number, document.status) == (None, "received")


def test_a_viewer_cannot_issue(client, ha_giang, hg_viewer):
    document = make_document(ha_giang)
    response = client_for(client, hg_viewer).post(documents.reverse("issue", document.pk))
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.number is None


def test_another_provinces_user_neither_sees_nor_reaches_the_document(client, ha_giang,
                                                                       bk_specialist):
    document = make_document(ha_giang, summary="Kế hoạch đón đoàn tỉnh Vân Nam")
    bk = client_for(client, bk_specialist)
    assert "Kế hoạch đón đoàn tỉnh Vân Nam" not in bk.get(
        documents.reverse("list")).content.decode()
    for action in ("detail", "edit"):
        assert bk.get(documents.reverse(action, document.pk)).status_code == 404
    assert bk.post(documents.reverse("issue", document.pk)).status_code == 404
    assert bk.post(documents.reverse("link", document.pk), {"role": "report"}).status_code == 404
    document.refresh_from_db()
    assert document.number is None


def test_the_list_filters_by_direction_and_year(hg_client, ha_giang):
    make_document(ha_giang, summary="Báo cáo gửi Bộ Ngoại giao")
    make_document(ha_giang, direction="incoming", kind="gm", summary="Giấy mời dự hội nghị")
    make_document(ha_giang, direction="incoming", kind="cv", summary="Công văn năm trước",
                  dated_on=dt.date(2025, 3, 1))
    page = hg_client.get(documents.reverse("list"),
                         {"direction": "incoming", "year": "2026"}).content.decode()
    assert "Giấy mời dự hội nghị" in page
    assert "Báo cáo gửi Bộ Ngoại giao" not in page
    assert "Công văn năm trước" not in page


def test_the_handler_is_chosen_among_the_provinces_own_users(hg_client, hg_specialist,
                                                             bk_specialist):
    form = hg_client.get(documents.reverse("create")).context["form"]
    handlers = list(form.fields["handled_by"].queryset)
    assert hg_specialist in handlers
    assert bk_specialist not in handlers
    response = hg_client.post(documents.reverse("create"),
                              form_data(handled_by=str(bk_specialist.pk)))
    assert response.status_code == 400


def test_a_document_is_linked_to_a_delegation_whose_page_lists_it(hg_client, ha_giang,
                                                                   media_root):
    delegation = make_delegation(ha_giang)
    document = make_document(ha_giang, direction="incoming", kind="cv",
                             summary="Đề nghị cử đoàn đi Nhật Bản",
                             file=ContentFile(b"%PDF-1.4\n", name="de-nghi.pdf"))
    response = hg_client.post(documents.reverse("link", document.pk),
                              {"delegation": str(delegation.pk), "role": "request"})
    assert response.status_code == 302
    link = DocumentLink.objects.get()
    assert (link.record, link.role) == (delegation, "request")
    delegation_page = hg_client.get(
        f"/delegations/delegations/{delegation.pk}/").content.decode()
    assert "Đề nghị cử đoàn đi Nhật Bản" in delegation_page
    document_page = hg_client.get(documents.reverse("detail", document.pk)).content.decode()
    assert str(delegation) in document_page
    assert link.history.count() == 1


def test_a_document_cannot_be_linked_to_another_provinces_record(hg_client, ha_giang, bac_kan):
    theirs = make_agreement(bac_kan)
    document = make_document(ha_giang)
    hg_client.post(documents.reverse("link", document.pk),
                   {"agreement": str(theirs.pk), "role": "decision"})
    assert not DocumentLink.objects.exists()


def test_another_provinces_document_is_not_listed_on_a_shared_record(client, ha_giang,
                                                                      bac_kan, hg_specialist):
    delegation = make_delegation(ha_giang)
    theirs = make_document(bac_kan, summary="Văn bản riêng của Bắc Kạn")
    DocumentLink.objects.create(document=theirs, object_id=delegation.pk,
                                content_type=ContentType.objects.get_for_model(delegation))
    page = client_for(client, hg_specialist).get(
        f"/delegations/delegations/{delegation.pk}/").content.decode()
    assert "Văn bản riêng của Bắc Kạn" not in page


def test_an_unanswered_document_past_its_due_date_is_overdue(ha_giang):
    late = make_document(ha_giang, direction="incoming", kind="cv", status="assigned",
                         answer_due_on=dt.date(2026, 11, 25))
    make_document(ha_giang, direction="incoming", kind="cv", status="answered",
                  answer_due_on=dt.date(2026, 11, 25))
    make_document(ha_giang, direction="incoming", kind="cv",
                  answer_due_on=dt.date(2026, 12, 5))
    assert list(Document.objects.answers_overdue(dt.date(2026, 12, 1))) == [late]


def test_a_document_goes_to_the_trash_and_back_with_its_history(hg_client, ha_giang):
    document = make_document(ha_giang)
    hg_client.post(documents.reverse("delete", document.pk))
    assert not Document.objects.filter(pk=document.pk).exists()
    hg_client.post(documents.reverse("restore", document.pk))
    assert Document.objects.filter(pk=document.pk).exists()
    assert Document.history.filter(id=document.pk).count() >= 3


def test_an_answer_overdue_and_one_due_are_on_the_agenda_but_not_another_provinces(
        ha_giang, bac_kan, hg_specialist):
    from doingoai.notifications.agenda import build_agenda

    make_document(ha_giang, direction="incoming", kind="cv", summary="Công văn quá hạn",
                  answer_due_on=dt.date(2026, 11, 25))
    make_document(ha_giang, direction="incoming", kind="cv", summary="Công văn sắp đến hạn",
                  answer_due_on=dt.date(2026, 12, 10))
    make_document(ha_giang, direction="incoming", kind="cv", summary="Công văn đã trả lời",
                  status="answered", answer_due_on=dt.date(2026, 11, 25))
    make_document(bac_kan, direction="incoming", kind="cv", summary="Công văn của Bắc Kạn",
                  answer_due_on=dt.date(2026, 11, 25))
    agenda = build_agenda(hg_specialist, dt.date(2026, 12, 1))

    def ours(items):
        return [item.title.split(" — ")[1] for item in items
                if item.key.startswith("correspondence.")]

    assert ours(agenda.overdue) == ["Công văn quá hạn"]
    assert ours(agenda.due) == ["Công văn sắp đến hạn"]

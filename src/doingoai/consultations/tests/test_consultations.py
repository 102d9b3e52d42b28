import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doingoai.consultations.models import Consultation, ConsultationReply
from doingoai.consultations.pages import consultations
from doingoai.consultations.tests.factories import FACTORIES, make_consultation
from doingoai.core.tests.factories import make_agreement, make_delegation
from doingoai.correspondence.models import Document, DocumentLink
from doingoai.notifications.agenda import build_agenda
from doingoai.privacy.testing import (
    assert_cannot_create,
    assert_not_found_for_another_province,
    assert_pages_work,
)

pytestmark = pytest.mark.django_db


def test_the_ha_giang_specialist_lists_reads_creates_and_edits(
        client, media_root, hg_specialist, ha_giang):
    client.force_login(hg_specialist)
    assert_pages_work(client, consultations, FACTORIES[Consultation](ha_giang))


def test_the_bac_kan_specialist_gets_not_found_on_every_page_of_a_ha_giang_consultation(
        client, media_root, bk_specialist, ha_giang):
    client.force_login(bk_specialist)
    consultation = make_consultation(ha_giang)
    assert_not_found_for_another_province(client, consultations, consultation)
    synthesis = reverse("consultations:consultation-synthesis", args=[consultation.pk])
    assert client.post(synthesis).status_code == 404
    assert not Document.objects.exists()


def test_a_viewer_cannot_create(client, media_root, hg_viewer, ha_giang):
    client.force_login(hg_viewer)
    assert_cannot_create(client, consultations, ha_giang)


def test_an_agreements_replies_are_due_seven_working_days_after_sending_skipping_weekends(
        ha_giang):
    consultation = make_consultation(ha_giang, sent_on=dt.date(2026, 3, 5))  # a Thursday
    assert consultation.rule.code == "agreement.consultation_working_days"
    assert consultation.rule.document.number == "70/2020/QH14"
    assert [r.due_on for r in consultation.replies.all()] == [dt.date(2026, 3, 16)] * 3


def test_the_due_date_skips_the_lunar_new_year_holidays(ha_giang):
    consultation = make_consultation(ha_giang, sent_on=dt.date(2026, 2, 12))
    assert consultation.replies.first().due_on == dt.date(2026, 3, 2)


def test_a_reply_entered_while_the_consultation_is_a_draft_gets_its_due_date_when_sent(
        ha_giang):
    consultation = make_consultation(ha_giang, sent_on=None, status="draft")
    assert consultation.replies.first().due_on is None
    consultation.sent_on, consultation.status = dt.date(2026, 4, 23), "sent"
    consultation.save()
    # 30/4 and 1/5 are holidays.
    assert consultation.replies.first().due_on == dt.date(2026, 5, 7)


def test_a_delegations_consultation_has_no_rule_and_takes_the_due_date_entered(ha_giang):
    delegation = make_delegation(ha_giang)
    consultation = Consultation.objects.create(owner=ha_giang, delegation=delegation,
                                               subject="Xin ý kiến về việc cử đoàn",
                                               sent_on=dt.date(2026, 3, 5), status="sent")
    reply = ConsultationReply.objects.create(consultation=consultation, agency="Công an tỉnh",
                                             due_on=dt.date(2026, 3, 20))
    assert consultation.rule is None and reply.due_on == dt.date(2026, 3, 20)


def test_a_reply_cannot_come_before_the_consultation_was_sent(ha_giang):
    consultation = make_consultation(ha_giang)
    reply = consultation.replies.first()
    reply.answer, reply.replied_on = "agrees", dt.date(2026, 2, 1)
    with pytest.raises(ValidationError) as caught:
        reply.full_clean()
    assert "replied_on" in caught.value.message_dict


def test_an_answer_needs_the_day_of_the_reply(ha_giang):
    reply = make_consultation(ha_giang).replies.first()
    reply.answer = "disagrees"
    with pytest.raises(ValidationError) as caught:
        reply.full_clean()
    assert "replied_on" in caught.value.message_dict


def test_a_consultation_is_about_one_record_of_its_own_province(ha_giang, bac_kan):
    consultation = Consultation(owner=ha_giang, agreement=make_agreement(bac_kan),
                                subject="Xin ý kiến")
    with pytest.raises(ValidationError) as caught:
        consultation.full_clean()
    assert "agreement" in caught.value.message_dict
    with pytest.raises(ValidationError):
        Consultation(owner=ha_giang, subject="Xin ý kiến").full_clean()


def test_an_agency_that_has_not_replied_by_the_due_date_is_overdue_on_the_agenda(
        ha_giang, hg_specialist, bk_specialist):
    consultation = make_consultation(ha_giang, sent_on=dt.date(2026, 3, 5),
                                     replies=("Sở Tư pháp", "Sở Tài chính"))
    first = consultation.replies.get(agency="Sở Tư pháp")
    first.answer, first.replied_on = "agrees", dt.date(2026, 3, 10)
    first.save()
    agenda = build_agenda(hg_specialist, today=dt.date(2026, 3, 17))
    overdue = [item.sentence for item in agenda.overdue if "Sở" in item.title]
    assert len(overdue) == 1 and "Sở Tài chính" in overdue[0]
    assert "Sở Tư pháp" not in " ".join(item.title for item in agenda.actionable())
    # Before the due date it is due (and so in the reminder), not overdue.
    before = build_agenda(hg_specialist, today=dt.date(2026, 3, 12))
    assert any("Sở Tài chính" in item.title for item in before.due)
    assert not any("Sở Tài chính" in item.title
                   for item in build_agenda(bk_specialist, today=dt.date(2026, 3, 17)).overdue)


def test_a_closed_consultation_is_off_the_agenda(ha_giang, hg_specialist):
    make_consultation(ha_giang, sent_on=dt.date(2026, 3, 5), status="closed")
    agenda = build_agenda(hg_specialist, today=dt.date(2026, 3, 17))
    assert not any("Sở Tài chính" in item.title for item in agenda.overdue)


def test_the_synthesis_is_a_draft_document_linked_to_the_consultation_and_its_agreement(
        client, media_root, ha_giang, hg_specialist):
    consultation = make_consultation(ha_giang)
    reply = consultation.replies.get(agency="Sở Tư pháp")
    reply.answer, reply.replied_on = "comments", dt.date(2026, 2, 24)
    reply.comments = "Đề nghị bổ sung điều khoản về bảo mật thông tin"
    reply.save()
    client.force_login(hg_specialist)
    response = client.post(reverse("consultations:consultation-synthesis",
                                   args=[consultation.pk]))
    document = Document.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{document.pk}/")
    assert (document.direction, document.kind, document.status) == ("outgoing", "bc", "draft")
    linked = {(link.content_type.model, link.object_id, link.role)
              for link in DocumentLink.objects.filter(document=document)}
    assert linked == {("consultation", consultation.pk, "consultation"),
                      ("agreement", consultation.agreement_id, "consultation")}
    table = docx.Document(io.BytesIO(document.file.read())).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert len(rows) == 4
    assert rows[1][1] == "Sở Tư pháp" and rows[1][4] == "24/02/2026"
    assert "bảo mật thông tin" in rows[1][5]
    # Editable as any document, and listed on the agreement's page.
    assert client.get(reverse("correspondence:document-edit", args=[document.pk])
                      ).status_code == 200
    page = client.get(reverse("agreements:agreement-detail",
                              args=[consultation.agreement_id])).content.decode()
    assert "Tổng hợp ý kiến" in page


def test_the_agreement_page_lists_its_consultations_with_a_prefilled_new_one(
        client, ha_giang, hg_specialist):
    consultation = make_consultation(ha_giang)
    client.force_login(hg_specialist)
    page = client.get(reverse("agreements:agreement-detail",
                              args=[consultation.agreement_id])).content.decode()
    assert consultation.subject in page
    new = f"{consultations.reverse('create')}?agreement={consultation.agreement_id}"
    assert new in page
    form = client.get(new).content.decode()
    assert f'<option value="{consultation.agreement_id}" selected>' in form


def test_the_delegation_page_does_not_list_another_provinces_consultations(
        client, ha_giang, bac_kan, hg_specialist):
    make_consultation(bac_kan, subject="Xin ý kiến bí mật của Bắc Kạn")
    delegation = make_delegation(ha_giang)
    client.force_login(hg_specialist)
    page = client.get(reverse("delegations:delegation-detail", args=[delegation.pk]))
    assert page.status_code == 200 and "Bắc Kạn" not in page.content.decode().split(
        'id="consultations"')[1].split("</section>")[0]


def test_the_event_and_aid_programme_pages_show_their_consultations(
        client, ha_giang, hg_specialist):
    from doingoai.core.tests.factories import make_event, make_programme

    client.force_login(hg_specialist)
    for name, record, url in (
            ("event", make_event(ha_giang), "events:event-detail"),
            ("programme", make_programme(ha_giang), "aid:programme-detail")):
        Consultation.objects.create(owner=ha_giang, subject=f"Xin ý kiến thẩm định {name}",
                                    **{name: record})
        page = client.get(reverse(url, args=[record.pk])).content.decode()
        assert f"Xin ý kiến thẩm định {name}" in page
        assert f"?{name}={record.pk}" in page

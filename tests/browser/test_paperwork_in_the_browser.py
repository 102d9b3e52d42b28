"""Issue 16's browser test, the paperwork of one delegation: the Hà Giang specialist
registers an incoming request (văn bản đến), creates the delegation from it, asks three
agencies for their opinion (xin ý kiến) and records two replies; the third agency's reply,
due yesterday, is overdue on her home page. The leader issues the approval decision as an
outgoing document, which takes the next number of the office's decision book (the book
already holds number 01), links it to the delegation and approves the delegation with it.

The consultation was sent ten days ago with the answers due yesterday (a delegation's
consultation has no rule of its own: the office enters the date), so no clock is moved.
Selectors are ids, names, hrefs and form actions, whatever the interface language."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doingoai.consultations.models import Consultation
from doingoai.correspondence.models import Document, DocumentLink
from doingoai.delegations.models import Delegation
from doingoai.testing import make_user

pytestmark = pytest.mark.browser

TITLE = "Đoàn công tác tỉnh Hà Giang khảo sát du lịch cộng đồng tại tỉnh Benguet"
REQUEST = "Thư đề nghị trao đổi đoàn khảo sát du lịch cộng đồng năm 2027"
QUESTION = "Xin ý kiến về việc cử đoàn khảo sát du lịch cộng đồng tại tỉnh Benguet"
AGENCIES = ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Sở Tài chính"]
DECISION = "Quyết định cử đoàn công tác khảo sát du lịch cộng đồng tại tỉnh Benguet"


def submit(page):
    page.locator("main form[method=post] button[type=submit]").last.click()


def test_a_request_becomes_a_delegation_consulted_on_approved_and_its_decision_numbered(
    pages, ha_giang, media_root
):
    specialist_user = make_user("hg.specialist", "specialist", ha_giang)
    make_user("hg.leader", "leader", ha_giang)
    today = timezone.localdate()
    # The office's decision book of the year already holds number 01.
    first = Document.objects.create(owner=ha_giang, direction="outgoing", kind="qd",
                                    dated_on=today, summary="Quyết định đã ban hành trước")
    first.issue(specialist_user, today=today)
    assert first.reference == "01/QĐ-SNgV"

    # 1. The specialist registers the incoming request.
    specialist = pages.login("hg.specialist")
    specialist.goto("/correspondence/documents/new/")
    specialist.select_option("#id_direction", "incoming")
    specialist.select_option("#id_kind", "cv")
    specialist.fill("#id_reference", "19/BGT-SC")
    specialist.fill("#id_dated_on", (today - dt.timedelta(days=15)).isoformat())
    specialist.fill("#id_received_on", (today - dt.timedelta(days=12)).isoformat())
    specialist.fill("#id_issuer", "Ban Du lịch tỉnh Benguet (Philippines)")
    specialist.fill("#id_summary", REQUEST)
    submit(specialist)
    specialist.wait_for_url(re.compile(r"/correspondence/documents/\d+/$"))
    request_letter = Document.objects.get(summary=REQUEST)
    assert (request_letter.direction, request_letter.status) == ("incoming", "received")

    # 2. She creates the delegation from it.
    specialist.locator('a[href$="/new-delegation/"]').click()
    specialist.wait_for_url(re.compile(r"/new-delegation/$"))
    expect(specialist.locator("#id_purpose")).to_have_value(REQUEST)
    specialist.select_option("#id_direction", "outgoing")
    specialist.fill("#id_title", TITLE)
    specialist.select_option("#id_countries", ["PH"])
    specialist.fill("#id_cities", "La Trinidad")
    specialist.fill("#id_departs_on", (today + dt.timedelta(days=40)).isoformat())
    specialist.fill("#id_returns_on", (today + dt.timedelta(days=45)).isoformat())
    specialist.select_option("#id_funding", "budget")
    specialist.fill("#id_inline0-0-name", "Nguyễn Văn An")
    specialist.select_option("#id_inline0-0-role", "head")
    specialist.select_option("#id_inline0-0-passport_type", "official")
    submit(specialist)
    specialist.wait_for_url(re.compile(r"/delegations/delegations/\d+/$"))
    delegation = Delegation.objects.get(title=TITLE)
    detail_url = f"/delegations/delegations/{delegation.pk}/"
    link = DocumentLink.objects.get(document=request_letter)
    assert (link.record, link.role) == (delegation, "request")
    expect(specialist.locator("#documents")).to_contain_text("19/BGT-SC")

    # 3. She sends a consultation to three agencies, from the delegation's page.
    specialist.locator(f'#consultations a[href$="?delegation={delegation.pk}"]').click()
    specialist.wait_for_url(re.compile(r"/consultations/consultations/new/"))
    expect(specialist.locator("#id_delegation")).to_have_value(str(delegation.pk))
    specialist.fill("#id_subject", QUESTION)
    specialist.fill("#id_sent_on", (today - dt.timedelta(days=10)).isoformat())
    specialist.select_option("#id_status", "sent")
    for index, agency in enumerate(AGENCIES):
        specialist.fill(f"#id_inline0-{index}-agency", agency)
        specialist.fill(f"#id_inline0-{index}-due_on",
                        (today - dt.timedelta(days=1)).isoformat())
    submit(specialist)
    specialist.wait_for_url(re.compile(r"/consultations/consultations/\d+/$"))
    consultation = Consultation.objects.get(subject=QUESTION)
    assert consultation.delegation == delegation
    assert consultation.replies.count() == 3
    consultation_url = f"/consultations/consultations/{consultation.pk}/"

    # 4. She records two replies.
    specialist.goto(f"{consultation_url}edit/")
    for index, answer in ((0, "agrees"), (1, "comments")):
        specialist.select_option(f"#id_inline0-{index}-answer", answer)
        specialist.fill(f"#id_inline0-{index}-replied_on",
                        (today - dt.timedelta(days=3)).isoformat())
    specialist.fill("#id_inline0-1-comments", "Đề nghị rà soát nhân sự đoàn theo quy định.")
    submit(specialist)
    specialist.wait_for_url(re.compile(re.escape(consultation_url) + "$"))
    assert consultation.replies.exclude(answer="").count() == 2
    expect(specialist.locator("#reply-status .badge-overdue")).to_have_count(1)

    # 5. The third agency's reply is overdue on her home page, named.
    specialist.goto("/")
    overdue = specialist.locator("#overdue")
    row = overdue.locator("tr").filter(has=specialist.locator(f'a[href="{consultation_url}"]'))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(AGENCIES[2])
    expect(row.locator(".badge-overdue")).to_have_count(1)
    for agency in AGENCIES[:2]:
        expect(overdue).not_to_contain_text(agency)

    # She submits the delegation for approval and drafts the decision.
    specialist.goto(detail_url)
    specialist.locator('#workflow form[action$="/steps/submit/"] button[type=submit]').click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    specialist.goto("/correspondence/documents/new/")
    specialist.select_option("#id_direction", "outgoing")
    specialist.select_option("#id_kind", "qd")
    specialist.fill("#id_dated_on", today.isoformat())
    specialist.fill("#id_recipients", "Các thành viên đoàn; Sở Tài chính")
    specialist.fill("#id_summary", DECISION)
    submit(specialist)
    specialist.wait_for_url(re.compile(r"/correspondence/documents/\d+/$"))
    decision = Document.objects.get(summary=DECISION)
    decision_url = f"/correspondence/documents/{decision.pk}/"

    # 6. The leader issues the decision: the next number of the decision book.
    leader = pages.login("hg.leader")
    leader.goto(decision_url)
    leader.locator('form[action$="/issue/"] button[type=submit]').click()
    leader.wait_for_url(re.compile(re.escape(decision_url) + "$"))
    decision.refresh_from_db()
    assert (decision.status, decision.number, decision.reference) == ("issued", 2,
                                                                       "02/QĐ-SNgV")
    expect(leader.locator("main")).to_contain_text("02/QĐ-SNgV")
    # ...links it to the delegation as its decision...
    leader.select_option("#id_delegation", str(delegation.pk))
    leader.select_option("#id_role", "decision")
    leader.locator('form[action$="/links/"] button[type=submit]').click()
    leader.wait_for_url(re.compile(re.escape(decision_url) + "$"))
    assert DocumentLink.objects.filter(document=decision, object_id=delegation.pk,
                                       role="decision").exists()
    # ...and approves the delegation with it.
    leader.goto(detail_url)
    details = leader.locator("#workflow details").filter(
        has=leader.locator('form[action$="/steps/approve/"]'))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    leader.fill("#id_approve_decision_number", decision.reference)
    leader.fill("#id_approve_decision_date", today.isoformat())
    leader.fill("#id_approve_decision_signer", "Nguyễn Văn Sơn")
    leader.locator('#workflow form[action$="/steps/approve/"] button[type=submit]').click()
    leader.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    delegation.refresh_from_db()
    assert (delegation.status, delegation.decision_number) == ("approved", "02/QĐ-SNgV")
    documents = leader.locator("#documents")
    expect(documents).to_contain_text("02/QĐ-SNgV")
    expect(documents).to_contain_text("19/BGT-SC")
    expect(leader.locator("#consultations")).to_contain_text("2/3")

    assert pages.failed_requests == []
    assert pages.console_errors == []

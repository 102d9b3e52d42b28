"""Issue 11 §3 in the browser: the Hà Giang specialist creates the draft of the 2023 report,
writes section II's strengths and submits it; the leader, who did not write it, approves and
issues it, and the document's page shows its number (01 of the issuer's book).

Selectors do not depend on the interface language (ids, names, form actions)."""

import re

import pytest
from playwright.sync_api import expect

from doingoai.reports.models import ReportDocument
from doingoai.testing import make_user

pytestmark = pytest.mark.browser

STRENGTHS = "Công tác đối ngoại năm 2023 được triển khai toàn diện trên cả ba trụ cột."
DETAIL = re.compile(r"/reports/documents/(\d+)/$")


def step_form(page, step: str):
    return page.locator(f'#workflow form[action$="/step/{step}/"]')


def take_step(page, step: str):
    form = step_form(page, step)
    details = page.locator("#workflow details").filter(
        has=page.locator(f'form[action$="/step/{step}/"]'))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    form.locator("button[type=submit]").click()


def test_a_draft_is_written_submitted_approved_and_issued_with_its_number(pages, ha_giang):
    make_user("hg.specialist", "specialist", ha_giang, first_name="Chuyên viên Hà Giang")
    make_user("hg.leader", "leader", ha_giang, first_name="Lãnh đạo Hà Giang")

    specialist = pages.login("hg.specialist")
    specialist.goto("/reports/documents/")
    specialist.fill("#new-draft input[name=period]", "2023")
    specialist.locator("#new-draft button[type=submit]").click()
    specialist.wait_for_url(DETAIL)
    doc = ReportDocument.objects.get(place=ha_giang, period="2023")
    detail_url = f"/reports/documents/{doc.pk}/"

    specialist.locator("#edit").click()
    specialist.fill("#id_strengths", STRENGTHS)
    specialist.fill("#id_comment", "Viết phần ưu điểm")
    specialist.locator("#edit-form button[type=submit]").click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    expect(specialist.locator("#text")).to_contain_text(STRENGTHS)
    expect(specialist.locator("#versions tbody tr")).to_have_count(2)

    take_step(specialist, "submit")
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    expect(step_form(specialist, "approve")).to_have_count(0)
    doc.refresh_from_db()
    assert doc.status == ReportDocument.Status.SUBMITTED

    leader = pages.login("hg.leader")
    leader.goto(detail_url)
    take_step(leader, "approve")
    leader.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    take_step(leader, "issue")
    leader.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    expect(leader.locator("#number")).to_contain_text("01/BC-SNV")
    expect(leader.locator("#edit")).to_have_count(0)
    pages.keep_screenshot(leader, "report-document-issued")
    doc.refresh_from_db()
    assert (doc.status, doc.number) == (ReportDocument.Status.ISSUED, 1)

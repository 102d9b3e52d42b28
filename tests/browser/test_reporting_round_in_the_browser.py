"""Issue 12's browser test: a commune's reporter uploads the commune's short Vietnamese report
for a round, checks the figures the extractor pre-filled (corrects one) and submits; the
commune's leader approves; the office receives it; the round's result changes.

Selectors do not depend on the interface language (ids, names, form actions)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from doingoai.accounts.models import Membership
from doingoai.core.models import AdminUnit
from doingoai.organisations.models import Organisation
from doingoai.reporting.models import Round
from doingoai.testing import make_user

pytestmark = pytest.mark.browser

REPORT = ("BÁO CÁO công tác đối ngoại quý III năm 2026 của UBND xã Lũng Cú.\n"
          "Trong quý, xã đã đón 3 đoàn khách nước ngoài với 25 lượt người; cử 2 đoàn cán bộ "
          "sang giao lưu với thị trấn bên kia biên giới.\n").encode()


def unit_user(username, role, unit):
    user = make_user(username, role, unit.owner)
    Membership.objects.filter(user=user).update(organisation=unit)
    return user


def open_step(page, step):
    form = page.locator(f'#workflow form[action$="/steps/{step}/"]')
    details = page.locator("#workflow details").filter(
        has=page.locator(f'form[action$="/steps/{step}/"]'))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return form


def test_a_commune_reports_by_uploading_its_report_and_the_result_changes(pages, media_root):
    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    commune = Organisation.objects.get(owner=province, name="Xã Lũng Cú")
    office = make_user("tq.office", "specialist", province)
    unit_user("lungcu.reporter", "reporter", commune)
    unit_user("lungcu.leader", "unit_leader", commune)
    round_ = Round.objects.create(owner=province, title="Báo cáo công tác đối ngoại quý III",
                                  period="2026-Q3", due_on=dt.date(2026, 10, 15),
                                  created_by=office)
    round_.indicators.set(["delegations.incoming", "delegations.incoming_persons",
                           "delegations.outgoing"])
    round_.units.set([commune])
    submission = round_.submissions.get()
    submission_url = f"/reporting/submissions/{submission.pk}/"
    round_url = f"/reporting/rounds/{round_.pk}/"

    reporter = pages.login("lungcu.reporter")
    reporter.goto(submission_url)
    reporter.set_input_files("#id_document", files=[
        {"name": "bao-cao-quy-3.txt", "mimeType": "text/plain", "buffer": REPORT}])
    reporter.locator('button[name="upload"]').click()
    incoming = reporter.locator('input[name="value_delegations.incoming"]')
    expect(incoming).to_have_value("3")
    persons = reporter.locator('input[name="value_delegations.incoming_persons"]')
    expect(persons).to_have_value("25")
    expect(reporter.locator('input[name="value_delegations.outgoing"]')).to_have_value("2")
    pages.keep_screenshot(reporter, "round-prefilled")
    persons.fill("26")  # the reporter checks the list of guests: one more
    reporter.locator('button[name="save"]').click()
    expect(persons).to_have_value("26")
    open_step(reporter, "submit").locator("button[type=submit]").click()
    expect(reporter.locator("#status")).to_contain_text("lãnh đạo")

    office_page = pages.login("tq.office")
    office_page.goto(round_url)
    total = office_page.locator('#result tr[data-indicator="delegations.incoming_persons"] .total')
    expect(total).to_have_text("—")

    leader = pages.login("lungcu.leader")
    leader.goto(submission_url)
    open_step(leader, "approve").locator("button[type=submit]").click()
    expect(leader.locator("#status")).to_contain_text("duyệt")

    office_page.goto(submission_url)
    open_step(office_page, "receive").locator("button[type=submit]").click()
    expect(office_page.locator("#status")).to_contain_text("tiếp nhận")
    office_page.goto(round_url)
    expect(total).to_have_text("26")
    pages.keep_screenshot(office_page, "round-result")

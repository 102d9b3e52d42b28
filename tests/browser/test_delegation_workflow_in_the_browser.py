"""Issue 3's browser test: the Hà Giang specialist records an outgoing delegation of three
members to Yunnan and submits it; a specialist cannot approve it (no button, and a posted
approval is refused); the leader approves it with a decision number; once the return date
is past the report deadline, the delegation is overdue for its report on the specialist's
home page with the rule that set the deadline, and uploading the report clears it.

The trip is recorded after the fact (it left 40 days ago and came back 30 days ago), so the
15-day report of the seeded rule (Circular 03/2023/TT-BNV) is already late when approved.

Selectors do not depend on the interface language (ids, names, hrefs, form actions), so
the test holds whether the Vietnamese catalogue is compiled or not.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doingoai.delegations.models import Delegation
from doingoai.testing import make_user

pytestmark = pytest.mark.browser

CREATE_URL = "/delegations/delegations/new/"
TITLE = "Đoàn công tác tỉnh Hà Giang thăm và làm việc tại tỉnh Vân Nam"
RULE_DOCUMENT = "03/2023/TT-BNV"
MEMBERS = [
    ("Nguyễn Văn An", "head", "official"),
    ("Trần Thị Bình", "member", "official"),
    ("Lý Văn Cường", "interpreter", "ordinary"),
]


def minimal_pdf() -> bytes:
    """A one-page, empty, valid PDF (with a correct cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def step_form(page, step: str):
    """The form of a workflow step on the detail page, found by where it posts."""
    return page.locator(f'#workflow form[action$="/steps/{step}/"]')


def open_step(page, step: str):
    """Open the step's <details> (only the first step's is open) and return its form."""
    form = step_form(page, step)
    details = page.locator("#workflow details").filter(
        has=page.locator(f'form[action$="/steps/{step}/"]')
    )
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return form


def test_a_delegation_goes_from_draft_to_an_overdue_report_that_the_upload_clears(
    pages, ha_giang, media_root
):
    make_user("hg.specialist", "specialist", ha_giang, first_name="Chuyên viên Hà Giang")
    make_user("hg.leader", "leader", ha_giang, first_name="Lãnh đạo Hà Giang")
    today = timezone.localdate()
    departs_on, returns_on = today - dt.timedelta(days=40), today - dt.timedelta(days=30)

    # The specialist records the trip, with its three members.
    specialist = pages.login("hg.specialist")
    specialist.goto(CREATE_URL)
    specialist.select_option("#id_direction", "outgoing")
    specialist.fill("#id_title", TITLE)
    specialist.fill("#id_purpose", "Trao đổi về hợp tác thương mại qua cửa khẩu Thanh Thủy.")
    specialist.select_option("#id_countries", ["CN"])
    specialist.fill("#id_cities", "Côn Minh, Văn Sơn")
    specialist.fill("#id_departs_on", departs_on.isoformat())
    specialist.fill("#id_returns_on", returns_on.isoformat())
    specialist.select_option("#id_funding", "budget")
    for index, (name, role, passport) in enumerate(MEMBERS):
        specialist.fill(f"#id_inline0-{index}-name", name)
        specialist.select_option(f"#id_inline0-{index}-role", role)
        specialist.select_option(f"#id_inline0-{index}-passport_type", passport)
    pages.keep_screenshot(specialist, "delegation-form")
    specialist.locator("main form[method=post] button[type=submit]").click()
    specialist.wait_for_url(re.compile(r"/delegations/delegations/\d+/$"))
    expect(specialist.locator("main h1")).to_have_text(TITLE)

    delegation = Delegation.objects.get(title=TITLE)
    assert delegation.owner == ha_giang
    assert delegation.direction == "outgoing"
    assert list(delegation.countries.values_list("code", flat=True)) == ["CN"]
    assert [(m.name, m.role, m.passport_type) for m in delegation.members.all()] == MEMBERS
    assert delegation.person_trips == 3
    assert delegation.status == "draft"
    detail_url = f"/delegations/delegations/{delegation.pk}/"

    # She submits it; the approval is not among her next steps.
    step_form(specialist, "submit").locator("button[type=submit]").click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    delegation.refresh_from_db()
    assert delegation.status == "submitted"
    expect(step_form(specialist, "approve")).to_have_count(0)
    expect(specialist.locator('#workflow form[action*="/steps/approve/"]')).to_have_count(0)
    pages.keep_screenshot(specialist, "delegation-submitted")

    # Posting the approval anyway, with her session and a valid CSRF token, is refused.
    token = specialist.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = specialist.request.post(
        f"{detail_url}steps/approve/",
        form={
            "csrfmiddlewaretoken": token,
            "decision_number": "99/QĐ-UBND",
            "decision_date": today.isoformat(),
            "decision_signer": "Chuyên viên Hà Giang",
        },
        headers={"Referer": f"{pages.base_url}{detail_url}"},
    )
    assert response.status == 403
    delegation.refresh_from_db()
    assert delegation.status == "submitted"
    assert delegation.decision_number == ""
    # Nor may she open the approval form.
    assert specialist.request.get(f"{detail_url}steps/approve/").status == 403

    # The leader sees it awaiting approval on the home page and approves it.
    leader = pages.login("hg.leader")
    awaiting = leader.locator("#awaiting-approval")
    expect(awaiting.locator(f'a[href="{detail_url}"]')).to_have_text(TITLE)
    awaiting.locator(f'a[href="{detail_url}"]').click()
    leader.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    approve = open_step(leader, "approve")
    leader.fill("#id_approve_decision_number", "1234/QĐ-UBND")
    leader.fill("#id_approve_decision_date", (departs_on - dt.timedelta(days=5)).isoformat())
    leader.fill("#id_approve_decision_signer", "Nguyễn Văn Sơn")
    leader.fill("#id_approve_comment", "Đồng ý.")
    pages.keep_screenshot(leader, "delegation-approve")
    approve.locator("button[type=submit]").click()
    leader.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    delegation.refresh_from_db()
    assert delegation.status == "approved"
    assert delegation.decision_number == "1234/QĐ-UBND"
    assert delegation.decision_signer == "Nguyễn Văn Sơn"
    assert delegation.approved_by.username == "hg.leader"
    expect(leader.locator("main")).to_contain_text("1234/QĐ-UBND")
    expect(leader.locator("#transitions tbody tr")).to_have_count(2)
    expect(leader.locator("#transitions")).to_contain_text("Đồng ý.")

    # The report was due 15 days after the return: the specialist's home page says it is
    # overdue, with the document that set the deadline.
    assert delegation.report_due_on == returns_on + dt.timedelta(days=15)
    assert delegation.report_rule.document.number == RULE_DOCUMENT
    specialist.goto("/")
    overdue = specialist.locator("#overdue")
    row = overdue.locator("tr").filter(has=specialist.locator(f'a[href="{detail_url}"]'))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text(RULE_DOCUMENT)
    expect(row).to_contain_text(delegation.report_due_on.strftime("%d/%m/%Y"))
    expect(row.locator(".badge-overdue")).to_have_count(1)
    pages.keep_screenshot(specialist, "home-overdue-report")

    # The delegation's page shows the same deadline and its rule.
    row.locator(f'a[href="{detail_url}"]').click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    deadlines = specialist.locator("dl.deadlines")
    expect(deadlines).to_contain_text(delegation.report_due_on.strftime("%d/%m/%Y"))
    expect(deadlines).to_contain_text(RULE_DOCUMENT)
    expect(deadlines.locator(".badge-overdue")).to_have_count(1)

    # She uploads the report (the step whose form opens first once a trip is approved).
    report = open_step(specialist, "report")
    specialist.set_input_files(
        "#id_report_report",
        files=[
            {
                "name": "bao-cao-doan-van-nam.pdf",
                "mimeType": "application/pdf",
                "buffer": minimal_pdf(),
            }
        ],
    )
    specialist.fill("#id_report_report_received_on", today.isoformat())
    report.locator("button[type=submit]").click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    delegation.refresh_from_db()
    assert delegation.status == "reported"
    assert delegation.report_received_on == today
    assert delegation.report.name.endswith(".pdf")
    assert (media_root / delegation.report.name).read_bytes().startswith(b"%PDF-1.4")
    expect(specialist.locator("dl.deadlines .badge-overdue")).to_have_count(0)
    pages.keep_screenshot(specialist, "delegation-reported")

    # The overdue report is gone from her home page.
    specialist.goto("/")
    expect(specialist.locator("#overdue")).to_be_visible()
    expect(specialist.locator(f'#overdue a[href="{detail_url}"]')).to_have_count(0)
    expect(specialist.locator("#overdue")).not_to_contain_text(TITLE)
    pages.keep_screenshot(specialist, "home-after-report")

    assert pages.failed_requests == []
    assert pages.console_errors == []

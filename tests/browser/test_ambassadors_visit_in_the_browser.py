"""Issue 17's browser test: the Japanese ambassador's visit to Tuyên Quang (protocol.demo).
The specialist finds the invitation letter with its number and the guest's passport masked,
sees a banquet over the spending norm refused with the circular cited, and the visit on the
week's schedule; the leader opens the week, downloads the printable schedule (PDF) and their
own schedule (.ics).

Selectors do not depend on the interface language (ids, names, URLs)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from doingoai.core.models import AdminUnit
from doingoai.protocol import demo
from doingoai.protocol.models import EntryDocument, Leader, ScheduleItem
from doingoai.testing import make_user

pytestmark = pytest.mark.browser


def test_the_ambassadors_visit_as_the_specialist_then_the_leader(pages):
    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    specialist = make_user("tq.specialist", "specialist", province)
    leader_user = make_user("tq.leader", "leader", province)
    demo.load_demo(province, specialist)
    chair = Leader.objects.get(owner=province, position="Chủ tịch UBND tỉnh")
    chair.user = leader_user
    chair.save()
    reception = ScheduleItem.objects.get(owner=province, title="Tiếp Đại sứ Nhật Bản")
    invitation = EntryDocument.objects.get(owner=province, kind="invitation")
    week = f"{reception.on:%Y-%m-%d}"

    page = pages.login("tq.specialist")
    page.goto(f"/protocol/entry-documents/{invitation.pk}/")
    expect(page.locator("h1")).to_contain_text(invitation.reference)
    expect(page.locator("body")).to_contain_text("TZ0•••••")
    expect(page.locator("body")).not_to_contain_text("TZ0000001")

    page.goto("/protocol/banquets/new/")
    page.fill("#id_title", "Chiêu đãi thêm Đại sứ")
    page.fill("#id_on", f"{reception.on:%d/%m/%Y}")
    page.select_option("#id_guest_class", "A")
    page.fill("#id_covers", "10")
    page.fill("#id_cost", "20000000")  # 2,000,000 a guest
    page.locator("form[enctype] button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("71/2018/TT-BTC")
    expect(page.locator("body")).to_contain_text("2.000.000")

    page.goto(f"/protocol/week/?week={week}")
    expect(page.locator("table")).to_contain_text("Tiếp Đại sứ Nhật Bản")
    expect(page.locator("table")).to_contain_text("Đặng Thu Hà")
    pages.keep_screenshot(page, "protocol-week")

    leader = pages.login("tq.leader")
    leader.goto(f"/protocol/week/?week={week}")
    expect(leader.locator("table")).to_contain_text("Chiêu đãi Đại sứ Nhật Bản")
    with leader.expect_download() as pdf:
        leader.locator('a[href^="/protocol/week/pdf/"]').click()
    assert open(pdf.value.path(), "rb").read(4) == b"%PDF"

    leader.goto(f"/protocol/leaders/{chair.pk}/")
    with leader.expect_download() as ics:
        leader.locator(f'a[href="/protocol/leaders/{chair.pk}/schedule.ics"]').click()
    text = open(ics.value.path(), encoding="utf-8").read().replace("\r\n ", "")
    start = dt.datetime.combine(reception.on, reception.starts_at)
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}" in text
    assert "Tiếp Đại sứ Nhật Bản" in text

"""Anniversaries two weeks ahead and foreign NGO permits on the agenda; letters drafted from
their template and numbered."""

import datetime as dt

from doingoai.core.tests.factories import make_programme
from doingoai.notifications.agenda import build_agenda
from doingoai.protocol.models import EntryDocument, Letter
from doingoai.protocol.tests.factories import (
    make_anniversary,
    make_entry_document,
    make_letter,
    make_permit,
)

TODAY = dt.date(2026, 12, 2)
LAPSED = "Giấy phép của tổ chức phi chính phủ đã hết hạn khi chương trình vẫn đang thực hiện"


def ours(items):
    """The agenda's items of this app (the yearly reports of the rules are there too)."""
    return [item for item in items if item.key.startswith("protocol.")]


def titles(items):
    return [item.what for item in ours(items)]


def test_an_anniversary_is_on_the_agenda_two_weeks_ahead_and_not_before(hg_specialist,
                                                                          ha_giang):
    make_anniversary(ha_giang, day=16, month=12)  # in 14 days
    make_anniversary(ha_giang, day=17, month=12, title="Quốc khánh Lào")  # in 15 days
    due = ours(build_agenda(hg_specialist, TODAY).due)
    assert [item.title for item in due] == [
        "Kết nghĩa với tỉnh Vân Nam (16/12) — 10 năm"]


def test_another_provinces_anniversary_is_not_on_the_agenda(bk_specialist, ha_giang):
    make_anniversary(ha_giang, day=10, month=12)
    assert ours(build_agenda(bk_specialist, TODAY).due) == []


def test_a_permit_expiring_next_month_is_due(hg_specialist, ha_giang):
    permit = make_permit(ha_giang, expires_on=dt.date(2026, 12, 28))
    due = ours(build_agenda(hg_specialist, TODAY).due)
    assert [(item.what, item.due_on) for item in due] == [
        ("Giấy phép của tổ chức phi chính phủ sắp hết hạn", permit.expires_on)]


def test_a_permit_lapsed_while_the_ngos_programme_runs_is_overdue(hg_specialist, ha_giang):
    permit = make_permit(ha_giang, expires_on=dt.date(2026, 11, 15))
    programme = make_programme(ha_giang, status="under_way", starts_on=dt.date(2025, 1, 1),
                               ends_on=dt.date(2027, 12, 31))
    programme.donors.set([permit.partner])
    overdue = build_agenda(hg_specialist, TODAY).overdue
    assert (LAPSED, permit.expires_on) in [
        (item.what, item.due_on) for item in overdue]


def test_a_lapsed_permit_without_a_running_programme_is_not_on_the_agenda(hg_specialist,
                                                                            ha_giang):
    make_permit(ha_giang, expires_on=dt.date(2026, 11, 15))
    assert LAPSED not in titles(
        build_agenda(hg_specialist, TODAY).overdue)


def test_a_congratulation_letter_is_drafted_from_the_template_with_the_years(ha_giang):
    anniversary = make_anniversary(ha_giang)
    letter = make_letter(ha_giang, anniversary=anniversary, partner=anniversary.partner)
    assert letter.body.startswith("Kính gửi Ngài Chủ tịch Chính quyền nhân dân tỉnh Vân Nam,")
    assert "kỷ niệm ngày kết nghĩa (tròn 10 năm)" in letter.body
    assert "Chủ tịch UBND tỉnh trân trọng gửi" in letter.body


def test_documents_are_numbered_in_order_per_symbol_and_year(ha_giang, bac_kan):
    first = make_entry_document(ha_giang)
    second = make_entry_document(ha_giang)
    visa = make_entry_document(ha_giang, kind=EntryDocument.Kind.VISA_REQUEST)
    other = make_entry_document(bac_kan)
    next_year = make_entry_document(ha_giang, issued_on=dt.date(2027, 1, 5))
    assert [first.reference, second.reference, visa.reference, other.reference,
            next_year.reference] == ["01/TM-SNgV", "02/TM-SNgV", "01/SNgV-LS", "01/TM-SNgV",
                                     "01/TM-SNgV"]
    first.subject = "Sửa trích yếu"
    first.save()
    assert first.reference == "01/TM-SNgV"
    assert make_letter(ha_giang).reference == "01/TM-UBND"
    assert Letter.objects.count() == 1

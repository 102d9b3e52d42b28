"""The demo of receiving and visiting (protocol.demo), as the issue's "done when" asks."""

import datetime as dt

import pytest

from doingoai.notifications.agenda import build_agenda
from doingoai.protocol import demo
from doingoai.protocol.models import (
    Banquet,
    EntryDocument,
    Gift,
    Letter,
    NgoPermit,
    ScheduleItem,
)
from doingoai.testing import make_user

TODAY = dt.date(2026, 12, 2)  # a Wednesday


@pytest.fixture
def tq_specialist(tuyen_quang):
    user = make_user("tq.specialist", "specialist", tuyen_quang)
    demo.load_demo(tuyen_quang, user, today=TODAY)
    return user


def test_two_weeks_of_schedule_around_today_with_the_ambassadors_visit(tq_specialist,
                                                                        tuyen_quang):
    items = ScheduleItem.objects.filter(owner=tuyen_quang)
    assert {item.on for item in items} <= {
        dt.date(2026, 11, 30) + dt.timedelta(days=n) for n in range(14)}
    reception = items.get(title="Tiếp Đại sứ Nhật Bản")
    assert reception.interpreter.full_name == "Đặng Thu Hà"
    assert reception.delegation.title == demo.VISIT_TITLE
    kinds = set(EntryDocument.objects.filter(delegation=reception.delegation)
                .values_list("kind", flat=True))
    assert kinds == {"invitation", "visa"}
    assert Gift.objects.filter(schedule_item=reception).count() == 2


def test_the_demo_banquet_is_within_the_norm_in_force(tq_specialist, tuyen_quang):
    banquet = Banquet.objects.get(owner=tuyen_quang)
    assert banquet.per_guest_vnd == 1_450_000
    assert banquet.per_guest_vnd <= banquet.norm.per_guest
    banquet.full_clean()


def test_the_congratulation_letter_and_the_ngo_permit_are_on_the_agenda(tq_specialist,
                                                                        tuyen_quang):
    letter = Letter.objects.get(owner=tuyen_quang)
    assert "(tròn 9 năm)" in letter.body  # Benguet since 2017, ten days from 2/12/2026
    permit = NgoPermit.objects.get(owner=tuyen_quang)
    assert permit.expires_on == dt.date(2027, 1, 15)  # next month
    agenda = build_agenda(tq_specialist, TODAY)
    assert "protocol.anniversary" in [item.key.split(":")[0] for item in agenda.due]
    assert [item.title for item in agenda.expiring] == [str(permit)]


def test_running_the_demo_again_adds_nothing(tq_specialist, tuyen_quang):
    before = ScheduleItem.objects.count()
    demo.load_demo(tuyen_quang, tq_specialist, today=TODAY)
    assert ScheduleItem.objects.count() == before

"""An interpreter cannot be booked twice at overlapping times, whichever path books them: a
schedule item, a booking for a delegation or event, on the page or in the model."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from doingoai.protocol.models import Interpreter, InterpreterBooking, ScheduleItem
from doingoai.protocol.pages import bookings, schedule
from doingoai.protocol.tests.factories import (
    DAY,
    make_booking,
    make_incoming,
    make_interpreter,
    make_leader,
    make_schedule_item,
)


def test_a_schedule_item_at_an_overlapping_time_is_refused_on_the_page(
        client, hg_specialist, ha_giang):
    interpreter = make_interpreter(ha_giang)
    make_schedule_item(ha_giang, interpreter=interpreter)  # 09:00–10:30
    client.force_login(hg_specialist)
    response = client.post(schedule.reverse("create"), {
        "kind": "talks", "title": "Hội đàm với đoàn Lào Cai", "leader": make_leader(ha_giang).pk,
        "on": "08/12/2026", "starts_at": "10:00", "ends_at": "11:00", "place": "UBND tỉnh",
        "interpreter": interpreter.pk, "status": "planned"})
    assert response.status_code == 400
    assert "Hoàng Thị Lan" in response.content.decode()
    assert ScheduleItem.objects.count() == 1


def test_a_booking_overlapping_a_schedule_item_is_refused_on_the_page(
        client, hg_specialist, ha_giang):
    interpreter = make_interpreter(ha_giang)
    make_schedule_item(ha_giang, interpreter=interpreter)
    client.force_login(hg_specialist)
    response = client.post(bookings.reverse("create"), {
        "interpreter": interpreter.pk, "on": "08/12/2026", "starts_at": "08:30",
        "ends_at": "09:15", "language": "Tiếng Anh", "delegation": make_incoming(ha_giang).pk})
    assert response.status_code == 400
    assert not InterpreterBooking.objects.exists()


def test_back_to_back_bookings_are_not_double_bookings(ha_giang):
    interpreter = make_interpreter(ha_giang)
    make_schedule_item(ha_giang, interpreter=interpreter)  # until 10:30
    make_booking(ha_giang, interpreter=interpreter, starts_at=dt.time(10, 30),
                 ends_at=dt.time(12))
    assert InterpreterBooking.objects.count() == 1


def test_saving_without_the_form_is_refused_too(ha_giang):
    interpreter = make_interpreter(ha_giang)
    make_booking(ha_giang, interpreter=interpreter)  # 14:00–16:00
    with pytest.raises(ValidationError):
        make_schedule_item(ha_giang, interpreter=interpreter, starts_at=dt.time(15),
                           ends_at=dt.time(17))
    assert not ScheduleItem.objects.exists()


def test_a_cancelled_item_frees_the_interpreter(ha_giang):
    interpreter = make_interpreter(ha_giang)
    item = make_schedule_item(ha_giang, interpreter=interpreter)
    item.status = ScheduleItem.Status.CANCELLED
    item.save()
    make_booking(ha_giang, interpreter=interpreter, starts_at=dt.time(9), ends_at=dt.time(10))
    assert InterpreterBooking.objects.count() == 1


def test_hours_per_interpreter_add_up_schedule_items_and_bookings(client, hg_specialist,
                                                                   ha_giang, bac_kan):
    interpreter = make_interpreter(ha_giang)
    make_schedule_item(ha_giang, interpreter=interpreter)  # 1.5 h
    make_booking(ha_giang, interpreter=interpreter)  # 2 h
    make_booking(bac_kan)  # another province's: not shown
    client.force_login(hg_specialist)
    response = client.get("/protocol/interpreter-hours/",
                          {"from": "2026-12-01", "to": "2026-12-31"})
    assert response.status_code == 200
    assert [(i.pk, str(h), n) for i, h, n in response.context["rows"]] == [
        (interpreter.pk, "3.50", 2)]


# serialized_rollback: a plain transactional test's flush re-creates the content types with
# new ids (post_migrate), which the next serialized test (the browser tests) then cannot load.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_bookings_made_at_once_cannot_both_pass(request, django_db_blocker, ha_giang):
    """The check runs again under the interpreter's row lock: of two simultaneous bookings
    of the same hours, one is refused (on SQLite the IMMEDIATE transaction serialises them)."""
    request.node.reload_migrated_data_with = django_db_blocker
    interpreter = make_interpreter(ha_giang)
    delegation = make_incoming(ha_giang)
    barrier = threading.Barrier(2)
    outcomes = []

    def book():
        try:
            barrier.wait()
            InterpreterBooking(owner=ha_giang, interpreter=Interpreter.objects.get(
                pk=interpreter.pk), on=DAY, starts_at=dt.time(9), ends_at=dt.time(11),
                language="Tiếng Anh", delegation=delegation).save()
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # SQLite: "database is locked" is a refusal too
            outcomes.append(f"error: {type(error).__name__}")
        finally:
            connection.close()

    threads = [threading.Thread(target=book) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("saved") == 1, outcomes
    assert InterpreterBooking.objects.count() == 1


def test_a_booking_that_loses_the_race_is_told_so_on_the_page_not_with_an_error_page(
        client, hg_specialist, ha_giang, monkeypatch):
    """The form's check passed, but a booking saved meanwhile holds the hours: the recheck
    under the interpreter's lock refuses it, and the page says why (400, nothing saved)."""
    interpreter = make_interpreter(ha_giang)
    make_schedule_item(ha_giang, interpreter=interpreter)  # 09:00–10:30
    monkeypatch.setattr(InterpreterBooking, "clean", lambda self: None)  # the race's window
    client.force_login(hg_specialist)
    response = client.post(bookings.reverse("create"), {
        "interpreter": interpreter.pk, "on": "08/12/2026", "starts_at": "08:30",
        "ends_at": "09:15", "language": "Tiếng Anh", "delegation": make_incoming(ha_giang).pk})
    assert response.status_code == 400
    assert "Hoàng Thị Lan" in response.content.decode()
    assert not InterpreterBooking.objects.exists()

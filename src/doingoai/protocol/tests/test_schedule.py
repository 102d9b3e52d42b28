"""The week of the leaders' schedule, its printable PDF and each leader's .ics."""

import datetime as dt

from doingoai.protocol.tests.factories import make_interpreter, make_leader, make_schedule_item


def test_the_week_view_lists_the_weeks_items_by_day(client, hg_specialist, ha_giang):
    item = make_schedule_item(ha_giang)  # Tuesday 08/12/2026
    make_schedule_item(ha_giang, title="Hội đàm tuần sau", on=dt.date(2026, 12, 15))
    client.force_login(hg_specialist)
    response = client.get("/protocol/week/", {"week": "2026-12-10"})
    assert response.status_code == 200
    days = dict(response.context["days"])
    assert days[dt.date(2026, 12, 8)] == [item]
    assert sum(len(items) for items in days.values()) == 1


def test_the_week_view_shows_nothing_of_another_province(client, bk_specialist, ha_giang):
    make_schedule_item(ha_giang)
    client.force_login(bk_specialist)
    response = client.get("/protocol/week/", {"week": "2026-12-08"})
    assert all(items == [] for _, items in response.context["days"])


def test_the_weekly_schedule_downloads_as_a_pdf(client, hg_specialist, ha_giang):
    make_schedule_item(ha_giang)
    client.force_login(hg_specialist)
    response = client.get("/protocol/week/pdf/", {"week": "2026-12-08"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_leaders_ics_has_the_leaders_items_with_their_times(client, hg_leader, ha_giang):
    leader = make_leader(ha_giang)
    make_schedule_item(ha_giang, leader=leader, interpreter=make_interpreter(ha_giang))
    make_schedule_item(ha_giang, title="Lịch của lãnh đạo khác", on=dt.date(2026, 12, 9))
    client.force_login(hg_leader)
    response = client.get(f"/protocol/leaders/{leader.pk}/schedule.ics")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert "DTSTART:20261208T090000" in text and "DTEND:20261208T103000" in text
    assert "Hoàng Thị Lan" in text


def test_another_provinces_leader_ics_is_not_found(client, bk_specialist, ha_giang):
    leader = make_leader(ha_giang)
    client.force_login(bk_specialist)
    assert client.get(f"/protocol/leaders/{leader.pk}/schedule.ics").status_code == 404


def test_a_bad_week_falls_back_to_this_week(client, hg_specialist):
    client.force_login(hg_specialist)
    assert client.get("/protocol/week/", {"week": "tuần-sau"}).status_code == 200

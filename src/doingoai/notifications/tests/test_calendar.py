import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.notifications.calendar import fold
from doingoai.notifications.models import CalendarToken

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def records(ha_giang, bac_kan):
    start = TODAY + dt.timedelta(days=5)
    Delegation.objects.create(
        owner=ha_giang, direction="outgoing", title="Đoàn Hà Giang đi Vân Nam", purpose="x",
        departs_on=start, returns_on=start + dt.timedelta(days=3), status="approved")
    Event.objects.create(owner=ha_giang, kind="seminar", role="organised",
                         title="Hội thảo Hà Giang, cửa khẩu Thanh Thủy", starts_on=start)
    Delegation.objects.create(
        owner=bac_kan, direction="incoming", title="Đoàn Bắc Kạn đón khách", purpose="x",
        departs_on=start, returns_on=start, status="approved")
    Delegation.objects.create(
        owner=ha_giang, direction="outgoing", title="Đoàn Hà Giang bị hủy", purpose="x",
        departs_on=start, returns_on=start, status="cancelled")


def feed_url(user):
    return reverse("notifications:calendar-feed", args=[CalendarToken.for_user(user).token])


def test_the_feed_holds_only_the_users_province_without_a_session(client, records,
                                                                   hg_specialist):
    response = client.get(feed_url(hg_specialist))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    unfolded = body.replace("\r\n ", "")
    assert "Đoàn Hà Giang đi Vân Nam" in unfolded
    assert "Hội thảo Hà Giang\\, cửa khẩu Thanh Thủy" in unfolded
    assert "Bắc Kạn" not in unfolded
    assert "bị hủy" not in unfolded
    start = TODAY + dt.timedelta(days=5)
    assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}" in body
    assert f"DTEND;VALUE=DATE:{start + dt.timedelta(days=4):%Y%m%d}" in body


def test_another_provinces_user_cannot_read_the_feed(client, records, hg_specialist,
                                                     bk_specialist):
    url = feed_url(hg_specialist)
    client.force_login(bk_specialist)
    assert client.get(url).status_code == 404
    own = client.get(feed_url(bk_specialist)).content.decode().replace("\r\n ", "")
    assert "Đoàn Bắc Kạn đón khách" in own
    assert "Hà Giang" not in own


def test_a_wrong_or_reset_token_is_refused(client, records, hg_specialist):
    assert client.get(reverse("notifications:calendar-feed", args=["nope"])).status_code == 404
    old = feed_url(hg_specialist)
    client.force_login(hg_specialist)
    assert client.post(reverse("notifications:calendar-reset")).status_code == 302
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(feed_url(hg_specialist)).status_code == 200


def test_the_calendar_page_shows_the_month(client, records, hg_specialist):
    client.force_login(hg_specialist)
    start = TODAY + dt.timedelta(days=5)
    page = client.get(reverse("notifications:calendar"), {"month": f"{start:%Y-%m}"})
    text = page.content.decode()
    assert "Đoàn Hà Giang đi Vân Nam" in text
    assert "Bắc Kạn" not in text
    assert CalendarToken.for_user(hg_specialist).token in text


def test_long_lines_are_folded_without_splitting_a_character():
    line = "SUMMARY:" + "Đoàn công tác " * 10
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.fixture
def report_due(ha_giang, bac_kan):
    """Back ten days ago: the post-trip report falls due in five days (15 days after return,
    Circular 03/2023/TT-BNV), an all-day deadline of the calendar."""
    back = TODAY - dt.timedelta(days=10)
    mine = Delegation.objects.create(
        owner=ha_giang, direction="outgoing", title="Đoàn Hà Giang đi Quảng Tây", purpose="x",
        departs_on=back - dt.timedelta(days=4), returns_on=back, status="back")
    Delegation.objects.create(
        owner=bac_kan, direction="outgoing", title="Đoàn Bắc Kạn đi Quảng Tây", purpose="x",
        departs_on=back - dt.timedelta(days=4), returns_on=back, status="back")
    assert mine.report_due_on == TODAY + dt.timedelta(days=5)
    return mine


def test_a_deadline_is_on_the_calendar_page_with_its_rule(client, report_due, hg_specialist):
    client.force_login(hg_specialist)
    due = report_due.report_due_on
    page = client.get(reverse("notifications:calendar"), {"month": f"{due:%Y-%m}"})
    text = page.content.decode()
    cell = text.split(f"<small>{due:%d}</small>")[1].split("</td>")[0]
    assert re.search(r'class="[^"]*\bdeadline\b', cell)
    assert "Hạn báo cáo kết quả chuyến đi: Đoàn Hà Giang đi Quảng Tây" in cell
    assert report_due.report_rule.citation in cell
    assert "Bắc Kạn" not in text


def test_a_deadline_is_an_all_day_event_of_the_feed_with_its_rule(client, report_due,
                                                                   hg_specialist):
    body = client.get(feed_url(hg_specialist)).content.decode()
    unfolded = body.replace("\r\n ", "")
    due = report_due.report_due_on
    events = [e for e in unfolded.split("BEGIN:VEVENT")[1:] if "Quảng Tây" in e]
    assert len(events) == 2  # the trip itself and its report's deadline
    deadline = next(e for e in events if "TRANSP:TRANSPARENT" in e)
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}\r\n" in deadline
    assert f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}\r\n" in deadline
    assert "SUMMARY:Hạn báo cáo kết quả chuyến đi: Đoàn Hà Giang đi Quảng Tây" in deadline
    rule = report_due.report_rule
    assert rule.document.number in deadline.split("SUMMARY:")[1].split("\r\n")[0]
    assert "DESCRIPTION:" in deadline
    assert "Bắc Kạn" not in unfolded


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "2026-13", "abc", "2026"])
def test_a_month_out_of_range_shows_this_month(client, hg_specialist, month):
    client.force_login(hg_specialist)
    page = client.get(reverse("notifications:calendar"), {"month": month})
    assert page.status_code == 200
    assert f"{TODAY:%m/%Y}" in page.content.decode()

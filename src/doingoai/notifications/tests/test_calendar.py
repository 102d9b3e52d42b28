import datetime as dt

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

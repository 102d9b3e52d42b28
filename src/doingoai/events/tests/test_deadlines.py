import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.events.models import Event

TODAY = timezone.localdate()


def conference(owner, days_ahead, **extra):
    return Event.objects.create(
        owner=owner, kind="conference", role="organised",
        title="Hội thảo hợp tác phát triển du lịch biên giới",
        starts_on=TODAY + dt.timedelta(days=days_ahead), **extra,
    )


def test_a_conference_20_days_ahead_with_a_minister_is_already_late_for_its_40_days(
    hg_client, ha_giang
):
    event = conference(ha_giang, 20, minister_level_guests=True)
    assert event.application_rule.amount == 40
    assert event.application_due_on == event.starts_on - dt.timedelta(days=40)
    assert event.is_application_late(TODAY)
    assert list(Event.objects.late_applications()) == [event]
    page = hg_client.get(reverse("events:event-detail", args=[event.pk])).content.decode()
    assert "already late" in page
    assert "06/2020/QĐ-TTg" in page
    assert "The Prime Minister" in page
    home = hg_client.get(reverse("core:home")).content.decode()
    assert "Application late" in home.split('id="overdue"')[1].split('id="due-soon"')[0]


def test_the_same_conference_without_a_minister_needs_30_days_and_is_still_on_time(ha_giang):
    event = conference(ha_giang, 35)
    assert event.application_rule.amount == 30
    assert event.application_rule.approver == "province_chair"
    assert not event.is_application_late(TODAY)
    assert list(Event.objects.applications_due_between(TODAY, TODAY + dt.timedelta(days=30))
                ) == [event]


def test_an_application_submitted_in_time_is_not_late_afterwards(ha_giang, hg_specialist):
    event = conference(ha_giang, 50, sensitive_topics=True)
    event.status, event.submitted_on = "submitted", TODAY
    event.save()
    assert not event.is_application_late(TODAY + dt.timedelta(days=20))


def test_an_attended_event_has_no_application_deadline(ha_giang):
    event = conference(ha_giang, 5, minister_level_guests=True)
    event.role = "attended"
    event.save()
    assert event.application_due_on is None
    assert not event.is_application_late(TODAY)


def test_the_results_report_is_due_15_days_after_the_end(ha_giang):
    event = conference(ha_giang, -30, ends_on=TODAY - dt.timedelta(days=28), status="held")
    assert event.report_due_on == TODAY - dt.timedelta(days=13)
    assert list(Event.objects.overdue_reports()) == [event]


def test_a_leader_approves_an_event_but_a_specialist_cannot(client, ha_giang, hg_specialist,
                                                            hg_leader):
    event = conference(ha_giang, 60)
    client.force_login(hg_specialist)
    url = reverse("events:event-transition", args=[event.pk, "submit"])
    assert client.post(url, {}).status_code == 302
    approve = reverse("events:event-transition", args=[event.pk, "approve"])
    data = {"approval_number": "45/UBND-NV", "approval_date": TODAY.isoformat(),
            "approver": "Chủ tịch UBND tỉnh"}
    assert client.post(approve, data).status_code == 403
    client.force_login(hg_leader)
    assert client.post(approve, data).status_code == 302
    event.refresh_from_db()
    assert event.status == "approved"


def test_another_province_gets_404_on_the_event_steps(client, ha_giang, bk_specialist):
    event = conference(ha_giang, 60)
    client.force_login(bk_specialist)
    for step in ("submit", "approve", "report"):
        url = reverse("events:event-transition", args=[event.pk, step])
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    assert client.get(reverse("events:event-detail", args=[event.pk])).status_code == 404


# The assertions quote English messages; the Vietnamese ones are checked elsewhere.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

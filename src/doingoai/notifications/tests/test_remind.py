import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from doingoai.delegations.models import Delegation
from doingoai.notifications.models import Notification

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def office(ha_giang, bac_kan, hg_specialist, hg_leader, hg_viewer, bk_specialist):
    for user in (hg_specialist, hg_leader, hg_viewer, bk_specialist):
        user.email = f"{user.username}@example.vn"
        user.save()
    Delegation.objects.create(
        owner=ha_giang, direction="outgoing", title="Đoàn đi Vân Nam", purpose="Hợp tác",
        departs_on=dt.date(2026, 10, 20), returns_on=dt.date(2026, 10, 25), status="approved",
        submitted_by=hg_specialist,
    )
    Delegation.objects.create(
        owner=ha_giang, direction="incoming", title="Đoàn Quảng Tây thăm Hà Giang",
        purpose="Khảo sát cửa khẩu", departs_on=dt.date(2026, 12, 10),
        returns_on=dt.date(2026, 12, 12), status="submitted", submitted_by=hg_specialist,
    )


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_remind_mails_each_user_what_is_due_or_overdue(office):
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    sent = by_recipient()
    assert set(sent) == {"hg.specialist@example.vn", "hg.leader@example.vn"}
    specialist = sent["hg.specialist@example.vn"].body
    assert "Đoàn đi Vân Nam" in specialist
    assert "09/11/2026" in specialist  # returned 25/10 + 15 days
    assert "03/2023/TT-BNV" in specialist
    assert "Đoàn Quảng Tây" not in specialist  # approving is the leader's work
    leader = sent["hg.leader@example.vn"].body
    assert "Đoàn Quảng Tây thăm Hà Giang" in leader
    assert "Đoàn đi Vân Nam" in leader


def test_remind_sends_nothing_twice_for_the_same_item_on_the_same_day(office, ha_giang):
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    # A new item the same day is sent, alone.
    Delegation.objects.create(
        owner=ha_giang, direction="outgoing", title="Đoàn đi Lào Cai (Trung Quốc)",
        purpose="Hội chợ", departs_on=dt.date(2026, 10, 1), returns_on=dt.date(2026, 10, 3),
        status="back",
    )
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    newest = by_recipient()["hg.specialist@example.vn"].body
    assert len(mail.outbox) == 4
    assert "Đoàn đi Lào Cai" in newest and "Đoàn đi Vân Nam" not in newest
    # The next day everything still open is sent again.
    call_command("remind", date=TODAY + dt.timedelta(days=1), stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 6


def test_remind_leaves_in_app_notifications_once_per_item(office, hg_specialist):
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    call_command("remind", date=TODAY + dt.timedelta(days=1), stdout=open("/dev/null", "w"))
    titles = list(Notification.objects.filter(user=hg_specialist).values_list("title",
                                                                              flat=True))
    assert len(titles) == 1
    assert "Đoàn đi Vân Nam" in titles[0]


def test_the_dry_run_sends_and_records_nothing(office):
    call_command("remind", date=TODAY, dry_run=True, stdout=open("/dev/null", "w"))
    assert mail.outbox == []
    assert not Notification.objects.exists()

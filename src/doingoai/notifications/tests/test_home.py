import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def submitted(ha_giang, hg_specialist):
    return Delegation.objects.create(
        owner=ha_giang, direction="incoming", title="Đoàn Vân Nam thăm Hà Giang", purpose="x",
        departs_on=TODAY + dt.timedelta(days=12), returns_on=TODAY + dt.timedelta(days=14),
        status="submitted", submitted_by=hg_specialist)


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_leader_sees_what_awaits_their_approval(client, submitted, hg_leader):
    page = home(client, hg_leader)
    awaiting = page.split('id="awaiting-approval"')[1].split('id="overdue"')[0]
    assert "Đoàn Vân Nam thăm Hà Giang" in awaiting


def test_a_leader_sees_agreements_and_aid_awaiting_approval_but_not_his_own(
    client, ha_giang, hg_specialist, hg_leader
):
    from doingoai.core.tests.factories import make_record

    make_record(Agreement, ha_giang, status="submitted", title="Biên bản ghi nhớ Vân Nam",
                created_by=hg_specialist)
    make_record(AidProgramme, ha_giang, status="submitted", title="Dự án nước sạch",
                created_by=hg_specialist)
    make_record(AidProgramme, ha_giang, status="submitted", title="Dự án của lãnh đạo",
                created_by=hg_leader)
    page = home(client, hg_leader)
    awaiting = page.split('id="awaiting-approval"')[1].split('id="overdue"')[0]
    assert "Biên bản ghi nhớ Vân Nam" in awaiting
    assert "Dự án nước sạch" in awaiting
    assert "Dự án của lãnh đạo" not in awaiting


def test_a_specialist_has_no_approval_section_but_sees_the_visit_coming(client, submitted,
                                                                         hg_specialist):
    page = home(client, hg_specialist)
    assert 'id="awaiting-approval"' not in page
    assert "Đoàn Vân Nam thăm Hà Giang" in page.split('id="upcoming"')[1]


def test_what_falls_due_in_30_days_is_listed(client, ha_giang, hg_specialist):
    Event.objects.create(owner=ha_giang, kind="conference", role="organised",
                         title="Hội nghị xúc tiến đầu tư", starts_on=TODAY + dt.timedelta(days=45))
    due = home(client, hg_specialist).split('id="due-soon"')[1].split('id="upcoming"')[0]
    assert "Hội nghị xúc tiến đầu tư" in due
    assert "06/2020/QĐ-TTg" in due


def test_another_province_sees_none_of_it(client, submitted, bk_specialist):
    assert "Vân Nam" not in home(client, bk_specialist)


def test_viewers_and_the_ministry_get_a_home_page(client, submitted, hg_viewer, ministry_viewer):
    assert "Đoàn Vân Nam thăm Hà Giang" in home(client, hg_viewer)
    assert "Đoàn Vân Nam thăm Hà Giang" in home(client, ministry_viewer)


def test_a_foreigners_permit_expiring_soon_is_due_and_an_expired_one_overdue(
        client, ha_giang, hg_specialist, bk_specialist):
    from doingoai.residents.tests.factories import make_foreigner

    soon = make_foreigner(ha_giang, full_name="Zhang Wei",
                          residence_card_expires_on=TODAY + dt.timedelta(days=20),
                          work_permit_expires_on=None)
    gone = make_foreigner(ha_giang, full_name="Tanaka Hiroshi",
                          work_permit_expires_on=TODAY - dt.timedelta(days=3))
    page = home(client, hg_specialist)
    overdue = page.split('id="overdue"')[1].split('id="due-soon"')[0]
    due = page.split('id="due-soon"')[1].split('id="upcoming"')[0]
    assert reverse("residents:foreigner-detail", args=[soon.pk]) in due
    assert reverse("residents:foreigner-detail", args=[gone.pk]) in overdue
    assert "Zhang Wei" not in home(client, bk_specialist)

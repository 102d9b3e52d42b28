"""Issue 7, "Done when": an official passport handed out for an outgoing delegation and not
returned by its deadline appears as overdue on the specialist's home page with the rule that
set the deadline (5 working days after re-entry, QĐ 58/2012/QĐ-TTg), and in the reminders."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from doingoai.passports.tests.factories import make_handout, make_outgoing_delegation

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def late(ha_giang):
    """Back from the trip a month ago, the passport still out: overdue whatever today is."""
    trip = make_outgoing_delegation(
        ha_giang, departs_on=TODAY - dt.timedelta(days=35),
        returns_on=TODAY - dt.timedelta(days=30), status="back")
    return make_handout(ha_giang, delegation=trip,
                        handed_out_on=TODAY - dt.timedelta(days=37))


def overdue_section(client, user):
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode().split('id="overdue"')[1].split('id="due-soon"')[0]


def url(handout):
    return reverse("passports:handout-detail", args=[handout.pk])


def test_a_passport_not_returned_is_overdue_on_the_home_page_with_its_rule(client, late,
                                                                           hg_specialist):
    assert late.return_due_on < TODAY
    section = overdue_section(client, hg_specialist)
    assert section.count(url(late)) == 1
    assert late.return_due_on.strftime("%d/%m/%Y") in section
    assert "58/2012/QĐ-TTg" in section


def test_it_leaves_the_home_page_once_returned(client, late, hg_specialist):
    late.returned_on = TODAY
    late.save()
    assert url(late) not in overdue_section(client, hg_specialist)


def test_a_bac_kan_user_does_not_see_it(client, late, bk_specialist):
    client.force_login(bk_specialist)
    page = client.get(reverse("core:home")).content.decode()
    assert url(late) not in page
    assert late.passport.holder_name not in page


def test_the_reminder_mentions_it_once_and_only_to_ha_giang(late, hg_specialist,
                                                             bk_specialist):
    for user in (hg_specialist, bk_specialist):
        user.email = f"{user.username}@example.vn"
        user.save()
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    sent = {message.to[0]: message.body for message in mail.outbox}
    body = sent[hg_specialist.email]
    assert body.count(url(late)) == 1
    assert "58/2012/QĐ-TTg" in body
    assert url(late) not in sent.get(bk_specialist.email, "")
    # A second run the same day does not send it again.
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    assert sum(url(late) in message.body for message in mail.outbox) == 1

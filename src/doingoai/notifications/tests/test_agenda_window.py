"""Issue 10, item 15: every item of the agenda sits in the section its date belongs to.

One window (``notifications.agenda.Window``) decides what is overdue and what is due, for
every source of items; these tests give each source a deadline just inside and just outside
the window and check both ends, and check that the sections are in date order."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.notifications.agenda import build_agenda
from doingoai.passports.models import PassportHandout
from doingoai.passports.tests.factories import make_handout, make_passport
from doingoai.residents.tests.factories import make_foreigner
from doingoai.rules.models import rule_in_force

pytestmark = pytest.mark.django_db
# A date with no yearly deadline of its own near it; each source's deadline is set on it.
DUE = dt.date(2026, 9, 15)


def detail(url_name, record):
    return reverse(url_name, args=[record.pk])


def delegation_report(owner, due):
    d = Delegation.objects.create(
        owner=owner, direction="outgoing", title="Đoàn đi Vân Nam", purpose="x",
        departs_on=due - dt.timedelta(days=20), returns_on=due - dt.timedelta(days=15),
        status="back")
    Delegation.objects.filter(pk=d.pk).update(report_due_on=due)
    return detail("delegations:delegation-detail", d)


def event(owner, due, field, status):
    e = Event.objects.create(owner=owner, kind="conference", role="organised",
                             title="Hội nghị xúc tiến", starts_on=due + dt.timedelta(days=1),
                             status=status)
    Event.objects.filter(pk=e.pk).update(**{field: due})
    return detail("events:event-detail", e)


def event_application(owner, due):
    return event(owner, due, "application_due_on", "draft")


def event_report(owner, due):
    return event(owner, due, "report_due_on", "held")


def agreement(owner, due, **fields):
    a = Agreement.objects.create(owner=owner, kind="mou", title="Biên bản ghi nhớ với Vân Nam",
                                 our_signatory="UBND tỉnh", signed_on=dt.date(2024, 1, 2),
                                 **fields)
    return detail("agreements:agreement-detail", a)


def agreement_report(owner, due):
    url = agreement(owner, due, status="signed")
    Agreement.objects.filter(title="Biên bản ghi nhớ với Vân Nam").update(report_due_on=due)
    return url


def agreement_expiry(owner, due):
    return agreement(owner, due, status="in_force", expires_on=due,
                     report_sent_on=dt.date(2024, 1, 10))


def passport_expiry(owner, due):
    return detail("passports:passport-detail", make_passport(owner, expires_on=due))


def passport_return(owner, due):
    # A trip whose own report is in, so that the passport is its only deadline.
    trip = Delegation.objects.create(
        owner=owner, direction="outgoing", title="Đoàn công tác tỉnh Ibaraki", purpose="x",
        departs_on=due - dt.timedelta(days=12), returns_on=due - dt.timedelta(days=7),
        status="back", report_received_on=due - dt.timedelta(days=6))
    handout = make_handout(owner, delegation=trip,
                           passport=make_passport(owner, expires_on=dt.date(2035, 1, 1)))
    PassportHandout.objects.filter(pk=handout.pk).update(return_due_on=due)
    return detail("passports:handout-detail", handout)


def foreigner_visa(owner, due):
    foreigner = make_foreigner(owner, visa_expires_on=due, work_permit_expires_on=None)
    return detail("residents:foreigner-detail", foreigner)


def aid_yearly_report(owner, due):
    programme = AidProgramme.objects.create(owner=owner, kind="ngo", title="Dự án nước sạch",
                                            status="under_way")
    return detail("aid:programme-detail", programme)


def aid_report_day(owner):
    rule = rule_in_force("aid.report_year", DUE, owner)
    return rule.yearly_due_on(DUE.year)


def office_yearly_report(owner, due):
    return reverse("rules:rule-list")


def office_report_day(owner):
    return rule_in_force("event.annual_report", DUE, owner).yearly_due_on(DUE.year)


# name -> (make the record due on a date and return its page, the date it is due on)
SOURCES = {
    "delegation post-trip report": (delegation_report, None),
    "event application": (event_application, None),
    "event results report": (event_report, None),
    "agreement post-signing report": (agreement_report, None),
    "agreement expiry": (agreement_expiry, None),
    "official passport expiry": (passport_expiry, None),
    "official passport return": (passport_return, None),
    "foreigner's visa": (foreigner_visa, None),
    "aid programme's yearly report": (aid_yearly_report, aid_report_day),
    "office's yearly report": (office_yearly_report, office_report_day),
}


@pytest.mark.parametrize("days", [30, 7])
@pytest.mark.parametrize("source", SOURCES)
def test_an_item_due_after_the_window_is_not_listed_as_due(source, days, ha_giang,
                                                           hg_specialist):
    make, due_for = SOURCES[source]
    due = due_for(ha_giang) if due_for else DUE
    url = make(ha_giang, due)
    # 90 days out for the home page's 30 days, 27 days out for a 7-day reminder.
    outside = due - dt.timedelta(days=90 if days == 30 else 27)
    agenda = build_agenda(hg_specialist, today=outside, days=days)
    assert url not in [item.url for item in agenda.due + agenda.overdue]
    inside = build_agenda(hg_specialist, today=due - dt.timedelta(days=days - 2), days=days)
    assert url in [item.url for item in inside.due]
    assert all(item.due_on <= due + dt.timedelta(days=2) for item in inside.due)


@pytest.mark.parametrize("source", [name for name, (_, due_for) in SOURCES.items()
                                    if due_for is None and name != "agreement expiry"
                                    and name != "official passport expiry"])
def test_a_missed_deadline_is_overdue_not_due(source, ha_giang, hg_specialist):
    url = SOURCES[source][0](ha_giang, DUE)
    agenda = build_agenda(hg_specialist, today=DUE + dt.timedelta(days=3))
    assert url in [item.url for item in agenda.overdue]
    assert url not in [item.url for item in agenda.due]


def test_overdue_items_are_sorted_by_date_across_registers(ha_giang, hg_specialist):
    today = DUE + dt.timedelta(days=40)
    delegation_report(ha_giang, DUE + dt.timedelta(days=30))
    event_report(ha_giang, DUE + dt.timedelta(days=10))
    passport_return(ha_giang, DUE)
    agreement_report(ha_giang, DUE + dt.timedelta(days=20))
    overdue = build_agenda(hg_specialist, today=today).overdue
    dates = [item.due_on for item in overdue]
    assert len(dates) == 4
    assert dates == sorted(dates)


def test_the_home_page_lists_overdue_items_oldest_first(client, ha_giang, hg_specialist):
    from django.utils import timezone

    today = timezone.localdate()
    late_delegation = delegation_report(ha_giang, today - dt.timedelta(days=3))
    late_passport = passport_return(ha_giang, today - dt.timedelta(days=20))
    client.force_login(hg_specialist)
    page = client.get(reverse("core:home")).content.decode()
    overdue = page.split('id="overdue"')[1].split('id="due-soon"')[0]
    assert overdue.index(late_passport) < overdue.index(late_delegation)


def test_the_ministry_agenda_names_the_province_of_each_item(client, ha_giang, bac_kan,
                                                             ministry_viewer, hg_specialist):
    from django.utils import timezone

    today = timezone.localdate()
    delegation_report(ha_giang, today - dt.timedelta(days=3))
    passport_return(bac_kan, today - dt.timedelta(days=5))
    client.force_login(ministry_viewer)
    page = client.get(reverse("core:home")).content.decode()
    overdue = page.split('id="overdue"')[1].split('id="due-soon"')[0]
    assert "<th>Tỉnh</th>" in overdue
    rows = overdue.split("<tr>")[2:]
    assert "<td>Bắc Kạn</td>" in rows[0]
    assert "<td>Hà Giang</td>" in rows[1]
    # A province's own user needs no such column.
    client.force_login(hg_specialist)
    page = client.get(reverse("core:home")).content.decode()
    assert "<th>Tỉnh</th>" not in page.split('id="overdue"')[1].split('id="due-soon"')[0]


def test_the_dashboard_lists_the_same_overdue_items_as_the_home_page_oldest_first(
        client, ha_giang, hg_specialist):
    from django.utils import timezone

    today = timezone.localdate()
    late_delegation = delegation_report(ha_giang, today - dt.timedelta(days=3))
    late_event = event_report(ha_giang, today - dt.timedelta(days=9))
    late_passport = passport_return(ha_giang, today - dt.timedelta(days=20))
    client.force_login(hg_specialist)
    page = client.get(reverse("reports:dashboard")).content.decode()
    overdue = page.split('id="overdue"')[1]
    # The passport register has no report of its own, yet its overdue return is on the agenda.
    assert overdue.index(late_passport) < overdue.index(late_event) < overdue.index(
        late_delegation)


def test_an_agreement_ending_in_60_days_is_on_the_home_page_not_in_the_due_list(
        client, ha_giang, hg_specialist, bac_kan):
    from django.utils import timezone

    from doingoai.agreements.models import Agreement

    today = timezone.localdate()

    def agreement(owner, days, title):
        return Agreement.objects.create(
            owner=owner, kind="mou", title=title, our_signatory="UBND tỉnh",
            status="in_force", signed_on=today - dt.timedelta(days=900),
            expires_on=today + dt.timedelta(days=days))

    agreement(ha_giang, 60, "Thỏa thuận hết hạn sau 60 ngày")
    agreement(ha_giang, 20, "Thỏa thuận hết hạn sau 20 ngày")
    agreement(ha_giang, 120, "Thỏa thuận hết hạn sau 120 ngày")
    agreement(bac_kan, 50, "Thỏa thuận của Bắc Kạn hết hạn sau 50 ngày")
    agenda = build_agenda(hg_specialist, today=today)
    assert [item.title for item in agenda.expiring] == ["Thỏa thuận hết hạn sau 60 ngày"]
    assert "Thỏa thuận hết hạn sau 20 ngày" in [item.title for item in agenda.due]
    client.force_login(hg_specialist)
    page = client.get(reverse("core:home")).content.decode()
    section = page.split('id="expiring"')[1].split("</section>")[0]
    assert "Thỏa thuận hết hạn trong 90 ngày tới" in section
    assert "sau 60 ngày" in section and "sau 120 ngày" not in section
    assert "Bắc Kạn" not in section

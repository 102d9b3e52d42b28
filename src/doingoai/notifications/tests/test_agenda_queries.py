"""The home page (the agenda) costs the same number of queries for a province with one open
record of each kind as for one with many: the rules in force are read once per request, not
once per NGO programme, so at national scale the page still answers (issue 15)."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement
from doingoai.aid.models import REPORT_RULES, AidProgramme
from doingoai.core.tests.factories import make_record
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.rules.models import Rule, RuleBook, add_months, rule_in_force

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def open_records(owner, author, n):
    """``n`` records of each kind the agenda lists: NGO programmes under way whose end
    report falls due within the month, programmes and delegations awaiting approval, trips
    awaiting their report, visits coming up and agreements to approve."""
    for _ in range(n):
        make_record(AidProgramme, owner, kind=AidProgramme.Kind.NGO,
                    status=AidProgramme.Status.UNDER_WAY, starts_on=TODAY - dt.timedelta(days=400),
                    ends_on=add_months(TODAY + dt.timedelta(days=10), -6))  # end report due
        make_record(AidProgramme, owner, kind=AidProgramme.Kind.NGO,
                    status=AidProgramme.Status.SUBMITTED, created_by=author)
        make_record(Delegation, owner, status=Delegation.Status.SUBMITTED, submitted_by=author,
                    departs_on=TODAY + dt.timedelta(days=10),
                    returns_on=TODAY + dt.timedelta(days=12))
        make_record(Delegation, owner, status=Delegation.Status.RETURNED,
                    departs_on=TODAY - dt.timedelta(days=20),
                    returns_on=TODAY - dt.timedelta(days=15))
        make_record(Event, owner, starts_on=TODAY + dt.timedelta(days=20),
                    ends_on=TODAY + dt.timedelta(days=21))
        make_record(Agreement, owner, status=Agreement.Status.SUBMITTED, created_by=author)


def home_queries(client, user) -> tuple[int, str, str]:
    """The queries of a warm request: the first request of a process fills the menu's
    cache of links (core/context_processors.py), which later requests read without a query."""
    client.force_login(user)
    assert client.get(reverse("core:home")).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return len(queries), repeated(queries.captured_queries), response.content.decode()


def repeated(captured) -> str:
    """The queries that ran more than once (numbers blanked), most frequent first: the
    message of a failure names the query made per record."""
    shapes = Counter(re.sub(r"\d+", "N", q["sql"]) for q in captured)
    return "\n".join(f"{n}× {sql[:300]}" for sql, n in shapes.most_common() if n > 1)


@pytest.mark.parametrize("role", ["hg_specialist", "hg_leader", "ministry_viewer"])
def test_the_home_page_costs_the_same_queries_for_one_record_of_each_kind_as_for_twelve(
        request, client, ha_giang, bk_specialist, role):
    user = request.getfixturevalue(role)
    open_records(ha_giang, bk_specialist, 1)
    few, _sql, page = home_queries(client, user)
    assert "Hạn báo cáo viện trợ" in page  # the programmes' reports are on the page
    open_records(ha_giang, bk_specialist, 11)
    many, sql, page = home_queries(client, user)
    assert many == few, sql


def test_the_agenda_lists_every_programmes_reports_with_the_rules_read_once(
        client, ha_giang, hg_specialist):
    from doingoai.notifications.agenda import build_agenda

    open_records(ha_giang, hg_specialist, 3)
    programmes = AidProgramme.objects.filter(owner=ha_giang,
                                             status=AidProgramme.Status.UNDER_WAY)
    expected = {(p.pk, due_on, rule.pk) for p in programmes
                for due_on, rule in p.report_deadlines(TODAY)}
    assert expected  # under-way NGO programmes owe reports
    agenda = build_agenda(hg_specialist, TODAY)
    listed = {(int(item.key.split(":")[1]), item.due_on, item.rule.pk)
              for item in agenda.overdue + agenda.due
              if item.key.startswith("aid.aidprogramme:")}
    in_window = {(pk, due_on, rule) for pk, due_on, rule in expected
                 if due_on <= TODAY + dt.timedelta(days=30)}
    assert in_window  # the end reports fall due within the 30 days
    assert listed == in_window


def test_the_rule_book_answers_as_rule_in_force_for_every_code_date_and_province(
        ha_giang, bac_kan, tuyen_quang):
    codes = sorted(set(Rule.objects.values_list("code", flat=True)))
    book = RuleBook(codes)
    # A province's own rule, newer than the national one, and one that ended.
    national = Rule.objects.filter(code="aid.report_year", province__isnull=True).first()
    Rule.objects.create(code="aid.report_year", province=ha_giang, document=national.document,
                        area=national.area, due_month=3, due_day=1,
                        valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2024, 12, 31))
    book = RuleBook(codes)
    days = [dt.date(2015, 1, 1), dt.date(2021, 6, 1), dt.date(2025, 7, 1),
            dt.date(2025, 12, 7), dt.date(2025, 12, 8), TODAY]
    checked = 0
    for code in codes:
        for day in days:
            for province in (None, ha_giang, bac_kan, tuyen_quang):
                assert book.in_force(code, day, province) == rule_in_force(code, day, province), (
                    code, day, province)
                checked += 1
    assert book.in_force("aid.report_year", dt.date(2022, 1, 1), ha_giang).due_month == 3
    assert checked > 100


def test_the_rule_book_refuses_a_code_it_was_not_given():
    with pytest.raises(KeyError):
        RuleBook(REPORT_RULES).in_force("delegation.report_days", TODAY)

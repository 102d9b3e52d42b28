"""A reporting round from opening to the accepted result, and who may do what in it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.accounts.models import Membership
from doingoai.figures.models import ReportedFigure
from doingoai.organisations.models import Organisation
from doingoai.reporting.models import Round, Submission
from doingoai.testing import client_for, make_user

pytestmark = pytest.mark.django_db

REPORT = ("Báo cáo công tác đối ngoại quý I năm 2026 của xã. Trong quý, xã đã đón 3 đoàn khách "
          "nước ngoài với 25 lượt người; cử 2 đoàn ra nước ngoài.").encode()
INDICATORS = ["delegations.incoming", "delegations.incoming_persons", "delegations.outgoing"]


def unit_user(username, role, unit):
    user = make_user(username, role, unit.owner)
    Membership.objects.filter(user=user).update(organisation=unit)
    user.refresh_from_db()
    return user


@pytest.fixture
def communes(tuyen_quang):
    return list(Organisation.objects.filter(owner=tuyen_quang, kind="commune").order_by("pk")[:3])


@pytest.fixture
def tq_leader(tuyen_quang):
    return make_user("tq.leader", "leader", tuyen_quang)


@pytest.fixture
def round_(client, tq_specialist, communes):
    """Opened through its page, as the office does: each unit asked gets its submission."""
    client_for(client, tq_specialist)
    response = client.post(reverse("reporting:round-create"), {
        "title": "Báo cáo công tác đối ngoại quý I/2026", "period": "2026-Q1",
        "due_on": "15/04/2026", "indicators": INDICATORS, "units": [c.pk for c in communes],
    })
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    return Round.objects.get()


def step(client, submission, name, **data):
    return client.post(reverse("reporting:submission-step", args=[submission.pk, name]),
                       {"version": submission.version, **data})


def fresh(submission):
    return Submission.objects.get(pk=submission.pk)


def test_opening_a_round_asks_each_unit_once(round_, communes):
    assert round_.submissions.count() == 3
    assert {s.status for s in round_.submissions.all()} == {"pending"}
    round_.units.add(communes[0])  # asked again: still one submission
    assert round_.submissions.count() == 3


def test_an_unreadable_period_is_refused_with_a_message(client, tq_specialist, communes):
    client_for(client, tq_specialist)
    response = client.post(reverse("reporting:round-create"), {
        "title": "Kỳ lạ", "period": "quý năm", "due_on": "15/04/2026",
        "indicators": INDICATORS, "units": [communes[0].pk]})
    assert response.status_code == 400 and "period" in response.context["form"].errors


def test_a_report_uploaded_prefills_the_figures_and_the_round_sums_what_is_received(
        client, round_, communes, tq_specialist, tq_leader, media_root):
    reporter = unit_user("xa.reporter", "reporter", communes[0])
    leader = unit_user("xa.leader", "unit_leader", communes[0])
    submission = round_.submissions.get(organisation=communes[0])
    url = reverse("reporting:submission", args=[submission.pk])
    client_for(client, reporter)
    page = client.post(url, {"upload": "1", "version": submission.version,
                             "document": SimpleUploadedFile("baocao.txt", REPORT)})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["value_delegations.incoming"] == Decimal(3)
    assert form.initial["value_delegations.incoming_persons"] == Decimal(25)
    submission = fresh(submission)
    assert submission.document and "25 lượt người" in submission.document_text
    # The reporter checks the figures (corrects one) and saves them.
    saved = client.post(url, {"save": "1", "version": submission.version,
                              "value_delegations.incoming": "3",
                              "value_delegations.incoming_persons": "26",
                              "value_delegations.outgoing": "2"})
    assert saved.status_code == 302
    submission = fresh(submission)
    assert step(client, submission, "submit").status_code == 302
    assert fresh(submission).status == "submitted"
    # The reporter cannot approve their own submission; the unit leader can.
    assert step(client, fresh(submission), "approve").status_code == 403
    client_for(client, leader)
    assert step(client, fresh(submission), "approve").status_code == 302
    client_for(client, tq_specialist)
    round_page = reverse("reporting:round-detail", args=[round_.pk])
    before = client.get(round_page).context["lines"]
    assert all(line.total is None for line in before)  # approved, not yet received
    assert step(client, fresh(submission), "receive").status_code == 302
    lines = {line.indicator.code: line for line in client.get(round_page).context["lines"]}
    assert lines["delegations.incoming_persons"].total == Decimal(26)
    assert lines["delegations.incoming_persons"].contributions[0][0].pk == submission.pk
    assert lines["delegations.incoming"].recorded == Decimal(0)  # no record in the register
    # The leader accepts: the sums become the province's reported figures for the period.
    client_for(client, tq_leader)
    assert client.post(reverse("reporting:round-accept", args=[round_.pk])).status_code == 302
    figure = ReportedFigure.objects.get(indicator_id="delegations.incoming_persons")
    assert figure.value == Decimal(26) and figure.period == "2026-Q1"
    assert figure.source == Round.objects.get().source
    assert Round.objects.get().status == "accepted"


def test_the_office_returns_a_submission_with_a_comment_and_the_reporter_corrects_it(
        client, round_, communes, tq_specialist):
    reporter = unit_user("xa.reporter", "reporter", communes[0])
    leader = unit_user("xa.leader", "unit_leader", communes[0])
    submission = round_.submissions.get(organisation=communes[0])
    client_for(client, reporter)
    assert step(client, submission, "submit").status_code == 400  # nothing entered yet
    client.post(reverse("reporting:submission", args=[submission.pk]),
                {"save": "1", "version": submission.version, "nothing_this_period": "on"})
    step(client, fresh(submission), "submit")
    client_for(client, leader)
    step(client, fresh(submission), "approve")
    client_for(client, tq_specialist)
    assert step(client, fresh(submission), "return").status_code == 400  # a comment is needed
    assert step(client, fresh(submission), "return",
                comment="Xã có đón đoàn Trung Quốc tháng 2").status_code == 302
    assert fresh(submission).status == "returned"
    client_for(client, reporter)
    page = client.get(reverse("reporting:submission", args=[submission.pk]))
    assert page.context["editable"] and "Xã có đón đoàn Trung Quốc" in page.content.decode()


def test_a_round_page_marks_the_overdue_units(client, round_, tq_specialist):
    Round.objects.filter(pk=round_.pk).update(due_on=dt.date(2020, 1, 1))
    client_for(client, tq_specialist)
    page = client.get(reverse("reporting:round-detail", args=[round_.pk]))
    assert page.context["overdue_count"] == 3
    assert "badge-overdue" in page.content.decode()


def test_a_reporter_gets_404_on_another_units_submission_and_another_provinces_round(
        client, round_, communes, bk_specialist, bac_kan):
    reporter = unit_user("xa.reporter", "reporter", communes[0])
    other = round_.submissions.get(organisation=communes[1])
    own = round_.submissions.get(organisation=communes[0])
    client_for(client, reporter)
    assert client.get(reverse("reporting:submission", args=[own.pk])).status_code == 200
    for name in ("submission", "submission-document"):
        assert client.get(reverse(f"reporting:{name}", args=[other.pk])).status_code == 404
    assert step(client, other, "submit").status_code == 404
    assert client.post(reverse("reporting:submission", args=[other.pk]),
                       {"save": "1"}).status_code == 404
    page = client.get(reverse("reporting:round-detail", args=[round_.pk]))
    assert [s.pk for s in page.context["submissions"]] == [own.pk]
    assert page.context["lines"] == []  # the result is the office's
    assert client.post(reverse("reporting:round-accept", args=[round_.pk])).status_code == 403
    client_for(client, bk_specialist)  # another province: nothing of Tuyên Quang's round
    for url in (reverse("reporting:round-detail", args=[round_.pk]),
                reverse("reporting:submission", args=[own.pk]),
                reverse("reporting:submission-document", args=[own.pk])):
        assert client.get(url).status_code == 404
    assert client.post(reverse("reporting:round-accept", args=[round_.pk])).status_code == 404
    assert step(client, own, "receive").status_code == 404


def test_a_unit_user_of_a_unit_not_asked_does_not_see_the_round(client, round_, tuyen_quang):
    unasked = Organisation.objects.filter(owner=tuyen_quang, kind="commune").order_by("-pk")[0]
    client_for(client, unit_user("xa.khac", "reporter", unasked))
    assert client.get(reverse("reporting:round-detail", args=[round_.pk])).status_code == 404
    assert str(round_) not in client.get(reverse("reporting:round-list")).content.decode()


def test_remind_tells_the_reporter_before_and_the_office_after_the_due_date(
        round_, communes, tq_specialist, settings):
    from django.core.management import call_command

    from doingoai.notifications.models import Notification

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    reporter = unit_user("xa.reporter", "reporter", communes[0])
    call_command("remind", date=dt.date(2026, 4, 10))
    assert Notification.objects.filter(user=reporter, url__contains="/submissions/").count() == 1
    assert not Notification.objects.filter(user=tq_specialist,
                                           url__contains="/submissions/").exists()
    call_command("remind", date=dt.date(2026, 4, 20))
    late = Notification.objects.filter(user=tq_specialist, url__contains="/submissions/")
    assert late.count() == 3  # each of the three units, none has reported


def test_a_unit_given_more_time_is_not_yet_due_while_the_others_are_overdue(
        client, round_, communes, tq_specialist):
    Round.objects.filter(pk=round_.pk).update(due_on=dt.date(2020, 1, 1))
    Submission.objects.filter(round=round_, organisation=communes[2]).update(
        due_on=dt.date(2999, 1, 1))
    client_for(client, tq_specialist)
    page = client.get(reverse("reporting:round-detail", args=[round_.pk]))
    late = {s.organisation_id: s.overdue for s in page.context["submissions"]}
    assert late == {communes[0].pk: True, communes[1].pk: True, communes[2].pk: False}
    assert Submission.objects.overdue().count() == 2


def test_a_submitted_submissions_figures_are_locked_until_it_is_sent_back(
        client, round_, communes):
    reporter = unit_user("xa.reporter2", "reporter", communes[1])
    leader = unit_user("xa.leader2", "unit_leader", communes[1])
    submission = round_.submissions.get(organisation=communes[1])
    url = reverse("reporting:submission", args=[submission.pk])
    client_for(client, reporter)
    values = {"value_delegations.incoming": "1", "value_delegations.incoming_persons": "4",
              "value_delegations.outgoing": "0"}
    assert client.post(url, {"save": "1", "version": submission.version,
                             **values}).status_code == 302
    assert step(client, fresh(submission), "submit").status_code == 302
    locked = client.post(url, {"save": "1", "version": fresh(submission).version,
                               **{**values, "value_delegations.incoming": "9"}})
    assert locked.status_code == 403
    assert fresh(submission).figures.get(
        indicator_id="delegations.incoming").value == Decimal(1)
    client_for(client, leader)
    assert step(client, fresh(submission), "send_back",
                comment="Thiếu số lượt người đoàn ra").status_code == 302
    client_for(client, reporter)
    assert client.post(url, {"save": "1", "version": fresh(submission).version,
                             **{**values, "value_delegations.incoming": "2"}}).status_code == 302
    assert fresh(submission).figures.get(
        indicator_id="delegations.incoming").value == Decimal(2)


def test_a_delegation_both_in_the_register_and_reported_by_its_unit_is_counted_once(
        client, round_, communes, tuyen_quang, tq_leader):
    from doingoai.core.tests.factories import make_delegation
    from doingoai.reporting.models import SubmittedFigure

    q1 = {"direction": "incoming", "departs_on": dt.date(2026, 2, 3),
          "returns_on": dt.date(2026, 2, 5)}
    for _ in range(2):  # the commune entered two of its three visits in the register
        make_delegation(tuyen_quang, organisation=communes[0], **q1)
    make_delegation(tuyen_quang, **q1)  # and the office one of its own
    submission = round_.submissions.get(organisation=communes[0])
    SubmittedFigure.objects.create(submission=submission, indicator_id="delegations.incoming",
                                   value=Decimal(3))
    Submission.objects.filter(pk=submission.pk).update(status="received")
    client_for(client, tq_leader)
    page = client.get(reverse("reporting:round-detail", args=[round_.pk]))
    line = {line.indicator.code: line for line in page.context["lines"]}["delegations.incoming"]
    assert (line.total, line.recorded, line.overlap, line.counted_once) == (3, 3, 2, 4)
    assert "2 đã có trong cơ sở dữ liệu" in page.content.decode()
    assert client.post(reverse("reporting:round-accept", args=[round_.pk])).status_code == 302
    figure = ReportedFigure.objects.get(indicator_id="delegations.incoming")
    assert figure.value == Decimal(4)


def test_a_rounds_due_date_left_empty_is_computed_from_the_rule_in_force(
        client, tq_specialist, communes):
    client_for(client, tq_specialist)
    data = {"title": "Báo cáo hằng năm về hội nghị, hội thảo quốc tế",
            "period": "2025-12-15/2026-12-14", "due_on": "", "due_rule": "event.annual_report",
            "indicators": ["conferences.organised"], "units": [communes[0].pk]}
    response = client.post(reverse("reporting:round-create"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Round.objects.get().due_on == dt.date(2026, 12, 18)  # QĐ 06/2020, Art. 9
    # Neither a date nor a rule: the office is asked for one, in Vietnamese.
    refused = client.post(reverse("reporting:round-create"), {**data, "due_rule": ""})
    assert refused.status_code == 400
    assert "hạn nộp" in " ".join(refused.context["form"].errors["due_on"]).lower()

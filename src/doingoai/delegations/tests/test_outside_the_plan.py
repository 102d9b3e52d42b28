"""A delegation outside the year's approved foreign-affairs plan (ngoài kế hoạch) needs its
own approval: the decision sending it is approved only once the provincial leaders' decision
allowing it outside the plan is recorded on it, on the page and through the API alike; a
delegation of the plan, or of a year whose plan is still a draft, is approved as before."""

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.api.models import ApiToken
from doingoai.delegations.models import Delegation
from doingoai.delegations.tests.test_workflow import approve_data, create_delegation, step_url
from doingoai.planning.models import AnnualPlan
from doingoai.planning.tests.factories import make_plan

TODAY = timezone.localdate()
DEPARTS, RETURNS = TODAY - dt.timedelta(days=27), TODAY - dt.timedelta(days=20)
REFUSAL_VI = "cần được cấp có thẩm quyền cho phép riêng"


@pytest.fixture
def plan(ha_giang):
    return make_plan(ha_giang, year=DEPARTS.year, status=AnnualPlan.Status.APPROVED,
                     approved_on=dt.date(DEPARTS.year, 1, 12), decision_number="45/QĐ-UBND")


@pytest.fixture
def submitted(hg_client, plan):
    delegation = create_delegation(hg_client, DEPARTS, RETURNS)
    assert hg_client.post(step_url(delegation, "submit"), {"comment": ""}).status_code == 302
    delegation.refresh_from_db()
    return delegation


def allow_outside_the_plan(delegation):
    Delegation.objects.filter(pk=delegation.pk).update(
        outside_plan_decision="312-TB/TU", outside_plan_decided_on=DEPARTS - dt.timedelta(30),
        outside_plan_decided_by="Ban Thường vụ Tỉnh ủy")


def test_a_leader_cannot_approve_a_delegation_outside_the_plan_without_its_own_approval(
        client, hg_leader, submitted):
    client.force_login(hg_leader)
    detail = client.get(f"/delegations/delegations/{submitted.pk}/").content.decode()
    assert 'data-plan="approval-missing"' in detail and REFUSAL_VI in detail
    assert "/steps/approve/" not in detail  # no button to press
    response = client.post(step_url(submitted, "approve"), approve_data())
    assert response.status_code == 400
    assert REFUSAL_VI in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Delegation.Status.SUBMITTED and not submitted.decision_number


def test_the_api_refuses_the_approval_of_a_delegation_outside_the_plan_with_the_reason(
        client, hg_leader, submitted):
    _, key = ApiToken.issue(hg_leader, "test", can_write=True)
    response = client.post(
        f"/api/records/delegations/delegations/{submitted.pk}/steps/approve",
        {"version": submitted.version, **approve_data()}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code in (400, 422), response.content.decode()
    assert "outside the approved foreign-affairs plan" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Delegation.Status.SUBMITTED


def test_a_delegation_outside_the_plan_is_approved_once_its_own_approval_is_recorded(
        client, hg_leader, submitted):
    allow_outside_the_plan(submitted)
    client.force_login(hg_leader)
    detail = client.get(f"/delegations/delegations/{submitted.pk}/").content.decode()
    assert "approval-missing" not in detail and "312-TB/TU" in detail
    assert client.post(step_url(submitted, "approve"), approve_data()).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Delegation.Status.APPROVED


def test_a_delegation_of_the_plan_is_approved_without_any_other_approval(
        client, hg_leader, submitted, plan):
    Delegation.objects.filter(pk=submitted.pk).update(plan_item=plan.items.get())
    client.force_login(hg_leader)
    assert client.post(step_url(submitted, "approve"), approve_data()).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Delegation.Status.APPROVED


def test_a_plan_still_in_draft_asks_no_approval_outside_it(client, hg_leader, submitted, plan):
    AnnualPlan.objects.filter(pk=plan.pk).update(status=AnnualPlan.Status.DRAFT)
    client.force_login(hg_leader)
    assert client.post(step_url(submitted, "approve"), approve_data()).status_code == 302

"""The plan's page counts each item done, in progress or not done from the delegations and
events linked to it, and lists the year's activities outside the plan; a record links only
to an item of its own province's plan for its year, on every path."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from doingoai.core.tests.factories import make_delegation, make_event
from doingoai.delegations.models import Delegation
from doingoai.planning.models import PlanItem
from doingoai.planning.pages import plans
from doingoai.planning.progress import DONE, NOT_DONE, UNDER_WAY, implementation
from doingoai.planning.tests.factories import make_plan


def item(plan, title, kind=PlanItem.Kind.OUTGOING, quarter=3):
    return PlanItem.objects.create(plan=plan, kind=kind, title=title, quarter=quarter)


@pytest.fixture
def plan_2026(ha_giang):
    return make_plan(ha_giang)


def test_items_are_done_in_progress_or_not_done_by_their_records_and_the_rest_is_outside(
        ha_giang, plan_2026):
    back = item(plan_2026, "Đoàn sang Hàn Quốc")
    approved = item(plan_2026, "Đoàn sang Nhật Bản")
    cancelled = item(plan_2026, "Đoàn sang Lào")
    make_delegation(ha_giang, departs_on=dt.date(2026, 5, 4), returns_on=dt.date(2026, 5, 9),
                    plan_item=back, status=Delegation.Status.BACK)
    make_delegation(ha_giang, departs_on=dt.date(2026, 11, 4), returns_on=dt.date(2026, 11, 9),
                    plan_item=approved, status=Delegation.Status.APPROVED)
    make_delegation(ha_giang, departs_on=dt.date(2026, 8, 4), returns_on=dt.date(2026, 8, 9),
                    plan_item=cancelled, status=Delegation.Status.CANCELLED)
    outside = make_delegation(ha_giang, departs_on=dt.date(2026, 7, 1),
                              returns_on=dt.date(2026, 7, 3))
    make_delegation(ha_giang, departs_on=dt.date(2025, 7, 1), returns_on=dt.date(2025, 7, 3))
    event = make_event(ha_giang, starts_on=dt.date(2026, 9, 1))

    result = implementation(plan_2026)
    states = {i.title: state for i, state, _label, _linked in result.rows}
    assert states["Đoàn sang Hàn Quốc"] == DONE
    assert states["Đoàn sang Nhật Bản"] == UNDER_WAY
    assert states["Đoàn sang Lào"] == NOT_DONE  # a cancelled trip does not carry it out
    assert {r.pk for r, _url in result.outside} == {outside.pk, event.pk}
    assert [n for _label, n in result.counts] == [1, 1, 2, 2]


def test_the_plan_page_shows_the_states_and_the_delegation_page_says_outside_the_plan(
        client, hg_specialist, ha_giang, plan_2026):
    done = item(plan_2026, "Đoàn sang Hàn Quốc")
    make_delegation(ha_giang, departs_on=dt.date(2026, 5, 4), returns_on=dt.date(2026, 5, 9),
                    plan_item=done, status=Delegation.Status.REPORTED)
    outside = make_delegation(ha_giang, title="Đoàn sang Pháp", departs_on=dt.date(2026, 7, 1),
                              returns_on=dt.date(2026, 7, 3))
    client.force_login(hg_specialist)
    page = client.get(plans.reverse("detail", plan_2026.pk)).content.decode()
    assert 'data-state="done"' in page and "Đã thực hiện" in page
    assert f'data-outside="{outside.pk}"' in page and "Ngoài kế hoạch" in page
    detail = client.get(f"/delegations/delegations/{outside.pk}/").content.decode()
    assert 'data-plan="outside"' in detail


def test_a_delegation_cannot_take_an_item_of_another_provinces_plan_or_year(
        ha_giang, bac_kan, plan_2026):
    other = make_plan(bac_kan).items.get()
    delegation = make_delegation(ha_giang, departs_on=dt.date(2026, 5, 4),
                                 returns_on=dt.date(2026, 5, 9))
    delegation.plan_item = other
    with pytest.raises(ValidationError) as refused:
        delegation.full_clean()
    assert "plan_item" in refused.value.message_dict
    delegation.plan_item = plan_2026.items.get()
    delegation.departs_on, delegation.returns_on = dt.date(2025, 5, 4), dt.date(2025, 5, 9)
    with pytest.raises(ValidationError):
        delegation.full_clean()


def test_the_delegation_form_offers_only_the_provinces_own_plan_items(
        client, hg_specialist, ha_giang, bac_kan, plan_2026):
    other = make_plan(bac_kan).items.get()
    mine = plan_2026.items.get()
    client.force_login(hg_specialist)
    form = client.get("/delegations/delegations/new/").content.decode()
    assert f'value="{mine.pk}"' in form and f'value="{other.pk}"' not in form


def test_a_province_has_one_plan_a_year(ha_giang, plan_2026):
    from doingoai.planning.models import AnnualPlan

    second = AnnualPlan(owner=ha_giang, year=2026, title="Kế hoạch khác")
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert "year" in refused.value.message_dict

"""An export or import value below zero is no value (item 7 of issue 10)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from doingoai.core.tests.factories import vi
from doingoai.trade.models import ForeignEnterprise, TradeFlow
from doingoai.trade.pages import enterprises, trade_flows
from doingoai.trade.tests.factories import enterprise_form, flow_form, make_flow


def test_the_page_refuses_an_export_of_minus_five_thousand_usd(hg_client, ha_giang):
    data = {**flow_form(ha_giang), "direction": "export", "value": "-5000"}
    response = hg_client.post(trade_flows.reverse("create"), data)
    assert response.status_code == 400
    assert vi("This cannot be negative: enter 0 or more.") in response.content.decode()
    assert not TradeFlow.all_objects.exists()


def test_the_page_refuses_a_negative_registered_capital(hg_client, ha_giang):
    data = {**enterprise_form(ha_giang), "registered_capital": "-1"}
    response = hg_client.post(enterprises.reverse("create"), data)
    assert response.status_code == 400
    assert "registered_capital" in response.context["form"].errors
    assert not ForeignEnterprise.all_objects.exists()


def test_the_admin_refuses_a_negative_export(admin_client, ha_giang):
    data = {**flow_form(ha_giang), "owner": ha_giang.pk, "value": "-5000"}
    response = admin_client.post(reverse("admin:trade_tradeflow_add"), data)
    assert response.status_code == 200
    assert "value" in response.context["adminform"].form.errors
    assert not TradeFlow.all_objects.exists()


def test_the_database_refuses_a_negative_export_written_around_the_forms(ha_giang):
    flow = make_flow(ha_giang)
    with pytest.raises(IntegrityError), transaction.atomic():
        TradeFlow.objects.filter(pk=flow.pk).update(value=-5000)

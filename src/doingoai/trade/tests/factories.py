import datetime as dt
from decimal import Decimal

from doingoai.border.tests.factories import make_gate
from doingoai.trade.models import ForeignEnterprise, TradeFlow


def make_flow(owner, **fields) -> TradeFlow:
    values = {"direction": "export", "period_start": dt.date(2023, 1, 1),
              "period_end": dt.date(2023, 12, 31), "goods": "Nông sản",
              "value": Decimal("12500000.50"), "currency_id": "USD"}
    if "gate" not in fields:
        values["gate"] = make_gate(owner)
    return TradeFlow.objects.create(owner=owner, **{**values, **fields})


def make_enterprise(owner, **fields) -> ForeignEnterprise:
    values = {"kind": "fdi", "name": "Công ty TNHH Thương mại Vân Nam", "country_id": "CN",
              "registered_on": dt.date(2018, 4, 2)}
    return ForeignEnterprise.objects.create(owner=owner, **{**values, **fields})


def flow_form(owner) -> dict:
    return {"gate": make_gate(owner).pk, "direction": "import", "period_start": "2023-01-01",
            "period_end": "2023-03-31", "value": "350000", "currency": "USD"}


def enterprise_form(owner) -> dict:
    return {"kind": "office", "name": "Văn phòng đại diện Hanil", "country": "KR",
            "currency": "USD"}


FACTORIES = {TradeFlow: make_flow, ForeignEnterprise: make_enterprise}
FORM_DATA = {TradeFlow: flow_form, ForeignEnterprise: enterprise_form}

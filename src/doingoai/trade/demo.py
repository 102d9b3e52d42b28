"""Illustrative import and export values through the Thanh Thủy gate, and one foreign
enterprise (amounts invented, marked as such)."""

import datetime as dt
from decimal import Decimal

from doingoai.border.models import BorderGate
from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record
from doingoai.trade.models import ForeignEnterprise, TradeFlow


def load_demo(province, user):
    gate = BorderGate.objects.filter(owner=province, name="Cửa khẩu quốc tế Thanh Thủy").first()
    for direction, value in (("export", "41250000"), ("import", "18730000")):
        ensure_record(TradeFlow, province, user, {
            "gate": gate, "direction": direction, "period_start": dt.date(2023, 1, 1),
            "period_end": dt.date(2023, 12, 31)}, {
            "value": Decimal(value), "currency_id": "USD", "goods": "",
            "source": ILLUSTRATIVE})
    ensure_record(ForeignEnterprise, province, user,
                  {"name": "Công ty TNHH Thương mại Vân Nam (minh họa)"}, {
                      "kind": ForeignEnterprise.Kind.FDI, "country_id": "CN",
                      "registered_on": dt.date(2018, 4, 2), "activity": "Chế biến nông sản",
                      "registered_capital": Decimal("2500000"), "currency_id": "USD",
                      "employees": 45, "notes": ILLUSTRATIVE})

import datetime as dt
from decimal import Decimal

from doingoai.trade import indicators
from doingoai.trade.tests.factories import make_flow

YEAR = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_export_and_import_values_of_the_period_are_summed_in_usd(ha_giang):
    make_flow(ha_giang, value=Decimal("100.25"))
    make_flow(ha_giang, value=Decimal("50"), period_start=dt.date(2023, 4, 1),
              period_end=dt.date(2023, 4, 30))
    make_flow(ha_giang, direction="import", value=Decimal("20"))
    make_flow(ha_giang, value=Decimal("999"), period_start=dt.date(2022, 1, 1),
              period_end=dt.date(2022, 12, 31))
    exports = indicators.exports([ha_giang.pk], *YEAR)
    assert (exports.value, exports.unit) == (Decimal("150.25"), "USD")
    assert indicators.imports([ha_giang.pk], *YEAR).value == Decimal("20")

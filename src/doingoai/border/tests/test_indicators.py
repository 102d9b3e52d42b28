import datetime as dt

from doingoai.border import indicators
from doingoai.border.tests.factories import make_incident


def test_border_incidents_of_the_period_are_counted(ha_giang):
    make_incident(ha_giang, occurred_on=dt.date(2023, 8, 14))
    make_incident(ha_giang, occurred_on=dt.date(2024, 1, 2))
    value = indicators.incidents([ha_giang.pk], dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert value.value == 1

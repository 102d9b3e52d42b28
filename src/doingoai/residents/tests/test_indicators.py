import datetime as dt

from doingoai.residents import indicators
from doingoai.residents.tests.factories import make_foreigner


def test_foreigners_resident_at_the_periods_end_are_counted(ha_giang):
    make_foreigner(ha_giang, arrived_on=dt.date(2023, 1, 1))
    make_foreigner(ha_giang, arrived_on=dt.date(2023, 1, 1), left_on=dt.date(2023, 6, 1))
    value = indicators.foreigners_resident([ha_giang.pk], dt.date(2023, 1, 1),
                                           dt.date(2023, 12, 31))
    assert value.value == 1

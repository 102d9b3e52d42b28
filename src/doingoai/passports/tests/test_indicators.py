import datetime as dt

from doingoai.passports import indicators
from doingoai.passports.tests.factories import make_handout, make_outgoing_delegation

MARCH = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


def test_passports_handed_out_and_overdue_at_the_periods_end(ha_giang):
    make_handout(ha_giang, delegation=make_outgoing_delegation(
        ha_giang, returns_on=dt.date(2024, 3, 8)))
    make_handout(ha_giang, returned_on=dt.date(2024, 3, 12))
    units = [ha_giang.pk]
    assert indicators.handed_out(units, *MARCH).value == 2
    assert indicators.overdue_at_end(units, *MARCH).value == 1

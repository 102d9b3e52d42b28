import datetime as dt

from doingoai.consular import indicators
from doingoai.consular.tests.factories import make_case

YEAR = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_cases_opened_and_closed_in_the_period_are_counted(ha_giang, bac_kan):
    make_case(ha_giang, opened_on=dt.date(2023, 2, 1), status="closed",
              closed_on=dt.date(2023, 5, 1))
    make_case(ha_giang, opened_on=dt.date(2023, 11, 1))
    make_case(ha_giang, opened_on=dt.date(2022, 11, 1))
    make_case(bac_kan, opened_on=dt.date(2023, 3, 1))
    units = [ha_giang.pk]
    assert indicators.cases_opened(units, *YEAR).value == 2
    assert indicators.cases_closed(units, *YEAR).value == 1
    assert indicators.cases_open_at_end(units, *YEAR).value == 2
    assert indicators.persons_assisted(units, *YEAR).value == 2

from decimal import Decimal

import pytest

from doingoai.lib.periods import parse_period
from doingoai.reports.computations import COMPUTATIONS, compute
from doingoai.reports.tests.records import EXPECTED_2023, make_records


def test_every_computable_indicator_has_an_expected_value_in_the_fixture():
    assert set(EXPECTED_2023) == set(COMPUTATIONS)


def test_every_computation_is_an_indicator_of_the_catalogue(db):
    from doingoai.figures.models import Indicator

    assert set(COMPUTATIONS) <= set(Indicator.objects.values_list("code", flat=True))


def test_reported_only_indicators_have_no_computation():
    for code in ("economy.grdp_growth", "tourism.visitors", "geography.border_length_km",
                 "ngo.amount_total"):
        assert code not in COMPUTATIONS


@pytest.mark.parametrize("code", sorted(EXPECTED_2023))
def test_each_indicator_is_computed_from_the_records(code, ha_giang):
    make_records(ha_giang)
    period = parse_period("2023")
    computed = compute(code, [ha_giang.pk], period.start, period.end)
    value, of = EXPECTED_2023[code]
    assert computed.value == Decimal(value)
    assert computed.of == (None if of is None else Decimal(of))


def test_records_of_another_province_are_not_counted(ha_giang, bac_kan):
    make_records(ha_giang)
    period = parse_period("2023")
    assert compute("delegations.outgoing", [bac_kan.pk], period.start, period.end).value == 0


def test_a_deleted_record_is_not_counted(ha_giang):
    from doingoai.delegations.models import Delegation

    make_records(ha_giang)
    Delegation.objects.filter(departs_on__year=2023, direction="outgoing",
                              status="back").first().soft_delete()
    period = parse_period("2023")
    assert compute("delegations.outgoing", [ha_giang.pk], period.start, period.end).value == 1

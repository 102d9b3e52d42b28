"""Issue 12 §4: a record's commune or district is one in force on the record's date. Forms
offer those only (a new record: today's, not the old and the new communes mixed); a unit
abolished before the record's date is refused with a clear message, whatever the form
offered (an import, the API, an edit that moved the date)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from doingoai.core.models import AdminUnit
from doingoai.friendship.models import FriendshipPact

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def xin_cai(ha_giang):
    """A border commune of Hà Giang, merged into Xã Sơn Vĩ on 1 July 2025."""
    return AdminUnit.objects.get(generation="legacy", level="commune", name="Xín Cái",
                                 province=ha_giang)


def pact(owner, unit, signed_on):
    return FriendshipPact(owner=owner, kind="border_commune", title="Kết nghĩa",
                          our_side=unit.full_name, our_unit=unit, counterpart="Trấn đối diện",
                          country_id="CN", signed_on=signed_on)


def offered(client, url):
    return set(client.get(url).context["form"].fields["our_unit"].queryset)


def test_a_new_records_form_offers_todays_communes_and_not_the_abolished_ones(
        client, tq_specialist, xin_cai):
    client.force_login(tq_specialist)
    units = offered(client, "/friendship/pacts/new/")
    assert xin_cai.successor in units
    assert xin_cai not in units
    assert all(u.valid_to is None for u in units if u.level != "province")


def test_an_old_records_form_offers_the_communes_in_force_on_its_date(
        client, tq_specialist, ha_giang, xin_cai):
    record = pact(ha_giang, xin_cai, dt.date(2014, 3, 12))
    record.save()
    sung_tra = AdminUnit.objects.get(generation="legacy", level="commune", name="Sủng Trà",
                                     province=ha_giang)
    client.force_login(tq_specialist)
    units = offered(client, f"/friendship/pacts/{record.pk}/edit/")
    assert {xin_cai, sung_tra} <= units


def test_a_commune_abolished_before_the_records_date_is_refused_saying_so(ha_giang, xin_cai):
    pact(ha_giang, xin_cai, dt.date(2014, 3, 12)).full_clean()  # in force then
    with pytest.raises(ValidationError) as refused:
        pact(ha_giang, xin_cai, dt.date(2026, 1, 5)).full_clean()
    message = " ".join(refused.value.message_dict["our_unit"])
    assert "Xã Xín Cái did not exist on 05/01/2026" in message
    assert "30/06/2025" in message

"""The aid programme pages: money as transactions in their own currency, date rules."""

from decimal import Decimal

from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.aid.pages import programmes
from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data, vi


def _transactions(*rows):
    data = {"inline0-TOTAL_FORMS": str(len(rows)), "inline0-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        for name, value in row.items():
            data[f"inline0-{number}-{name}"] = value
    return data


def test_a_programme_is_created_with_its_commitment_and_disbursement(hg_client, ha_giang):
    data = {**valid_form_data(programmes, ha_giang), **_transactions(
        {"kind": "commitment", "on": "2019-01-15", "amount": "250000", "currency": "USD"},
        {"kind": "disbursement", "on": "2019-06-01", "amount": "1500000000", "currency": "VND"},
    )}

    response = hg_client.post(programmes.reverse("create"), data)

    assert response.status_code == 302
    programme = AidProgramme.objects.get()
    rows = list(programme.transactions.order_by("on").values_list("kind", "amount", "currency"))
    assert rows == [("commitment", Decimal("250000.00"), "USD"),
                    ("disbursement", Decimal("1500000000.00"), "VND")]


def test_a_transaction_without_an_amount_is_refused_and_nothing_is_saved(hg_client, ha_giang):
    data = {**valid_form_data(programmes, ha_giang), **_transactions(
        {"kind": "commitment", "on": "2019-01-15", "amount": "", "currency": "USD"},
    )}
    response = hg_client.post(programmes.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not AidProgramme.all_objects.exists()
    assert not AidTransaction.objects.exists()


def test_a_programme_cannot_end_before_it_starts(hg_client, ha_giang):
    data = {**valid_form_data(programmes, ha_giang), "starts_on": "2021-01-01",
            "ends_on": "2019-12-31"}
    response = hg_client.post(programmes.reverse("create"), data)
    assert response.status_code == 400
    assert vi("A programme cannot end before it starts.") in response.content.decode()
    assert not AidProgramme.all_objects.exists()


def test_a_programme_cannot_name_another_provinces_donor(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="KOICA", kind="government")
    data = {**valid_form_data(programmes, ha_giang), "donors": [str(theirs.pk)]}
    response = hg_client.post(programmes.reverse("create"), data)
    assert response.status_code == 400
    assert "donors" in response.context["form"].errors
    assert not AidProgramme.all_objects.exists()

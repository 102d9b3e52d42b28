"""Passports handed out for an outgoing delegation: the return deadline from the dated rule
(5 working days after re-entry, QĐ 58/2012/QĐ-TTg) and overdue returns."""

import datetime as dt

from doingoai.passports.models import PassportHandout
from doingoai.passports.pages import handouts
from doingoai.passports.tests.factories import (
    make_handout,
    make_outgoing_delegation,
    make_passport,
)


def test_the_deadline_is_five_working_days_after_the_return_by_the_rule(ha_giang):
    # Back on Friday 8/3/2024: five working days later is Friday 15/3/2024.
    handout = make_handout(ha_giang, delegation=make_outgoing_delegation(
        ha_giang, returns_on=dt.date(2024, 3, 8)))
    assert handout.return_due_on == dt.date(2024, 3, 15)
    assert handout.return_rule.document.number == "58/2012/QĐ-TTg"


def test_the_actual_reentry_date_moves_the_deadline(ha_giang):
    handout = make_handout(ha_giang, delegation=make_outgoing_delegation(
        ha_giang, returns_on=dt.date(2024, 3, 8)), reentered_on=dt.date(2024, 3, 11))
    assert handout.return_due_on == dt.date(2024, 3, 18)


def test_a_passport_not_back_after_the_deadline_is_overdue(ha_giang):
    late = make_handout(ha_giang, delegation=make_outgoing_delegation(
        ha_giang, returns_on=dt.date(2024, 3, 8)))
    returned = make_handout(ha_giang, returned_on=dt.date(2024, 3, 12))
    overdue = PassportHandout.objects.overdue(today=dt.date(2024, 3, 18))
    assert list(overdue) == [late]
    assert returned not in PassportHandout.objects.overdue(today=dt.date(2030, 1, 1))
    assert not PassportHandout.objects.overdue(today=dt.date(2024, 3, 15)).exists()


def test_the_overdue_handout_page_names_the_rule(client, hg_specialist, ha_giang):
    handout = make_handout(ha_giang)
    client.force_login(hg_specialist)
    page = client.get(handouts.reverse("detail", handout.pk)).content.decode()
    assert "58/2012/QĐ-TTg" in page
    assert 'role="alert"' in page


def test_a_passport_cannot_be_handed_out_for_an_incoming_delegation(
    client, hg_specialist, ha_giang
):
    client.force_login(hg_specialist)
    incoming = make_outgoing_delegation(ha_giang, direction="incoming")
    # The field's limit_choices_to survives the narrowing to the user's province.
    assert f'value="{incoming.pk}"' not in client.get(handouts.reverse("create")).content.decode()
    data = {"passport": make_passport(ha_giang).pk, "delegation": incoming.pk,
            "handed_out_on": "2024-03-01"}
    assert client.post(handouts.reverse("create"), data).status_code == 400
    assert not PassportHandout.objects.exists()


def test_another_provinces_delegation_cannot_be_chosen(client, hg_specialist, ha_giang, bac_kan):
    client.force_login(hg_specialist)
    theirs = make_outgoing_delegation(bac_kan)
    form = client.get(handouts.reverse("create")).content.decode()
    assert f'value="{theirs.pk}"' not in form
    data = {"passport": make_passport(ha_giang).pk, "delegation": theirs.pk,
            "handed_out_on": "2024-03-01"}
    assert client.post(handouts.reverse("create"), data).status_code == 400
    assert not PassportHandout.objects.exists()

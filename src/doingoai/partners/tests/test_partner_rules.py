"""A partner's parents and its relations must make sense (item 9 of issue 10): no parent
cycle (Moriya ⊂ Ibaraki ⊂ Moriya), no parent in another country, no relation that ends
before it starts; on the page, in the admin, in the import and in the database."""

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from doingoai.core.spreadsheets import option_label
from doingoai.core.tests.factories import inline_data, make_partner, valid_form_data
from doingoai.core.tests.test_spreadsheets import filled, upload
from doingoai.partners.models import Partner, PartnerRelation
from doingoai.partners.pages import partners
from doingoai.testing import client_for

importlib.import_module(settings.ROOT_URLCONF)


def edit_data(partner, **changes):
    data = {**valid_form_data(partners, partner.owner), "name_vi": partner.name_vi,
            "country": partner.country_id or "", **inline_data(partners, instance=partner),
            "version": str(partner.version), **changes}
    return data


def test_a_partner_cannot_be_made_part_of_its_own_part(hg_client, ha_giang):
    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", country_id="JP")
    moriya = make_partner(ha_giang, name_vi="Thành phố Moriya", country_id="JP", parent=ibaraki)

    response = hg_client.post(partners.reverse("edit", ibaraki.pk),
                              edit_data(ibaraki, parent=str(moriya.pk)))

    assert response.status_code == 400
    [message] = response.context["form"].errors["parent"]
    assert "Thành phố Moriya" in message and "Tỉnh Ibaraki" in message
    ibaraki.refresh_from_db()
    assert ibaraki.parent is None


def test_a_partner_cannot_be_its_own_parent(hg_client, ha_giang):
    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", country_id="JP")
    response = hg_client.post(partners.reverse("edit", ibaraki.pk),
                              edit_data(ibaraki, parent=str(ibaraki.pk)))
    assert response.status_code == 400
    assert "parent" in response.context["form"].errors


def test_a_partner_cannot_be_part_of_a_partner_in_another_country(hg_client, ha_giang):
    yunnan = make_partner(ha_giang, name_vi="Tỉnh Vân Nam", country_id="CN")
    data = {**valid_form_data(partners, ha_giang), "name_vi": "Thành phố Moriya",
            "country": "JP", "parent": str(yunnan.pk)}

    response = hg_client.post(partners.reverse("create"), data)

    assert response.status_code == 400
    [message] = response.context["form"].errors["parent"]
    assert "Tỉnh Vân Nam" in message and "Trung Quốc" in message
    assert not Partner.objects.filter(name_vi="Thành phố Moriya").exists()


def test_a_partner_whose_parts_are_in_its_country_cannot_move_to_another(hg_client, ha_giang):
    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", country_id="JP")
    make_partner(ha_giang, name_vi="Thành phố Moriya", country_id="JP", parent=ibaraki)
    response = hg_client.post(partners.reverse("edit", ibaraki.pk),
                              edit_data(ibaraki, country="CN"))
    assert response.status_code == 400
    assert "Thành phố Moriya" in response.context["form"].errors["country"][0]


def test_a_part_of_a_partner_in_the_same_country_or_of_an_organisation_is_saved(
    hg_client, ha_giang
):
    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", country_id="JP")
    un = make_partner(ha_giang, name_vi="Liên hợp quốc", kind="intl_org", country_id=None)
    for name, parent in (("Thành phố Moriya", ibaraki), ("UNDP Nhật Bản", un)):
        data = {**valid_form_data(partners, ha_giang), "name_vi": name, "country": "JP",
                "parent": str(parent.pk)}
        assert hg_client.post(partners.reverse("create"), data).status_code == 302
    assert Partner.objects.get(name_vi="Thành phố Moriya").parent == ibaraki


def test_a_relation_that_ends_before_it_starts_is_refused_and_nothing_is_saved(
    hg_client, ha_giang
):
    data = {**valid_form_data(partners, ha_giang),
            "inline0-TOTAL_FORMS": "1", "inline0-INITIAL_FORMS": "0",
            "inline0-0-kind": "friendship", "inline0-0-started_on": "2020-05-12",
            "inline0-0-ended_on": "2018-01-01"}

    response = hg_client.post(partners.reverse("create"), data)

    assert response.status_code == 400
    assert "12/05/2020" in response.content.decode()
    assert not Partner.all_objects.exists()
    assert not PartnerRelation.objects.exists()


def test_the_database_refuses_a_relation_that_ends_before_it_starts(ha_giang):
    partner = make_partner(ha_giang)
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerRelation.objects.create(partner=partner, kind="friendship",
                                       started_on=dt.date(2020, 5, 12),
                                       ended_on=dt.date(2018, 1, 1))


def test_the_admin_refuses_a_parent_cycle_and_a_relation_ending_before_it_starts(
    admin_client, ha_giang
):
    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", country_id="JP")
    moriya = make_partner(ha_giang, name_vi="Thành phố Moriya", country_id="JP", parent=ibaraki)
    prefix = "relations"
    data = {"owner": ha_giang.pk, "kind": "locality", "name_vi": "Tỉnh Ibaraki",
            "country": "JP", "parent": moriya.pk,
            f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-kind": "friendship", f"{prefix}-0-started_on": "2020-05-12",
            f"{prefix}-0-ended_on": "2018-01-01"}

    response = admin_client.post(reverse("admin:partners_partner_change", args=[ibaraki.pk]),
                                 data)

    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    [formset] = response.context["inline_admin_formsets"]
    assert "ended_on" in formset.formset.forms[0].errors
    ibaraki.refresh_from_db()
    assert ibaraki.parent is None and not PartnerRelation.objects.exists()


def test_an_import_refuses_a_partner_in_another_country_than_its_parent(
    client, hg_specialist, ha_giang
):
    yunnan = make_partner(ha_giang, name_vi="Tỉnh Vân Nam", country_id="CN")
    client_for(client, hg_specialist)
    file = filled(client, partners, [{"kind": "locality", "name_vi": "Thành phố Moriya",
                                      "country": "JP", "parent": option_label(yunnan)}])
    response = upload(client, partners, file)
    assert response.status_code == 400
    assert [line for line, _reason in response.context["bad_rows"]] == [2]
    assert not Partner.objects.filter(name_vi="Thành phố Moriya").exists()

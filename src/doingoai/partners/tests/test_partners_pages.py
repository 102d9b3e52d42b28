"""The partner register's pages: creating, validating and scoping choices."""

from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data
from doingoai.partners.models import Partner, PartnerRelation
from doingoai.partners.pages import partners


def test_a_partner_is_created_with_its_relations_with_the_province(hg_client, ha_giang):
    data = {**valid_form_data(partners, ha_giang),
            "inline0-TOTAL_FORMS": "1", "inline0-INITIAL_FORMS": "0",
            "inline0-0-kind": "friendship", "inline0-0-started_on": "2017-05-12",
            "inline0-0-description": "Biên bản ghi nhớ hợp tác"}

    response = hg_client.post(partners.reverse("create"), data)

    assert response.status_code == 302
    partner = Partner.objects.get(name_vi="Tỉnh Vân Nam")
    assert partner.owner == ha_giang
    assert partner.relations.get().kind == "friendship"


def test_a_partner_without_a_name_is_refused_in_vietnamese_and_nothing_is_saved(hg_client,
                                                                                  ha_giang):
    data = {**valid_form_data(partners, ha_giang), "name_vi": ""}
    response = hg_client.post(partners.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not Partner.all_objects.exists()
    assert not PartnerRelation.objects.exists()


def test_a_partner_cannot_be_part_of_another_provinces_partner(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="Quận Gangnam")
    data = {**valid_form_data(partners, ha_giang), "parent": str(theirs.pk)}

    response = hg_client.post(partners.reverse("create"), data)

    assert response.status_code == 400
    assert "parent" in response.context["form"].errors
    assert "Quận Gangnam" not in response.content.decode()
    assert Partner.all_objects.count() == 1


def test_the_create_form_offers_only_the_provinces_own_partners(hg_client, ha_giang, bac_kan):
    ours = make_partner(ha_giang, name_vi="Tỉnh Ibaraki")
    make_partner(bac_kan, name_vi="Quận Gangnam")
    content = hg_client.get(partners.reverse("create")).content.decode()
    assert f'value="{ours.pk}"' in content
    assert "Quận Gangnam" not in content

"""The friendship pact and association pages."""

from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact
from doingoai.friendship.pages import associations, pacts


def test_a_border_commune_pact_is_created_through_its_page(hg_client, ha_giang):
    response = hg_client.post(pacts.reverse("create"), valid_form_data(pacts, ha_giang))
    assert response.status_code == 302
    pact = FriendshipPact.objects.get()
    assert (pact.owner, pact.country_id) == (ha_giang, "CN")


def test_an_association_is_created_with_its_countries(hg_client, ha_giang):
    data = {**valid_form_data(associations, ha_giang), "countries": ["JP", "KR"]}
    response = hg_client.post(associations.reverse("create"), data)
    assert response.status_code == 302
    association = FriendshipAssociation.objects.get()
    assert sorted(association.countries.values_list("code", flat=True)) == ["JP", "KR"]


def test_an_association_without_countries_is_refused_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(associations, ha_giang), "countries": []}
    response = hg_client.post(associations.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not FriendshipAssociation.all_objects.exists()


def test_a_pact_cannot_point_to_another_provinces_partner(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="Thị trấn Long Bang")
    data = {**valid_form_data(pacts, ha_giang), "counterpart_partner": str(theirs.pk)}
    response = hg_client.post(pacts.reverse("create"), data)
    assert response.status_code == 400
    assert "counterpart_partner" in response.context["form"].errors
    assert not FriendshipPact.all_objects.exists()

"""The delegation pages: members on the same form, the return after the departure."""

from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data, vi
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.delegations.pages import delegations


def _members(*rows):
    data = {"inline0-TOTAL_FORMS": str(len(rows)), "inline0-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        for name, value in row.items():
            data[f"inline0-{number}-{name}"] = value
    return data


def test_a_delegation_is_created_with_its_members(hg_client, ha_giang):
    data = {**valid_form_data(delegations, ha_giang), **_members(
        {"name": "Nguyễn Văn A", "title": "Phó Chủ tịch UBND tỉnh", "role": "head",
         "passport_type": "official"},
        {"name": "Trần Thị B", "title": "Chuyên viên", "role": "member"},
    )}

    response = hg_client.post(delegations.reverse("create"), data)

    assert response.status_code == 302
    delegation = Delegation.objects.get()
    assert delegation.owner == ha_giang
    assert list(delegation.members.values_list("name", flat=True)) == [
        "Nguyễn Văn A", "Trần Thị B"]
    assert list(delegation.countries.values_list("code", flat=True)) == ["JP"]


def test_a_delegation_cannot_return_before_it_departs(hg_client, ha_giang):
    data = {**valid_form_data(delegations, ha_giang), "departs_on": "2024-03-09",
            "returns_on": "2024-03-04", **_members({"name": "Nguyễn Văn A", "role": "head"})}
    response = hg_client.post(delegations.reverse("create"), data)
    assert response.status_code == 400
    assert vi("The return cannot be before the departure.") in response.content.decode()
    assert not Delegation.all_objects.exists()
    assert not DelegationMember.objects.exists()


def test_a_delegation_without_a_purpose_is_refused_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(delegations, ha_giang), "purpose": ""}
    response = hg_client.post(delegations.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not Delegation.all_objects.exists()


def test_a_delegation_cannot_name_another_provinces_partner(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="Quận Gangnam")
    data = {**valid_form_data(delegations, ha_giang), "partners": [str(theirs.pk)]}
    response = hg_client.post(delegations.reverse("create"), data)
    assert response.status_code == 400
    assert "partners" in response.context["form"].errors
    assert not Delegation.all_objects.exists()


def test_a_delegation_cannot_visit_a_place_of_another_province(hg_client, ha_giang, bac_kan):
    data = {**valid_form_data(delegations, ha_giang), "places": [str(bac_kan.pk)]}
    response = hg_client.post(delegations.reverse("create"), data)
    assert response.status_code == 400
    assert "places" in response.context["form"].errors

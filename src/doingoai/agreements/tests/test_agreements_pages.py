"""The agreement pages: creating one with its partners, date rules, scoped partners."""

from doingoai.agreements.models import Agreement, ImplementationNote
from doingoai.agreements.pages import agreements
from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data, vi


def test_an_agreement_is_created_with_its_partners_and_implementation_notes(hg_client,
                                                                             ha_giang):
    data = {**valid_form_data(agreements, ha_giang),
            "inline0-TOTAL_FORMS": "2", "inline0-INITIAL_FORMS": "0",
            "inline0-0-year": "2018", "inline0-0-text": "Trao đổi đoàn",
            "inline0-1-year": "2019", "inline0-1-text": "Hội chợ thương mại"}

    response = hg_client.post(agreements.reverse("create"), data)

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.owner == ha_giang
    assert agreement.partners.count() == 1
    assert list(agreement.notes.values_list("year", flat=True)) == [2018, 2019]


def test_an_agreement_without_a_title_is_refused_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(agreements, ha_giang), "title": ""}
    response = hg_client.post(agreements.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not Agreement.all_objects.exists()


def test_an_agreement_cannot_expire_before_it_is_signed(hg_client, ha_giang):
    data = {**valid_form_data(agreements, ha_giang), "signed_on": "2017-05-12",
            "expires_on": "2016-01-01"}
    response = hg_client.post(agreements.reverse("create"), data)
    assert response.status_code == 400
    assert vi("An agreement cannot expire before it is signed.") in response.content.decode()
    assert not Agreement.all_objects.exists()


def test_an_agreement_cannot_name_another_provinces_partner(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="Quận Gangnam")
    data = {**valid_form_data(agreements, ha_giang), "partners": [str(theirs.pk)]}

    response = hg_client.post(agreements.reverse("create"), data)

    assert response.status_code == 400
    assert "partners" in response.context["form"].errors
    assert not Agreement.all_objects.exists()
    assert not ImplementationNote.objects.exists()

"""Two people editing the same record: the second save is refused, not silently lost."""

from django.utils.translation import override

from doingoai.core.records import stale_message
from doingoai.core.tests.factories import make_partner
from doingoai.partners.models import Partner
from doingoai.partners.pages import partners


def _edit(client, partner, version, name_en):
    return client.post(partners.reverse("edit", partner.pk), {
        "kind": partner.kind, "name_vi": partner.name_vi, "name_en": name_en,
        "country": partner.country_id, "version": str(version),
        "inline0-TOTAL_FORMS": "0", "inline0-INITIAL_FORMS": "0",
    })


def test_the_second_of_two_edits_from_the_same_version_is_refused_with_409(
    client, hg_specialist, hg_leader, ha_giang
):
    partner = make_partner(ha_giang, name_en="Yunnan")
    version = partner.version

    client.force_login(hg_specialist)
    assert _edit(client, partner, version, "Yunnan Province").status_code == 302
    client.force_login(hg_leader)
    response = _edit(client, partner, version, "Yunnan, China")

    assert response.status_code == 409
    with override("vi"):
        assert stale_message() in response.content.decode().replace("&#x27;", "'")
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.name_en == "Yunnan Province"
    assert partner.version == version + 1


def test_an_edit_without_a_version_is_refused_as_stale(hg_client, ha_giang):
    partner = make_partner(ha_giang, name_en="Yunnan")
    response = hg_client.post(partners.reverse("edit", partner.pk), {
        "kind": partner.kind, "name_vi": partner.name_vi, "name_en": "Changed",
        "inline0-TOTAL_FORMS": "0", "inline0-INITIAL_FORMS": "0",
    })
    assert response.status_code == 409
    assert Partner.objects.get(pk=partner.pk).name_en == "Yunnan"


def test_an_invalid_edit_is_a_400_not_a_conflict(hg_client, ha_giang):
    partner = make_partner(ha_giang, name_en="Yunnan")
    response = hg_client.post(partners.reverse("edit", partner.pk), {
        "kind": partner.kind, "name_vi": "", "name_en": "Changed",
        "version": str(partner.version), "inline0-TOTAL_FORMS": "0", "inline0-INITIAL_FORMS": "0",
    })
    assert response.status_code == 400
    assert Partner.objects.get(pk=partner.pk).name_en == "Yunnan"

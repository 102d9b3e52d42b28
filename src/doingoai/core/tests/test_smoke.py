from django.urls import reverse

from doingoai.partners.models import Partner


def test_a_specialist_creates_a_partner_and_finds_it_without_diacritics(hg_client, ha_giang):
    response = hg_client.post(reverse("partners:partner-create"), {
        "kind": "locality", "name_vi": "Tỉnh Vân Nam", "name_en": "Yunnan", "country": "CN",
        "inline0-TOTAL_FORMS": "0", "inline0-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    partner = Partner.objects.get()
    assert partner.owner == ha_giang
    page = hg_client.get(reverse("partners:partner-list"), {"q": "van nam"})
    assert "Tỉnh Vân Nam" in page.content.decode()
    detail = hg_client.get(reverse("partners:partner-detail", args=[partner.pk]))
    assert detail.status_code == 200


def test_another_province_cannot_open_the_partner(client, hg_specialist, bk_specialist, ha_giang):
    partner = Partner.objects.create(owner=ha_giang, kind="ngo", name_vi="ChildFund")
    client.force_login(bk_specialist)
    for name in ("partner-detail", "partner-edit", "partner-delete"):
        response = client.get(reverse(f"partners:{name}", args=[partner.pk]))
        assert response.status_code == 404

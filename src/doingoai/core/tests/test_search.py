"""Search ignores diacritics and case ("ha giang" finds "Hà Giang"), whatever the
Unicode normalisation of what is typed."""

import unicodedata

import pytest

from doingoai.core.tests.factories import make_partner
from doingoai.partners.models import Partner
from doingoai.partners.pages import partners


@pytest.mark.parametrize("query", [
    "ha giang", "HA GIANG", "Hà Giang", "hà giang", "tinh ha giang",
    unicodedata.normalize("NFD", "Hà Giang"), "  ha   giang ", "giang ha",
])
def test_search_finds_a_partner_whatever_the_diacritics_case_and_normalisation(
    hg_client, ha_giang, query
):
    partner = make_partner(ha_giang, name_vi="Tỉnh Hà Giang (đối tác thử)")
    make_partner(ha_giang, name_vi="Tỉnh Vân Nam")

    response = hg_client.get(partners.reverse("list"), {"q": query})

    content = response.content.decode()
    assert partners.reverse("detail", partner.pk) in content
    assert "Tỉnh Vân Nam" not in content


def test_the_letter_d_with_stroke_is_found_as_d(ha_giang):
    partner = make_partner(ha_giang, name_vi="Huyện Đồng Văn")
    assert list(Partner.objects.search("dong van")) == [partner]
    assert list(Partner.objects.search("ĐỒNG VĂN")) == [partner]


def test_search_finds_nothing_for_a_word_that_is_not_there(ha_giang):
    make_partner(ha_giang, name_vi="Tỉnh Hà Giang")
    assert not Partner.objects.search("ha noi").exists()


def test_search_does_not_reach_another_provinces_records(client, bk_specialist, ha_giang):
    partner = make_partner(ha_giang, name_vi="Tỉnh Hà Giang (đối tác thử)")
    client.force_login(bk_specialist)
    content = client.get(partners.reverse("list"), {"q": "ha giang"}).content.decode()
    assert partners.reverse("detail", partner.pk) not in content

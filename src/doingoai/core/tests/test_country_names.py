"""Countries carry the names the Ministry of Foreign Affairs of Viet Nam writes, short in lists
and full where the official name is meant, for every ISO 3166-1 code, on a new database and
on one migrated from the generic catalogue's names."""

import re
import unicodedata

import pycountry
import pytest
from django.urls import reverse

from doingoai.core import reference
from doingoai.core.models import Country

# Literal: the short name lists show, the full official name, the English short name.
EXPECTED = {
    "AF": ("Áp-ga-ni-xtan", "Cộng hòa Hồi giáo Áp-ga-ni-xtan", "Afghanistan"),
    "AU": ("Ô-xtrây-li-a", "Thịnh vượng chung Ô-xtrây-li-a", "Australia"),
    "AZ": ("A-déc-bai-gian", "Cộng hòa A-déc-bai-gian", "Azerbaijan"),
    "BD": ("Băng-la-đét", "Cộng hòa Nhân dân Băng-la-đét", "Bangladesh"),
    "CN": ("Trung Quốc", "Cộng hòa Nhân dân Trung Hoa", "China"),
    "GB": ("Anh", "Vương quốc Liên hiệp Anh và Bắc Ai-len", "United Kingdom"),
    "IR": ("I-ran", "Cộng hòa Hồi giáo I-ran", "Iran"),
    "IS": ("Ai-xơ-len", "Cộng hòa Ai-xơ-len", "Iceland"),
    "JP": ("Nhật Bản", "Nhật Bản", "Japan"),
    "KH": ("Cam-pu-chia", "Vương quốc Cam-pu-chia", "Cambodia"),
    "KP": ("Triều Tiên", "Cộng hòa Dân chủ Nhân dân Triều Tiên", "North Korea"),
    "KR": ("Hàn Quốc", "Đại Hàn Dân Quốc", "South Korea"),
    "KW": ("Cô-oét", "Nhà nước Cô-oét", "Kuwait"),
    "KZ": ("Ca-dắc-xtan", "Cộng hòa Ca-dắc-xtan", "Kazakhstan"),
    "LA": ("Lào", "Cộng hòa Dân chủ Nhân dân Lào", "Laos"),
    "LK": ("Xri Lan-ca", "Cộng hòa Xã hội chủ nghĩa Dân chủ Xri Lan-ca", "Sri Lanka"),
    "NZ": ("Niu Di-lân", "Niu Di-lân", "New Zealand"),
    "QA": ("Ca-ta", "Nhà nước Ca-ta", "Qatar"),
    "RU": ("Liên bang Nga", "Liên bang Nga", "Russia"),
    "TR": ("Thổ Nhĩ Kỳ", "Cộng hòa Thổ Nhĩ Kỳ", "Türkiye"),
    "US": ("Hoa Kỳ", "Hợp chúng quốc Hoa Kỳ", "United States"),
    "VN": ("Việt Nam", "Cộng hòa Xã hội chủ nghĩa Việt Nam", "Viet Nam"),
}

# What the generic catalogue (pycountry's Vietnamese translation) wrote and no Vietnamese
# office writes.
GENERIC_CATALOGUE_FORMS = [
    "Ai-xợ-bai-gianh", "Bang-la-đesợ", "Ca-tă", "Cu-ouai-thợ", "Kha-xa-kh-x-thanh",
    "Ba Tư", "Băng Đảo", "Tích Lan", "A Phú Hãn", "Türkiye", "Czechia", "Eswatini",
    "North Macedonia", "Cabo Verde", "Saint Barthélemy", "Palestine, quốc gia", "Úc",
    "Căm Bốt", "Nam Hàn", "Bắc Hàn", "Miến Điện", "Nam Dương", "Do Thái", "Ái Nhĩ Lan",
    "Lục Xâm Bảo", "Hoà Lan", "Cộng hoà", "Thuỵ", "Nước Cộng Hoà", "Đài Loan, Tỉnh",
]

# Vietnamese has no f, j, w or z, and no transcription ends a syllable on the catalogue's "ợ"
# that stands for a lone consonant ("Ba-rainh-xợ", "Cu-ouai-thợ"): such a name was copied
# or spelled out, not transcribed.
FOREIGN_LETTERS = set("fjwzFJWZ")
LONE_CONSONANT = re.compile(r"ợ(?=[-\s,)]|$)")


def test_every_iso_code_has_a_short_and_a_full_vietnamese_name(db):
    codes = {c.alpha_2 for c in pycountry.countries}
    assert len(codes) == 249
    assert set(reference.country_names()) == codes
    countries = Country.objects.all()
    assert {c.code for c in countries} == codes
    for country in countries:
        assert country.name_vi.strip() and country.full_name_vi.strip(), country.code
        assert country.name_en.strip(), country.code


def test_no_name_keeps_a_spelling_of_the_generic_catalogue(db):
    for country in Country.objects.all():
        for name in (country.name_vi, country.full_name_vi):
            for bad in GENERIC_CATALOGUE_FORMS:
                assert bad not in name, (country.code, name)
            assert not FOREIGN_LETTERS & set(name), (country.code, name)
            assert not LONE_CONSONANT.search(name), (country.code, name)
            assert name == unicodedata.normalize("NFC", name), country.code
            assert name != country.name_en, (country.code, name)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_a_country_has_the_ministrys_names(db, code):
    country = Country.objects.get(code=code)
    assert (country.name_vi, country.full_name_vi, country.name_en) == EXPECTED[code]


def test_the_short_name_is_what_lists_and_forms_show(db):
    assert str(Country.objects.get(code="LA")) == "Lào"


def test_migrating_a_database_with_the_catalogues_names_corrects_them(db):
    Country.objects.filter(code="AZ").update(name_vi="Ai-xợ-bai-gianh", full_name_vi="")
    Country.objects.filter(code="LK").update(name_vi="Tích Lan", name_en="Sri Lanka")
    Country.objects.filter(code="VA").delete()

    reference.load_countries(Country)

    assert Country.objects.get(code="AZ").name_vi == "A-déc-bai-gian"
    assert Country.objects.get(code="AZ").full_name_vi == "Cộng hòa A-déc-bai-gian"
    assert Country.objects.get(code="LK").name_vi == "Xri Lan-ca"
    assert Country.objects.get(code="VA").name_vi == "Tòa Thánh Va-ti-căng"
    assert reference.load_countries(Country) == 0  # run again, nothing changes


def test_the_reference_page_lists_every_country_with_its_full_official_name(hg_client):
    page = hg_client.get(reverse("core:reference")).content.decode()
    assert "<td>LA</td><td>Lào</td><td>Cộng hòa Dân chủ Nhân dân Lào</td><td>Laos</td>" in page
    assert "249 quốc gia (ISO 3166)." in page

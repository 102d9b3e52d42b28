"""The reference data the system ships with: Vietnam's administrative units before and
after the 2025 reform, countries with Vietnamese names, currencies."""

import datetime as dt

from doingoai.core.models import AdminUnit, Country, Currency


def test_there_are_63_provinces_before_the_reform_and_34_after_it(db):
    provinces = AdminUnit.objects.provinces()
    assert provinces.filter(generation="legacy").count() == 63
    assert provinces.filter(generation="2025").count() == 34


def test_ha_giang_was_merged_into_tuyen_quang_on_1_july_2025(ha_giang):
    assert ha_giang.code == "02"
    assert ha_giang.successor.name == "Tuyên Quang"
    assert ha_giang.successor.generation == "2025"
    assert ha_giang.valid_to == dt.date(2025, 6, 30)
    assert ha_giang.successor.valid_from == dt.date(2025, 7, 1)


def test_bac_kan_was_merged_into_thai_nguyen(bac_kan):
    assert bac_kan.successor.name == "Thái Nguyên"
    assert bac_kan.successor.generation == "2025"


def test_a_province_is_found_by_its_name_without_diacritics_or_by_its_code(ha_giang):
    assert ha_giang in AdminUnit.objects.provinces().find("ha giang")
    assert ha_giang in AdminUnit.objects.provinces().find("Tỉnh Hà Giang")
    assert ha_giang in AdminUnit.objects.provinces().filter(generation="legacy").find("02")
    assert not AdminUnit.objects.provinces().find("ha noi giang").exists()


def test_todays_tuyen_quang_rolls_up_ha_giang_and_old_tuyen_quang(ha_giang, tuyen_quang):
    rolled = set(AdminUnit.objects.rolling_up_to(tuyen_quang).filter(level="province"))
    assert ha_giang in rolled
    assert {unit.name for unit in rolled} == {"Hà Giang", "Tuyên Quang"}
    assert set(AdminUnit.objects.rolling_up_to(ha_giang)) == {ha_giang}


def test_legacy_communes_point_to_the_commune_that_took_them_over(ha_giang):
    communes = AdminUnit.objects.filter(level="commune", generation="legacy", province=ha_giang)
    assert communes.count() > 150
    assert not communes.filter(successor__isnull=True).exists()
    assert set(communes.values_list("successor__province__name", flat=True)) == {"Tuyên Quang"}
    dong_van = communes.get(full_name="Thị trấn Đồng Văn")
    assert dong_van.successor.generation == "2025"


def test_districts_were_abolished_on_1_july_2025(ha_giang):
    districts = AdminUnit.objects.filter(level="district", province=ha_giang)
    assert districts.count() == 11
    assert set(districts.values_list("valid_to", flat=True)) == {dt.date(2025, 6, 30)}
    assert not AdminUnit.objects.filter(level="district", generation="2025").exists()


def test_countries_have_vietnamese_and_english_names(db):
    assert Country.objects.get(code="CN").name_vi == "Trung Quốc"
    assert Country.objects.get(code="JP").name_vi == "Nhật Bản"
    assert Country.objects.get(code="JP").name_en == "Japan"
    assert Country.objects.get(code="KR").alpha3 == "KOR"
    assert Country.objects.count() >= 249


def test_currencies_include_the_dong_without_decimals(db):
    assert Currency.objects.get(code="VND").minor_unit == 0
    assert Currency.objects.get(code="JPY").minor_unit == 0
    assert Currency.objects.get(code="USD").minor_unit == 2
    assert Currency.objects.filter(code="EUR").exists()

"""Importing IATI activity files (issue 6, "IATI"): the real samples of IATI/IATI-Schemas,
hand-written 2.03 and 1.03 files about Hà Giang and Bắc Kạn, and hostile files."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from doingoai.aid.iati.importer import Importer
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.partners.models import Partner

# The assertions quote English messages; the Vietnamese ones are checked elsewhere.
pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"


def run(owner, *names, **options):
    importer = Importer(owner, **options)
    return importer.import_files([(name, DATA / name) for name in names])


def run_bytes(owner, content: bytes, **options):
    return Importer(owner, **options).import_file(io.BytesIO(content), "upload.xml")


def database_state():
    return (
        list(AidProgramme.all_objects.order_by("pk").values_list("pk", "title", "version")),
        list(AidTransaction.objects.order_by("pk").values_list("pk", "amount")),
        list(Partner.all_objects.order_by("pk").values_list("pk", "aliases")),
    )


# --- the real samples ------------------------------------------------------------------


def test_the_world_bank_sample_has_no_activity_for_vietnam(ha_giang):
    summary = run(ha_giang, "worldbank.xml")
    assert (summary.created, summary.updated, summary.skipped) == (0, 0, 16)
    assert summary.reasons == {"not for VN": 14, "no recipient country": 2}
    assert summary.errors == []
    assert not AidProgramme.objects.exists()


def test_the_world_bank_sample_imports_all_its_sixteen_activities_for_every_country(ha_giang):
    summary = run(ha_giang, "worldbank.xml", country="all")
    assert (summary.created, summary.updated, summary.skipped, summary.errors) == (16, 0, 0, [])
    assert AidProgramme.objects.owned_by(ha_giang).count() == 16
    programme = AidProgramme.objects.get(iati_identifier="World Bank-P084404")
    assert programme.title.startswith("Southern African Power Market Program")
    assert programme.kind == AidProgramme.Kind.ODA_LOAN
    assert [p.name_en for p in programme.donors.all()] == ["World Bank"]
    rows = list(programme.transactions.values_list("kind", "on", "amount", "currency"))
    assert rows == [
        ("commitment", dt.date(2007, 7, 17), Decimal("48000000.00"), "USD"),
        ("commitment", dt.date(2007, 7, 17), Decimal("45000000.00"), "USD"),
        ("disbursement", dt.date(2013, 6, 30), Decimal("0.00"), "USD"),
        ("disbursement", dt.date(2013, 6, 30), Decimal("1942087.50"), "USD"),
    ]
    # One World Bank partner for the sixteen activities, not sixteen.
    assert Partner.objects.filter(name_en="World Bank").count() == 1


def test_the_world_bank_sample_has_fourteen_activities_for_malawi_by_country_name(ha_giang):
    summary = run(ha_giang, "worldbank.xml", country="MW")
    assert (summary.created, summary.skipped) == (14, 2)
    assert summary.reasons == {"no recipient country": 2}


def test_the_other_samples_import_with_their_counts(ha_giang):
    summary = run(ha_giang, "IATIfromGF.xml", "undp_sample.xml", "worked-example.xml",
                  country="all")
    assert (summary.created, summary.updated, summary.skipped, summary.errors) == (9, 0, 0, [])
    fund = AidProgramme.objects.get(iati_identifier="Global Fund-MLW-102-G01-H-00")
    assert fund.status == AidProgramme.Status.UNDER_WAY
    assert (fund.starts_on, fund.ends_on) == (dt.date(2003, 10, 1), dt.date(2012, 3, 31))
    assert [s.code for s in fund.sectors.all()] == ["130"]
    assert fund.transactions.filter(kind="commitment").count() == 3
    assert fund.transactions.filter(kind="disbursement").count() == 7
    # UNDP's sample names Malawi by its alpha-3 code and reports only an expenditure.
    undp = AidProgramme.objects.get(iati_identifier="UNDP-00013616")
    assert undp.status == AidProgramme.Status.FINISHED
    assert list(undp.transactions.order_by("kind").values_list("kind", "on", "amount")) == [
        ("commitment", dt.date(2009, 1, 1), Decimal("502262.11")),
        ("disbursement", dt.date(2001, 1, 1), Decimal("6709.11")),
    ]
    assert run(ha_giang, "undp_sample.xml", country="MW").updated == 1


# --- Vietnam, 2.03 and 1.03 ------------------------------------------------------------


def test_a_2_03_file_keeps_only_the_activities_for_vietnam(ha_giang):
    summary = run(ha_giang, "vietnam-2.03.xml")
    assert (summary.created, summary.updated, summary.skipped) == (4, 0, 1)
    assert summary.reasons == {"not for VN": 1}
    assert len(summary.errors) == 1
    assert "JP-8-VN-HG-002" in summary.errors[0] and "1.000.000" in summary.errors[0]
    health = AidProgramme.objects.get(iati_identifier="JP-8-VN-HG-001")
    assert health.owner == ha_giang
    assert health.title == "Chăm sóc sức khỏe ban đầu tại Hà Giang"  # the Vietnamese title
    assert health.code == "VN-HG-HEALTH-1"
    assert health.kind == AidProgramme.Kind.ODA_GRANT
    assert health.status == AidProgramme.Status.UNDER_WAY
    assert (health.starts_on, health.ends_on) == (dt.date(2021, 3, 15), dt.date(2024, 12, 31))
    assert health.managing_agency == "Sở Y tế Hà Giang"
    assert [p.name for p in health.places.all()] == ["Hà Giang"]
    assert [s.code for s in health.sectors.all()] == ["120"]
    # The budget is not a commitment when commitments are reported.
    assert list(health.transactions.values_list("kind", "amount", "currency", "note")) == [
        ("commitment", Decimal("1500000.00"), "USD", ""),
        ("disbursement", Decimal("400000.50"), "USD", "First tranche"),
        ("disbursement", Decimal("55000000.00"), "JPY", ""),
    ]
    jica = health.donors.get()
    assert jica.aliases == "IATI:JP-8" and jica.country_id == "JP"
    assert jica.kind == Partner.Kind.GOVERNMENT_BODY
    ngo = AidProgramme.objects.get(iati_identifier="GB-CHC-276035-VN-BK-7")
    assert ngo.kind == AidProgramme.Kind.NGO and ngo.status == AidProgramme.Status.FINISHED
    assert sorted(s.code for s in ngo.sectors.all()) == ["110", "311"]
    assert set(ngo.transactions.values_list("currency", flat=True)) == {"EUR"}
    loan = AidProgramme.objects.get(iati_identifier="44000-P123456")
    assert loan.kind == AidProgramme.Kind.ODA_LOAN
    assert loan.managing_agency == "Ministry of Transport"
    assert list(loan.transactions.values_list("kind", "amount", "tranche")) == [
        ("commitment", Decimal("2000000.00"), "IATI budget")]


def test_a_1_03_file_with_letter_codes_and_role_words_imports(bac_kan):
    summary = run(bac_kan, "vietnam-1.03.xml")
    assert (summary.created, summary.skipped, summary.errors) == (2, 0, [])
    forest = AidProgramme.objects.get(iati_identifier="DE-1-2009654321")
    assert forest.owner == bac_kan
    assert forest.title == "Forest protection in Ha Giang"
    assert (forest.starts_on, forest.ends_on) == (dt.date(2010, 4, 1), dt.date(2015, 12, 31))
    assert [s.code for s in forest.sectors.all()] == ["410"]
    # Funding and extending organisations are donors; the implementer manages it.
    assert sorted(p.name_vi for p in forest.donors.all()) == [
        "BMZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit"]
    assert forest.managing_agency == "Ha Giang Department of Agriculture and Rural Development"
    # C is a commitment, D a disbursement; E and IF are not counted beside D.
    assert list(forest.transactions.values_list("kind", "on", "amount", "currency")) == [
        ("commitment", dt.date(2009, 12, 1), Decimal("5000000.00"), "EUR"),
        ("disbursement", dt.date(2010, 6, 30), Decimal("1200000.00"), "EUR"),
        ("disbursement", dt.date(2011, 6, 30), Decimal("800000.00"), "USD"),
    ]
    water = AidProgramme.objects.get(iati_identifier="DE-1-2011000777")
    assert water.status == AidProgramme.Status.FINISHED
    assert [s.code for s in water.sectors.all()] == ["140"]
    assert water.donors.get() == forest.donors.get(name_vi="BMZ")


def test_reimporting_the_same_file_updates_rather_than_duplicates(ha_giang):
    run(ha_giang, "vietnam-2.03.xml")
    before = database_state()
    summary = run(ha_giang, "vietnam-2.03.xml")
    assert (summary.created, summary.updated, summary.skipped) == (0, 4, 1)
    assert database_state() == before  # nothing changed, so nothing was rewritten
    health = AidProgramme.objects.get(iati_identifier="JP-8-VN-HG-001")
    health.title = "Edited by hand"
    health.save()
    health.transactions.filter(kind="commitment").update(amount=1)
    run(ha_giang, "vietnam-2.03.xml")
    health = AidProgramme.objects.get(iati_identifier="JP-8-VN-HG-001")
    assert health.title == "Chăm sóc sức khỏe ban đầu tại Hà Giang"
    assert health.transactions.get(kind="commitment").amount == Decimal("1500000.00")
    assert AidProgramme.objects.count() == 4


def test_a_programme_in_the_trash_is_not_brought_back_by_a_reimport(ha_giang):
    run(ha_giang, "vietnam-2.03.xml")
    AidProgramme.objects.get(iati_identifier="JP-8-VN-HG-001").soft_delete()
    summary = run(ha_giang, "vietnam-2.03.xml")
    assert summary.updated == 3
    assert summary.reasons["the programme is in the trash"] == 1
    assert AidProgramme.objects.count() == 3


def test_another_province_gets_its_own_programmes_from_the_same_file(ha_giang, bac_kan):
    run(ha_giang, "vietnam-2.03.xml")
    summary = run(bac_kan, "vietnam-2.03.xml")
    assert summary.created == 4
    assert AidProgramme.objects.owned_by(bac_kan).count() == 4
    # Bắc Kạn's donors are its own partners, not Hà Giang's.
    assert Partner.objects.owned_by(bac_kan).filter(aliases="IATI:JP-8").count() == 1
    assert Partner.objects.filter(aliases="IATI:JP-8").count() == 2


def test_an_existing_partner_is_found_by_its_acronym_and_learns_its_iati_identifier(ha_giang):
    koica = Partner.objects.create(owner=ha_giang, kind=Partner.Kind.GOVERNMENT_BODY,
                                   name_vi="Cơ quan Hợp tác Quốc tế Hàn Quốc", acronym="KOICA")
    run(ha_giang, "vietnam-2.03.xml")
    programme = AidProgramme.objects.get(iati_identifier="KR-GOV-010-VN-55")
    assert programme.donors.get() == koica
    koica.refresh_from_db()
    assert koica.aliases == "IATI:KR-GOV-010"


@pytest.mark.parametrize("place", ["Hà Giang", "ha giang", "HA GIANG", "02", "Tỉnh Hà Giang"])
def test_place_keeps_only_the_activities_located_in_the_province(ha_giang, place):
    from doingoai.aid.iati.importer import find_unit

    summary = run(ha_giang, "vietnam-2.03.xml", "vietnam-1.03.xml", place=find_unit(place))
    # Hà Giang by name (2.03), by ISO code VN-03 (Đồng Văn), by name and GSO code (1.03).
    assert sorted(AidProgramme.objects.values_list("iati_identifier", flat=True)) == [
        "44000-P123456", "DE-1-2009654321", "JP-8-VN-HG-001"]
    assert summary.created == 3
    assert summary.reasons == {"not for VN": 1, "not located in Hà Giang": 3}
    loan = AidProgramme.objects.get(iati_identifier="44000-P123456")
    assert [p.name for p in loan.places.all()] == ["Hà Giang"]


def test_place_without_diacritics_finds_bac_kan(bac_kan):
    from doingoai.aid.iati.importer import find_unit

    summary = run(bac_kan, "vietnam-2.03.xml", "vietnam-1.03.xml", place=find_unit("bac kan"))
    assert sorted(AidProgramme.objects.values_list("iati_identifier", flat=True)) == [
        "DE-1-2011000777", "GB-CHC-276035-VN-BK-7"]
    assert summary.created == 2


def test_a_place_merged_into_todays_province_counts_for_it(tuyen_quang):
    from doingoai.aid.iati.importer import find_unit

    run(tuyen_quang, "vietnam-2.03.xml", place=find_unit("Tuyên Quang"))
    # Hà Giang joined Tuyên Quang on 1 July 2025: its activities are Tuyên Quang's now.
    assert sorted(AidProgramme.objects.values_list("iati_identifier", flat=True)) == [
        "44000-P123456", "JP-8-VN-HG-001"]


# --- hostile and broken files ----------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<iati-activities version="2.03"><iati-activity><iati-identifier>X-1</iati-identifier>
<title><narrative>&lol9;</narrative></title><recipient-country code="VN"/></iati-activity>
</iati-activities>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>X-1</iati-identifier>
<title><narrative>&secret;</narrative></title></iati-activity></iati-activities>"""


def _vietnam_then(tail: bytes) -> bytes:
    good = (DATA / "vietnam-2.03.xml").read_bytes()
    return good.replace(b"</iati-activities>", b"") + tail


@pytest.mark.parametrize("content, message", [
    (BILLION_LAUGHS, "DOCTYPE"),
    (EXTERNAL_ENTITY, "DOCTYPE"),
    (b"%PDF-1.7 not xml at all", "not XML"),
    (b"", "empty"),
    (b"<html><body>a web page</body></html>", "not an IATI activity file"),
    (_vietnam_then(b"<iati-activity><title>unclosed"), "not well-formed"),
])
def test_a_hostile_or_broken_file_gets_a_clear_error_and_changes_nothing(
        ha_giang, content, message):
    run(ha_giang, "vietnam-1.03.xml")
    before = database_state()
    summary = run_bytes(ha_giang, content)
    assert (summary.created, summary.updated) == (0, 0)
    assert len(summary.errors) == 1 and message in summary.errors[0]
    assert "nothing of this file was imported" in summary.errors[0]
    assert database_state() == before


def test_a_file_broken_after_good_activities_imports_none_of_them(ha_giang):
    summary = run_bytes(ha_giang, _vietnam_then(b"<iati-activity>"))
    assert summary.read == 6  # six activities were read and written, then rolled back
    assert summary.created == 0
    assert not AidProgramme.all_objects.exists() and not Partner.all_objects.exists()


def test_an_unknown_currency_leaves_out_only_that_activity(ha_giang):
    content = (DATA / "vietnam-1.03.xml").read_bytes().replace(
        b'currency="USD" value-date="2011-06-30"', b'currency="XYZ" value-date="2011-06-30"')
    summary = run_bytes(ha_giang, content)
    assert summary.created == 1
    assert len(summary.errors) == 1 and "'XYZ'" in summary.errors[0]
    assert "DE-1-2009654321" in summary.errors[0]

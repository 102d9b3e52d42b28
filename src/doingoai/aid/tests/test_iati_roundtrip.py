"""IATI both ways (issue 18, item 5): an activity imported and exported again is the same
activity in the fields the project keeps, the exports pass the 2.03 schema, and the Standard
Ruleset's basic checks (aid/iati/rules.py) pass on our exports, fail on a hand-made activity
and show as warnings on an import.

The sources are the real samples of IATI/IATI-Schemas kept in ../shared/iati/samples (copied
into tests/data: the World Bank, the Global Fund, UNDP and the standard's 1.0 worked example)
and the hand-written Vietnamese files. What is compared, per activity: identifier, title,
description (general), status, start and end dates, the participating organisations with a
role (role, ref, type, name), the sectors (vocabulary, code, percentage, name), the locations
(ref, name, point, administrative codes that carry a vocabulary) and the transactions the
import keeps (type, transaction date, value date, amount, currency, ref, description).
Not kept, so not compared: budgets as budgets (they become commitments when an activity has
none), the transactions of a type a kept one outranks, negative values, 1.0x administrative
codes without a vocabulary (written back only by name), recipient countries and regions.
"""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from lxml import etree

from doingoai.aid.iati import rules
from doingoai.aid.iati.exporter import export, validate
from doingoai.aid.iati.importer import Importer
from doingoai.aid.iati.parse import ActivityError, iter_activities
from doingoai.aid.models import AidLocation, AidParticipant, AidProgramme, AidSector
from doingoai.core.models import TEXT_LENGTH

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"
SAMPLES = ["worldbank.xml", "IATIfromGF.xml", "undp_sample.xml", "worked-example.xml",
           "vietnam-2.03.xml", "vietnam-1.03.xml"]

FAILING = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity last-updated-datetime="2024-05-01T00:00:00Z">
    <iati-identifier>XM-EXAMPLE-1/2</iati-identifier>
    <reporting-org ref="GB-GOV-1" type="10"><narrative>Reporter</narrative></reporting-org>
    <participating-org role="1" ref="GB-GOV-1"><narrative>Reporter</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2024-01-01"/>
    <activity-date type="3" iso-date="2023-01-01"/>
    <activity-date type="2" iso-date="2099-01-01"/>
    <recipient-country code="VN"/>
    <sector vocabulary="1" code="12220" percentage="60"/>
    <sector vocabulary="1" code="11220" percentage="30"/>
    <transaction>
      <transaction-type code="3"/><transaction-date iso-date="2099-06-30"/>
      <value value-date="2099-06-30">1000</value>
    </transaction>
  </iati-activity>
</iati-activities>
"""

# One activity that an import takes (it has a currency) with two of the ruleset's findings.
WARNED = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>OTHER-1</iati-identifier>
    <reporting-org ref="GB-GOV-1" type="10"><narrative>Reporter</narrative></reporting-org>
    <title><narrative>Clean water in Meo Vac</narrative></title>
    <participating-org role="1" ref="GB-GOV-1"><narrative>Reporter</narrative></participating-org>
    <activity-date type="1" iso-date="2024-01-01"/>
    <recipient-country code="VN"/>
    <sector vocabulary="1" code="14030" percentage="60"/>
    <sector vocabulary="1" code="14020" percentage="30"/>
  </iati-activity>
</iati-activities>
"""


def _pct(value):
    return "" if value is None else f"{Decimal(value).normalize():f}"


def kept(activity, importer, created_on=None) -> dict:
    """The fields of a parsed activity that the import keeps and the export writes. With
    ``created_on`` (the source's side), what the export must add for the 2.03 schema: the day
    the programme was made as its planned start when it has no date, and the province as
    accountable organisation when it names none."""
    start = activity.dates.get("2") or activity.dates.get("1")
    end = activity.dates.get("4") or activity.dates.get("3")
    if start and end and end < start:
        end = None
    transactions = sorted(
        (iati_type or "2", (tx_date or on).isoformat(), on.isoformat(), str(amount), currency,
         ref, note)
        for _kind, on, amount, currency, ref, note, iati_type, tx_date
        in importer.transactions(activity))
    participants = sorted((o.role, o.ref, o.type, o.name)
                          for o in activity.organisations if o.role)
    if created_on and not participants and not activity.reporting_org:
        participants = [("2", "VN-PROVINCE-02", "11", "Tỉnh Hà Giang")]
    return {
        "identifier": activity.identifier,
        "title": (activity.title or activity.identifier)[:300],
        "description": activity.description[:TEXT_LENGTH],
        "status": activity.status or AidProgramme.Status.MOBILISING,
        # IATI requires a date: an activity without one is written with the day it was made.
        "starts_on": start or created_on,
        "ends_on": end,
        "participants": participants,
        "sectors": sorted((s.vocabulary, s.code, _pct(s.percentage), s.name)
                          for s in activity.sector_rows),
        "locations": sorted(
            (place.ref, place.name, place.point,
             tuple(sorted(t for t in place.administrative if t[0])))
            for place in activity.locations
            if place.ref or place.name or place.point or place.administrative),
        "transactions": transactions,
    }


def readable(path) -> list:
    return [a for a in iter_activities(path) if not isinstance(a, ActivityError)]


def exported(qs) -> bytes:
    out = io.BytesIO()
    export(qs, out)
    return out.getvalue()


@pytest.fixture
def round_trip(ha_giang):
    """Each sample imported into Hà Giang (every country) and exported again: the source's
    activities that were imported, and the export's parsed back, by identifier."""
    importer = Importer(ha_giang, country="all")
    summary = importer.import_files([(name, DATA / name) for name in SAMPLES])
    source = {}
    for name in SAMPLES:
        for activity in readable(DATA / name):
            source.setdefault(activity.identifier, activity)  # the first one is kept
    content = exported(AidProgramme.objects.owned_by(ha_giang))
    back = {a.identifier: a for a in readable(io.BytesIO(content))}
    return importer, summary, source, back, content


def test_every_sample_activity_that_imports_comes_back_the_same_from_the_export(
        round_trip, ha_giang):
    importer, summary, source, back, _content = round_trip
    assert summary.created == len(back) == 32
    created = {p.iati_identifier: p.created_at.date()
               for p in AidProgramme.objects.owned_by(ha_giang)}
    compared = 0
    for identifier, activity in back.items():
        expected = kept(source[identifier], importer, created[identifier])
        assert kept(activity, importer) == expected, identifier
        compared += 1
    assert compared == 32


def test_the_round_trip_keeps_the_vietnamese_activity_in_full(round_trip):
    importer, _summary, source, back, _content = round_trip
    got = kept(back["JP-8-VN-HG-001"], importer)
    assert got["participants"] == [
        ("1", "JP-8", "10", "Japan International Cooperation Agency"),
        ("4", "", "15", "Sở Y tế Hà Giang")]
    assert got["sectors"] == [("1", "12220", "100", "")]
    assert got["locations"] == [("", "Tỉnh Hà Giang", "", ())]
    assert got["transactions"] == [
        ("2", "2021-02-01", "2021-02-01", "1500000.00", "USD", "", ""),
        ("3", "2021-06-30", "2021-06-30", "400000.50", "USD", "", "First tranche"),
        ("3", "2022-06-30", "2022-06-30", "55000000.00", "JPY", "", "")]
    roads = kept(back["44000-P123456"], importer)
    assert roads["locations"] == [("", "Dong Van district", "", (("G1", "1", "VN-03"),))]
    assert roads["sectors"] == [("2", "210", "", "")]


def test_the_world_bank_sectors_in_its_own_vocabulary_survive_the_round_trip(round_trip):
    importer, _summary, source, back, _content = round_trip
    sectors = kept(back["World Bank-P084404"], importer)["sectors"]
    assert len(sectors) == 14
    assert ("99", "LD", "100", "Power") in sectors


def test_the_import_keeps_participants_sectors_and_locations_as_child_rows(round_trip):
    programme = AidProgramme.objects.get(iati_identifier="JP-8-VN-HG-001")
    assert list(programme.participants.values_list("role", "ref", "org_type", "name")) == [
        ("1", "JP-8", "10", "Japan International Cooperation Agency"),
        ("4", "", "15", "Sở Y tế Hà Giang")]
    assert list(programme.iati_sectors.values_list("vocabulary", "code", "percentage")) == [
        ("1", "12220", Decimal("100.000"))]
    assert list(programme.iati_locations.values_list("name", "administrative")) == [
        ("Tỉnh Hà Giang", "")]
    assert [s.code for s in programme.sectors.all()] == ["120"]  # the core sector too
    assert programme.participants.first().history.count() == 1


def test_every_export_of_the_samples_passes_the_2_03_schema(round_trip):
    *_, content = round_trip
    assert validate(io.BytesIO(content)) == []


def test_reimporting_the_same_file_changes_no_child_row(ha_giang):
    Importer(ha_giang, country="all").import_file(DATA / "vietnam-2.03.xml", "a.xml")
    before = [list(model.objects.order_by("pk").values_list("pk", flat=True))
              for model in (AidSector, AidLocation, AidParticipant)]
    summary = Importer(ha_giang, country="all").import_file(DATA / "vietnam-2.03.xml", "a.xml")
    assert summary.updated == 5
    after = [list(model.objects.order_by("pk").values_list("pk", flat=True))
             for model in (AidSector, AidLocation, AidParticipant)]
    assert after == before


def test_a_changed_sector_replaces_the_programmes_sector_rows_on_reimport(ha_giang):
    content = (DATA / "vietnam-2.03.xml").read_bytes()
    Importer(ha_giang).import_file(io.BytesIO(content), "a.xml")
    changed = content.replace(b'code="11220" percentage="60"', b'code="11230" percentage="60"')
    Importer(ha_giang).import_file(io.BytesIO(changed), "a.xml")
    programme = AidProgramme.objects.get(iati_identifier="GB-CHC-276035-VN-BK-7")
    assert sorted(programme.iati_sectors.values_list("code", flat=True)) == ["11230", "31120"]


def test_an_imported_point_is_written_back_as_a_gml_position(ha_giang):
    content = (DATA / "vietnam-2.03.xml").read_bytes().replace(
        b"<location><name><narrative>Bac Kan province</narrative></name></location>",
        b'<location ref="BK-1"><name><narrative>Bac Kan province</narrative></name>'
        b'<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326">'
        b"<pos>22.147 105.834</pos></point></location>")
    Importer(ha_giang).import_file(io.BytesIO(content), "a.xml")
    out = exported(AidProgramme.objects.filter(iati_identifier="GB-CHC-276035-VN-BK-7"))
    assert validate(io.BytesIO(out)) == []
    location = etree.fromstring(out).find("iati-activity/location")
    assert location.get("ref") == "BK-1"
    assert location.findtext("point/pos") == "22.147 105.834"


# --- the rulesets ------------------------------------------------------------------------


def test_our_own_export_passes_the_standard_rulesets_basic_checks(ha_giang):
    from doingoai.core.models import Sector
    from doingoai.partners.models import Partner

    donor = Partner.objects.create(owner=ha_giang, kind=Partner.Kind.FOREIGN_NGO,
                                   name_vi="Tổ chức Plan International")
    programme = AidProgramme.objects.create(
        owner=ha_giang, kind=AidProgramme.Kind.NGO, title="Nước sạch cho Mèo Vạc",
        status=AidProgramme.Status.UNDER_WAY, starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2027, 12, 31))
    programme.donors.add(donor)
    programme.sectors.add(*Sector.objects.filter(code__in=["140", "120", "110"]))
    programme.transactions.create(kind="commitment", on=dt.date(2021, 1, 1),
                                  amount=Decimal("1000"), currency_id="USD")
    content = exported(AidProgramme.objects.all())
    assert validate(io.BytesIO(content)) == []
    assert rules.check_file(io.BytesIO(content)) == {}


def test_a_hand_made_activity_fails_the_checks_it_breaks():
    (found,) = rules.check_file(io.BytesIO(FAILING), today=dt.date(2026, 12, 4)).values()
    assert sorted(f.message for f in found) == sorted([
        rules.IDENTIFIER_STARTS_WITH_REPORTER, rules.IDENTIFIER_CHARACTERS,
        rules.NO_TITLE_OR_DESCRIPTION, rules.PLANNED_DATES_ORDER,
        rules.ACTUAL_DATE_IN_FUTURE, rules.TRANSACTION_IN_FUTURE, rules.SECTOR_PERCENTAGES,
        rules.NO_CURRENCY])
    assert {f.rule for f in found} == {"startswith", "regex_matches", "atleast_one",
                                       "date_order", "sum", "dependent"}


def test_an_actual_end_before_the_actual_start_is_a_finding():
    content = FAILING.replace(b'type="2" iso-date="2099-01-01"',
                              b'type="2" iso-date="2020-01-01"/><activity-date type="4" '
                              b'iso-date="2019-01-01"')
    (found,) = rules.check_file(io.BytesIO(content)).values()
    assert rules.ACTUAL_DATES_ORDER in {f.message for f in found}
    assert rules.ACTUAL_DATE_IN_FUTURE not in {f.message for f in found}


def test_the_import_reports_the_rulesets_findings_as_warnings_and_imports_the_activity(
        ha_giang):
    summary = Importer(ha_giang).import_file(io.BytesIO(WARNED), "warned.xml")
    assert (summary.created, summary.errors) == (1, [])
    assert summary.warnings == [
        "the iati-identifier does not start with the reporting organisation's identifier:"
        " 1 activities (OTHER-1)",
        "the sector percentages of one vocabulary do not add up to 100: 1 activities"
        " (OTHER-1)"]
    assert summary.as_dict()["warnings"] == summary.warnings


def test_the_sample_file_has_no_finding(ha_giang):
    summary = Importer(ha_giang).import_file(DATA / "vietnam-2.03.xml", "vietnam.xml")
    assert summary.warnings == []


def test_the_import_page_shows_the_rulesets_warnings(hg_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = hg_client.post(reverse("aid:iati-import"), {
        "file": SimpleUploadedFile("warned.xml", WARNED, content_type="text/xml"),
        "country": "VN", "place": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-count="warnings">2<' in page
    assert "do not add up to 100" in page


def test_the_cli_import_prints_the_rulesets_warnings(ha_giang, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "warned.xml"
    path.write_bytes(WARNED)
    call_command("iati", "import", str(path), "--owner", "Hà Giang")
    out = capsys.readouterr().out
    assert "warning (IATI ruleset): the sector percentages of one vocabulary" in out


def test_an_activity_with_only_a_reporting_org_is_exported_with_it_as_funder(ha_giang):
    content = WARNED.replace(
        b'<participating-org role="1" ref="GB-GOV-1"><narrative>Reporter</narrative>'
        b"</participating-org>", b"")
    Importer(ha_giang).import_file(io.BytesIO(content), "a.xml")
    out = exported(AidProgramme.objects.all())
    assert validate(io.BytesIO(out)) == []
    org = etree.fromstring(out).find("iati-activity/participating-org")
    assert (org.get("role"), org.get("ref"), org.findtext("narrative")) == (
        "1", "GB-GOV-1", "Reporter")


def test_the_programme_page_shows_what_the_iati_file_gave(hg_client, ha_giang):
    from doingoai.aid.pages import programmes

    Importer(ha_giang).import_file(DATA / "vietnam-2.03.xml", "vietnam.xml")
    programme = AidProgramme.objects.get(iati_identifier="44000-P123456")
    page = hg_client.get(programmes.reverse("detail", programme.pk)).content.decode()
    assert 'id="iati-given"' in page
    assert "Ministry of Transport" in page and "G1|1|VN-03" in page


def test_another_provinces_user_gets_404_on_an_imported_programme(client, bk_specialist,
                                                                  ha_giang):
    from doingoai.aid.pages import programmes
    from doingoai.testing import client_for

    Importer(ha_giang).import_file(DATA / "vietnam-2.03.xml", "vietnam.xml")
    programme = AidProgramme.objects.get(iati_identifier="44000-P123456")
    response = client_for(client, bk_specialist).get(programmes.reverse("detail", programme.pk))
    assert response.status_code == 404

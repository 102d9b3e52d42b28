"""Exporting aid programmes as IATI 2.03 (issue 6, "IATI"): the file validates against the
official schema kept in the repository, and re-importing it gives the same programmes back."""

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree

from doingoai.aid.iati.exporter import export, validate
from doingoai.aid.iati.importer import Importer
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.models import Sector
from doingoai.partners.models import Partner

# The assertions quote English messages; the Vietnamese ones are checked elsewhere.
pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def hg_programmes(ha_giang):
    jica = Partner.objects.create(owner=ha_giang, kind=Partner.Kind.GOVERNMENT_BODY,
                                  name_vi="Cơ quan Hợp tác Quốc tế Nhật Bản", name_en="JICA",
                                  aliases="IATI:JP-8")
    plan = Partner.objects.create(owner=ha_giang, kind=Partner.Kind.FOREIGN_NGO,
                                  name_vi="Tổ chức Plan International")
    first = AidProgramme.objects.create(
        owner=ha_giang, kind=AidProgramme.Kind.ODA_GRANT, title="Trạm y tế xã Đồng Văn",
        code="HG-YT-01", status=AidProgramme.Status.UNDER_WAY, starts_on=dt.date(2021, 3, 1),
        ends_on=dt.date(2026, 12, 31), managing_agency="Sở Y tế tỉnh Hà Giang",
        description="Xây dựng và trang bị 12 trạm y tế xã.",
    )
    first.donors.add(jica)
    first.sectors.add(Sector.objects.get(code="120"), Sector.objects.get(code="110"),
                      Sector.objects.get(code="311"))
    first.places.add(ha_giang)
    AidTransaction.objects.create(programme=first, kind="commitment", on=dt.date(2021, 2, 1),
                                  amount=Decimal("1500000.00"), currency_id="USD",
                                  tranche="Phase 1", note="Hiệp định ký ngày 01/02/2021")
    AidTransaction.objects.create(programme=first, kind="disbursement", on=dt.date(2022, 6, 30),
                                  amount=Decimal("55000000"), currency_id="JPY")
    second = AidProgramme.objects.create(
        owner=ha_giang, kind=AidProgramme.Kind.NGO, title="Nước sạch cho Mèo Vạc",
        status=AidProgramme.Status.FINISHED, starts_on=dt.date(2015, 1, 1),
        ends_on=dt.date(2017, 6, 30), iati_identifier="GB-CHC-276035-HG-9",
    )
    second.donors.add(plan)
    second.sectors.add(Sector.objects.get(code="140"))
    AidTransaction.objects.create(programme=second, kind="commitment", on=dt.date(2015, 1, 1),
                                  amount=Decimal("2500000000"), currency_id="VND")
    return [first, second]


@pytest.fixture
def bk_programme(bac_kan):
    donor = Partner.objects.create(owner=bac_kan, kind=Partner.Kind.INTERNATIONAL_ORGANISATION,
                                   name_vi="UNICEF")
    programme = AidProgramme.objects.create(
        owner=bac_kan, kind=AidProgramme.Kind.ODA_GRANT, title="Dinh dưỡng trẻ em Bắc Kạn",
        starts_on=dt.date(2020, 1, 1))
    programme.donors.add(donor)
    return programme


def exported(qs) -> bytes:
    out = io.BytesIO()
    export(qs, out)
    return out.getvalue()


def snapshot(programme):
    return {
        "title": programme.title, "code": programme.code, "kind": programme.kind,
        "status": programme.status, "starts_on": programme.starts_on,
        "ends_on": programme.ends_on, "description": programme.description,
        "managing_agency": programme.managing_agency,
        "sectors": sorted(s.code for s in programme.sectors.all()),
        "places": sorted(p.pk for p in programme.places.all()),
        "donors": sorted(p.name_vi for p in programme.donors.all()),
        "transactions": sorted(programme.transactions.values_list(
            "kind", "on", "amount", "currency", "tranche", "note")),
    }


def test_the_export_validates_against_the_iati_2_03_schema(hg_programmes, bk_programme):
    content = exported(AidProgramme.objects.all())
    assert validate(io.BytesIO(content)) == []
    root = etree.fromstring(content)
    assert root.get("version") == "2.03"
    assert len(root.findall("iati-activity")) == 3


def test_exporting_then_reimporting_our_programmes_round_trips_them(hg_programmes, ha_giang):
    before = [snapshot(p) for p in hg_programmes]
    content = exported(AidProgramme.objects.owned_by(ha_giang))
    summary = Importer(ha_giang).import_file(io.BytesIO(content), "export.xml")
    assert (summary.created, summary.updated, summary.skipped, summary.errors) == (0, 2, 0, [])
    assert AidProgramme.objects.count() == 2
    assert [snapshot(p) for p in AidProgramme.objects.order_by("pk")] == before
    assert Partner.objects.count() == 2


def test_our_programmes_reimported_into_another_province_are_the_same(
        hg_programmes, ha_giang, bac_kan):
    before = [snapshot(p) for p in hg_programmes]
    content = exported(AidProgramme.objects.owned_by(ha_giang))
    summary = Importer(bac_kan).import_file(io.BytesIO(content), "export.xml")
    assert summary.created == 2
    after = [snapshot(p) for p in AidProgramme.objects.owned_by(bac_kan).order_by("pk")]
    for row in before + after:
        row.pop("donors")  # names: Bắc Kạn's new partners take the English name
    assert after == before


def test_the_exported_programme_without_an_iati_identifier_gets_ours(hg_programmes):
    root = etree.fromstring(exported(AidProgramme.objects.filter(pk=hg_programmes[0].pk)))
    assert root.findtext("iati-activity/iati-identifier") == f"VN-PROVINCE-02-{hg_programmes[0].pk}"
    assert root.find("iati-activity/participating-org").get("ref") == "JP-8"
    assert [s.get("code") for s in root.iterfind("iati-activity/sector")] == ["111", "121", "311"]
    assert [s.get("percentage") for s in root.iterfind("iati-activity/sector")] == [
        "33.33", "33.33", "33.34"]


def test_the_cli_exports_one_province_and_validates(hg_programmes, bk_programme, tmp_path):
    output = tmp_path / "hg.xml"
    call_command("iati", "export", "--place", "Ha Giang", "--output", str(output))
    root = etree.parse(str(output)).getroot()
    titles = sorted(root.xpath("iati-activity/title/narrative/text()"))
    assert titles == ["Nước sạch cho Mèo Vạc", "Trạm y tế xã Đồng Văn"]
    assert validate(str(output)) == []


def test_the_cli_import_prints_a_json_summary(ha_giang, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("iati", "import", str(DATA / "vietnam-2.03.xml"),
                     str(DATA / "worldbank.xml"), "--owner", "Hà Giang", "--format", "json")
    assert exit_info.value.code == 1  # one activity has an error
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert {k: summary[k] for k in ("created", "updated", "skipped")} == {
        "created": 4, "updated": 0, "skipped": 17}
    assert len(summary["errors"]) == 1
    assert summary["skipped_reasons"] == {"not for VN": 15, "no recipient country": 2}
    assert "activities read" in err


def test_the_cli_import_with_place_owns_by_the_province_of_the_place(ha_giang, capsys):
    call_command("iati", "import", str(DATA / "vietnam-1.03.xml"), "--place", "ha giang",
                 "--country", "vn", "--format", "json")
    assert json.loads(capsys.readouterr().out) == {
        "created": 1, "updated": 0, "skipped": 1, "errors": [],
        "skipped_reasons": {"not located in Hà Giang": 1}, "warnings": []}
    assert AidProgramme.objects.get().owner == ha_giang


def test_the_cli_import_needs_an_owner(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--owner or --place"):
        call_command("iati", "import", str(DATA / "vietnam-1.03.xml"))


def test_the_cli_import_says_nothing_is_saved_before_a_file_is_read_to_the_end(
    ha_giang, capsys
):
    call_command("iati", "import", str(DATA / "vietnam-1.03.xml"), "--place", "ha giang",
                 "--country", "vn", "--format", "json")
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].startswith("Each file is imported in one transaction")
    progress = [line for line in lines if "activities read so far" in line]
    assert progress and all("(not saved yet)" in line and " created" not in line
                            for line in progress)
    assert lines[-1].startswith("Saved: ")

"""The IATI import and export pages: scoped to the user's province, import for specialists
and leaders only, uploads checked (issue 6, "IATI" and "Hostile input")."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree

from doingoai.aid.models import AidProgramme
from doingoai.partners.models import Partner
from doingoai.testing import client_for

# The assertions quote English messages; the Vietnamese ones are checked elsewhere.
pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"
IMPORT = reverse("aid:iati-import")
EXPORT = reverse("aid:iati-export")


def upload(name="vietnam-2.03.xml", content=None, **fields):
    content = (DATA / name).read_bytes() if content is None else content
    return {"file": SimpleUploadedFile(name, content, content_type="text/xml"),
            "country": "VN", "place": "", **fields}


def programme(owner, title, **extra):
    donor = Partner.objects.create(owner=owner, kind=Partner.Kind.FOREIGN_NGO, name_vi="Donor")
    record = AidProgramme.objects.create(owner=owner, kind="ngo", title=title,
                                         starts_on=dt.date(2020, 1, 1), **extra)
    record.donors.add(donor)
    return record


def exported_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    return sorted(root.xpath("iati-activity/title/narrative/text()"))


def test_a_specialist_imports_a_file_into_her_province_and_sees_the_summary(
        hg_client, ha_giang, hg_specialist):
    response = hg_client.post(IMPORT, upload())
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-count="created">4<' in page and 'data-count="skipped">1<' in page
    assert "not for VN" in page and "1.000.000" in page
    assert AidProgramme.objects.owned_by(ha_giang).count() == 4
    assert AidProgramme.objects.filter(created_by=hg_specialist).count() == 4


def test_the_import_page_answers_htmx_with_the_summary_alone(hg_client):
    response = hg_client.post(IMPORT, upload(place="Ha Giang"), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert 'data-count="created">2<' in page and "<html" not in page


def test_a_leader_may_import(client, hg_leader):
    response = client_for(client, hg_leader).post(IMPORT, upload("vietnam-1.03.xml"))
    assert response.status_code == 200
    assert AidProgramme.objects.count() == 2


@pytest.mark.parametrize("user", ["hg_viewer", "ministry_viewer"])
def test_a_viewer_cannot_import(client, request, user):
    viewer = request.getfixturevalue(user)
    logged_in = client_for(client, viewer)
    assert logged_in.get(IMPORT).status_code == 403
    assert logged_in.post(IMPORT, upload()).status_code == 403
    assert not AidProgramme.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    assert client.get(IMPORT).status_code == 302
    assert client.post(IMPORT, upload()).status_code == 302
    assert client.get(EXPORT).status_code == 302
    assert not AidProgramme.objects.exists()


def test_a_place_outside_the_users_province_is_refused(hg_client):
    response = hg_client.post(IMPORT, upload(place="Bắc Kạn"))
    assert response.status_code == 400
    assert "is not in your province" in response.content.decode()
    assert not AidProgramme.objects.exists()


@pytest.mark.parametrize("name, content, message", [
    ("bomb.xml", b"""<?xml version="1.0"?>
<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&b;</iati-identifier>
</iati-activity></iati-activities>""", "DOCTYPE"),
    ("report.xml", b"%PDF-1.7\n%binary", "not XML"),
    ("activities.pdf", b"<iati-activities/>", "name ending in .xml"),
    ("page.xml", b"<html><body/></html>", "not an IATI activity file"),
])
def test_a_hostile_or_mislabeled_upload_gets_a_clear_error_and_changes_nothing(
        hg_client, ha_giang, name, content, message):
    hg_client.post(IMPORT, upload("vietnam-1.03.xml"))
    before = list(AidProgramme.objects.values_list("pk", "version"))
    response = hg_client.post(IMPORT, upload(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(AidProgramme.objects.values_list("pk", "version")) == before


def test_an_oversized_upload_is_refused(hg_client, settings):
    settings.DOINGOAI_IATI_MAX_UPLOAD_BYTES = 1024
    response = hg_client.post(IMPORT, upload())
    assert response.status_code == 400
    assert re.search(r"files of up to 1[.,]0\xa0KB can be imported", response.content.decode())
    assert not AidProgramme.objects.exists()


def test_bac_kan_never_exports_ha_giang_programmes(client, bk_specialist, ha_giang, bac_kan):
    programme(ha_giang, "Chương trình của Hà Giang")
    programme(bac_kan, "Chương trình của Bắc Kạn")
    response = client_for(client, bk_specialist).get(EXPORT)
    assert exported_titles(response) == ["Chương trình của Bắc Kạn"]
    # Nor by searching or filtering for them.
    response = client.get(EXPORT, {"q": "Ha Giang"})
    assert exported_titles(response) == []


def test_ha_giang_exports_its_own_filtered_list(hg_client, ha_giang, bac_kan):
    programme(ha_giang, "Nước sạch Đồng Văn", status="finished")
    programme(ha_giang, "Trường học Mèo Vạc")
    programme(bac_kan, "Chương trình của Bắc Kạn")
    assert exported_titles(hg_client.get(EXPORT)) == ["Nước sạch Đồng Văn", "Trường học Mèo Vạc"]
    assert exported_titles(hg_client.get(EXPORT, {"status": "finished"})) == [
        "Nước sạch Đồng Văn"]
    assert exported_titles(hg_client.get(EXPORT, {"q": "meo vac"})) == ["Trường học Mèo Vạc"]


def test_the_ministry_exports_every_province(client, ministry_viewer, ha_giang, bac_kan):
    programme(ha_giang, "A")
    programme(bac_kan, "B")
    assert exported_titles(client_for(client, ministry_viewer).get(EXPORT)) == ["A", "B"]


def test_the_programme_list_links_to_the_iati_pages(hg_client, client, hg_viewer):
    page = hg_client.get(reverse("aid:programme-list")).content.decode()
    assert EXPORT in page and IMPORT in page
    page = client_for(client, hg_viewer).get(reverse("aid:programme-list")).content.decode()
    assert EXPORT in page and IMPORT not in page

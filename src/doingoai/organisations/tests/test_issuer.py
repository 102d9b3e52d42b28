"""The issuer of the province's documents comes from the organisations register at the
document's date (issue 12): the office's name, its parent body, its symbol and its signer."""

import datetime as dt

import pytest

from doingoai.organisations.models import Organisation
from doingoai.reports.document import issuer_for

pytestmark = pytest.mark.django_db
REFORM = dt.date(2025, 7, 1)


@pytest.fixture
def offices(ha_giang, tuyen_quang):
    old = Organisation.objects.create(owner=ha_giang, kind="office",
                                      name="Sở Ngoại vụ tỉnh Hà Giang", symbol="SNgV",
                                      signer_title="Giám đốc", signer_name="Hoàng Văn Cũ",
                                      valid_to=REFORM - dt.timedelta(days=1))
    new = Organisation.objects.create(owner=tuyen_quang, kind="office",
                                      name="Sở Ngoại vụ tỉnh Tuyên Quang", symbol="SNgV",
                                      signer_title="Giám đốc", signer_name="Nông Văn Quyết",
                                      valid_from=REFORM)
    return old, new


def test_a_document_of_before_the_reform_is_headed_by_ha_giangs_office(offices, ha_giang):
    issuer = issuer_for(ha_giang, dt.date(2025, 6, 30))
    assert (issuer.parent, issuer.body, issuer.symbol, issuer.place_name) == (
        "UBND TỈNH HÀ GIANG", "SỞ NGOẠI VỤ", "BC-SNgV", "Hà Giang")
    assert (issuer.signer_title, issuer.signer_name) == ("GIÁM ĐỐC", "Hoàng Văn Cũ")


def test_a_document_dated_after_30_june_2025_is_headed_by_tuyen_quangs_office(
        offices, ha_giang):
    issuer = issuer_for(ha_giang, dt.date(2026, 1, 15))
    assert (issuer.parent, issuer.body, issuer.symbol, issuer.place_name) == (
        "UBND TỈNH TUYÊN QUANG", "SỞ NGOẠI VỤ", "BC-SNgV", "Tuyên Quang")
    assert issuer.signer_name == "Nông Văn Quyết"
    assert issuer.province.name == "Tuyên Quang"


def test_the_header_follows_the_register_when_the_office_changes(offices, ha_giang):
    _old, new = offices
    new.name, new.symbol, new.signer_name = "Văn phòng Đối ngoại tỉnh Tuyên Quang", "VPĐN", ""
    new.save()
    issuer = issuer_for(ha_giang, dt.date(2026, 1, 15))
    assert (issuer.body, issuer.symbol, issuer.signer_name) == (
        "VĂN PHÒNG ĐỐI NGOẠI", "BC-VPĐN", "")


def test_a_province_whose_register_has_no_office_keeps_the_plain_header(bac_kan):
    issuer = issuer_for(bac_kan, dt.date(2024, 3, 1))
    assert (issuer.body, issuer.symbol, issuer.signer_title) == (
        "SỞ NGOẠI VỤ", "BC-SNV", "GIÁM ĐỐC")


def test_a_sentence_names_the_issuer_as_the_register_spells_it_not_the_headings_capitals(
        offices, ha_giang, bac_kan):
    # The annex's "(Kèm theo Báo cáo số …/BC-SNgV … của Sở Ngoại vụ tỉnh Tuyên Quang)".
    assert issuer_for(ha_giang, dt.date(2026, 1, 15)).in_text == "Sở Ngoại vụ tỉnh Tuyên Quang"
    assert issuer_for(bac_kan, dt.date(2024, 3, 1)).in_text == "Sở Ngoại vụ tỉnh Bắc Kạn"


def test_the_docx_annex_names_the_issuer_in_running_text(offices, tuyen_quang):
    import io

    from docx import Document

    from doingoai.lib.periods import parse_period
    from doingoai.reports.exports.word import as_docx
    from doingoai.reports.report import build_report
    from doingoai.reports.tests.conftest import report_figures

    report_figures(tuyen_quang, "2026", [("delegations.outgoing", 5, "count", None, "", "")],
                   "Báo cáo", dt.date(2026, 11, 30))
    data = as_docx(build_report([tuyen_quang], parse_period("2026")), "vi")
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "của Sở Ngoại vụ tỉnh Tuyên Quang)" in text
    assert "Sở ngoại vụ" not in text

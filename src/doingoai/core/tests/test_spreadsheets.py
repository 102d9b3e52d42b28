"""XLSX templates and uploads, for every record type through one mechanism."""

import datetime as dt
import importlib
import io
import zipfile

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from doingoai.agreements.models import Agreement
from doingoai.core import spreadsheets
from doingoai.core.records import REGISTRY
from doingoai.core.spreadsheets import option_label
from doingoai.core.tests.factories import make_partner
from doingoai.partners.models import Partner
from doingoai.testing import client_for

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY


def _rt(namespace, slug):
    return next(rt for rt in REGISTRY if rt.namespace == namespace and rt.slug == slug)


PARTNERS = _rt("partners", "partner")
AGREEMENTS = _rt("agreements", "agreement")


def template_of(client, rt):
    response = client.get(rt.reverse("template"))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def vietnamese_headers(rt) -> dict[str, str]:
    """{the Vietnamese label of a field: its name}."""
    with translation.override("vi"):
        return {str(capfirst(rt.model._meta.get_field(name).verbose_name)): name
                for name in rt.fields}


def column_fields(rt, sheet) -> list[str]:
    headers = vietnamese_headers(rt)
    return [headers[cell.value] for cell in sheet[1]]


def filled(client, rt, rows) -> SimpleUploadedFile:
    """The record type's template as the user downloads it, with ``rows`` (dicts by field
    name) written from the second row on."""
    workbook = template_of(client, rt)
    sheet = workbook.worksheets[0]
    names = column_fields(rt, sheet)
    for line, row in enumerate(rows, start=2):
        for column, name in enumerate(names, start=1):
            if name in row:
                sheet.cell(row=line, column=column, value=row[name])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("du-lieu.xlsx", buffer.getvalue(),
                              content_type=spreadsheets.XLSX_TYPE)


def upload(client, rt, file, good_rows_only=False):
    data = {"file": file}
    if good_rows_only:
        data["good_rows_only"] = "on"
    return client.post(rt.reverse("import"), data)


def _has_choices(rt):
    for name in rt.fields:
        field = rt.model._meta.get_field(name)
        # Choices and yes/no always have options; a foreign key may have none yet.
        if field.choices or field.get_internal_type() == "BooleanField":
            return True
    return False


@pytest.mark.parametrize("rt", [pytest.param(rt, id=f"{rt.namespace}:{rt.slug}")
                                for rt in REGISTRY])
def test_every_record_type_has_a_template_with_vietnamese_headers_and_drop_downs(
    client, media_root, english, hg_specialist, rt
):
    """In Vietnamese even for a user who reads the site in English: the office passes one
    template around. No row of field names (English codes) is left in it."""
    client_for(client, hg_specialist)
    workbook = template_of(client, rt)
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers and set(headers) <= set(vietnamese_headers(rt))
    assert not set(headers) & set(rt.fields)
    assert all(cell.value is None for cell in sheet[2])
    assert workbook[spreadsheets.LISTS_SHEET].sheet_state == "hidden"
    if _has_choices(rt):
        assert sheet.data_validations.dataValidation, "no drop-down list"


def test_the_template_offers_the_users_own_partners_and_countries_by_name(
    client, hg_specialist, ha_giang, bac_kan
):
    ours = make_partner(ha_giang, name_vi="Cơ quan hợp tác quốc tế Nhật Bản", acronym="JICA")
    twin_a = make_partner(ha_giang, name_vi="Tỉnh Vân Nam")
    twin_b = make_partner(ha_giang, name_vi="Tỉnh Vân Nam")
    theirs = make_partner(bac_kan, name_vi="Tỉnh Quảng Tây")
    client_for(client, hg_specialist)
    workbook = template_of(client, AGREEMENTS)
    options = {cell.value for column in workbook[spreadsheets.LISTS_SHEET].iter_cols()
               for cell in column}
    assert str(ours) in options
    # Two partners of the same name are told apart by their number.
    assert {option_label(twin_a), option_label(twin_b)} <= options
    assert "Tỉnh Vân Nam" not in options
    assert str(theirs) not in options and option_label(theirs) not in options
    partner_template = template_of(client, PARTNERS)
    countries = {cell.value for column in partner_template[spreadsheets.LISTS_SHEET].iter_cols()
                 for cell in column}
    assert "Nhật Bản" in countries


def test_dates_of_the_template_are_formatted_day_month_year(client, hg_specialist):
    client_for(client, hg_specialist)
    sheet = template_of(client, AGREEMENTS).worksheets[0]
    column = column_fields(AGREEMENTS, sheet).index("signed_on") + 1
    assert sheet.cell(row=2, column=column).number_format == "DD/MM/YYYY"


def test_a_good_upload_of_two_partners_creates_them_for_the_users_province(
    client, english, hg_specialist, ha_giang
):
    client_for(client, hg_specialist)
    file = filled(client, PARTNERS, [
        {"kind": "International organisation", "name_vi": "Cơ quan hợp tác quốc tế Nhật Bản",
         "acronym": "JICA", "country": "JP — Japan"},
        {"kind": "ngo", "name_vi": "Tổ chức Plan International", "country": "GB"},
    ])
    response = upload(client, PARTNERS, file)
    assert response.status_code == 302
    jica = Partner.objects.get(acronym="JICA")
    plan = Partner.objects.get(name_vi="Tổ chức Plan International")
    assert (jica.kind, jica.country_id, jica.owner, jica.created_by) == (
        "intl_org", "JP", ha_giang, hg_specialist)
    assert (plan.kind, plan.country_id, plan.owner) == ("ngo", "GB", ha_giang)
    assert jica.history.latest().history_change_reason == "Imported from XLSX"


def _agreement_rows(ha_giang, bac_kan):
    ours = make_partner(ha_giang, name_vi="Tỉnh Vân Nam")
    theirs = make_partner(bac_kan, name_vi="Tỉnh Quảng Tây")
    good = {"kind": "mou", "title": "Biên bản ghi nhớ với Vân Nam", "level": "province",
            "our_signatory": "UBND tỉnh Hà Giang", "partners": option_label(ours),
            "sectors": "", "signed_on": dt.datetime(2017, 5, 12)}
    missing_title = {**good, "title": None}
    foreign = {**good, "title": "Biên bản với Quảng Tây", "partners": option_label(theirs)}
    return good, missing_title, foreign, ours


def test_bad_rows_are_reported_with_their_line_and_reason_and_nothing_is_created(
    client, english, hg_specialist, ha_giang, bac_kan
):
    good, missing_title, foreign, _ours = _agreement_rows(ha_giang, bac_kan)
    client_for(client, hg_specialist)
    response = upload(client, AGREEMENTS, filled(client, AGREEMENTS,
                                                  [good, missing_title, foreign]))
    assert response.status_code == 400
    bad = dict(response.context["bad_rows"])
    assert set(bad) == {3, 4}
    assert "This field is required." in bad[3]
    assert "Select a valid choice" in bad[4]
    assert "nothing was imported" in response.content.decode()
    assert not Agreement.all_objects.exists()


def test_good_rows_only_imports_the_good_rows_and_reports_the_others(
    client, english, hg_specialist, ha_giang, bac_kan
):
    good, missing_title, foreign, ours = _agreement_rows(ha_giang, bac_kan)
    client_for(client, hg_specialist)
    response = upload(client, AGREEMENTS,
                      filled(client, AGREEMENTS, [good, missing_title, foreign]),
                      good_rows_only=True)
    assert response.status_code == 200
    assert [line for line, _reason in response.context["bad_rows"]] == [3, 4]
    agreement = Agreement.objects.get()
    assert agreement.title == "Biên bản ghi nhớ với Vân Nam"
    assert agreement.signed_on == dt.date(2017, 5, 12)
    assert list(agreement.partners.all()) == [ours]
    assert agreement.owner == ha_giang


def test_a_viewer_may_neither_upload_nor_see_the_links(client, hg_viewer, ha_giang):
    client_for(client, hg_viewer)
    assert client.get(PARTNERS.reverse("import")).status_code == 403
    file = SimpleUploadedFile("x.xlsx", b"PK", content_type=spreadsheets.XLSX_TYPE)
    assert upload(client, PARTNERS, file).status_code == 403
    page = client.get(PARTNERS.reverse("list")).content.decode()
    assert PARTNERS.reverse("import") not in page
    assert not Partner.all_objects.exists()


def test_a_writer_sees_the_template_and_import_links_on_the_list(client, hg_specialist):
    client_for(client, hg_specialist)
    page = client.get(PARTNERS.reverse("list")).content.decode()
    assert PARTNERS.reverse("import") in page
    assert PARTNERS.reverse("template") in page
    assert client.get(PARTNERS.reverse("import")).status_code == 200


def test_a_bac_kan_upload_creates_records_in_bac_kan_only(
    client, english, bk_specialist, bac_kan, ha_giang
):
    client_for(client, bk_specialist)
    file = filled(client, PARTNERS, [{"kind": "ngo", "name_vi": "Tổ chức Oxfam"}])
    assert upload(client, PARTNERS, file).status_code == 302
    assert [p.owner for p in Partner.all_objects.all()] == [bac_kan]


def test_a_file_that_is_not_xlsx_gets_a_clear_error_and_changes_nothing(
    client, english, hg_specialist
):
    client_for(client, hg_specialist)
    file = SimpleUploadedFile("doi-tac.xlsx", b"name_vi\nJICA\n", content_type="text/csv")
    response = upload(client, PARTNERS, file)
    assert response.status_code == 400
    assert "This is not an XLSX workbook" in response.content.decode()
    assert not Partner.all_objects.exists()


def test_a_damaged_zip_gets_a_clear_error(client, english, hg_specialist):
    client_for(client, hg_specialist)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    file = SimpleUploadedFile("doi-tac.xlsx", buffer.getvalue())
    response = upload(client, PARTNERS, file)
    assert response.status_code == 400
    assert "The workbook cannot be read" in response.content.decode()
    assert "BadZipFile" not in response.content.decode()


def test_an_oversized_upload_is_refused_and_changes_nothing(
    client, english, hg_specialist, monkeypatch
):
    client_for(client, hg_specialist)
    file = filled(client, PARTNERS, [{"kind": "ngo", "name_vi": "Tổ chức Oxfam"}])
    monkeypatch.setattr(spreadsheets, "MAX_UPLOAD_BYTES", 1024)
    response = upload(client, PARTNERS, file)
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not Partner.all_objects.exists()


def test_the_import_page_is_reachable_by_its_name():
    assert reverse("partners:partner-import") == PARTNERS.reverse("import")


def test_a_many_to_many_cell_takes_codes_separated_by_semicolons(client, english, hg_specialist):
    from doingoai.friendship.models import FriendshipAssociation

    associations = _rt("friendship", "association")
    client_for(client, hg_specialist)
    file = filled(client, associations, [
        {"name": "Hội hữu nghị Việt – Trung", "countries": "CN; jp", "members": 40,
         "founded_on": "20/04/2016"},
    ])
    assert upload(client, associations, file).status_code == 302
    association = FriendshipAssociation.objects.get()
    assert sorted(association.countries.values_list("code", flat=True)) == ["CN", "JP"]
    assert association.founded_on == dt.date(2016, 4, 20)


def test_reasons_are_given_in_vietnamese_by_default(client, hg_specialist):
    client_for(client, hg_specialist)
    file = filled(client, PARTNERS, [{"kind": "ngo", "name_vi": None, "acronym": "JICA"}])
    response = upload(client, PARTNERS, file)
    assert response.status_code == 400
    [(line, reason)] = response.context["bad_rows"]
    assert line == 2
    assert "Trường này là bắt buộc." in reason
    assert not Partner.all_objects.exists()


PARTNER_HEADERS_VI = ["Loại", "Tên tiếng Việt", "Tên tiếng Anh", "Tên bằng chữ bản địa",
                      "Tên viết tắt", "Tên gọi khác", "Quốc gia", "Trực thuộc",
                      "Trang thông tin", "Ghi chú"]


def test_the_partner_template_has_its_headers_in_vietnamese(client, english, hg_specialist):
    client_for(client, hg_specialist)
    sheet = template_of(client, PARTNERS).worksheets[0]
    assert [cell.value for cell in sheet[1]] == PARTNER_HEADERS_VI
    assert sheet.freeze_panes == "A2"


def test_a_country_is_read_from_its_vietnamese_or_english_name_or_code_with_or_without_marks(
    client, hg_specialist
):
    client_for(client, hg_specialist)
    spellings = ["Nhật Bản", "nhat ban", "JP", "Japan", "jpn", "NHẬT BẢN "]
    file = filled(client, PARTNERS, [
        {"kind": "ngo", "name_vi": f"Tổ chức {number}", "country": spelling}
        for number, spelling in enumerate(spellings)
    ])
    response = upload(client, PARTNERS, file)
    assert response.status_code == 302, response.context["bad_rows"]
    assert list(Partner.objects.values_list("country_id", flat=True)) == ["JP"] * len(spellings)


def test_a_choice_is_read_from_its_label_in_either_language_or_its_code(client, hg_specialist):
    client_for(client, hg_specialist)
    with translation.override("vi"):
        label_vi = str(Partner.Kind.INTERNATIONAL_ORGANISATION.label)
    spellings = [label_vi, "International organisation", "intl_org", label_vi.upper()]
    file = filled(client, PARTNERS, [
        {"kind": spelling, "name_vi": f"Tổ chức {number}"}
        for number, spelling in enumerate(spellings)
    ])
    assert upload(client, PARTNERS, file).status_code == 302
    assert set(Partner.objects.values_list("kind", flat=True)) == {"intl_org"}
    assert Partner.objects.count() == len(spellings)


def test_a_partner_is_read_from_its_name_acronym_or_alias(client, hg_specialist, ha_giang):
    jica = make_partner(ha_giang, name_vi="Cơ quan hợp tác quốc tế Nhật Bản", acronym="JICA",
                        name_en="Japan International Cooperation Agency",
                        aliases="Cơ quan JICA\nTổ chức hợp tác quốc tế Nhật")
    client_for(client, hg_specialist)
    spellings = ["Cơ quan hợp tác quốc tế Nhật Bản", "co quan hop tac quoc te nhat ban",
                 "JICA", "Japan International Cooperation Agency",
                 "to chuc hop tac quoc te nhat", f"{jica} [#{jica.pk}]"]
    file = filled(client, AGREEMENTS, [
        {"kind": "mou", "title": f"Biên bản {number}", "our_signatory": "UBND tỉnh",
         "level": "province", "partners": spelling, "signed_on": "12/05/2017"}
        for number, spelling in enumerate(spellings)
    ])
    response = upload(client, AGREEMENTS, file)
    assert response.status_code == 302, response.context["bad_rows"]
    assert Agreement.objects.count() == len(spellings)
    assert {tuple(a.partners.all()) for a in Agreement.objects.all()} == {(jica,)}


def test_a_name_that_fits_two_partners_is_refused_with_both_named(
    client, hg_specialist, ha_giang
):
    make_partner(ha_giang, name_vi="Tỉnh Vân Nam", acronym="YN")
    make_partner(ha_giang, name_vi="Thành phố Côn Minh", aliases="YN")
    client_for(client, hg_specialist)
    file = filled(client, AGREEMENTS, [
        {"kind": "mou", "title": "Biên bản", "our_signatory": "UBND tỉnh", "level": "province",
         "partners": "yn"},
    ])
    response = upload(client, AGREEMENTS, file)
    assert response.status_code == 400
    [(line, reason)] = response.context["bad_rows"]
    assert line == 2
    assert "Tỉnh Vân Nam (YN)" in reason and "Thành phố Côn Minh" in reason
    assert not Agreement.all_objects.exists()


def test_a_country_that_is_not_in_the_list_is_named_in_a_vietnamese_reason(
    client, hg_specialist
):
    client_for(client, hg_specialist)
    file = filled(client, PARTNERS, [{"kind": "ngo", "name_vi": "Tổ chức", "country": "Nhật"}])
    response = upload(client, PARTNERS, file)
    assert response.status_code == 400
    [(_line, reason)] = response.context["bad_rows"]
    assert reason.startswith("Quốc gia: ")
    assert "“Nhật” không có trong danh sách" in reason
    assert not Partner.all_objects.exists()


def test_a_template_of_the_earlier_layout_with_field_names_in_row_two_still_imports(
    client, english, hg_specialist
):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Kind", "Name in Vietnamese", "Country"])
    sheet.append(["kind", "name_vi", "country"])
    sheet.append(["ngo", "Tổ chức Oxfam", "GB — United Kingdom"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client_for(client, hg_specialist)
    response = upload(client, PARTNERS, SimpleUploadedFile("cu.xlsx", buffer.getvalue()))
    assert response.status_code == 302
    assert list(Partner.objects.values_list("name_vi", "country_id")) == [
        ("Tổ chức Oxfam", "GB")]


def test_english_headers_are_read_too(client, english, hg_specialist):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Kind", "Name in Vietnamese *", "country"])
    sheet.append(["Foreign NGO", "Tổ chức Oxfam", "gbr"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client_for(client, hg_specialist)
    response = upload(client, PARTNERS, SimpleUploadedFile("en.xlsx", buffer.getvalue()))
    assert response.status_code == 302, response.context["bad_rows"]
    assert list(Partner.objects.values_list("kind", "name_vi")) == [("ngo", "Tổ chức Oxfam")]

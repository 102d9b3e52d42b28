"""Child rows in spreadsheets: the template has a sheet per kind of child rows, keyed by the
row of their record; the import writes records and child rows in one transaction; the list's
"XLSX to re-import" export imports again to the same records."""

import datetime as dt
import importlib
import io
from decimal import Decimal

import openpyxl
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.utils import translation

from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.consular.models import ConsularCase
from doingoai.core.records import REGISTRY
from doingoai.core.spreadsheets import XLSX_TYPE, parent_header
from doingoai.core.tests.factories import make_delegation, make_programme
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.testing import client_for

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY


def _rt(model):
    return next(rt for rt in REGISTRY if rt.model is model)


DELEGATIONS = _rt(Delegation)
PROGRAMMES = _rt(AidProgramme)


def exported(client, rt) -> openpyxl.Workbook:
    response = client.get(rt.reverse("list"), {"export": "xlsx-records"})
    assert response.status_code == 200 and response["Content-Type"] == XLSX_TYPE
    return openpyxl.load_workbook(io.BytesIO(response.content))


def upload(workbook) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("records.xlsx", buffer.getvalue(), content_type=XLSX_TYPE)


def filled_rows(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(min_row=2, values_only=True)
            if any(value is not None for value in row)]


def child_sheet(workbook):
    return workbook.worksheets[2]  # the first sheet, the hidden lists, then the child rows


def members_of(delegation) -> list[dict]:
    return [model_to_dict(m, exclude=["id", "delegation"])
            for m in delegation.members.order_by("pk")]


def with_three_members(owner) -> Delegation:
    delegation = make_delegation(owner)
    DelegationMember.objects.create(delegation=delegation, name="Trần Thị Bình",
                                    title="Phó Giám đốc Sở", unit="Sở Ngoại vụ",
                                    nationality_id="VN", role=DelegationMember.Role.MEMBER)
    DelegationMember.objects.create(delegation=delegation, name="Lê Văn Cường",
                                    title="Chuyên viên", nationality_id="VN",
                                    role=DelegationMember.Role.INTERPRETER)
    return delegation


def test_the_template_has_a_sheet_of_child_rows_keyed_by_the_row_of_their_record(
        client, hg_specialist):
    workbook = openpyxl.load_workbook(io.BytesIO(
        client_for(client, hg_specialist).get(DELEGATIONS.reverse("template")).content))
    sheet = child_sheet(workbook)
    headers = [cell.value for cell in sheet[1]]
    with translation.override("vi"):
        assert headers[0] == parent_header() == "Dòng của bản ghi"
        assert str(DelegationMember._meta.get_field("name").verbose_name).capitalize() in [
            str(h).capitalize() for h in headers]
    cases = openpyxl.load_workbook(io.BytesIO(client_for(client, hg_specialist).get(
        _rt(ConsularCase).reverse("template")).content))
    assert len(cases.sheetnames) == 4 and len(set(cases.sheetnames)) == 4  # two kinds


def test_a_delegation_exported_with_its_members_imports_again_to_the_same_record(
        client, ha_giang, hg_specialist):
    original = with_three_members(ha_giang)
    user = client_for(client, hg_specialist)
    workbook = exported(user, DELEGATIONS)
    # three members, each naming row 2 of the first sheet, where their delegation is
    assert [row[0] for row in filled_rows(child_sheet(workbook))] == [2, 2, 2]

    response = user.post(DELEGATIONS.reverse("import"), {"file": upload(workbook)})
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = Delegation.objects.exclude(pk=original.pk).get()
    fields = ["direction", "title", "purpose", "departs_on", "returns_on"]
    assert model_to_dict(copy, fields=fields) == model_to_dict(original, fields=fields)
    assert set(copy.countries.values_list("pk", flat=True)) == {"JP"}
    assert members_of(copy) == members_of(original) and len(members_of(copy)) == 3
    assert copy.history.count() == 1 and copy.members.first().history.count() == 1


def test_an_aid_programme_keeps_its_transactions_amounts_and_currencies_through_the_trip(
        client, ha_giang, hg_specialist):
    original = make_programme(ha_giang)
    AidTransaction.objects.create(programme=original, kind=AidTransaction.Kind.COMMITMENT,
                                  on=dt.date(2024, 5, 2), amount=Decimal("1250000.50"),
                                  currency_id="USD")
    AidTransaction.objects.create(programme=original, kind=AidTransaction.Kind.DISBURSEMENT,
                                  on=dt.date(2024, 9, 30), amount=Decimal("300000000"),
                                  currency_id="JPY")
    user = client_for(client, hg_specialist)
    response = user.post(PROGRAMMES.reverse("import"),
                         {"file": upload(exported(user, PROGRAMMES))})
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = AidProgramme.objects.exclude(pk=original.pk).get()

    def rows(programme):
        return [(t.kind, t.on, t.amount, t.currency_id)
                for t in programme.transactions.order_by("on")]
    assert rows(copy) == rows(original)
    assert {("commitment", dt.date(2024, 5, 2), Decimal("1250000.50"), "USD"),
            ("disbursement", dt.date(2024, 9, 30), Decimal("300000000"), "JPY")} <= set(
        rows(copy))


def test_a_bad_child_row_refuses_its_record_by_sheet_and_row_and_nothing_is_written(
        client, ha_giang, hg_specialist):
    with_three_members(ha_giang)
    user = client_for(client, hg_specialist)
    workbook = exported(user, DELEGATIONS)
    sheet = child_sheet(workbook)
    role_column = next(cell.column for cell in sheet[1]
                       if str(cell.value).lower().startswith(("vai trò", "role")))
    sheet.cell(row=3, column=role_column, value="thủ quỹ bí mật")
    before = (Delegation.objects.count(), DelegationMember.objects.count())

    response = user.post(DELEGATIONS.reverse("import"), {"file": upload(workbook)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "thủ quỹ bí mật" in page and f"{sheet.title}, " in page
    assert (Delegation.objects.count(), DelegationMember.objects.count()) == before


def test_a_child_row_naming_no_records_row_is_refused(client, ha_giang, hg_specialist):
    with_three_members(ha_giang)
    user = client_for(client, hg_specialist)
    workbook = exported(user, DELEGATIONS)
    child_sheet(workbook).cell(row=4, column=1, value=99)
    before = Delegation.objects.count()
    response = user.post(DELEGATIONS.reverse("import"), {"file": upload(workbook)})
    assert response.status_code == 400
    assert "99" in response.content.decode() and "Dòng của bản ghi" in response.content.decode()
    assert Delegation.objects.count() == before


def test_the_export_to_re_import_holds_no_record_of_another_province(
        client, ha_giang, bk_specialist):
    with_three_members(ha_giang)
    workbook = exported(client_for(client, bk_specialist), DELEGATIONS)
    assert filled_rows(workbook.worksheets[0]) == filled_rows(child_sheet(workbook)) == []

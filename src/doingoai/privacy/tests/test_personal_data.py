"""Personal data (Decree 13/2023/NĐ-CP): masked for users without the permission on pages,
forms, history and exports; every view and export of a record with personal data logged,
and the log readable by the province's leader only."""

import io

import openpyxl
import pytest
from django.utils import translation

from doingoai.consular.tests.factories import make_case
from doingoai.core.records import mask
from doingoai.privacy.models import AccessLog
from doingoai.privacy.testing import csv_rows
from doingoai.residents.models import Foreigner
from doingoai.residents.pages import foreigners
from doingoai.residents.tests.factories import make_foreigner
from doingoai.testing import make_user


@pytest.fixture
def hg_leader_with_role(hg_leader):
    hg_leader.membership.can_see_personal_data = True
    hg_leader.membership.save()
    return hg_leader


@pytest.fixture
def foreigner(ha_giang):
    return make_foreigner(ha_giang, passport_number="E12345678",
                          address="Tổ 5, phường Nguyễn Trãi")


def test_mask_keeps_the_first_three_characters_of_a_long_text():
    assert mask("E12345678") == "E12•••••"
    assert mask("B123") == "•••••"
    assert mask("") == ""
    assert mask(None) == ""


def test_a_specialist_without_the_permission_sees_the_passport_number_masked(
    client, hg_specialist, foreigner
):
    client.force_login(hg_specialist)
    detail = client.get(foreigners.reverse("detail", foreigner.pk)).content.decode()
    listing = client.get(foreigners.reverse("list")).content.decode()
    for page in (detail, listing):
        assert "E12•••••" in page
        assert "E12345678" not in page
    assert "Nguyễn Trãi" not in detail


def test_the_history_of_a_personal_field_is_masked_too(client, hg_specialist, foreigner):
    foreigner.passport_number = "E99999999"
    foreigner.save()
    client.force_login(hg_specialist)
    detail = client.get(foreigners.reverse("detail", foreigner.pk)).content.decode()
    assert "E12345678" not in detail
    assert "E99999999" not in detail


def test_the_personal_fields_of_child_rows_are_masked(client, hg_specialist, ha_giang):
    case = make_case(ha_giang)
    client.force_login(hg_specialist)
    detail = client.get(f"/consular/cases/{case.pk}/").content.decode()
    assert "C7654321" not in detail
    assert "Giàng Thị Mai" not in detail
    assert "Bị lừa sang Hà Khẩu" not in detail
    assert "Công dân bị lừa bán sang Trung Quốc" in detail


def test_the_edit_form_leaves_out_personal_fields_and_keeps_their_values(
    client, hg_specialist, foreigner
):
    client.force_login(hg_specialist)
    form = client.get(foreigners.reverse("edit", foreigner.pk)).content.decode()
    assert "E12345678" not in form
    assert 'name="passport_number"' not in form
    data = {"full_name": "Zhang Wei", "nationality": "CN", "purpose": "work",
            "passport_number": "HACKED", "version": str(foreigner.version)}
    assert client.post(foreigners.reverse("edit", foreigner.pk), data).status_code == 302
    foreigner.refresh_from_db()
    assert foreigner.passport_number == "E12345678"


def test_the_leader_with_the_permission_sees_it_and_the_view_is_logged(
    client, hg_leader_with_role, foreigner
):
    client.force_login(hg_leader_with_role)
    detail = client.get(foreigners.reverse("detail", foreigner.pk)).content.decode()
    assert "E12345678" in detail
    entry = AccessLog.objects.get(action="view")
    assert entry.user == hg_leader_with_role
    assert entry.record_type == "residents.foreigner"
    assert entry.record_id == foreigner.pk
    assert entry.province == foreigner.owner
    assert "passport_number" in entry.fields
    # Empty personal fields showed nothing, so they are not logged.
    assert "residence_card_number" not in entry.fields
    assert "date_of_birth" not in entry.fields
    log = client.get("/privacy/log/").content.decode()
    assert f'href="{foreigners.reverse("detail", foreigner.pk)}"' in log
    with translation.override("vi"):
        passport = str(Foreigner._meta.get_field("passport_number").verbose_name)
    assert passport in log
    assert "passport_number" not in log


def test_a_masked_view_is_logged_with_no_field_shown(client, hg_specialist, foreigner):
    client.force_login(hg_specialist)
    client.get(foreigners.reverse("detail", foreigner.pk))
    entry = AccessLog.objects.get(action="view")
    assert (entry.user, entry.fields) == (hg_specialist, [])


def test_a_record_without_personal_data_is_not_logged(client, hg_specialist, ha_giang):
    from doingoai.border.tests.factories import make_gate

    gate = make_gate(ha_giang)
    client.force_login(hg_specialist)
    client.get(f"/border/gates/{gate.pk}/")
    assert not AccessLog.objects.exists()


def test_only_the_leader_reads_the_log(client, hg_specialist, hg_viewer):
    for user in (hg_specialist, hg_viewer):
        client.force_login(user)
        assert client.get("/privacy/log/").status_code == 403


def test_another_provinces_leader_does_not_see_the_log_of_ha_giang(
    client, hg_specialist, bac_kan, foreigner
):
    client.force_login(hg_specialist)
    client.get(foreigners.reverse("detail", foreigner.pk))
    client.force_login(make_user("bk.leader", "leader", bac_kan))
    log = client.get("/privacy/log/").content.decode()
    assert foreigners.reverse("detail", foreigner.pk) not in log
    assert "hg.specialist" not in log


def test_exports_are_masked_for_a_user_without_the_permission_and_logged(
    client, hg_specialist, foreigner
):
    client.force_login(hg_specialist)
    rows = csv_rows(client.get(foreigners.reverse("list"), {"export": "csv"}))
    assert "E12•••••" in rows[1]
    assert "E12345678" not in str(rows)
    response = client.get(foreigners.reverse("list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "E12•••••" in values
    assert "E12345678" not in values
    exports = AccessLog.objects.filter(action="export")
    assert exports.count() == 2
    assert all(e.record_ids == [foreigner.pk] and e.fields == [] for e in exports)


def test_exports_show_personal_data_to_a_user_with_the_permission(
    client, hg_leader_with_role, foreigner
):
    client.force_login(hg_leader_with_role)
    rows = csv_rows(client.get(foreigners.reverse("list"), {"export": "csv"}))
    assert "E12345678" in rows[1]
    entry = AccessLog.objects.get(action="export")
    assert entry.fields == ["passport_number"]


def test_a_list_page_showing_personal_data_is_logged(client, hg_leader_with_role, foreigner):
    client.force_login(hg_leader_with_role)
    client.get(foreigners.reverse("list"))
    entry = AccessLog.objects.get(action="list")
    assert entry.record_ids == [foreigner.pk]


def test_the_edit_form_showing_the_passport_number_is_logged(
    client, hg_leader_with_role, foreigner
):
    foreigner.date_of_birth = "1980-02-03"
    foreigner.save()
    client.force_login(hg_leader_with_role)
    form = client.get(foreigners.reverse("edit", foreigner.pk)).content.decode()
    assert "E12345678" in form
    entry = AccessLog.objects.get(action="view")
    assert entry.user == hg_leader_with_role
    assert entry.record_id == foreigner.pk
    assert {"passport_number", "date_of_birth"} <= set(entry.fields)
    assert entry.path == foreigners.reverse("edit", foreigner.pk)


def test_the_edit_form_of_a_user_without_the_grant_shows_and_logs_nothing_personal(
    client, hg_specialist, foreigner
):
    client.force_login(hg_specialist)
    client.get(foreigners.reverse("edit", foreigner.pk))
    assert not AccessLog.objects.exists()


def test_the_admin_leaves_the_passport_number_out_for_a_superuser_without_the_grant(
    client, admin_user, foreigner
):
    client.force_login(admin_user)
    page = client.get(f"/admin/residents/foreigner/{foreigner.pk}/change/").content.decode()
    assert "E12345678" not in page
    assert 'name="passport_number"' not in page
    assert not AccessLog.objects.exists()


def test_the_admin_shows_the_passport_number_to_a_user_with_the_grant_and_logs_it(
    client, hg_leader_with_role, foreigner
):
    hg_leader_with_role.is_staff = hg_leader_with_role.is_superuser = True
    hg_leader_with_role.save()
    client.force_login(hg_leader_with_role)
    page = client.get(f"/admin/residents/foreigner/{foreigner.pk}/change/").content.decode()
    assert "E12345678" in page
    entry = AccessLog.objects.get()
    assert (entry.user, entry.record_id) == (hg_leader_with_role, foreigner.pk)
    assert "passport_number" in entry.fields


def test_the_admin_inline_of_a_consular_case_hides_the_persons_data_without_the_grant(
    admin_user
):
    from django.contrib import admin

    from doingoai.consular.models import ConsularCase
    from doingoai.core.records import personal_fields_of

    model_admin = admin.site._registry[ConsularCase]
    request = type("Request", (), {"user": admin_user})()
    checked = 0
    for inline in model_admin.get_inline_instances(request, None):
        if personal_fields_of(inline.model):
            assert set(personal_fields_of(inline.model)) <= set(inline.get_exclude(request))
            checked += 1
    assert checked == 1


def test_the_access_log_cites_the_law_on_personal_data_beside_the_decree(
    client, hg_leader_with_role
):
    client.force_login(hg_leader_with_role)
    page = client.get("/privacy/log/").content.decode()
    assert "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15" in page
    assert "Nghị định 13/2023/NĐ-CP" in page


def test_the_admin_change_list_masks_the_names_for_a_superuser_without_the_grant(
    client, admin_user, foreigner
):
    foreigner.full_name = "Nguyễn Văn An"
    foreigner.save()
    client.force_login(admin_user)
    page = client.get("/admin/residents/foreigner/").content.decode()
    assert "Nguyễn Văn An" not in page
    assert "Nguyễn V. A." in page
    # The record is still reached from its row.
    assert f"/admin/residents/foreigner/{foreigner.pk}/change/" in page


def test_the_admin_change_list_shows_the_names_to_a_user_with_the_grant(
    client, hg_leader_with_role, foreigner
):
    hg_leader_with_role.is_staff = hg_leader_with_role.is_superuser = True
    hg_leader_with_role.save()
    foreigner.full_name = "Nguyễn Văn An"
    foreigner.save()
    client.force_login(hg_leader_with_role)
    assert "Nguyễn Văn An" in client.get("/admin/residents/foreigner/").content.decode()

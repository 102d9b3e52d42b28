import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from doingoai.core.models import AdminUnit
from doingoai.organisations.communes import load_communes
from doingoai.organisations.models import Organisation, OrganisationName, refuse_abolished
from doingoai.testing import client_for

pytestmark = pytest.mark.django_db


def rows(response) -> str:
    """The table of a list page, without its filter form."""
    page = response.content.decode()
    return page[page.index("<tbody"):page.rindex("</tbody>")]


def make_org(owner, **fields):
    values = {"kind": Organisation.Kind.DEPARTMENT, "name": "Sở Văn hóa, Thể thao và Du lịch"}
    return Organisation.objects.create(owner=owner, **{**values, **fields})


def test_the_migration_loads_every_2025_commune_of_tuyen_quang_as_an_organisation(tuyen_quang):
    communes = AdminUnit.objects.filter(generation="2025", level="commune", province=tuyen_quang)
    orgs = Organisation.objects.filter(owner=tuyen_quang, kind="commune")
    assert communes.count() > 100
    assert orgs.count() == communes.count()
    assert set(orgs.values_list("admin_unit_id", flat=True)) == set(
        communes.values_list("pk", flat=True))


def test_loading_the_communes_again_adds_nothing(tuyen_quang, capsys):
    assert load_communes(Organisation, AdminUnit, [tuyen_quang]) == 0
    Organisation.objects.filter(owner=tuyen_quang, kind="commune").first().delete()
    call_command("load_communes", province="Tuyên Quang")
    assert "1" in capsys.readouterr().out
    assert Organisation.objects.filter(owner=tuyen_quang, kind="commune").count() == \
        AdminUnit.objects.filter(generation="2025", level="commune", province=tuyen_quang).count()


def test_an_organisation_is_named_by_the_name_it_bore_on_a_date(tuyen_quang):
    office = make_org(tuyen_quang, kind="office", name="Sở Ngoại vụ tỉnh Tuyên Quang")
    OrganisationName.objects.create(organisation=office, name="Sở Ngoại vụ tỉnh Hà Giang",
                                    valid_to=dt.date(2025, 6, 30))
    assert office.name_on(dt.date(2024, 12, 31)) == "Sở Ngoại vụ tỉnh Hà Giang"
    assert office.name_on(dt.date(2025, 12, 31)) == "Sở Ngoại vụ tỉnh Tuyên Quang"


def test_an_abolished_unit_is_refused_for_a_later_date_with_a_clear_message(ha_giang):
    old = make_org(ha_giang, name="Sở Ngoại vụ tỉnh Hà Giang", valid_to=dt.date(2025, 6, 30))
    refuse_abolished(old, dt.date(2025, 1, 5))  # in force then: no error
    with pytest.raises(ValidationError) as refusal:
        refuse_abolished(old, dt.date(2026, 1, 5))
    assert "05/01/2026" in str(refusal.value) and "30/06/2025" in str(refusal.value)


def test_in_force_leaves_out_units_abolished_before_the_date(ha_giang):
    old = make_org(ha_giang, name="Phòng Ngoại vụ", valid_to=dt.date(2025, 6, 30))
    new = make_org(ha_giang, name="Sở Ngoại vụ", valid_from=dt.date(2025, 7, 1))
    on = Organisation.objects.filter(owner=ha_giang).in_force(dt.date(2026, 1, 1))
    assert new in on and old not in on


def test_a_commune_organisation_must_point_to_a_commune_not_a_province(ha_giang):
    org = Organisation(owner=ha_giang, kind="commune", name="Xã", admin_unit=ha_giang)
    with pytest.raises(ValidationError) as refusal:
        org.full_clean()
    assert "admin_unit" in refusal.value.message_dict


def test_the_list_filters_by_kind_place_and_date(client, tq_specialist, ha_giang, tuyen_quang):
    commune = Organisation.objects.filter(owner=tuyen_quang, kind="commune").first()
    make_org(ha_giang, name="Sở Kế hoạch và Đầu tư", valid_to=dt.date(2025, 6, 30))
    make_org(ha_giang, kind="border_post", name="Đồn Biên phòng Lũng Cú")
    client_for(client, tq_specialist)  # today's Tuyên Quang reads Hà Giang's bodies too
    url = reverse("organisations:organisation-list")
    by_kind = rows(client.get(url, {"kind": "border_post"}))
    assert "Đồn Biên phòng Lũng Cú" in by_kind and "Sở Kế hoạch" not in by_kind
    by_date = client.get(url, {"in_force_on": "01/01/2026", "kind": "department"})
    assert "Sở Kế hoạch" not in rows(by_date)
    by_place = rows(client.get(url, {"place": commune.admin_unit_id}))
    assert commune.name in by_place and "Lũng Cú" not in by_place


def test_the_detail_page_shows_the_names_over_time_and_the_bodies_under_it(client, hg_specialist,
                                                                           ha_giang):
    office = make_org(ha_giang, kind="office", name="Sở Ngoại vụ tỉnh Tuyên Quang")
    OrganisationName.objects.create(organisation=office, name="Sở Ngoại vụ tỉnh Hà Giang",
                                    valid_to=dt.date(2025, 6, 30))
    make_org(ha_giang, kind="department", name="Phòng Lãnh sự", parent=office)
    page = client_for(client, hg_specialist).get(
        reverse("organisations:organisation-detail", args=[office.pk])).content.decode()
    assert "Sở Ngoại vụ tỉnh Hà Giang" in page and "Phòng Lãnh sự" in page


def test_another_provinces_user_gets_404_on_an_organisation(client, bk_specialist, ha_giang):
    org = make_org(ha_giang)
    client_for(client, bk_specialist)
    for action in ("detail", "edit", "delete"):
        url = reverse(f"organisations:organisation-{action}", args=[org.pk])
        assert client.get(url).status_code == 404


def test_deleting_an_organisation_is_audited_and_recoverable(client, hg_specialist, ha_giang):
    org = make_org(ha_giang)
    client_for(client, hg_specialist)
    client.post(reverse("organisations:organisation-delete", args=[org.pk]))
    assert not Organisation.objects.filter(pk=org.pk).exists()
    client.post(reverse("organisations:organisation-restore", args=[org.pk]))
    assert Organisation.objects.filter(pk=org.pk).exists()
    assert org.history.count() == 3


def test_the_communes_rank_is_the_one_the_model_gives_a_commune(ha_giang):
    from doingoai.organisations.communes import COMMUNE_RANK

    assert make_org(ha_giang, kind="commune", name="Xã Lũng Cú").kind_rank == COMMUNE_RANK


def test_move_users_takes_ha_giangs_users_to_tuyen_quang_keeping_their_history(
        hg_specialist, bk_specialist, tuyen_quang, capsys):
    call_command("move_users", "Hà Giang")
    hg_specialist.membership.refresh_from_db()
    bk_specialist.membership.refresh_from_db()
    assert hg_specialist.membership.province == tuyen_quang
    assert bk_specialist.membership.province.name == "Bắc Kạn"  # another province: untouched
    assert hg_specialist.membership.history.count() == 2
    assert "1" in capsys.readouterr().out


def test_move_users_refuses_a_province_that_was_not_merged(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("move_users", "Atlantis")

"""Which provinces a user reads and changes: the answers every access helper relies on."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from doingoai.accounts.scope import (
    can_write,
    can_write_record,
    home_province,
    is_leader,
    readable_unit_ids,
)
from doingoai.core.tests.factories import make_partner


def test_a_province_user_reads_only_its_own_province(hg_specialist, hg_viewer, ha_giang):
    assert readable_unit_ids(hg_specialist) == [ha_giang.pk]
    assert readable_unit_ids(hg_viewer) == [ha_giang.pk]


def test_todays_province_also_reads_the_provinces_merged_into_it(tq_specialist, tuyen_quang,
                                                                  ha_giang):
    ids = set(readable_unit_ids(tq_specialist))
    assert {tuyen_quang.pk, ha_giang.pk} <= ids
    assert len(ids) == 3  # today's Tuyên Quang, old Tuyên Quang, Hà Giang


def test_the_ministry_and_a_superuser_read_every_province(ministry_viewer, db):
    assert readable_unit_ids(ministry_viewer) is None
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    assert readable_unit_ids(admin) is None


def test_a_user_without_a_membership_and_an_anonymous_visitor_read_nothing(db):
    stranger = get_user_model().objects.create_user("stranger")
    assert readable_unit_ids(stranger) == []
    assert readable_unit_ids(AnonymousUser()) == []
    assert not can_write(stranger)
    assert not can_write(AnonymousUser())
    assert home_province(AnonymousUser()) is None


def test_specialists_and_leaders_write_viewers_and_the_ministry_do_not(
    hg_specialist, hg_leader, hg_viewer, ministry_viewer
):
    assert can_write(hg_specialist)
    assert can_write(hg_leader)
    assert not can_write(hg_viewer)
    assert not can_write(ministry_viewer)


def test_a_user_writes_only_the_records_of_its_own_province(
    hg_specialist, bk_specialist, ministry_viewer, ha_giang, bac_kan
):
    ours = make_partner(ha_giang)
    theirs = make_partner(bac_kan)
    assert can_write_record(hg_specialist, ours)
    assert not can_write_record(hg_specialist, theirs)
    assert not can_write_record(bk_specialist, ours)
    assert not can_write_record(ministry_viewer, ours)


def test_only_a_leader_is_a_leader(hg_leader, hg_specialist, ministry_viewer):
    assert is_leader(hg_leader)
    assert not is_leader(hg_specialist)
    assert not is_leader(ministry_viewer)


def test_the_home_province_is_the_membership_province(hg_specialist, ministry_viewer, ha_giang):
    assert home_province(hg_specialist) == ha_giang
    assert home_province(ministry_viewer) is None

"""Retention of personal data in every register that holds it (issue 13, item 7): past the
period counted from the end of its purpose, the personal fields are erased in the record and
its history, and the erasure is logged."""

import datetime as dt

import pytest
from django.core.management import call_command

from doingoai.core.tests.factories import make_record
from doingoai.passports.models import OfficialPassport
from doingoai.privacy.models import AccessLog
from doingoai.privacy.retention import erase_past_retention
from doingoai.residents.models import Foreigner

TODAY = dt.date(2026, 6, 1)


def foreigner(owner, left_on):
    return make_record(Foreigner, owner, left_on=left_on, passport_number="E1234567",
                       date_of_birth=dt.date(1980, 2, 3), address="12 Nguyễn Trãi")


@pytest.mark.django_db
def test_a_foreigner_gone_longer_than_the_period_has_the_personal_data_erased(ha_giang):
    gone = foreigner(ha_giang, dt.date(2020, 5, 1))
    nationality = gone.nationality_id if hasattr(gone, "nationality_id") else None
    erase_past_retention(TODAY)
    gone.refresh_from_db()
    assert (gone.passport_number, gone.date_of_birth, gone.address) == ("", None, "")
    assert getattr(gone, "nationality_id", None) == nationality
    assert set(Foreigner.history.filter(id=gone.pk).values_list("passport_number", flat=True)) \
        == {""}
    entry = AccessLog.objects.get(action="erase")
    assert (entry.province, entry.record_type, entry.record_ids, entry.user) == (
        ha_giang, "residents.foreigner", [gone.pk], None)
    assert "passport_number" in entry.fields


@pytest.mark.django_db
def test_a_recent_departure_or_a_foreigner_still_here_keeps_the_data(ha_giang):
    recent = foreigner(ha_giang, dt.date(2023, 1, 1))
    here = foreigner(ha_giang, None)
    erase_past_retention(TODAY)
    for record in (recent, here):
        record.refresh_from_db()
        assert record.passport_number == "E1234567"
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_the_period_is_the_offices_setting(ha_giang, settings):
    settings.DOINGOAI_RETENTION_YEARS = 10
    gone = foreigner(ha_giang, dt.date(2020, 5, 1))
    erase_past_retention(TODAY)
    gone.refresh_from_db()
    assert gone.passport_number == "E1234567"


@pytest.mark.django_db
def test_a_required_passport_number_is_replaced_by_a_mark_and_a_second_run_erases_nothing(
        ha_giang):
    passport = make_record(OfficialPassport, ha_giang, number="B7654321",
                           expires_on=dt.date(2019, 1, 1))
    first = erase_past_retention(TODAY)
    passport.refresh_from_db()
    assert passport.number == "—"
    assert [p.pk for p in first["passports.OfficialPassport"]] == [passport.pk]
    second = erase_past_retention(TODAY)
    assert all(records == [] for records in second.values())


@pytest.mark.django_db
def test_the_anonymise_command_erases_every_register_and_dry_run_changes_nothing(ha_giang):
    gone = foreigner(ha_giang, dt.date(2020, 5, 1))
    call_command("anonymise", "--dry-run", "--today", TODAY.isoformat())
    gone.refresh_from_db()
    assert gone.passport_number == "E1234567"
    call_command("anonymise", "--today", TODAY.isoformat())
    gone.refresh_from_db()
    assert gone.passport_number == ""

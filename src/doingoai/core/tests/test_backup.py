"""`doingoai backup` and `doingoai restore`: what a restore gives back is exactly what was
saved (compared through a canonical dump), attachments included."""

import io
import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from doingoai.agreements.models import Agreement
from doingoai.core.backup import ExactEncoder, backed_up_models
from doingoai.core.tests.factories import (
    make_agreement,
    make_delegation,
    make_partner,
    make_programme,
)
from doingoai.partners.models import Partner

pytestmark = pytest.mark.django_db

SIGNED_TEXT = "Biên bản ghi nhớ đã ký — bản quét".encode() + bytes(range(256))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def canonical_dump() -> list:
    """Every row of every backed-up model (soft-deleted ones too), with natural keys for
    content types and times to the microsecond, sorted."""
    ContentType.objects.clear_cache()
    rows = [row for model in backed_up_models() for row in model._base_manager.all()]
    dumped = json.loads(serializers.serialize(
        "json", rows, use_natural_foreign_keys=True, cls=ExactEncoder
    ))
    return sorted(dumped, key=lambda row: (row["model"], json.dumps(row["pk"])))


@pytest.fixture
def office(media, ha_giang, bac_kan, hg_specialist, bk_specialist):
    """Records of several types with history, a soft-deleted one and an attachment."""
    partner = make_partner(ha_giang, name_vi="Tỉnh Vân Nam")
    partner.name_en = "Yunnan Province"
    partner.save()
    agreement = make_agreement(ha_giang, partners=[partner])
    agreement.document.save("mou.pdf", ContentFile(SIGNED_TEXT))
    make_programme(ha_giang)
    make_delegation(bac_kan)
    gone = make_partner(bac_kan, name_vi="Quận Gangnam")
    gone.soft_delete()
    # Links to records in the trash: the agreement's to a partner since deleted.
    trashed = make_partner(ha_giang, name_vi="Thành phố Côn Minh")
    linked = make_agreement(ha_giang, partners=[partner, trashed])
    trashed.soft_delete()
    assert linked.partners.through.objects.filter(agreement=linked).count() == 2
    return agreement


def every_table() -> dict[str, list]:
    """Every row of every table Django knows (sessions aside), read by SQL, not through a
    model's manager, so that nothing a manager hides (the trash) escapes the comparison.
    Content types and permissions are not in a backup (the migrations make them, under ids
    of their own): they are compared without their ids."""
    by_name = {
        "django_content_type": "SELECT app_label, model FROM django_content_type",
        "auth_permission": "SELECT p.codename, p.name, c.app_label, c.model FROM auth_permission p"
                           " JOIN django_content_type c ON c.id = p.content_type_id",
    }
    # The links of a many-to-many field are compared as pairs: a restore writes them anew,
    # under ids that nothing refers to.
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created:
            columns = ", ".join(connection.ops.quote_name(f.column)
                                for f in model._meta.local_fields if not f.primary_key)
            by_name[model._meta.db_table] = f"SELECT {columns} FROM {model._meta.db_table}"
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            if table == "django_session":
                continue
            cursor.execute(by_name.get(table, f"SELECT * FROM {connection.ops.quote_name(table)}"))
            tables[table] = sorted(tuple(str(value) for value in row)
                                    for row in cursor.fetchall())
    return tables


def flush_database():
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to truncate tables with deferred foreign-key checks pending in
        # the test's transaction: run them now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()


def test_a_restore_into_an_empty_database_gives_back_exactly_what_was_saved(office, tmp_path):
    before = canonical_dump()
    saved = {row["model"] for row in before}
    assert {"agreements.historicalagreement", "accounts.membership", "auth.user",
            "core.adminunit", "aid.aidtransaction"} <= saved
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    flush_database()
    default_storage.delete(office.document.name)
    assert not Partner.all_objects.exists()

    call_command("restore", str(archive), stdout=io.StringIO())

    assert canonical_dump() == before
    agreement = Agreement.objects.get(pk=office.pk)
    with agreement.document.open("rb") as restored:
        assert restored.read() == SIGNED_TEXT
    assert Partner.all_objects.filter(deleted_at__isnull=False).count() == 2
    assert agreement.history.count() == office.history.count() >= 2


def test_a_restore_gives_back_every_row_of_every_table_links_to_the_trash_included(
    office, tmp_path
):
    before = every_table()
    assert before["agreements_agreement_partners"]
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    flush_database()
    call_command("restore", str(archive), stdout=io.StringIO())
    after = every_table()
    differing = {table: (len(rows), len(after.get(table, [])))
                 for table, rows in before.items() if after.get(table) != rows}
    assert differing == {}


def test_a_record_created_after_a_restore_gets_a_new_id(office, tmp_path, ha_giang):
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    highest = Partner.all_objects.order_by("-pk").first().pk
    flush_database()

    call_command("restore", str(archive), stdout=io.StringIO())

    owner = type(ha_giang).objects.get(pk=ha_giang.pk)
    assert make_partner(owner).pk > highest


def test_a_restore_into_a_database_with_records_is_refused(office, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    make_partner(office.owner, name_vi="Thêm sau sao lưu")

    with pytest.raises(CommandError, match="already holds users or records"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Partner.objects.filter(name_vi="Thêm sau sao lưu").exists()


def test_a_forced_restore_replaces_what_the_database_holds(office, tmp_path):
    before = canonical_dump()
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    make_partner(office.owner, name_vi="Thêm sau sao lưu")

    call_command("restore", str(archive), force=True, stdout=io.StringIO())

    assert not Partner.objects.filter(name_vi="Thêm sau sao lưu").exists()
    assert canonical_dump() == before


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="Not a doingoai backup"):
        call_command("restore", str(bogus), stdout=io.StringIO())

"""Every province's 2025 communes and wards as its organisations (kind "commune")."""

from django.db import migrations


def forwards(apps, schema_editor):
    from doingoai.organisations.communes import load_communes

    load_communes(apps.get_model("organisations", "Organisation"),
                  apps.get_model("core", "AdminUnit"))


def backwards(apps, schema_editor):
    apps.get_model("organisations", "Organisation").objects.filter(
        kind="commune", admin_unit__isnull=False, created_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_organisations"), ("core", "0005_merge_0003_non_negative_amounts_0004_vietnamese_order")]
    operations = [migrations.RunPython(forwards, backwards)]

"""Before a migration adds a check constraint, name the rows that already break it, so that
``doingoai migrate`` stops with a message saying what to correct (in English and Vietnamese)
rather than the database's bare "CHECK constraint failed" (issue 10, items 7 and 9)."""

from django.core.management.base import CommandError
from django.db import migrations


def refuse_rows(app_label: str, model_name: str, bad, rule_en: str, rule_vi: str):
    """A ``RunPython`` operation that stops the migration when rows match ``bad`` (a Q)."""

    def check(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        ids = list(model._base_manager.using(schema_editor.connection.alias)
                   .filter(bad).order_by("pk").values_list("pk", flat=True)[:50])
        if ids:
            listed = ", ".join(str(pk) for pk in ids)
            raise CommandError(
                f"{model._meta.verbose_name_plural} no. {listed}: {rule_en}. Correct them "
                f"(in the admin of the version installed before) and run migrate again.\n"
                f"{app_label}.{model_name} {listed}: {rule_vi}. Hãy sửa các bản ghi này (ví dụ "
                f"trong trang quản trị của phiên bản cũ) rồi chạy lại migrate."
            )

    return migrations.RunPython(check, migrations.RunPython.noop, elidable=True)

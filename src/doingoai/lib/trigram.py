"""Trigram (pg_trgm) GIN indexes on a register's ``search_text``, for the list search's
``LIKE '%…%'`` (issue 15): a migration operation that runs only on PostgreSQL; on SQLite it
does nothing (the embedded default scans, which is fine at a province's size)."""

from django.db import migrations


def trigram_index(app_label: str, model_name: str, field: str = "search_text"):
    """A ``RunPython`` operation creating (and, reversed, dropping) the GIN trigram index of
    ``field``, with the pg_trgm extension (trusted: the database owner may create it)."""

    def names(apps):
        table = apps.get_model(app_label, model_name)._meta.db_table
        return table, f"{table}_{field}_trgm"[:63]

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table, index = names(apps)
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{index}" ON "{table}" USING gin ("{field}" '
            f"gin_trgm_ops)")

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        _table, index = names(apps)
        schema_editor.execute(f'DROP INDEX IF EXISTS "{index}"')

    return migrations.RunPython(create, drop)

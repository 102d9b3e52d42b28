"""SQLite FTS5 indexes of a register's ``search_text`` for the list search (issue 15), the
embedded default's counterpart of the pg_trgm indexes of ``lib/trigram.py``.

The index is an external-content FTS5 table with the trigram tokenizer, kept in step with the
register's table by triggers. ``search_text`` is already folded (``lib.text.fold``: lower case,
no diacritics), so the tokenizer is case-sensitive: a quoted term of three characters or more
matches exactly the rows whose ``search_text`` contains it, as ``LIKE '%term%'`` does. A
shorter term has no trigram and stays a ``LIKE``. A model opts in with ``SEARCH_INDEXED = True``
and a migration running ``fts_index``; PostgreSQL keeps its trigram index.

SQLite drops a table's triggers when a migration remakes the table (an altered column): after
every ``migrate`` ``repair_indexes`` puts back what is missing and rebuilds that index.
"""

from django.apps import apps as global_apps
from django.db import connections, migrations
from django.db.models.expressions import RawSQL

MIN_TERM = 3  # the trigram tokenizer's shortest searchable term


def index_table(db_table: str) -> str:
    return f"{db_table}_fts"


def _statements(db_table: str) -> list[str]:
    fts = index_table(db_table)
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5(search_text, '
        f"content='{db_table}', content_rowid='id', tokenize='trigram case_sensitive 1')",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{db_table}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.id, new.search_text); END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{db_table}" BEGIN '
        f"INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); END",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE OF id, search_text ON '
        f'"{db_table}" BEGIN '
        f"INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); "
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.id, new.search_text); END',
        # The rows already there (and, after a repair, those written without the triggers).
        f"INSERT INTO \"{fts}\"(\"{fts}\") VALUES ('rebuild')",
    ]


def _names(db_table: str) -> set[str]:
    fts = index_table(db_table)
    return {fts, f"{fts}_ai", f"{fts}_ad", f"{fts}_au"}


def create_index(connection, db_table: str) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(db_table):
            cursor.execute(statement)


def drop_index(connection, db_table: str) -> None:
    fts = index_table(db_table)
    with connection.cursor() as cursor:
        for trigger in ("ai", "ad", "au"):
            cursor.execute(f'DROP TRIGGER IF EXISTS "{fts}_{trigger}"')
        cursor.execute(f'DROP TABLE IF EXISTS "{fts}"')


def fts_index(app_label: str, model_name: str):
    """A ``RunPython`` operation creating (and, reversed, dropping) the FTS5 index of the
    model's ``search_text`` and its triggers, on SQLite only."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            create_index(schema_editor.connection,
                         apps.get_model(app_label, model_name)._meta.db_table)

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            drop_index(schema_editor.connection,
                       apps.get_model(app_label, model_name)._meta.db_table)

    return migrations.RunPython(create, drop)


def indexed_models():
    return [m for m in global_apps.get_models() if getattr(m, "SEARCH_INDEXED", False)]


def missing_parts(connection, db_table: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
                       "AND name LIKE %s", [index_table(db_table) + "%"])
        present = {row[0] for row in cursor.fetchall()}
    return _names(db_table) - present


def repair_indexes(using="default", **_kwargs) -> list[str]:
    """The post_migrate handler: the tables of the indexed models whose index or triggers
    were missing (dropped with a remade table), each given them back and rebuilt."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    existing = set(connection.introspection.table_names())
    repaired = []
    for model in indexed_models():
        db_table = model._meta.db_table
        # Before its app's FTS migration has run (a partial migrate), there is nothing to keep.
        if db_table not in existing or index_table(db_table) not in existing:
            continue
        if missing_parts(connection, db_table):
            create_index(connection, db_table)
            repaired.append(db_table)
    return repaired


def match_expression(terms) -> str:
    """The FTS5 query of all ``terms``, each a quoted string (a phrase of its trigrams)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def search(queryset, terms):
    """``queryset`` narrowed to the rows whose ``search_text`` contains every term: through the
    FTS5 index on SQLite for the terms it can serve, ``LIKE`` for the others."""
    model = queryset.model
    indexed = (getattr(model, "SEARCH_INDEXED", False)
               and connections[queryset.db].vendor == "sqlite")
    long_terms = [t for t in terms if len(t) >= MIN_TERM] if indexed else []
    if long_terms:
        fts = index_table(model._meta.db_table)
        queryset = queryset.filter(pk__in=RawSQL(
            f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s', [match_expression(long_terms)]))
    for term in terms:
        if term not in long_terms:
            queryset = queryset.filter(search_text__contains=term)
    return queryset

"""Bulk inserts of many rows, with their history rows, in raw SQL.

Why: Django's ``bulk_create`` (and simple_history's ``bulk_create_with_history`` on top of
it) compiles each INSERT field by field and value by value, and builds a historical model
instance per row; for an import of thousands of rows that is most of the time. Here the
column list and the value converters are worked out once per model. On SQLite each table
gets one multi-row ``INSERT ... RETURNING id`` per few hundred rows (the rows whose ids are
needed) or one ``executemany`` (history and link rows); on PostgreSQL one ``COPY ... FROM
STDIN`` per table and batch, the ids of the rows whose ids are needed taken from the table's
sequence beforehand in one query.

What is written is what ``bulk_create_with_history`` writes: each value goes through its
field's ``pre_save`` (auto_now and auto_now_add) and ``get_db_prep_save`` unless it already
has the one type the driver takes as is (a ``str`` for a text column, an ``int`` for an
integer one...); each row gets its history row (history_type "+", the same who and when,
no change reason). No signal is sent, as bulk_create sends none.
"""

import datetime as dt
import operator
import sqlite3
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.db import connections, models, router
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from django.utils import timezone
from simple_history.utils import get_history_model_for_model

ROWS_PER_STATEMENT = 500
# The driver takes these as they are for a column of this internal type.
_AS_IS = {
    "CharField": str, "TextField": str, "SlugField": str, "EmailField": str,
    "URLField": str, "AutoField": int, "BigAutoField": int, "SmallAutoField": int,
    "IntegerField": int, "BigIntegerField": int, "SmallIntegerField": int,
    "PositiveIntegerField": int, "PositiveBigIntegerField": int,
    "PositiveSmallIntegerField": int, "BooleanField": bool, "DecimalField": Decimal,
}


def _internal_type(field) -> str:
    target = field.target_field if field.is_relation else field
    return target.get_internal_type()


class _Never:
    """The type of no value: its column's values all go through the preparer."""


def _as_is(field, connection) -> type:
    """The type of the values of ``field`` that the driver takes unchanged."""
    if field.get_internal_type() == "DateField" and not field.is_relation:
        return dt.date if connection.vendor == "postgresql" else _Never
    return _AS_IS.get(_internal_type(field), _Never)


def _preparer(field, connection):
    """A function making ``value`` what the database driver takes for ``field``."""
    as_is = _AS_IS.get(_internal_type(field))
    if field.get_internal_type() == "DateField" and not field.is_relation:
        adapt = connection.ops.adapt_datefield_value

        def prepare(value, field=field):
            if value is None:
                return None
            if type(value) is dt.date:
                return adapt(value)
            return field.get_db_prep_save(value, connection)
        return prepare

    def prepare(value, field=field, as_is=as_is):
        if value is None or type(value) is as_is:
            return value
        return field.get_db_prep_save(value, connection)
    return prepare


class Table:
    """How to insert rows of ``model`` (and their history rows) on ``connection``."""

    def __init__(self, model, connection):
        self.model = model
        self.connection = connection
        meta = model._meta
        self.pk = meta.pk
        self.fields = [f for f in meta.concrete_fields if f is not self.pk]
        self.pre_saved = [i for i, f in enumerate(self.fields)
                          if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                          or isinstance(f, models.FileField)]
        self.preparers = [_preparer(f, connection) for f in self.fields]
        quote = connection.ops.quote_name
        self.table = quote(meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in self.fields)
        self.attnames = [f.attname for f in self.fields]
        self.columns_prepared = list(zip(self.preparers, self.attnames, strict=True))
        self.columns_typed = [(name, _as_is(f, connection), prepare) for f, name, prepare
                              in zip(self.fields, self.attnames, self.preparers, strict=True)]
        self.history = None
        if hasattr(model._meta, "simple_history_manager_attribute"):
            self.history = HistoryTable(model, self, connection)

    def values(self, obj) -> list:
        for i in self.pre_saved:
            field = self.fields[i]
            setattr(obj, field.attname, field.pre_save(obj, True))
        state = obj.__dict__  # where a model instance keeps its loaded values
        try:
            # A value of the type its column takes as it is (most of them) skips the call.
            return [value if (value := state[name]) is None or type(value) is as_is
                    else prepare(value) for name, as_is, prepare in self.columns_typed]
        except KeyError:  # a deferred field: read through its descriptor
            return [prepare(getattr(obj, name)) for prepare, name in self.columns_prepared]

    def insert(self, objs, *, user=None) -> None:
        """Insert ``objs`` (unsaved instances of the model), setting their pk, and their
        history rows (who: ``user``, else the one simple_history would take)."""
        if not objs:
            return
        rows = [self.values(obj) for obj in objs]
        ids = insert_returning(self.connection, self.table, self.columns, len(self.fields),
                               self.pk.column, rows)
        for obj, pk in zip(objs, ids, strict=True):
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = self.connection.alias
        if self.history is not None:
            self.history.insert(objs, rows, ids, user=user)


class HistoryTable:
    """The simple_history table of a model: one "+" row per inserted row."""

    def __init__(self, model, table: Table, connection):
        self.model = get_history_model_for_model(model)
        self.connection = connection
        meta = self.model._meta
        fields = [f for f in meta.concrete_fields if not f.primary_key]
        position = {name: i for i, name in enumerate(table.attnames)}
        self.source = []  # per history column: an index of the row's values, or a name
        for f in fields:
            if f.attname == table.pk.attname:
                self.source.append("pk")
            elif f.attname in position:
                self.source.append(position[f.attname])
            elif f.attname in ("history_date", "history_type", "history_user_id",
                               "history_change_reason"):
                self.source.append(f.attname)
            else:
                raise ValueError(f"{meta.label}.{f.attname}: not written by lib.bulk")
        self.date_field = meta.get_field("history_date")
        quote = connection.ops.quote_name
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(meta.db_table), ", ".join(quote(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)))
        self.width = len(fields)
        self.table_name = quote(meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in fields)

    def insert(self, objs, rows, ids, *, user=None) -> None:
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        if user is None:
            user = self.model.get_default_history_user(objs[0])
        user_id = getattr(user, "pk", user)
        when = self.date_field.get_db_prep_save(timezone.now(), self.connection)
        fixed = {"history_date": when, "history_type": "+", "history_user_id": user_id,
                 "history_change_reason": None}
        # Each history row picks its values from the row's, followed by the pk and the fixed
        # ones: one C-level itemgetter call a row.
        width = len(rows[0]) if rows else 0
        extra = {"pk": width, "history_date": width + 1, "history_type": width + 2,
                 "history_user_id": width + 3, "history_change_reason": width + 4}
        pick = operator.itemgetter(*[s if type(s) is int else extra[s] for s in self.source])
        tail = [fixed[name] for name in list(extra)[1:]]
        history = [pick([*row, pk, *tail]) for row, pk in zip(rows, ids, strict=True)]
        insert_many(self.connection, self.table_name, self.columns, self.width, history)


_tables: dict[tuple, Table] = {}


def table(model) -> Table:
    connection = connections[router.db_for_write(model)]
    key = (model, connection.alias, connection.vendor)
    if key not in _tables:
        _tables[key] = Table(model, connection)
    return _tables[key]


def insert(objs, model, *, user=None) -> None:
    """Insert ``objs`` of ``model`` with their history rows (see the module's docstring)."""
    table(model).insert(objs, user=user)


def _rows_per_statement(connection, width: int) -> int:
    limit = 65535 if connection.vendor == "postgresql" else 999
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_STATEMENT, limit // max(width, 1)))


def _multi_row_sql(table_name, columns, width, count, returning=None) -> str:
    row = "(" + ", ".join(["%s"] * width) + ")"
    sql = f"INSERT INTO {table_name} ({columns}) VALUES " + ", ".join([row] * count)
    return f"{sql} RETURNING {returning}" if returning else sql


def insert_returning(connection, table_name, columns, width, pk_column, rows) -> list:
    """Insert ``rows`` (lists of prepared values) and return their ids, in order."""
    if connection.vendor == "postgresql":
        ids = _pg_next_ids(connection, table_name, pk_column, len(rows))
        quote = connection.ops.quote_name
        _pg_copy(connection, table_name, f"{quote(pk_column)}, {columns}",
                 ([pk, *row] for pk, row in zip(ids, rows, strict=True)))
        return ids
    returning = connection.ops.quote_name(pk_column)
    step = _rows_per_statement(connection, width)
    ids = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), step):
            chunk = rows[start:start + step]
            cursor.execute(_multi_row_sql(table_name, columns, width, len(chunk), returning),
                           [value for row in chunk for value in row])
            ids += [found[0] for found in cursor.fetchall()]
    if len(ids) != len(rows):
        raise RuntimeError("the database returned fewer ids than rows inserted")
    return ids


def insert_many(connection, table_name, columns, width, rows) -> None:
    """Insert ``rows`` (lists of prepared values), whose ids nobody needs."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _pg_copy(connection, table_name, columns, rows)
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(_multi_row_sql(table_name, columns, width, 1), rows)
            return
        step = _rows_per_statement(connection, width)
        for start in range(0, len(rows), step):
            chunk = rows[start:start + step]
            cursor.execute(_multi_row_sql(table_name, columns, width, len(chunk)),
                           [value for row in chunk for value in row])


def _pg_next_ids(connection, table_name, pk_column, count) -> list:
    """``count`` new ids of the table, taken from its sequence in one query, ascending (as
    the rows' own defaults would have been): the rows are then copied with their ids."""
    if not count:
        return []
    with _pg_cursor(connection) as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM "
                       "generate_series(1, %s) ORDER BY 1",
                       [table_name, pk_column, count])
        return [found[0] for found in cursor.fetchall()]


def _pg_copy(connection, table_name, columns, rows) -> None:
    """``COPY ... FROM STDIN`` of ``rows`` on the same connection (so in the same
    transaction): one statement a table, the rows streamed in COPY's text format, where
    ``INSERT`` (even pipelined) has the server parse, plan and run one statement a row; a
    column not named takes its default (a history row's id). Errors are Django's, as the
    callers' savepoints catch them."""
    with (_pg_cursor(connection) as cursor,
          cursor.copy(f"COPY {table_name} ({columns}) FROM STDIN") as copy):
        for row in rows:
            copy.write_row(row)


@contextmanager
def _pg_cursor(connection):
    """A psycopg cursor of Django's connection, so in its transaction, raising Django's
    errors."""
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        yield cursor


def insert_links(through, rows) -> None:
    """Insert rows of a many-to-many table: ``rows`` of (source pk, target pk)."""
    connection = connections[router.db_for_write(through)]
    meta = through._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    insert_many(connection, quote(meta.db_table), ", ".join(quote(f.column) for f in fields),
                len(fields), rows)
    # Links write no history row: the lists' cached rows of both ends are told so.
    from doingoai.core.list_cache import rows_written

    for linked in fields:
        rows_written(linked.related_model, connection.alias)


def unsaved(model):
    """A maker of unsaved ``model`` instances from attribute values (``make(**values)``),
    several times faster than ``model(**values)``: the defaults are taken once, and no
    pre_init/post_init signal is sent (the maker falls back to ``model`` when a receiver
    listens, or a default is computed)."""
    fields = model._meta.concrete_fields
    if (pre_init.has_listeners(model) or post_init.has_listeners(model)
            or any(callable(f.default) for f in fields if f.has_default())):
        return model
    defaults = {f.attname: f.get_default() for f in fields}
    relations = {f.name: f.attname for f in fields if f.is_relation}
    new = model.__new__

    def make(**values):
        obj = new(model)
        obj._state = ModelState()
        for name, attname in relations.items():
            if name in values:  # a related object: cached, as model(**values) would
                related = values.pop(name)
                obj._state.fields_cache[name] = related
                values[attname] = None if related is None else related.pk
        state = obj.__dict__
        state.update(defaults)
        state.update(values)
        return obj
    return make

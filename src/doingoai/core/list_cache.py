"""The list pages' rows -- the count, the table of one page and its page links -- rendered once
and kept in the cache (issue 15): a list read again with the same filters and search by users
of the same scope costs one small query instead of the count, the page's query and the
rendering.

The rows are cached under the record type's list, the viewer's scope (``scope_key``: another
province's user never gets them) and whether they see personal data, the language, the whole
query string and the *generation* of the rows, which changes with every write that may change
them, wherever it is made:

* the sum of the ``ListGeneration`` numbers of the models the rows are read from (the record
  type's, those its columns show, its child rows'): each transaction that saved, deleted or
  linked a row of one of them counts it up once it is committed, so every server sees it;
* the last history id of the record type's model: the bulk writes (``lib/bulk.py``,
  ``bulk_create_with_history``) send no signal but write history rows;
* this process's own count of those signals, which changes at once, inside the writer's
  transaction too (and between tests, whose rolled-back database counts from 0 again).

A stale entry is never read again (its key is gone) and leaves the cache after ``TIMEOUT``.
A write that bypasses both (a bare ``QuerySet.update``) calls ``rows_written`` itself, as the
erasure of personal data does (``ConsularCase.anonymise``, ``privacy.retention``), so an
erased name is never served from the cache. The cache need not be shared between processes:
an entry cannot go stale, each process fills its own.
"""

import functools
import hashlib
import secrets
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from doingoai.core.filter_choices import scope_key
from doingoai.core.models import ListGeneration

TIMEOUT = 300  # seconds
PROCESS = secrets.token_hex(4)
_signals = [0]  # this process's count of writes to a watched model


def models_of(rt) -> set:
    """The models whose rows make ``rt``'s list rows: its own, those its columns show (and
    the names of those read), its child rows'."""
    found = {rt.model}
    joins, prefetches = rt.list_relations()
    for path in joins + prefetches:
        model = rt.model
        for name in path.split("__"):
            model = model._meta.get_field(name).related_model
            found.add(model)
    found.update(inline.model for inline in rt.inlines)
    return found


_labels: dict[int, tuple[str, ...]] = {}  # id of a RecordType (not hashable) -> its labels


def labels_of(rt) -> tuple[str, ...]:
    if id(rt) not in _labels:
        _labels[id(rt)] = tuple(sorted(model._meta.label_lower for model in models_of(rt)))
    return _labels[id(rt)]


@functools.cache
def watched() -> frozenset[str]:
    """The labels of the models of every record type's list. The URLconf defines the record
    types: imported here too, for a process that writes without serving pages (a job)."""
    from doingoai.core.records import REGISTRY

    import_module(settings.ROOT_URLCONF)
    return frozenset(label for rt in REGISTRY for label in labels_of(rt))


def _bump(label: str, using: str) -> None:
    rows = ListGeneration.objects.using(using).filter(label=label)
    if not rows.update(number=F("number") + 1):
        # The first write of this model: the row made (by this process or another), then
        # counted, so that two first writers both count.
        ListGeneration.objects.using(using).bulk_create(
            [ListGeneration(label=label, number=0)], ignore_conflicts=True
        )
        rows.update(number=F("number") + 1)


def bump_after_commit(label: str, using: str) -> None:
    """Count ``label`` up once the current transaction is committed (at once outside one),
    once per transaction however many rows it wrote."""
    connection = connections[using]
    if any(
        getattr(callback, "list_generation", None) == label
        for _ids, callback, _robust in connection.run_on_commit
    ):
        return
    callback = functools.partial(_bump, label, using)
    callback.list_generation = label
    transaction.on_commit(callback, using=using)


def rows_written(model, using=None) -> None:
    """Rows of ``model`` were written (or linked) without a signal: ``lib/bulk.py`` says so."""
    label = model._meta.label_lower
    if label in watched():
        _signals[0] += 1
        bump_after_commit(label, using or router.db_for_write(model))


def _changed(sender, instance=None, using=None, action=None, model=None, **_kwargs):
    if action is not None and not action.startswith("post_"):
        return
    if sender.__module__ == "__fake__":  # a migration's model, perhaps before the table
        return
    labels = {sender._meta.label_lower}
    if action is not None:  # m2m_changed: sender is the link table
        labels |= {type(instance)._meta.label_lower, model._meta.label_lower}
    labels &= watched()
    if labels:
        _signals[0] += 1
        for label in sorted(labels):
            bump_after_commit(label, using or "default")


post_save.connect(_changed, dispatch_uid="doingoai-list-cache-save")
post_delete.connect(_changed, dispatch_uid="doingoai-list-cache-delete")
m2m_changed.connect(_changed, dispatch_uid="doingoai-list-cache-m2m")


def generation(rt) -> str:
    """The generation of ``rt``'s rows, read in one query from the database the list reads."""
    labels = labels_of(rt)
    connection = connections[router.db_for_read(rt.model)]
    quote = connection.ops.quote_name
    history = rt.model.history.model._meta.db_table
    placeholders = ", ".join(["%s"] * len(labels))
    sql = (
        f"SELECT (SELECT COALESCE(SUM({quote('number')}), 0) FROM "
        f"{quote(ListGeneration._meta.db_table)} WHERE {quote('label')} IN ({placeholders})),"
        f" (SELECT MAX({quote('history_id')}) FROM {quote(history)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, labels)
        total, last = cursor.fetchone()
    return f"{total}.{last}.{PROCESS}.{_signals[0]}"


def key_of(rt, request, sees_personal_data: bool) -> str:
    parts = [
        rt.url_name("list"),
        scope_key(request.user),
        str(sees_personal_data),
        get_language() or "",
        request.GET.urlencode(),
        generation(rt),
    ]
    return "list-rows:" + hashlib.sha1("\n".join(parts).encode()).hexdigest()


def get(key: str):
    """The rows' HTML and the pks they show, or None."""
    return cache.get(key)


def put(key: str, html: str, pks: list) -> None:
    cache.set(key, (html, pks), TIMEOUT)

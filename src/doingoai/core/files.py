"""Attachments kept through the storage API: a save that fails leaves no file behind.

Django writes an uploaded file to storage while the record is being saved, before the row is
in the database; when the transaction then rolls back (a refused step, a stale edit, a database
error), the row is gone but the file stays. ``atomic_with_files()`` is ``transaction.atomic()``
that remembers every file written inside it and deletes them when it does not commit.

A long name is no reason to refuse a file: the form accepts any length and the storage
(``get_available_name(max_length=…)``) shortens the stem to fit the column, keeping the
extension.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models, transaction
from django.db.models.signals import post_save, pre_save

_written: ContextVar[list | None] = ContextVar("doingoai_files_written", default=None)


def _uncommitted_files(instance) -> list[str]:
    names = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField):
            file = getattr(instance, field.attname)
            if file and not getattr(file, "_committed", True):
                names.append(field.attname)
    return names


def _before_save(sender, instance, raw=False, **kwargs):
    if _written.get() is not None and not raw:
        instance._doingoai_new_files = _uncommitted_files(instance)


def _after_save(sender, instance, raw=False, **kwargs):
    written = _written.get()
    if written is None or raw:
        return
    for name in getattr(instance, "_doingoai_new_files", ()):
        file = getattr(instance, name)
        if file and file.name:
            written.append((file.storage, file.name))
    instance._doingoai_new_files = ()


pre_save.connect(_before_save, dispatch_uid="doingoai-files-before-save")
post_save.connect(_after_save, dispatch_uid="doingoai-files-after-save")


@contextmanager
def atomic_with_files():
    """``transaction.atomic()``; the files written inside it are deleted from storage unless
    it commits (an exception, or ``set_rollback(True)``)."""
    written: list = []
    token = _written.set(written)
    committed = False
    try:
        with transaction.atomic():
            yield
            committed = not transaction.get_rollback()
    finally:
        _written.reset(token)
        if not committed:
            for storage, name in written:
                storage.delete(name)


def accept_long_names(formfield):
    """A form's file field takes a name of any length: the storage shortens it on save."""
    formfield.max_length = None
    return formfield

"""Back up and restore the whole office: every app's data and every attachment, in one zip.

The archive holds:

- ``manifest.json``: format version, when it was made, the models and files it holds;
- ``data.json``: every row of every model (records, their history tables, users, groups,
  memberships, reference data), serialised by Django in dependency order, with natural keys
  for content types and permissions (whose ids differ from one database to another);
  soft-deleted records are included;
- ``media/<name>``: every file a file field names, read through the default storage (so it
  works with S3 as well as with the local folder).

Content types, permissions and sessions are not saved: migrations recreate the first two and
sessions are transient. A restore goes into an empty, migrated database (or, with ``force``,
replaces what is there) in one transaction; ``loaddata`` resets the sequences afterwards so
that new records get new ids.
"""

import datetime
import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

FORMAT = "doingoai-backup/1"
SKIPPED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but keeping microseconds (it rounds times to milliseconds), so that
    a restore gives back exactly what was saved."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup cannot be restored (a wrong file, or a database that is not empty)."""


def backed_up_models() -> list[type[models.Model]]:
    """Every concrete model saved in a backup, in an order that loads safely."""
    app_list = {
        config: None for config in apps.get_app_configs() if config.models_module is not None
    }
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    return [
        model for model in ordered
        if model._meta.label_lower not in SKIPPED
        and not model._meta.proxy and model._meta.managed
    ]


def _file_field_names(model) -> list[str]:
    original = getattr(model, "instance_type", None)  # a django-simple-history table
    fields = (original or model)._meta.concrete_fields
    return [f.attname for f in fields if isinstance(f, models.FileField)]


def _file_names(model_list, using: str) -> list[str]:
    """The names of the files that rows (current or historical) point to."""
    names = set()
    for model in model_list:
        for field in _file_field_names(model):
            rows = model._base_manager.using(using).exclude(**{f"{field}__isnull": True})
            names.update(rows.exclude(**{field: ""}).values_list(field, flat=True).iterator())
    return sorted(names)


def _rows(model_list, using: str):
    for model in model_list:
        rows = model._base_manager.using(using).order_by(model._meta.pk.name)
        # The serializer reads a many-to-many field through the related model's default
        # manager, which hides records in the trash: the links to them were lost. Prefetched
        # through the base manager, every link is written.
        rows = rows.prefetch_related(*[
            models.Prefetch(field.name, queryset=field.related_model._base_manager.using(using))
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        ])
        yield from rows.iterator(chunk_size=2000)


def backup(target, using: str = DEFAULT_DB_ALIAS, storage=None) -> dict:
    """Write a backup archive to ``target`` (a path or a binary file object); return its
    manifest."""
    storage = storage or default_storage
    model_list = backed_up_models()
    files = _file_names(model_list, using)
    counts = {m._meta.label: m._base_manager.using(using).count() for m in model_list}
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connections[using].vendor,
        "counts": counts,
        "files": files,
        "missing_files": [],
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        with zf.open("data.json", "w", force_zip64=True) as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8")
            serializers.serialize(
                "json", _rows(model_list, using), stream=stream,
                use_natural_foreign_keys=True, use_natural_primary_keys=False, cls=ExactEncoder,
            )
            stream.flush()
            stream.detach()
        for name in files:
            if not storage.exists(name):
                manifest["missing_files"].append(name)
                continue
            with storage.open(name, "rb") as source, \
                    zf.open(f"media/{name}", "w", force_zip64=True) as dest:
                for chunk in iter(lambda: source.read(1024 * 1024), b""):
                    dest.write(chunk)
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def has_user_data(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the database holds users or records (reference data from the migrations does
    not count)."""
    from doingoai.core.models import OwnedRecord

    if get_user_model()._base_manager.using(using).exists():
        return True
    return any(
        model._base_manager.using(using).exists()
        for model in apps.get_models()
        if issubclass(model, OwnedRecord)
    )


def _clear(using: str) -> None:
    """Delete every row a backup holds, and the sessions, without cascades (foreign keys are
    checked at commit, once the backup is loaded)."""
    labels = {m._meta.label_lower for m in backed_up_models()} | {"sessions.session"}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        owner = opts.auto_created._meta.label_lower if opts.auto_created else opts.label_lower
        if owner in labels:
            model._base_manager.using(using).all()._raw_delete(using)


# A backup holds the whole database and every stored file, so its bounds are wide; they
# stop an archive of millions of members or one inflating far beyond any real backup.
RESTORE_MAX_MEMBERS = 1_000_000
RESTORE_MAX_RATIO = 1000


def _check_archive(source) -> None:
    from django.conf import settings

    from doingoai.lib.uploads import UploadRefused, check_zip_container

    limit = getattr(settings, "DOINGOAI_MAX_RESTORE_BYTES", 20 * 1024**3)
    try:
        if not zipfile.is_zipfile(source):
            return  # restore() itself says it is not a backup
        if hasattr(source, "read"):
            source.seek(0)
            check_zip_container(source, max_total=limit, max_members=RESTORE_MAX_MEMBERS,
                                max_ratio=RESTORE_MAX_RATIO)
            source.seek(0)
        else:
            with open(source, "rb") as handle:
                check_zip_container(handle, max_total=limit, max_members=RESTORE_MAX_MEMBERS,
                                    max_ratio=RESTORE_MAX_RATIO)
    except OSError as error:
        raise BackupError(f"Not a doingoai backup: {error}") from error
    except UploadRefused as error:
        raise BackupError(str(error)) from error


def restore(source, using: str = DEFAULT_DB_ALIAS, storage=None, force: bool = False) -> dict:
    """Load a backup archive from ``source`` (a path or a binary file object) into the
    database and the storage; return its manifest."""
    from django.contrib.contenttypes.models import ContentType

    storage = storage or default_storage
    _check_archive(source)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(f"Not a doingoai backup: {error}") from error
    with zf:
        try:
            manifest = json.loads(zf.read("manifest.json"))
        except (KeyError, ValueError) as error:
            raise BackupError("Not a doingoai backup: no manifest.") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format: {manifest.get('format')!r}.")
        if not force and has_user_data(using):
            raise BackupError(
                "The database already holds users or records; restore into an empty, migrated "
                "database, or use --force to replace everything in it."
            )
        ContentType.objects.clear_cache()
        with tempfile.TemporaryDirectory() as tmp:
            fixture = Path(tmp) / "doingoai_backup.json"
            try:
                src = zf.open("data.json")
            except KeyError as error:
                raise BackupError("Not a doingoai backup: no data.json.") from error
            with src, fixture.open("wb") as dest:
                for chunk in iter(lambda: src.read(1024 * 1024), b""):
                    dest.write(chunk)
            with transaction.atomic(using=using):
                _clear(using)
                call_command("loaddata", str(fixture), database=using, verbosity=0)
                members = set(zf.namelist())
                for name in manifest["files"]:
                    member = f"media/{name}"
                    if member not in members:
                        continue
                    if storage.exists(name):
                        storage.delete(name)
                    # Streamed, not read whole: a stored file may be larger than memory.
                    with zf.open(member) as content:
                        stored = File(content, name=name)
                        stored.size = zf.getinfo(member).file_size
                        saved = storage.save(name, stored)
                    if saved != name:
                        raise BackupError(f"The storage saved {name!r} as {saved!r}.")
    return manifest

"""Bounds on what an uploaded container may expand to, checked before it is read.

The size limit of an upload applies to the compressed file: a 2 MB .docx or .xlsx can hold
gigabytes once inflated, and python-docx, openpyxl and the backup restore all inflate what
the zip's central directory lists. So every reader of a zip package (DOCX, XLSX, backups)
first calls :func:`check_zip_container`, which reads only the central directory and refuses
a file whose members are too many, too large in total, or too compressed to be honest.

The declared sizes are a real bound: Python's ``zipfile`` stops a member's stream at its
declared ``file_size`` (and fails on the CRC), so a member cannot inflate beyond what the
directory says, and openpyxl and python-docx both read through ``zipfile``.
"""

from __future__ import annotations

import zipfile

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ["UploadRefused", "check_count", "check_text_length", "check_zip_container"]

# A member smaller than this is never refused for its ratio: a tiny file of repeated
# spaces compresses far beyond any ratio and holds nothing to fear.
RATIO_FLOOR = 1024 * 1024


class UploadRefused(ValueError):
    """An upload refused before it is read. ``str()`` is the message for the person in the
    active language, rendered when asked, so a caller can have it in Vietnamese and English."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message  # the English msgid
        self.params = params

    def __str__(self) -> str:
        params = dict(self.params)
        for key in ("size", "limit_size"):
            if key in params:
                params[key] = filesizeformat(params[key])
        if "what" in params:
            params["what"] = _(params["what"])
        return _(self.message) % params


def check_zip_container(file, *, max_total: int, max_members: int, max_ratio: int,
                        max_member: dict[str, int] | None = None) -> None:
    """Refuse (:class:`UploadRefused`) the zip ``file`` (a path or a binary file object,
    left at its start) if it has more than ``max_members`` members, if they inflate to more
    than ``max_total`` bytes, if one member is more than ``max_ratio`` times larger than its
    compressed size, or if a member named in ``max_member`` is larger than its own limit."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        # The library's exception class means nothing to a reader: say what to do instead.
        raise UploadRefused(gettext_noop(
            "This is a damaged file or not a file of this kind (DOCX, XLSX or ZIP): save it "
            "again from the program that made it and upload it again.")) from error
    finally:
        if position is not None:
            file.seek(position)
    if len(members) > max_members:
        raise UploadRefused(gettext_noop(
            "The file holds %(count)d parts; at most %(limit)d are accepted. It was refused "
            "so that reading it cannot exhaust the server."),
            count=len(members), limit=max_members)
    total = sum(member.file_size for member in members)
    if total > max_total:
        raise UploadRefused(gettext_noop(
            "Unpacked, the file would take %(size)s; at most %(limit_size)s are accepted. It "
            "was refused so that reading it cannot exhaust the server."),
            size=total, limit_size=max_total)
    limits = max_member or {}
    for member in members:
        limit = limits.get(member.filename)
        if limit is not None and member.file_size > limit:
            raise UploadRefused(gettext_noop(
                "The part %(name)s of the file would take %(size)s unpacked; at most "
                "%(limit_size)s are accepted."),
                name=member.filename, size=member.file_size, limit_size=limit)
        if (member.file_size > RATIO_FLOOR
                and member.file_size > max_ratio * max(member.compress_size, 1)):
            raise UploadRefused(gettext_noop(
                "The part %(name)s of the file is compressed %(ratio)d times, more than the "
                "%(limit)d times an ordinary document reaches: it looks like a zip bomb and "
                "was refused."),
                name=member.filename, ratio=member.file_size // max(member.compress_size, 1),
                limit=max_ratio)


def check_text_length(length: int, limit: int) -> None:
    """Refuse text extracted from a document once it grows past ``limit`` characters."""
    if length > limit:
        raise UploadRefused(gettext_noop(
            "The document holds more than %(limit)d characters of text; only shorter "
            "documents can be read."), limit=limit)


def check_count(count: int, limit: int, what: str) -> None:
    """Refuse a document with more than ``limit`` of ``what`` (pages, rows, columns); ``what``
    is a msgid marked with ``gettext_noop``."""
    if count > limit:
        raise UploadRefused(gettext_noop(
            "The file has %(count)d %(what)s; at most %(limit)d can be read."),
            count=count, what=what, limit=limit)


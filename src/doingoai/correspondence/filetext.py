"""The text of a document's file (PDF, DOCX, plain text), kept on the document so the list's
search finds a word inside the file (issue 16).

The file is read through its ``FieldFile`` (the upload before it is stored, else the storage:
local disk or S3 alike), never through a local path. A file that cannot be read (damaged,
encrypted, a scan, too large once unpacked) gives no text rather than an error: the save goes
on and the document's page says so."""

from __future__ import annotations

import logging
import unicodedata
from pathlib import PurePosixPath

from doingoai.figures.extraction.readers import DocumentError, read_bytes

# What is kept of a file's text: enough for the search, bounded so that one long report does
# not weigh on every row (and every history entry) of the register.
MAX_KEPT_CHARS = 200_000
READ_SUFFIXES = (".pdf", ".docx", ".txt")

logger = logging.getLogger(__name__)


def is_read(name: str) -> bool:
    """Whether a file of this name is one whose text is taken (not an image or a .doc)."""
    return PurePosixPath(name or "").suffix.lower() in READ_SUFFIXES


def decode_text(data: bytes) -> str:
    """Plain text as UTF-8 (with or without its BOM), else the Vietnamese Windows code page
    older programs save in (its tone marks combining, so composed here), else UTF-8 with the
    bad bytes replaced."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def text_of(field_file) -> str:
    """The first ``MAX_KEPT_CHARS`` characters of the file's text; "" for no file, a type
    whose text is not taken, or a file that cannot be read."""
    if not field_file or not is_read(field_file.name):
        return ""
    try:
        field_file.open("rb")
        try:
            data = field_file.read()
        finally:
            # An upload not yet stored is left at its start for the storage to copy whole;
            # a stored file opened here is closed again.
            if getattr(field_file, "_committed", True):
                field_file.close()
            else:
                field_file.seek(0)
        if field_file.name.lower().endswith(".txt"):
            text = decode_text(data)
        else:
            text = read_bytes(field_file.name, data)
    except (DocumentError, OSError, ValueError) as error:
        logger.info("No text read from %s: %s", field_file.name, error)
        return ""
    return text[:MAX_KEPT_CHARS]

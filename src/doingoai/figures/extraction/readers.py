"""Reading documents into text: .txt, .html/.htm, .docx, .pdf.

HTML is read with the standard library's parser (no third-party dependency), putting a line
break at every block element so that the boilerplate rules, which work line by line, see the
page's structure. .docx needs python-docx and .pdf needs pypdf; both are imported only when
such a file is read, so the extractor itself stays dependency-free.
"""

from __future__ import annotations

import io
import logging
from html.parser import HTMLParser
from pathlib import Path

from django.utils.translation import gettext_noop

from doingoai.lib.uploads import UploadRefused, check_count, check_text_length, check_zip_container

__all__ = ["DocumentError", "read_bytes", "read_document"]


class DocumentError(Exception):
    """A document that cannot be turned into text. Carries a Vietnamese and an English reason."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi = vi
        self.en = en


_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul title".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# What a document may expand to once read (its upload is at most 10 MB compressed): a .docx
# whose parts inflate past DOCX_MAX_TOTAL, a .docx or .pdf giving more than MAX_TEXT_CHARS
# characters, or a PDF of more than MAX_PDF_PAGES pages, is refused before it can take a
# worker's memory (a 1.9 MB .docx once grew one by 5.4 GB).
DOCX_MAX_TOTAL = 40 * 1024 * 1024
DOCX_MAX_MEMBERS = 1000
DOCX_MAX_RATIO = 100
MAX_TEXT_CHARS = 10_000_000
MAX_PDF_PAGES = 500


def _refusal(error: UploadRefused) -> DocumentError:
    """The refusal in Vietnamese and English, as :class:`DocumentError` carries both."""
    try:
        from django.utils import translation

        with translation.override("vi"):
            vi = str(error)
        with translation.override("en"):
            en = str(error)
    except Exception:  # noqa: BLE001 - outside Django (the standalone extractor): English
        vi = en = error.message % error.params
    return DocumentError(vi, en)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError("không phải văn bản UTF-8", "not UTF-8 text") from exc


def _docx(data: bytes) -> str:
    import docx  # python-docx

    stream = io.BytesIO(data)
    check_zip_container(stream, max_total=DOCX_MAX_TOTAL, max_members=DOCX_MAX_MEMBERS,
                        max_ratio=DOCX_MAX_RATIO)
    document = docx.Document(stream)
    parts, length = [], 0
    for text in _docx_texts(document):
        length += len(text) + 1
        check_text_length(length, MAX_TEXT_CHARS)
        parts.append(text)
    return "\n".join(parts)


def _docx_texts(document):
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield "\t".join(cell.text for cell in row.cells)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    # pypdf logs every repair it makes to a damaged file; the one-line error the caller
    # prints is the message, so its warnings are kept quiet.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    check_count(len(reader.pages), MAX_PDF_PAGES, gettext_noop("pages"))
    parts, length = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        length += len(text) + 1
        check_text_length(length, MAX_TEXT_CHARS)
        parts.append(text)
    return "\n".join(parts)


def read_document(path: str | Path) -> str:
    """The text of a document, or :class:`DocumentError` saying why there is none."""
    path = Path(path)
    if not path.exists():
        raise DocumentError("không tìm thấy tệp", "no such file")
    if path.is_dir():
        raise DocumentError("là một thư mục, không phải tệp", "is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"không đọc được ({exc.strerror or exc})", f"unreadable ({exc})"
        ) from exc
    return read_bytes(path.name, data)


def read_bytes(name: str, data: bytes) -> str:
    """The text of a document named ``name`` (its suffix says how to read it) whose content
    is ``data``, as from an upload; :class:`DocumentError` saying why there is none."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in (".html", ".htm", ".xhtml"):
            text = html_to_text(_decode(data))
        elif suffix == ".docx":
            text = _docx(data)
        elif suffix == ".pdf":
            text = _pdf(data)
        else:
            text = _decode(data)
    except DocumentError:
        raise
    except UploadRefused as exc:
        raise _refusal(exc) from exc
    except ImportError as exc:
        raise DocumentError(
            f"thiếu thư viện để đọc tệp {suffix} ({exc.name})",
            f"a library needed to read {suffix} files is missing ({exc.name})",
        ) from exc
    except Exception as exc:  # a corrupt .docx or .pdf raises whatever its library raises
        # The reader is told what to do about it; the library's exception (BadZipFile,
        # PdfReadError...) means nothing to them and stays chained for the log.
        kind = suffix.lstrip(".").upper() or "văn bản"
        raise DocumentError(
            f"tệp hỏng hoặc không phải tệp {kind}",
            f"the file is damaged or is not a {suffix.lstrip('.').upper() or 'text'} file",
        ) from exc
    if not text.strip():
        raise DocumentError("tệp rỗng, không có chữ", "the file is empty (no text)")
    return text

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


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError("không phải văn bản UTF-8", "not UTF-8 text") from exc


def _docx(data: bytes) -> str:
    import docx  # python-docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    # pypdf logs every repair it makes to a damaged file; the one-line error the caller
    # prints is the message, so its warnings are kept quiet.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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

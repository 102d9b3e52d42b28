"""Crafted upload bombs, made small in memory (streamed into the zip from generators), for
the tests and ``benchmarks/bench_upload_bombs.py``. Never served; only written to files."""

import io
import zipfile

_DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>'
)


def _stream(archive, name, head: bytes, piece: bytes, size: int, tail: bytes):
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(head)
        chunk = piece * max(1, (1024 * 1024) // len(piece))
        for _ in range(max(1, size // len(chunk))):
            member.write(chunk)
        member.write(tail)


def docx_bomb(path, megabytes: int = 200) -> None:
    """A .docx whose document.xml inflates to ``megabytes`` MB of repeated paragraphs."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        _stream(archive, "word/document.xml",
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>',
                b"<w:p><w:r><w:t>" + "Đoàn công tác ".encode() * 70 + b"</w:t></w:r></w:p>",
                megabytes * 1024 * 1024, b"</w:body></w:document>")


def _workbook_parts() -> dict[str, bytes]:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Tên", "Ghi chú"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_SHEET = "xl/worksheets/sheet1.xml"
_SHEET_HEAD = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>')


def xlsx_bomb(path, kind: str, megabytes: int = 200) -> None:
    """An .xlsx bomb: ``rows`` (200,000 rows of empty cells, streamed, in a sheet that
    declares 1,048,576 rows and 16,384 columns), ``dimension`` (a
    small sheet that declares 1,048,576 rows and 16,384 columns) or ``strings`` (a shared
    strings table of ``megabytes`` MB)."""
    parts = _workbook_parts()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == _SHEET and kind in ("rows", "dimension"):
                continue
            if name == "xl/sharedStrings.xml" and kind == "strings":
                continue
            archive.writestr(name, data)
        if kind == "rows":
            with archive.open(_SHEET, "w", force_zip64=True) as member:
                member.write(_SHEET_HEAD)
                for line in range(1, 200_001):
                    member.write(b'<row r="%d"><c r="A%d"/><c r="XFD%d"/></row>'
                                 % (line, line, line))
                member.write(b"</sheetData></worksheet>")
        elif kind == "dimension":
            archive.writestr(_SHEET, _SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is>'
                             b"<t>T\xc3\xaan</t></is></c></row></sheetData></worksheet>")
        elif kind == "strings":
            _stream(archive, "xl/sharedStrings.xml",
                    b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main">', b"<si><t>a</t></si>",
                    megabytes * 1024 * 1024, b"</sst>")
        else:
            raise ValueError(kind)


def docx_of_many_members(path, members: int = 20_000) -> None:
    """A .docx of ``members`` extra empty parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        for number in range(members):
            archive.writestr(f"word/media/{number}.xml", b"")


def zip_bomb(path, megabytes: int = 2048) -> None:
    """A backup-looking zip whose one member inflates to ``megabytes`` MB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b'{"format": "doingoai-backup/1", "files": []}')
        _stream(archive, "data.json", b"[", b"\0" * 65536, megabytes * 1024 * 1024, b"]")


def pdf_of_many_pages(path, pages: int = 2000) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as handle:
        writer.write(handle)


def iati_with_huge_text(path, megabytes: int = 200) -> None:
    """An IATI file whose one activity holds ``megabytes`` narratives of 1 MB each."""
    with open(path, "wb") as handle:
        handle.write(b'<?xml version="1.0"?><iati-activities version="2.03"><iati-activity>'
                     b"<iati-identifier>XM-DAC-1</iati-identifier><title>")
        narrative = b"<narrative>" + b"x" * (1024 * 1024) + b"</narrative>"
        for _ in range(megabytes):
            handle.write(narrative)
        handle.write(b"</title></iati-activity></iati-activities>")


# --- reading a bomb through the app's own reader, in a process of its own ------------------
READERS = ("docx", "pdf", "xlsx", "backup", "iati")


def read_through_the_app(kind: str, path: str) -> str:
    """The message the app gives for the file at ``path`` read by its ``kind`` of reader."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if kind in ("docx", "pdf"):
        from doingoai.figures.review import UnreadableDocument, text_of_upload

        with open(path, "rb") as handle:
            data = handle.read()
        try:
            text_of_upload(f"bomb.{kind}", data)
        except UnreadableDocument as error:
            return str(error)
    elif kind == "xlsx":
        from doingoai.core.spreadsheets import UploadError, read_rows

        with open(path, "rb") as handle:
            upload = SimpleUploadedFile("bomb.xlsx", handle.read())
        try:
            read_rows(upload, {})
        except UploadError as error:
            return str(error)
    elif kind == "backup":
        from doingoai.core.backup import BackupError, restore

        try:
            restore(path, force=True)
        except BackupError as error:
            return str(error)
    elif kind == "iati":
        from doingoai.aid.iati.parse import IatiFileError, iter_activities

        try:
            for _activity in iter_activities(path):
                pass
        except IatiFileError as error:
            return str(error)
    else:
        raise ValueError(kind)
    return ""


def peak_resident_mb() -> int:
    """This program's own peak resident memory (VmHWM), in MB. Not ``getrusage``'s
    ``ru_maxrss``: Linux carries that over an exec from the forked parent, so under a long
    pytest run it reports the test runner's size, not the reader's."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(argv=None) -> None:
    """``python -m doingoai.core.tests.bombs KIND PATH [CAP_MB]``: read the bomb, print one
    JSON line with the message and this process's peak resident memory in MB. The address
    space is capped (3 GB by default) so that a reader without bounds fails here with a
    MemoryError instead of taking the machine."""
    import json
    import resource
    import sys

    args = sys.argv[1:] if argv is None else argv
    kind, path = args[0], args[1]
    cap = int(args[2]) if len(args) > 2 else 3072
    resource.setrlimit(resource.RLIMIT_AS, (cap * 1024 * 1024, cap * 1024 * 1024))
    import django
    from django.utils import translation

    django.setup()
    translation.activate(args[3] if len(args) > 3 else "vi")
    setup_mb = peak_resident_mb()
    try:
        message = read_through_the_app(kind, path)
    except MemoryError:
        message = f"MemoryError at the {cap} MB cap"
    print(json.dumps({"message": message, "peak_mb": peak_resident_mb(),
                      "setup_mb": setup_mb}, ensure_ascii=False))


if __name__ == "__main__":
    main()

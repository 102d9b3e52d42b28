"""Command line: ``extract FILE... --format jsonl``.

Prints one JSON object per figure and line (UTF-8, not ASCII-escaped). A file that cannot be
read is reported on stderr in one line, in Vietnamese and in English, and the other files are
still processed. Exit status: 0 when every file was read, 1 when any was not, 2 for a usage
error. The Django management command ``extract`` is a thin wrapper around :func:`main`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from .extract import extract
from .readers import DocumentError, read_document

__all__ = ["main", "build_parser"]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ / invalid date (YYYY-MM-DD): {value}"
        ) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doingoai-figures",
        description="Trích số liệu đối ngoại từ văn bản / Extract foreign-affairs figures.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="extract figures from documents")
    add_extract_arguments(run)
    return parser


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".txt, .html, .docx or .pdf")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format")
    parser.add_argument(
        "--date",
        type=_date,
        default=None,
        help="publication date (YYYY-MM-DD) for relative periods; default: the dateline",
    )


def run_extract(files: list[str], published: date | None, stdout: TextIO, stderr: TextIO) -> int:
    failed = False
    for name in files:
        try:
            text = read_document(name)
        except DocumentError as exc:
            failed = True
            stderr.write(
                f"Lỗi: không đọc được tệp {name}: {exc.vi} / "
                f"Error: cannot read file {name}: {exc.en}\n"
            )
            continue
        for figure in extract(text, doc=Path(name).name, published=published):
            stdout.write(json.dumps(figure.to_dict(), ensure_ascii=False) + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:  # fmt: skip
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # argparse reports usage errors by exiting with status 2
        return int(exc.code or 0)
    return run_extract(args.files, args.date, stdout, stderr)


if __name__ == "__main__":
    raise SystemExit(main())

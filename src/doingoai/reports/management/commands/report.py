"""``doingoai report --place "Hà Giang" --period 2015-2020 --format json``: the periodic
report from the command line. JSON and CSV go to standard output unless ``--output`` is
given; DOCX, XLSX and PDF go to ``--output`` or to a file named after the place and period.
An unknown place or a malformed period is an error (exit code 2)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from doingoai.lib.periods import PeriodError, parse_period
from doingoai.reports.exports import FORMATS, file_name, render
from doingoai.reports.places import PlaceNotFound, find_province
from doingoai.reports.report import COMPUTED, REPORTED, build_report

USAGE_ERROR = 2


class Command(BaseCommand):
    help = "Write the foreign-affairs report of a province for a period."

    def add_arguments(self, parser):
        parser.add_argument("--place", required=True, action="append",
                            help='Province name (with or without diacritics) or official code; '
                                 'repeat for several provinces.')
        parser.add_argument("--period", required=True,
                            help="2022, 2024-Q1, quý I.2024, 2024-H1, 2015-2020, 2024-QD06 or "
                                 "2024-01-01/2024-06-30")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument("--output", help="File to write (default: standard output for "
                                             "json and csv)")
        parser.add_argument("--lang", default="vi", choices=["vi", "en"])
        parser.add_argument("--prefer", choices=[COMPUTED, REPORTED],
                            help="Print this figure whenever it exists, instead of the "
                                 "computed one when records cover the period.")

    def handle(self, *args, **options):
        try:
            period = parse_period(options["period"])
        except PeriodError as exc:
            raise CommandError(
                f"Kỳ báo cáo không hợp lệ / Not a valid period: {options['period']!r} ({exc})",
                returncode=USAGE_ERROR) from exc
        places = []
        for text in options["place"]:
            try:
                places.append(find_province(text, period))
            except PlaceNotFound as exc:
                raise CommandError(
                    f"Không tìm thấy tỉnh, thành phố / No province or city named: {text!r}",
                    returncode=USAGE_ERROR) from exc
        lang = options["lang"]
        fmt = options["format"]
        with translation.override(lang):
            report = build_report(places, period, prefer=options["prefer"],
                                  details=fmt not in ("json", "csv"))
            content = render(report, fmt, lang)
        output = options["output"]
        if output is None and fmt in ("json", "csv"):
            self.stdout.ending = ""
            self.stdout.write(content.decode("utf-8"))
            return
        path = Path(output or file_name(report, fmt))
        if str(path) == "-":
            sys.stdout.buffer.write(content)
            return
        path.write_bytes(content)
        self.stderr.write(f"{path}")

"""``doingoai iati import FILE... [--country CODE|all] [--place NAME] [--owner PROVINCE]
[--format json]`` and ``doingoai iati export [--place NAME] --output FILE``."""

import json
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from doingoai.aid.iati.exporter import export, validate
from doingoai.aid.iati.importer import Importer, find_unit, province_of
from doingoai.aid.models import AidProgramme


class Command(BaseCommand):
    help = "Import IATI activity files into aid programmes, or export them as IATI 2.03."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import IATI activity XML files (1.0x or 2.0x).")
        imp.add_argument("files", nargs="+", metavar="FILE")
        imp.add_argument("--country", default="VN",
                         help="Keep activities for this recipient country (ISO code) or 'all'.")
        imp.add_argument("--place", help="Keep only activities located in this province, "
                         "district or commune (name, with or without diacritics, or code).")
        imp.add_argument("--owner", help="The province that owns the programmes (name or "
                         "code); defaults to the province of --place.")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        exp = sub.add_parser("export", help="Export aid programmes as IATI 2.03 XML.")
        exp.add_argument("--place", help="Only the programmes of this province.")
        exp.add_argument("--output", required=True, metavar="FILE")
        exp.add_argument("--no-validate", action="store_true",
                         help="Do not validate the file against the IATI schema.")

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self.do_import(options)
        return self.do_export(options)

    @staticmethod
    def unit(text, what):
        unit = find_unit(text)
        if unit is None:
            raise CommandError(f"No administrative unit is named or coded {text!r} ({what}).")
        return unit

    def do_import(self, options):
        place = self.unit(options["place"], "--place") if options["place"] else None
        if options["owner"]:
            owner = province_of(self.unit(options["owner"], "--owner"))
        elif place is not None:
            owner = province_of(place)
        else:
            raise CommandError("Say which province owns the programmes: --owner or --place.")
        country = options["country"]
        if country.lower() != "all" and len(country) != 2:
            raise CommandError("--country takes an ISO 3166 alpha-2 code (VN) or 'all'.")
        stderr = self.stderr

        # Each file is one transaction: while it is read, nothing of it is saved yet.
        stderr.write("Each file is imported in one transaction: nothing of a file is saved "
                     "until it has been read to the end, and a file that cannot be read is "
                     "left out whole.")

        def progress(name, summary):
            stderr.write(f"{name}: {summary.read} activities read so far: {summary.created} "
                         f"to create, {summary.updated} to update, {summary.skipped} skipped "
                         "(not saved yet)")

        importer = Importer(owner, country=country, place=place, progress=progress)
        sources = []
        for path in options["files"]:
            if not os.path.isfile(path):
                raise CommandError(f"No such file: {path}")
            sources.append((path, path))
        summary = importer.import_files(sources)
        stderr.write(f"Saved: {summary.created} created, {summary.updated} updated "
                     f"({len(summary.errors)} errors left out).")
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(
                f"Owner: {owner.full_name}. Created {summary.created}, updated "
                f"{summary.updated}, skipped {summary.skipped}, errors {len(summary.errors)}.")
            for reason, count in sorted(summary.reasons.items()):
                self.stdout.write(f"  skipped {count}: {reason}")
            for error in summary.errors:
                self.stdout.write(f"  error: {error}")
            for warning in summary.warnings:
                self.stdout.write(f"  warning (IATI ruleset): {warning}")
        if summary.errors:
            sys.exit(1)

    def do_export(self, options):
        qs = AidProgramme.objects.all()
        if options["place"]:
            province = province_of(self.unit(options["place"], "--place"))
            qs = qs.owned_by(province)
        output = options["output"]
        count = export(qs, output)
        if not options["no_validate"]:
            errors = validate(output)
            if errors:
                raise CommandError("The export does not validate against the IATI 2.03 "
                                   "schema:\n" + "\n".join(errors[:20]))
        self.stderr.write(f"Wrote {count} activities to {output}.")

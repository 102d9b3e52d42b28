from django.core.management.base import BaseCommand

from doingoai.core.backup import backup


class Command(BaseCommand):
    help = ("Write the whole database (records, history, users, reference data) and every "
            "attachment to one zip file.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the zip file to write")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        manifest = backup(file, using=database)
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Backed up {rows} rows of {len(manifest['counts'])} tables and "
            f"{len(manifest['files']) - len(manifest['missing_files'])} files to {file}."
        ))
        for name in manifest["missing_files"]:
            self.stderr.write(f"Missing from the storage, not backed up: {name}")

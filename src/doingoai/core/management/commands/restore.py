from django.core.management.base import BaseCommand, CommandError

from doingoai.core.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Restore a backup made by `doingoai backup` into an empty, migrated database "
            "(in one transaction).")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the zip file to read")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--force", action="store_true",
            help="replace everything in a database that already holds users or records",
        )

    def handle(self, *args, file, database, force, **options):
        try:
            manifest = restore(file, using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Restored {rows} rows and {len(manifest['files'])} files from {file} "
            f"(made {manifest['created_at']})."
        ))

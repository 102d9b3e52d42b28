"""``doingoai extract FILE... --format jsonl``: figures from documents, as JSON Lines.

A thin wrapper: the work is done by :mod:`doingoai.figures.extraction.cli`, which needs no
Django and can be run as ``python -m doingoai.figures.extraction extract FILE...``.
"""

from django.core.management.base import BaseCommand, CommandError

from doingoai.figures.extraction.cli import add_extract_arguments, run_extract


class Command(BaseCommand):
    # Reading files needs no database, URLs or models: skip the project's system checks.
    requires_system_checks: list[str] = []
    help = "Trích số liệu đối ngoại từ văn bản / Extract foreign-affairs figures (JSON Lines)."

    def add_arguments(self, parser):
        add_extract_arguments(parser)

    def handle(self, *args, **options):
        status = run_extract(options["files"], options["date"], self.stdout, self.stderr)
        if status:
            raise CommandError(
                "Một số tệp không đọc được / some files could not be read", returncode=status
            )

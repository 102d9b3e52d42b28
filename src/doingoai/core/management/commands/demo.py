"""``doingoai demo``: load the demo data (idempotent) and print the demo logins."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from doingoai.demo.load import load_demo
from doingoai.demo.logins import logins_block


class Command(BaseCommand):
    help = _("Load the demo data (Hà Giang and Bắc Kạn from the seed articles, demo users, "
             "illustrative 2023 records); running it again changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true",
                            help=_("Print only the demo logins."))

    def handle(self, *args, quiet=False, **options):
        summary = load_demo()
        if not quiet:
            self.stdout.write("Dữ liệu minh họa đã sẵn sàng / Demo data is ready:")
            for line in summary.lines():
                self.stdout.write(line)
        self.stdout.write(logins_block())

"""Mark expired every signed or in-force agreement past its end date (``doingoai remind``
does it too, daily)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from doingoai.agreements.expiry import expire_lapsed, lapsed


class Command(BaseCommand):
    help = "Mark expired every agreement past its end date (run daily; remind does it too)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=dt.date.fromisoformat,
                            help="Pretend today is this date (YYYY-MM-DD).")
        parser.add_argument("--dry-run", action="store_true",
                            help="List the agreements that would expire; change nothing.")

    def handle(self, *args, date=None, dry_run=False, **options):
        today = date or timezone.localdate()
        if dry_run:
            found = list(lapsed(today).order_by("pk"))
            for agreement in found:
                self.stdout.write(f"{agreement.pk}\t{agreement.expires_on:%d/%m/%Y}\t"
                                  f"{agreement}")
            self.stdout.write(f"{len(found)} agreement(s) would be marked expired "
                              f"on {today:%d/%m/%Y}; nothing changed (dry run).")
            return
        done = expire_lapsed(today)
        self.stdout.write(f"{len(done)} agreement(s) past their end date marked expired "
                          f"on {today:%d/%m/%Y}.")

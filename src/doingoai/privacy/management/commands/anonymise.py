"""``doingoai anonymise``: erase the personal data of closed consular cases kept longer than
the retention period (rule ``consular.retention_years``, else the setting
DOINGOAI_CONSULAR_RETENTION_YEARS), keeping what the statistics count, then that of the other
registers past theirs (``privacy/retention.py``). Run it daily from cron;
``--dry-run`` lists the cases without changing them."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from doingoai.consular.models import ConsularCase
from doingoai.privacy.retention import erase_past_retention


class Command(BaseCommand):
    help = "Anonymise the personal data of closed consular cases past their retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="List the cases that would be anonymised, change nothing.")
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                            help="Count the retention period up to this date (YYYY-MM-DD).")

    def handle(self, *args, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        cases = ConsularCase.objects.due_for_anonymisation(today)
        for case in cases:
            self.stdout.write(f"{case.owner.name}: #{case.pk} {case.title} "
                              f"(closed {case.closed_on:%d/%m/%Y})")
            if not dry_run:
                case.anonymise(today)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(cases)} case(s) {verb}.")
        for register, records in erase_past_retention(today, dry_run=dry_run).items():
            if records:
                self.stdout.write(f"{register}: {len(records)} record(s) {verb}.")

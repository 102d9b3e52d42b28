"""``doingoai worker``: run the background jobs kept in the database (imports, the day's
reminders and retention). Start as many as needed, on as many machines as share the database:
each job is claimed by one of them."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from doingoai.jobs.runner import POLL_SECONDS, run_worker


class Command(BaseCommand):
    help = _("Run the queued background jobs (loops until stopped; --once empties the queue "
             "and stops).")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help=_("Run the jobs queued now, then stop."))
        parser.add_argument("--poll", type=float, default=POLL_SECONDS,
                            help=_("Seconds between looks at an empty queue."))

    def handle(self, *args, once=False, poll=POLL_SECONDS, **options):
        try:
            count = run_worker(once=once, poll=poll)
        except KeyboardInterrupt:
            return
        self.stdout.write(_("%(count)d job(s) run.") % {"count": count})

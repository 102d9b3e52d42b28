"""Serve the application as in production: gunicorn, static files by WhiteNoise."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Serve doingoai with gunicorn (static files served by WhiteNoise).")

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("DOINGOAI_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int,
                            default=int(os.environ.get("WEB_CONCURRENCY", "3")))
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args, bind, workers, no_collectstatic, **options):
        if not no_collectstatic:
            settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(_("doingoai is serving on http://%(bind)s/ (Ctrl+C stops it)")
                          % {"bind": bind})
        self.stdout.flush()
        os.execv(sys.executable, gunicorn_argv(bind, workers))


def gunicorn_argv(bind: str, workers: int) -> list[str]:
    """gunicorn's command line. It believes X-Forwarded-* only from the proxies the settings
    name (DOINGOAI_TRUSTED_PROXIES), the same ones the log-in lock-out believes. With
    DOINGOAI_WORKER (the default) each gunicorn worker also runs a job worker thread."""
    proxies = ",".join(settings.DOINGOAI_TRUSTED_PROXIES) or "127.0.0.1"
    argv = [sys.executable, "-m", "gunicorn", "doingoai.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--access-logfile", "-",
            "--timeout", "120", "--forwarded-allow-ips", proxies]
    if settings.DOINGOAI_WORKER:
        # Each web process also runs the background jobs, in a thread (jobs/gunicorn.py).
        argv += ["--config", "python:doingoai.jobs.gunicorn"]
    return argv

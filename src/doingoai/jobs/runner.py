"""What a worker does: claim a job, run the function its kind names, record the outcome.

A kind names a function ``fn(job)`` by its dotted path (``KINDS``), imported when a job of
that kind runs, so an app's job code is loaded only by the worker that needs it. The function
reports progress with ``job.report(...)`` and returns ``(message, result)``; an exception
fails the job with a Vietnamese message (the traceback goes to the log, never to the page).
While the function works, a thread beside it beats for the job (``Job.beat``) every third of
the lease, so a job is taken again only when its worker is really gone.
"""

import logging
import os
import socket
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from doingoai.jobs.models import Job

log = logging.getLogger(__name__)

KINDS = {
    "remind": "doingoai.jobs.daily.remind",
    "retention": "doingoai.jobs.daily.retention",
    "spreadsheet-import": "doingoai.core.spreadsheets.run_import_job",
    "iati-import": "doingoai.aid.iati_views.run_iati_import_job",
}
# Enqueued once a day by whichever worker looks first (dedupe key "<kind>:<date>").
DAILY = ("remind", "retention")
POLL_SECONDS = 2.0


class JobRefused(Exception):
    """A job that cannot be done as asked: its message is shown to its owner as it is, with
    ``result`` (the rows refused, say) on its page."""

    def __init__(self, message, result=None):
        super().__init__(message)
        self.result = result or {}


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def enqueue_daily(today=None) -> list[Job]:
    today = today or timezone.localdate()
    return [Job.objects.enqueue(kind, dedupe_key=f"{kind}:{today.isoformat()}", once=True)
            for kind in DAILY]


@contextmanager
def heartbeat(job: Job, interval: float | None = None):
    """Beat for ``job`` from a thread of its own (its own connection) until the block ends."""
    interval = interval or max(1.0, settings.DOINGOAI_JOB_LEASE_SECONDS / 3)
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(interval):
                try:
                    job.beat()
                except Exception:  # noqa: BLE001 - a locked database: beat at the next turn
                    log.warning("no heartbeat for job %s this time", job.pk, exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"doingoai-job-{job.pk}-beat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run(job: Job) -> Job:
    """Run a claimed job to its end, done or failed."""
    with translation.override("vi"), heartbeat(job):
        try:
            function = import_string(KINDS[job.kind])
            message, result = function(job)
        except JobRefused as refused:
            job.finish(Job.State.FAILED, str(refused), refused.result)
        except Exception:  # noqa: BLE001 - any fault fails the job, never the worker
            log.exception("job %s (%s) failed", job.pk, job.kind)
            job.finish(Job.State.FAILED, _("The job failed because of an internal error. "
                                           "The administrator can read the server log."))
        else:
            job.finish(Job.State.DONE, message, result)
    return job


def run_one(worker: str | None = None) -> Job | None:
    """Claim and run one job; None when the queue is empty."""
    job = Job.objects.claim(worker or worker_name())
    return run(job) if job else None


def run_worker(*, once=False, stop: threading.Event | None = None, poll=POLL_SECONDS) -> int:
    """The worker loop: enqueue the day's jobs, run queued jobs until none is left, then wait
    ``poll`` seconds (or, with ``once``, return). Returns the number of jobs run."""
    stop = stop or threading.Event()
    done = 0
    name = worker_name()
    while not stop.is_set():
        _tidy_connections()
        try:
            enqueue_daily()
            job = run_one(name)
        except Exception:  # noqa: BLE001 - a database hiccup: wait and try again
            log.exception("worker %s could not claim a job", name)
            job = None
        if job is not None:
            done += 1
            continue
        if once:
            break
        stop.wait(poll)
    _tidy_connections()
    return done


def _tidy_connections():
    """A long-lived loop drops a connection past its age or broken, as a request would; never
    inside a transaction (a test's, or a caller's)."""
    if not connection.in_atomic_block:
        close_old_connections()


def start_worker_thread() -> threading.Thread:
    """The worker inside a web process (``doingoai serve``): a daemon thread, so it never
    keeps the process alive."""
    thread = threading.Thread(target=run_worker, name="doingoai-jobs", daemon=True)
    thread.start()
    return thread

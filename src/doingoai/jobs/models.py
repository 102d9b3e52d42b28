"""Background jobs kept in the database: what a request or the day hands over to a worker.

A job row is the whole queue. Any number of workers (``doingoai worker``, or the thread inside
each ``doingoai serve`` process) on any number of machines share the one database; each job is
claimed by exactly one of them (``Job.objects.claim``): ``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL, a conditional ``UPDATE … WHERE state = … AND heartbeat_at = …`` on SQLite, which
allows one writer at a time anyway.

A claim is a lease: the worker beats (``heartbeat_at``) while it works, and a running job whose
beat is older than ``DOINGOAI_JOB_LEASE_SECONDS`` lost its worker (killed, machine down), so the
next worker takes it again, up to ``DOINGOAI_JOB_ATTEMPTS`` times in all; then it fails with a
message saying so. A job's work is one transaction (an import), so a run that died left nothing.
"""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from doingoai.core.validators import non_negative_check, validate_non_negative

# What each kind of job is called on its page.
TITLES = {
    "spreadsheet-import": _("Spreadsheet import"),
    "iati-import": _("IATI import"),
    "remind": _("Daily reminders"),
    "retention": _("Retention of personal data"),
}


class JobQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state__in=(Job.State.QUEUED, Job.State.RUNNING))

    def visible_to(self, user):
        """A job is its owner's alone: nobody else, of any province or role, reads it."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)

    def enqueue(self, kind: str, args: dict | None = None, *, owner=None, province=None,
                dedupe_key: str | None = None, once: bool = False) -> "Job":
        """A new queued job, or, with ``dedupe_key``, the pending one under that key (any one
        under it with ``once``: a daily job runs once a day, however many workers ask)."""
        if dedupe_key:
            existing = (self if once else self.pending()).filter(dedupe_key=dedupe_key).first()
            if existing:
                return existing
        try:
            with transaction.atomic():
                return self.create(kind=kind, args=args or {}, owner=owner, province=province,
                                   dedupe_key=dedupe_key)
        except IntegrityError:
            # Another worker enqueued the same key between our look and our insert.
            found = self.filter(dedupe_key=dedupe_key).order_by("-pk").first()
            if found is None:
                raise
            return found

    def claimable(self, now=None):
        """Queued jobs, and running ones whose worker stopped beating longer than a lease
        ago (a running job from before leases has no beat: its start stands for one)."""
        now = now or timezone.now()
        expired = now - dt.timedelta(seconds=settings.DOINGOAI_JOB_LEASE_SECONDS)
        return self.filter(
            Q(state=Job.State.QUEUED)
            | Q(state=Job.State.RUNNING, heartbeat_at__lt=expired)
            | Q(state=Job.State.RUNNING, heartbeat_at__isnull=True, started_at__lt=expired)
            | Q(state=Job.State.RUNNING, heartbeat_at__isnull=True, started_at__isnull=True))

    def claim(self, worker: str = "") -> "Job | None":
        """The oldest queued or abandoned job, now running and this worker's, or None. Two
        workers asking together never get the same job. An abandoned job that has had all its
        attempts is failed instead, and the next one is looked at."""
        while True:
            job = self._claim_one(worker)
            if job is None or job.attempts <= settings.DOINGOAI_JOB_ATTEMPTS:
                return job
            job.finish(Job.State.FAILED, _abandoned_message(job.attempts - 1))

    def _claim_one(self, worker):
        order = ("created_at", "pk")
        if connection.vendor == "postgresql":
            with transaction.atomic():
                job = (self.claimable().select_for_update(skip_locked=True)
                       .order_by(*order).first())
                if job is None:
                    return None
                self._mark_running(job, worker)
            return self.get(pk=job.pk)
        for job in self.claimable().order_by(*order).only(
                "pk", "state", "heartbeat_at", "started_at")[:20]:
            if self._mark_running(job, worker, only_if_unchanged=True):
                return self.get(pk=job.pk)
        return None

    def _mark_running(self, job, worker, only_if_unchanged=False) -> bool:
        rows = self.filter(pk=job.pk)
        if only_if_unchanged:
            # Still as we read it: another worker that took it meanwhile changed its beat.
            rows = rows.filter(state=job.state, heartbeat_at=job.heartbeat_at,
                               started_at=job.started_at)
        now = timezone.now()
        return bool(rows.update(state=Job.State.RUNNING, started_at=now, heartbeat_at=now,
                                attempts=F("attempts") + 1, worker=worker[:100]))


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=64)
    args = models.JSONField(_("arguments"), default=dict, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"),
                              on_delete=models.CASCADE, null=True, blank=True,
                              related_name="jobs")
    province = models.ForeignKey("core.AdminUnit", verbose_name=_("province"),
                                 on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+")
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    dedupe_key = models.CharField(_("deduplication key"), max_length=200, null=True,
                                  blank=True)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life of its worker"), null=True,
                                        blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0,
                                                validators=[validate_non_negative])
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"], condition=Q(state__in=("queued", "running")),
                name="jobs_one_pending_job_per_dedupe_key"),
            non_negative_check("attempts"),
        ]
        indexes = [models.Index(fields=["state", "created_at"], name="jobs_queue_order")]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def title(self) -> str:
        return str(TITLES.get(self.kind, self.kind))

    @property
    def pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    def beat(self) -> None:
        """The worker is alive: its lease runs on from now (unless another took the job)."""
        self.heartbeat_at = timezone.now()
        Job.objects.filter(pk=self.pk, state=Job.State.RUNNING, worker=self.worker).update(
            heartbeat_at=self.heartbeat_at)

    def report(self, progress: int, message: str = "") -> None:
        """Progress for the job's page. Written at once, outside any transaction the job holds
        open only if called outside it: call it between the steps, not inside the atomic
        block, or the page sees it only at the end."""
        self.progress = max(0, min(100, int(progress)))
        self.message = str(message)[:500]
        self.heartbeat_at = timezone.now()
        Job.objects.filter(pk=self.pk).update(progress=self.progress, message=self.message,
                                              heartbeat_at=self.heartbeat_at)

    def finish(self, state: str, message: str = "", result: dict | None = None) -> None:
        self.state = state
        self.message = str(message)[:500]
        self.result = result or {}
        self.finished_at = timezone.now()
        if state == self.State.DONE:
            self.progress = 100
        Job.objects.filter(pk=self.pk).update(state=self.state, message=self.message,
                                              result=self.result, progress=self.progress,
                                              finished_at=self.finished_at)


def _abandoned_message(runs: int) -> str:
    with translation.override("vi"):
        return _("The job stopped midway %(runs)d times (its worker was stopped) and will not "
                 "be run again. Start it again, or ask the administrator.") % {"runs": runs}

"""Background jobs kept in the database: what a request or the day hands over to a worker.

A job row is the whole queue. Any number of workers (``doingoai worker``, or the thread inside
each ``doingoai serve`` process) on any number of machines share the one database; each job is
claimed by exactly one of them (``Job.objects.claim``): ``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL, a conditional ``UPDATE … WHERE state = 'queued'`` on SQLite, which allows one
writer at a time anyway.
"""

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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

    def claim(self, worker: str = "") -> "Job | None":
        """The oldest queued job, now running and this worker's, or None. Two workers asking
        together never get the same job."""
        if connection.vendor == "postgresql":
            with transaction.atomic():
                job = (self.select_for_update(skip_locked=True)
                       .filter(state=Job.State.QUEUED).order_by("created_at", "pk").first())
                if job is None:
                    return None
                self._mark_running(job.pk, worker)
            return self.get(pk=job.pk)
        for pk in self.filter(state=Job.State.QUEUED).order_by("created_at", "pk").values_list(
                "pk", flat=True)[:20]:
            if self._mark_running(pk, worker, only_if_queued=True):
                return self.get(pk=pk)
        return None

    def _mark_running(self, pk, worker, only_if_queued=False) -> bool:
        rows = self.filter(pk=pk)
        if only_if_queued:
            rows = rows.filter(state=Job.State.QUEUED)
        return bool(rows.update(state=Job.State.RUNNING, started_at=timezone.now(),
                                worker=worker[:100]))


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

    def report(self, progress: int, message: str = "") -> None:
        """Progress for the job's page. Written at once, outside any transaction the job holds
        open only if called outside it: call it between the steps, not inside the atomic
        block, or the page sees it only at the end."""
        self.progress = max(0, min(100, int(progress)))
        self.message = str(message)[:500]
        Job.objects.filter(pk=self.pk).update(progress=self.progress, message=self.message)

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

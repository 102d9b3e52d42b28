from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doingoai.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "state", "progress", "owner", "created_at", "finished_at")
    list_filter = ("state", "kind")
    readonly_fields = [f.name for f in Job._meta.fields]
    actions = ["requeue"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Queue the selected jobs again (a worker was stopped)"))
    def requeue(self, request, queryset):
        # Only the finished or stuck ones: a queued job is queued already.
        queryset.exclude(state=Job.State.QUEUED).update(
            state=Job.State.QUEUED, progress=0, started_at=None, finished_at=None, worker="",
            heartbeat_at=None, attempts=0)

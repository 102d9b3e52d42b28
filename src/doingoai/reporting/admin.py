from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.reporting import workflow  # noqa: F401  (registers the rule)
from doingoai.reporting.models import Round, Submission, SubmittedFigure
from doingoai.rules.workflow import WorkflowAdminMixin


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period", "due_on", "status", "owner"]
    list_filter = ["status", "owner"]
    filter_horizontal = ["indicators", "units"]
    raw_id_fields = ["owner"]


class SubmittedFigureInline(admin.TabularInline):
    model = SubmittedFigure
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "round", "status"]
    list_filter = ["status"]
    raw_id_fields = ["owner", "organisation", "round"]
    inlines = [SubmittedFigureInline]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.reports import workflow  # noqa: F401  (registers the rule)
from doingoai.reports.models import ReportDocument, ReportVersion
from doingoai.rules.workflow import GuardedInlineFormSet, WorkflowAdminMixin


class ReportVersionInline(admin.TabularInline):
    """Versions are shown, never changed: each one is what was saved at the time."""

    model = ReportVersion
    formset = GuardedInlineFormSet
    extra = 0
    fields = ["n", "author", "created_at", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReportDocument)
class ReportDocumentAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "period", "status", "number", "issued_on", "owner"]
    list_filter = ["status"]
    raw_id_fields = ["owner", "place"]
    inlines = [ReportVersionInline]

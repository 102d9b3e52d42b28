from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.agreements import workflow  # noqa: F401  (registers the rule)
from doingoai.agreements.models import Agreement, ImplementationNote
from doingoai.rules.workflow import GuardedInlineFormSet, WorkflowAdminMixin


class ImplementationNoteInline(admin.TabularInline):
    formset = GuardedInlineFormSet
    model = ImplementationNote
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "signed_on", "expires_on", "owner"]
    list_filter = ["kind", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["partners", "sectors"]
    raw_id_fields = ["owner"]
    inlines = [ImplementationNoteInline]

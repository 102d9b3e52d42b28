from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.aid import workflow  # noqa: F401  (registers the rule)
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.rules.workflow import GuardedInlineFormSet, WorkflowAdminMixin


class AidTransactionInline(admin.TabularInline):
    formset = GuardedInlineFormSet
    model = AidTransaction
    extra = 0


@admin.register(AidProgramme)
class AidProgrammeAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "starts_on", "owner"]
    list_filter = ["kind", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["donors", "sectors"]
    raw_id_fields = ["owner", "places"]
    inlines = [AidTransactionInline]

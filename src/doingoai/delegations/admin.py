from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.delegations import workflow  # noqa: F401  (registers the rule)
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.rules.workflow import GuardedInlineFormSet, WorkflowAdminMixin


class DelegationMemberInline(admin.TabularInline):
    formset = GuardedInlineFormSet
    model = DelegationMember
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "direction", "departs_on", "status", "owner"]
    list_filter = ["direction", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["countries", "partners"]
    raw_id_fields = ["owner", "places"]
    inlines = [DelegationMemberInline]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.events import workflow  # noqa: F401  (registers the rule)
from doingoai.events.models import Event
from doingoai.rules.workflow import WorkflowAdminMixin


@admin.register(Event)
class EventAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "role", "mode", "starts_on", "owner"]
    list_filter = ["kind", "role", "mode", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["partners"]
    raw_id_fields = ["owner"]

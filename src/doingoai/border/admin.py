from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.border.models import BorderGate, BorderIncident, BorderMarker


@admin.register(BorderGate)
class BorderGateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "counterpart_name", "country", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "name"]
    raw_id_fields = ["owner", "commune"]
    filter_horizontal = ["pacts"]


@admin.register(BorderMarker)
class BorderMarkerAdmin(SimpleHistoryAdmin):
    list_display = ["number", "location", "commune", "owner"]
    list_filter = ["owner"]
    search_fields = ["search_text", "number"]
    raw_id_fields = ["owner", "commune"]
    filter_horizontal = ["pacts"]


@admin.register(BorderIncident)
class BorderIncidentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "occurred_on", "marker", "status", "owner"]
    list_filter = ["status", "owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner", "marker", "gate"]

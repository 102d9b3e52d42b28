from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.signatures.models import Specimen


@admin.register(Specimen)
class SpecimenAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "agency", "valid_from", "valid_to", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "person", "agency"]
    raw_id_fields = ["owner", "superseded_by"]

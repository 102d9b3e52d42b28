from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.aid.models import AidProgramme, AidTransaction


class AidTransactionInline(admin.TabularInline):
    model = AidTransaction
    extra = 0


@admin.register(AidProgramme)
class AidProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "starts_on", "owner"]
    list_filter = ["kind", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["donors", "sectors"]
    raw_id_fields = ["owner", "places"]
    inlines = [AidTransactionInline]

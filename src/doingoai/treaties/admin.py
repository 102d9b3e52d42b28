from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.treaties.models import Treaty, TreatyProvision


class TreatyProvisionInline(admin.TabularInline):
    model = TreatyProvision
    extra = 0


@admin.register(Treaty)
class TreatyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "signed_on", "in_force_on", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner"]
    inlines = [TreatyProvisionInline]

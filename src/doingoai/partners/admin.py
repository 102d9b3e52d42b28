from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.partners.models import Partner, PartnerRelation


class PartnerRelationInline(admin.TabularInline):
    model = PartnerRelation
    extra = 0


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name_vi", "acronym", "kind", "country", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "name_vi", "acronym"]
    autocomplete_fields = ["parent"]
    raw_id_fields = ["owner"]
    inlines = [PartnerRelationInline]

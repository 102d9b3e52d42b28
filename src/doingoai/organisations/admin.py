from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.organisations.models import Organisation, OrganisationName


class OrganisationNameInline(admin.TabularInline):
    model = OrganisationName
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "owner", "valid_from", "valid_to"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner", "parent", "admin_unit"]
    inlines = [OrganisationNameInline]

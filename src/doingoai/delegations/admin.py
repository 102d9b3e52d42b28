from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.delegations.models import Delegation, DelegationMember


class DelegationMemberInline(admin.TabularInline):
    model = DelegationMember
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "direction", "departs_on", "status", "owner"]
    list_filter = ["direction", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["countries", "partners"]
    raw_id_fields = ["owner", "places"]
    inlines = [DelegationMemberInline]

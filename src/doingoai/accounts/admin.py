from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "province"]
    list_filter = ["role"]
    autocomplete_fields = ["province"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

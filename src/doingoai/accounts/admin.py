from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.accounts.models import Membership, PasswordResetRequest


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "province", "can_see_personal_data"]
    list_filter = ["role", "can_see_personal_data"]
    autocomplete_fields = ["province"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


@admin.register(PasswordResetRequest)
class PasswordResetRequestAdmin(admin.ModelAdmin):
    list_display = ["at", "email", "ip"]
    search_fields = ["email", "ip"]
    readonly_fields = ["at", "email", "ip"]

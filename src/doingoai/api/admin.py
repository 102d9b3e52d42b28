from django.contrib import admin

from doingoai.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash", "created_at", "last_used_at"]

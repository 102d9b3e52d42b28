from django.contrib import admin

from doingoai.privacy.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "record_type", "record_id", "province"]
    list_filter = ["action", "record_type", "province"]
    search_fields = ["username", "record_type"]
    readonly_fields = [f.name for f in AccessLog._meta.fields]

    # The log is evidence: nobody adds to it or changes it by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

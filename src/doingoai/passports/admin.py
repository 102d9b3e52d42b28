from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.passports.models import (
    ABTCApplication,
    OfficialPassport,
    PassportHandout,
    PassportMovement,
)


class PassportMovementInline(admin.TabularInline):
    model = PassportMovement
    extra = 0


@admin.register(OfficialPassport)
class OfficialPassportAdmin(SimpleHistoryAdmin):
    list_display = ["holder_name", "kind", "holder_unit", "expires_on", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "holder_name"]
    raw_id_fields = ["owner"]
    inlines = [PassportMovementInline]


@admin.register(PassportHandout)
class PassportHandoutAdmin(SimpleHistoryAdmin):
    list_display = ["passport", "delegation", "handed_out_on", "return_due_on", "returned_on"]
    list_filter = ["owner"]
    raw_id_fields = ["owner", "passport", "delegation"]


@admin.register(ABTCApplication)
class ABTCApplicationAdmin(SimpleHistoryAdmin):
    list_display = ["applicant_name", "company", "received_on", "decision", "owner"]
    list_filter = ["decision", "owner"]
    search_fields = ["search_text", "company", "applicant_name"]
    raw_id_fields = ["owner"]

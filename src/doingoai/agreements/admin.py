from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.agreements.models import Agreement, ImplementationNote


class ImplementationNoteInline(admin.TabularInline):
    model = ImplementationNote
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "signed_on", "expires_on", "owner"]
    list_filter = ["kind", "status", "owner"]
    search_fields = ["search_text"]
    filter_horizontal = ["partners", "sectors"]
    raw_id_fields = ["owner"]
    inlines = [ImplementationNoteInline]

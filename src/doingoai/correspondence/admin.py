from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.correspondence.models import Document, DocumentLink, NumberBook


class DocumentLinkInline(admin.TabularInline):
    model = DocumentLink
    extra = 0


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "direction", "kind", "dated_on", "summary", "status", "owner"]
    list_filter = ["direction", "kind", "status", "owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner", "organisation", "handled_by"]
    inlines = [DocumentLinkInline]


@admin.register(NumberBook)
class NumberBookAdmin(admin.ModelAdmin):
    list_display = ["province", "year", "symbol", "last_number"]
    list_filter = ["year"]
    readonly_fields = ["last_number"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.rules.models import LegalDocument, Rule, Transition


class RuleInline(admin.StackedInline):
    model = Rule
    extra = 0
    fields = ["code", "area", "article", "province", "valid_from", "valid_to", "amount", "unit",
              "due_month", "due_day", "approver", "description_vi",
              "description_en"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(SimpleHistoryAdmin):
    """An administrator adds a province's own regulation here, with its rules inline;
    a rule with the same code as a national one and the province set replaces it there."""

    list_display = ["number", "kind", "title", "issued_on", "effective_on", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["number", "title"]
    inlines = [RuleInline]


@admin.register(Rule)
class RuleAdmin(SimpleHistoryAdmin):
    list_display = ["code", "document", "province", "valid_from", "valid_to", "amount", "unit",
                    "approver"]
    list_filter = ["area", "province", "document"]
    search_fields = ["code", "description_vi", "description_en", "document__number"]


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    list_display = ["at", "content_type", "object_id", "action", "from_status", "to_status", "by"]
    list_filter = ["content_type", "action"]
    readonly_fields = [f.name for f in Transition._meta.fields]

    def has_add_permission(self, request):
        return False

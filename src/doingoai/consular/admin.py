from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.consular.models import ConsularCase, ConsularPerson, ConsularStep


class ConsularPersonInline(admin.TabularInline):
    model = ConsularPerson
    extra = 0


class ConsularStepInline(admin.TabularInline):
    model = ConsularStep
    extra = 0


@admin.register(ConsularCase)
class ConsularCaseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "direction", "country", "opened_on", "status", "owner"]
    list_filter = ["direction", "kind", "status", "owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner"]
    inlines = [ConsularPersonInline, ConsularStepInline]

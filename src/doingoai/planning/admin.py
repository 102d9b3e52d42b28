from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.planning.models import AnnualPlan, PlanItem


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0


@admin.register(AnnualPlan)
class AnnualPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "status", "owner"]
    list_filter = ["status", "owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner"]
    inlines = [PlanItemInline]

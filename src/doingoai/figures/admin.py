from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from doingoai.core.templatetags.numbers import quantity
from doingoai.figures.models import Indicator, ReportedFigure, SourceDocument


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "unit", "name_vi"]
    search_fields = ["code", "name_vi", "name_en"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "shown_value", "unit", "place", "owner"]
    list_filter = ["indicator", "owner"]
    raw_id_fields = ["owner", "place", "source"]

    @admin.display(description=_("value"), ordering="value")
    def shown_value(self, obj):
        return quantity(obj.value, 4)  # 3, not the four stored places 3,0000


@admin.register(SourceDocument)
class SourceDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "published_on", "owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner"]

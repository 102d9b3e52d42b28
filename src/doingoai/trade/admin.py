from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.trade.models import ForeignEnterprise, TradeFlow


@admin.register(TradeFlow)
class TradeFlowAdmin(SimpleHistoryAdmin):
    list_display = ["gate", "direction", "period_start", "period_end", "value", "currency",
                    "owner"]
    list_filter = ["direction", "owner"]
    raw_id_fields = ["owner", "gate"]


@admin.register(ForeignEnterprise)
class ForeignEnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "registered_on", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "name"]
    raw_id_fields = ["owner", "programme"]

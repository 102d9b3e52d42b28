from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.information.models import PromotionActivity


@admin.register(PromotionActivity)
class PromotionActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_on", "reach", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text", "title"]
    raw_id_fields = ["owner"]

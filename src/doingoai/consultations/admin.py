from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.consultations.models import Consultation, ConsultationReply


class ReplyInline(admin.TabularInline):
    model = ConsultationReply
    extra = 0
    raw_id_fields = ["organisation", "reply_document"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "sent_on", "status", "owner"]
    list_filter = ["status", "owner"]
    search_fields = ["search_text", "subject"]
    raw_id_fields = ["owner", "agreement", "programme", "delegation", "event", "dossier"]
    inlines = [ReplyInline]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.protocol import models


class OwnedAdmin(SimpleHistoryAdmin):
    list_filter = ["owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner"]


@admin.register(models.Leader)
class LeaderAdmin(OwnedAdmin):
    list_display = ["full_name", "position", "owner"]


@admin.register(models.ScheduleItem)
class ScheduleItemAdmin(OwnedAdmin):
    list_display = ["on", "starts_at", "title", "leader", "interpreter", "status", "owner"]
    list_filter = ["kind", "status", "owner"]
    raw_id_fields = ["owner", "partner", "delegation", "event"]


@admin.register(models.Interpreter)
class InterpreterAdmin(OwnedAdmin):
    list_display = ["full_name", "languages", "organisation", "owner"]
    raw_id_fields = ["owner", "officer"]


@admin.register(models.InterpreterBooking)
class InterpreterBookingAdmin(OwnedAdmin):
    list_display = ["on", "starts_at", "ends_at", "interpreter", "language", "owner"]
    raw_id_fields = ["owner", "delegation", "event"]


class EntryPersonInline(admin.TabularInline):
    model = models.EntryPerson
    extra = 0
    raw_id_fields = ["member"]


@admin.register(models.EntryDocument)
class EntryDocumentAdmin(OwnedAdmin):
    list_display = ["reference", "kind", "issued_on", "subject", "owner"]
    list_filter = ["kind", "owner"]
    raw_id_fields = ["owner", "delegation"]
    inlines = [EntryPersonInline]


@admin.register(models.Gift)
class GiftAdmin(OwnedAdmin):
    list_display = ["on", "direction", "item", "value", "currency", "owner"]
    list_filter = ["direction", "owner"]
    raw_id_fields = ["owner", "partner", "schedule_item"]


@admin.register(models.SpendingNorm)
class SpendingNormAdmin(SimpleHistoryAdmin):
    list_display = ["guest_class", "per_guest", "document", "valid_from", "valid_to",
                    "province"]
    list_filter = ["guest_class", "document"]
    raw_id_fields = ["province"]


@admin.register(models.Banquet)
class BanquetAdmin(OwnedAdmin):
    list_display = ["on", "title", "guest_class", "covers", "cost", "currency", "owner"]
    raw_id_fields = ["owner", "schedule_item", "delegation"]


class ChecklistItemInline(admin.TabularInline):
    model = models.ChecklistItem
    extra = 0


@admin.register(models.Ceremony)
class CeremonyAdmin(OwnedAdmin):
    list_display = ["on", "title", "place", "owner"]
    raw_id_fields = ["owner", "event", "schedule_item"]
    inlines = [ChecklistItemInline]


@admin.register(models.Anniversary)
class AnniversaryAdmin(OwnedAdmin):
    list_display = ["title", "day", "month", "since_year", "owner"]
    raw_id_fields = ["owner", "partner"]


@admin.register(models.Letter)
class LetterAdmin(OwnedAdmin):
    list_display = ["reference", "issued_on", "kind", "addressee", "owner"]
    raw_id_fields = ["owner", "partner", "anniversary", "signer"]


@admin.register(models.NgoPermit)
class NgoPermitAdmin(OwnedAdmin):
    list_display = ["number", "partner", "kind", "expires_on", "owner"]
    raw_id_fields = ["owner", "partner", "renewed_by"]


@admin.register(models.PressVisit)
class PressVisitAdmin(OwnedAdmin):
    list_display = ["outlet", "starts_on", "status", "owner"]
    raw_id_fields = ["owner", "accompanied_by"]



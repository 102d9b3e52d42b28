from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.residents.models import Foreigner, HomeVisit, PersonAbroad


@admin.register(Foreigner)
class ForeignerAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "nationality", "purpose", "employer", "owner"]
    list_filter = ["purpose", "nationality", "owner"]
    search_fields = ["search_text", "full_name"]
    raw_id_fields = ["owner", "commune"]


class HomeVisitInline(admin.TabularInline):
    model = HomeVisit
    extra = 0


@admin.register(PersonAbroad)
class PersonAbroadAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "kind", "country", "employer", "owner"]
    list_filter = ["kind", "country", "owner"]
    search_fields = ["search_text", "full_name"]
    raw_id_fields = ["owner", "home_commune"]
    inlines = [HomeVisitInline]

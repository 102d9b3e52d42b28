from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from doingoai.core.models import AdminUnit, Country, Currency, ExchangeRate, Sector
from doingoai.core.templatetags.numbers import quantity


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["full_name", "code", "level", "generation", "valid_to", "successor"]
    list_filter = ["level", "generation"]
    search_fields = ["name", "full_name", "name_folded", "code"]
    raw_id_fields = ["parent", "province", "successor"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_vi", "full_name_vi", "name_en"]
    search_fields = ["code", "name_vi", "full_name_vi", "name_en"]


@admin.register(Currency)
class CurrencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "minor_unit"]
    search_fields = ["code", "name"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["currency", "on", "rate", "source"]

    @admin.display(description=_("VND per unit"), ordering="vnd_per_unit")
    def rate(self, obj):
        # 25.400, not the six stored places 25.400,000000.
        return quantity(obj.vnd_per_unit, 6)
    list_filter = ["currency"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_vi", "name_en"]

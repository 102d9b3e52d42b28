"""Foreign economic figures: import and export values through the province's border gates by
period, and the foreign-invested enterprises and foreign businesses in the province.

Values are Decimal with their currency beside them (customs report in USD); conversion, when
a report needs it, uses the dated exchange-rate table at report time."""

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.aid.models import AidProgramme
from doingoai.border.models import BorderGate
from doingoai.core.models import (
    AliveManager,
    Country,
    Currency,
    OwnedQuerySet,
    OwnedRecord,
    Sector,
    bounded_text,
)
from doingoai.core.validators import non_negative_check, validate_non_negative


class TradeFlowQuerySet(OwnedQuerySet):
    def exports(self):
        return self.filter(direction=TradeFlow.Direction.EXPORT)

    def imports(self):
        return self.filter(direction=TradeFlow.Direction.IMPORT)

    def within(self, start: dt.date, end: dt.date):
        """Figures whose period lies inside ``start``–``end`` (a month inside a year)."""
        return self.filter(period_start__gte=start, period_end__lte=end)

    def total(self, currency: str = "USD") -> Decimal:
        """The sum of the values in ``currency`` (figures in another currency are left
        out: convert them at report time with the dated rate table)."""
        value = self.filter(currency_id=currency).aggregate(total=Sum("value"))["total"]
        return value or Decimal("0")


class TradeFlow(OwnedRecord):
    class Direction(models.TextChoices):
        # "Import" alone is also the IATI import button: the context keeps them apart.
        EXPORT = "export", pgettext_lazy("trade", "Export")
        IMPORT = "import", pgettext_lazy("trade", "Import")

    SEARCH_FIELDS = ("goods", "source")

    gate = models.ForeignKey(BorderGate, models.PROTECT, null=True, blank=True,
                             related_name="trade_flows", verbose_name=_("border gate"),
                             help_text=_("Empty for the province's total."))
    direction = models.CharField(_("export or import"), max_length=6, choices=Direction.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    goods = models.CharField(_("goods"), max_length=300, blank=True,
                             help_text=_("Empty for all goods."))
    counterpart_country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True,
                                            related_name="+", verbose_name=_("partner country"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2,
                                validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, default="USD", related_name="+",
                                 verbose_name=_("currency"))
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("e.g. the border gate customs branch's report."))

    objects = AliveManager.from_queryset(TradeFlowQuerySet)()

    class Meta:
        verbose_name = _("import or export value")
        verbose_name_plural = _("import and export values")
        ordering = ["-period_start", "gate", "direction"]
        indexes = [models.Index(fields=["owner", "direction", "period_start"])]
        constraints = [non_negative_check("value")]

    def __str__(self):
        where = self.gate.name if self.gate_id else _("whole province")
        return (f"{self.get_direction_display()} {where} "
                f"{self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("A period cannot end before it starts.")})


class ForeignEnterpriseQuerySet(OwnedQuerySet):
    def active_on(self, day: dt.date):
        return self.filter(models.Q(registered_on__isnull=True) | models.Q(registered_on__lte=day)
                           ).filter(models.Q(closed_on__isnull=True) | models.Q(closed_on__gt=day))


class ForeignEnterprise(OwnedRecord):
    class Kind(models.TextChoices):
        FDI = "fdi", _("Foreign-invested enterprise")
        BRANCH = "branch", _("Branch of a foreign company")
        REPRESENTATIVE_OFFICE = "office", _("Representative office")
        CONTRACTOR = "contractor", _("Foreign contractor")
        OTHER = "other", _("Other foreign business")

    SEARCH_FIELDS = ("name", "name_foreign", "registration_number", "activity")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    name_foreign = models.CharField(_("name in the foreign language"), max_length=300,
                                    blank=True)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("investor's country"))
    registration_number = models.CharField(_("registration or investment certificate"),
                                           max_length=60, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    sector = models.ForeignKey(Sector, models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("sector"))
    activity = models.CharField(_("activity"), max_length=300, blank=True)
    business_address = models.CharField(_("address"), max_length=300, blank=True)
    registered_capital = models.DecimalField(_("registered capital"), max_digits=18,
                                             decimal_places=2, null=True, blank=True,
                                             validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, default="USD", related_name="+",
                                 verbose_name=_("currency"))
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    programme = models.ForeignKey(
        AidProgramme, models.SET_NULL, null=True, blank=True, related_name="enterprises",
        limit_choices_to={"kind": AidProgramme.Kind.FDI}, verbose_name=_("FDI project"),
    )
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(ForeignEnterpriseQuerySet)()

    class Meta:
        verbose_name = _("foreign enterprise")
        verbose_name_plural = _("foreign enterprises")
        ordering = ["name"]
        constraints = [non_negative_check("registered_capital")]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.programme_id and self.programme.kind != AidProgramme.Kind.FDI:
            raise ValidationError({"programme": _("Link an FDI project only.")})

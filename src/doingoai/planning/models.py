"""The province's annual foreign-affairs plan (kế hoạch hoạt động đối ngoại năm): the
outgoing delegations, incoming visits, conferences and agreements it means to carry out, each
with the organisation responsible, the partner, the quarter and the budget. Delegations and
events link to their plan item; one of a planned year that links to none is outside the plan
("ngoài kế hoạch"), which needs its own approval."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import Currency, OwnedRecord, bounded_text
from doingoai.core.validators import non_negative_check, validate_non_negative


class AnnualPlan(OwnedRecord):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    SEARCH_FIELDS = ("title", "decision_number", "notes")

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[validate_non_negative, MinValueValidator(2000),
                               MaxValueValidator(2100)])
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    decision_number = models.CharField(_("approval decision number"), max_length=60,
                                       blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approver = models.CharField(_("approved by"), max_length=150, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("annual foreign-affairs plan")
        verbose_name_plural = _("annual foreign-affairs plans")
        ordering = ["-year", "pk"]
        constraints = [
            non_negative_check("year"),
            models.UniqueConstraint(fields=["owner", "year"],
                                    condition=models.Q(deleted_at__isnull=True),
                                    name="one_live_plan_per_province_and_year"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.status == self.Status.APPROVED and not self.approved_on:
            raise ValidationError({"approved_on": _("An approved plan needs its approval date.")})
        if self.owner_id and self.year:
            clash = AnnualPlan.objects.filter(owner_id=self.owner_id, year=self.year).exclude(
                pk=self.pk)
            if clash.exists():
                raise ValidationError({"year": _("The province already has a plan for this "
                                                 "year: amend that one.")})

    def record_day(self) -> dt.date | None:
        # None while the year is missing (a form that refused it): as the base's contract.
        return dt.date(self.year, 1, 1) if self.year else None


class PlanItem(models.Model):
    class Kind(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing delegation")
        INCOMING = "incoming", _("Incoming visit")
        CONFERENCE = "conference", _("Conference or event")
        AGREEMENT = "agreement", _("Agreement to sign")
        OTHER = "other", _("Other activity")

    class Quarter(models.IntegerChoices):
        Q1 = 1, _("Quarter I")
        Q2 = 2, _("Quarter II")
        Q3 = 3, _("Quarter III")
        Q4 = 4, _("Quarter IV")

    OWNED_THROUGH = "plan"

    plan = models.ForeignKey(AnnualPlan, models.CASCADE, related_name="items",
                             verbose_name=_("annual plan"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("planned activity"), max_length=300)
    responsible = models.CharField(_("responsible organisation"), max_length=200, blank=True)
    partner = models.CharField(_("partner"), max_length=200, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=Quarter.choices,
                                               null=True, blank=True,
                                               validators=[validate_non_negative])
    budget = models.DecimalField(_("budget"), max_digits=20, decimal_places=2, null=True,
                                 blank=True, validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, related_name="+", default="VND",
                                 verbose_name=_("currency"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["quarter", "pk"]
        constraints = [non_negative_check("quarter"), non_negative_check("budget")]

    def __str__(self):
        return f"{self.plan.year} · {self.title}" if self.plan_id else self.title


def check_plan_item(record, item_field="plan_item", date_field="departs_on"):
    """A record's plan item is of its own province's plan for the record's year (every
    path: page, admin, API, import)."""
    item = getattr(record, item_field, None)
    if item is None:
        return
    if record.owner_id and item.plan.owner_id != record.owner_id:
        raise ValidationError({item_field: _("This plan item belongs to another province's "
                                             "plan.")})
    day = getattr(record, date_field, None)
    if day and item.plan.year != day.year:
        raise ValidationError({item_field: _("This plan item is of the plan for %(year)d, "
                                             "not of the year of the activity.")
                               % {"year": item.plan.year}})


def needs_own_approval(record, day) -> bool:
    """Whether ``record`` (a delegation or an event) is outside the plan the rules hold it
    to: its province's plan for the year of ``day`` is approved and it links to no item."""
    if record.plan_item_id or not day or not record.owner_id:
        return False
    return AnnualPlan.objects.filter(owner_id=record.owner_id, year=day.year,
                                     status=AnnualPlan.Status.APPROVED).exists()

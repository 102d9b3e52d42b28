"""Foreigners living, working or staying long in the province, and the province's people
abroad: workers under contract and overseas Vietnamese (kiều bào) from the province."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    AdminUnit,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)

EXPIRY_FIELDS = ("passport_expires_on", "visa_expires_on", "residence_card_expires_on",
                 "work_permit_expires_on")


class ForeignerQuerySet(OwnedQuerySet):
    def resident_on(self, day: dt.date):
        """Foreigners in the province on ``day``: arrived by then and not yet left."""
        return self.filter(Q(arrived_on__isnull=True) | Q(arrived_on__lte=day)).filter(
            Q(left_on__isnull=True) | Q(left_on__gt=day)
        )

    def expiring_within(self, days: int, today: dt.date | None = None):
        """Foreigners still here whose passport, visa, temporary residence card or work
        permit expires in the next ``days`` days (or has expired while they stay)."""
        today = today or timezone.localdate()
        horizon = today + dt.timedelta(days=days)
        condition = Q()
        for name in EXPIRY_FIELDS:
            condition |= Q(**{f"{name}__lte": horizon})
        return self.resident_on(today).filter(condition)


class Foreigner(OwnedRecord):
    class Purpose(models.TextChoices):
        WORK = "work", _("Work")
        INVESTMENT = "investment", _("Investment")
        STUDY = "study", _("Study")
        FAMILY = "family", _("Family (married to or living with a Vietnamese)")
        VOLUNTEER = "volunteer", _("Volunteer or NGO project")
        OTHER = "other", _("Other")

    class Sex(models.TextChoices):
        FEMALE = "f", _("Female")
        MALE = "m", _("Male")

    SEARCH_FIELDS = ("full_name", "employer", "notes")
    YEAR_FIELD = "arrived_on"  # the lists' year filter (core.records.year_field_of)
    PERSONAL_FIELDS = ("date_of_birth", "passport_number", "address", "residence_card_number",
                       "work_permit_number")
    NAME_FIELDS = ("full_name",)  # "Nguyễn V. A." without the grant (privacy/masking.py)

    full_name = models.CharField(_("full name"), max_length=150)
    nationality = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                    verbose_name=_("nationality"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    passport_expires_on = models.DateField(_("passport expires on"), null=True, blank=True)
    purpose = models.CharField(_("purpose of stay"), max_length=12, choices=Purpose.choices)
    employer = models.CharField(_("employer or host"), max_length=200, blank=True)
    address = models.CharField(_("address in the province"), max_length=300, blank=True)
    commune = models.ForeignKey(AdminUnit, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("commune or district"))
    arrived_on = models.DateField(_("arrived on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    visa_expires_on = models.DateField(_("visa expires on"), null=True, blank=True)
    residence_card_number = models.CharField(_("temporary residence card number"),
                                             max_length=30, blank=True)
    residence_card_expires_on = models.DateField(_("temporary residence card expires on"),
                                                 null=True, blank=True)
    work_permit_number = models.CharField(_("work permit number"), max_length=30, blank=True)
    work_permit_expires_on = models.DateField(_("work permit expires on"), null=True,
                                              blank=True)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(ForeignerQuerySet)()

    class Meta:
        verbose_name = _("foreigner in the province")
        verbose_name_plural = _("foreigners in the province")
        ordering = ["full_name", "pk"]
        indexes = [models.Index(fields=["owner", "nationality"])]

    def __str__(self):
        return self.full_name

    def documents_expiring(self, days: int = 30, today: dt.date | None = None):
        """(label, date) of each document that expires within ``days`` days."""
        today = today or timezone.localdate()
        horizon = today + dt.timedelta(days=days)
        found = []
        for name in EXPIRY_FIELDS:
            value = getattr(self, name)
            if value is not None and value <= horizon:
                found.append((self._meta.get_field(name).verbose_name, value))
        return found


class PersonAbroadQuerySet(OwnedQuerySet):
    def workers(self):
        return self.filter(kind=PersonAbroad.Kind.WORKER)

    def overseas(self):
        return self.filter(kind=PersonAbroad.Kind.OVERSEAS)

    def abroad_on(self, day: dt.date):
        return self.filter(Q(departed_on__isnull=True) | Q(departed_on__lte=day)).filter(
            Q(returned_on__isnull=True) | Q(returned_on__gt=day)
        )


class PersonAbroad(OwnedRecord):
    class Kind(models.TextChoices):
        WORKER = "worker", _("Worker abroad under contract")
        OVERSEAS = "overseas", _("Overseas Vietnamese from the province")
        STUDENT = "student", _("Student abroad")

    SEARCH_FIELDS = ("full_name", "employer", "placement_company", "notes")
    YEAR_FIELD = "departed_on"  # its date: the lists' year, the communes in force (core)
    PERSONAL_FIELDS = ("date_of_birth", "passport_number", "address_abroad", "home_address",
                       "phone")
    NAME_FIELDS = ("full_name",)

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    full_name = models.CharField(_("full name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    home_commune = models.ForeignKey(AdminUnit, models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("home commune or district"))
    home_address = models.CharField(_("home address"), max_length=300, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("country"))
    employer = models.CharField(_("employer abroad"), max_length=200, blank=True)
    placement_company = models.CharField(_("placement company"), max_length=200, blank=True)
    address_abroad = models.CharField(_("address abroad"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    departed_on = models.DateField(_("left for abroad on"), null=True, blank=True)
    contract_ends_on = models.DateField(_("contract ends on"), null=True, blank=True)
    returned_on = models.DateField(_("came back for good on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(PersonAbroadQuerySet)()

    class Meta:
        verbose_name = _("person of the province abroad")
        verbose_name_plural = _("people of the province abroad")
        ordering = ["full_name", "pk"]
        indexes = [models.Index(fields=["owner", "kind", "country"])]

    def __str__(self):
        return self.full_name


class HomeVisit(models.Model):
    person = models.ForeignKey(PersonAbroad, models.CASCADE, related_name="visits",
                               verbose_name=_("person"))
    arrived_on = models.DateField(_("arrived on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visit home")
        verbose_name_plural = _("visits home")
        ordering = ["arrived_on"]

    def __str__(self):
        return f"{self.arrived_on:%d/%m/%Y}"

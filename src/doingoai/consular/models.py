"""Consular affairs and the protection of citizens (lãnh sự, bảo hộ công dân): cases in the
province involving foreigners, and cases abroad involving the province's citizens."""

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    TEXT_LENGTH,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)

RETENTION_RULE = "consular.retention_years"
ANONYMISED = "—"


class ConsularCaseQuerySet(OwnedQuerySet):
    def still_open(self):
        return self.filter(status=ConsularCase.Status.OPEN)

    def opened_between(self, start: dt.date, end: dt.date):
        return self.filter(opened_on__range=(start, end))

    def closed_between(self, start: dt.date, end: dt.date):
        return self.filter(status=ConsularCase.Status.CLOSED, closed_on__range=(start, end))

    def open_on(self, day: dt.date):
        """Cases opened by ``day`` and not yet closed on it (the report's "pending")."""
        return self.filter(opened_on__lte=day).filter(
            models.Q(closed_on__isnull=True) | models.Q(closed_on__gt=day)
        )

    def due_for_anonymisation(self, today: dt.date | None = None):
        """Closed cases whose personal data has been kept for the retention period."""
        today = today or timezone.localdate()
        candidates = self.filter(status=ConsularCase.Status.CLOSED, closed_on__isnull=False,
                                 anonymised_on__isnull=True)
        return [case for case in candidates.select_related("owner")
                if case.retention_ends_on() <= today]


class ConsularCase(OwnedRecord):
    class Direction(models.TextChoices):
        IN_PROVINCE = "in_province", _("In the province, involving foreigners")
        ABROAD = "abroad", _("Abroad, involving the province's citizens")

    class Kind(models.TextChoices):
        ACCIDENT = "accident", _("Accident")
        DEATH = "death", _("Death")
        ARREST = "arrest", _("Arrest or detention")
        ILLEGAL_ENTRY = "illegal_entry", _("Illegal entry")
        ILLEGAL_STAY = "illegal_stay", _("Illegal stay")
        LOST_PASSPORT = "lost_passport", _("Lost passport")
        TRAFFICKED = "trafficked", _("Human trafficking")
        STRANDED = "stranded", _("Stranded")
        ILLEGAL_WORK = "illegal_work", _("Working illegally across the border")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    SEARCH_FIELDS = ("title", "place", "agencies")
    # The circumstances of a citizen in trouble are personal data (Decree 13/2023/NĐ-CP);
    # the title, kind, country and dates are not, and are what the statistics count.
    PERSONAL_FIELDS = ("summary", "outcome")

    direction = models.CharField(_("where"), max_length=12, choices=Direction.choices)
    kind = models.CharField(_("kind of case"), max_length=14, choices=Kind.choices)
    title = models.CharField(
        _("title"), max_length=300,
        help_text=_("A short description without names, e.g. \"Citizen trafficked to China\"."),
    )
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("country"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    occurred_on = models.DateField(_("occurred on"), null=True, blank=True)
    opened_on = models.DateField(_("opened on"))
    summary = bounded_text(_("what happened"), blank=True, limit=TEXT_LENGTH)
    agencies = models.CharField(
        _("agencies involved"), max_length=400, blank=True,
        help_text=_("Police, border guard, the embassy or consulate..."),
    )
    outcome = bounded_text(_("outcome"), blank=True, limit=TEXT_LENGTH)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.OPEN)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)
    anonymised_on = models.DateField(_("personal data anonymised on"), null=True, blank=True,
                                     editable=False)

    objects = AliveManager.from_queryset(ConsularCaseQuerySet)()

    class Meta:
        verbose_name = _("consular case")
        verbose_name_plural = _("consular cases")
        ordering = ["-opened_on", "-pk"]
        indexes = [models.Index(fields=["owner", "opened_on"]),
                   models.Index(fields=["status", "closed_on"])]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.status == self.Status.CLOSED and not self.closed_on:
            raise ValidationError({"closed_on": _("A closed case needs its closing date.")})
        if self.status == self.Status.OPEN and self.closed_on:
            raise ValidationError({"status": _("A case with a closing date is closed.")})
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("A case cannot close before it opens.")})

    # --- retention of personal data --------------------------------------------------
    def retention_years(self) -> int:
        """Years the personal data of a closed case is kept: the rule
        ``consular.retention_years`` in force on the closing date (a province's own first),
        else the setting DOINGOAI_CONSULAR_RETENTION_YEARS."""
        from doingoai.rules.models import rule_in_force

        rule = rule_in_force(RETENTION_RULE, self.closed_on, self.owner)
        if rule is not None and rule.amount is not None:
            return rule.amount
        return settings.DOINGOAI_CONSULAR_RETENTION_YEARS

    def retention_ends_on(self) -> dt.date:
        from doingoai.rules.models import add_months

        return add_months(self.closed_on, 12 * self.retention_years())

    @transaction.atomic
    def anonymise(self, today: dt.date | None = None):
        """Erase the personal data of the case and of its persons, in the history too,
        keeping what the statistics count (kind, direction, country, dates, status, the
        number of persons and their nationality and sex)."""
        today = today or timezone.localdate()
        personal = {name: "" for name in self.PERSONAL_FIELDS}
        type(self).all_objects.filter(pk=self.pk).update(anonymised_on=today, **personal)
        type(self).history.filter(id=self.pk).update(**personal)
        for number, person in enumerate(self.persons.order_by("pk"), start=1):
            values = person.anonymised_values(number)
            ConsularPerson.objects.filter(pk=person.pk).update(**values)
            ConsularPerson.history.filter(id=person.pk).update(**values)
        from doingoai.core.list_cache import rows_written

        rows_written(type(self))  # the lists showing the names read them again
        rows_written(ConsularPerson)
        self.refresh_from_db()


class ConsularPerson(models.Model):
    class Role(models.TextChoices):
        CITIZEN = "citizen", _("Vietnamese citizen concerned")
        FOREIGNER = "foreigner", _("Foreigner concerned")
        RELATIVE = "relative", _("Relative")
        OTHER = "other", _("Other")

    class Sex(models.TextChoices):
        FEMALE = "f", _("Female")
        MALE = "m", _("Male")

    # A name is kept masked too here: in a trafficking or detention case the name alone
    # tells the circumstances.
    PERSONAL_FIELDS = ("full_name", "date_of_birth", "passport_number", "address")

    case = models.ForeignKey(ConsularCase, models.CASCADE, related_name="persons",
                             verbose_name=_("case"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices,
                            default=Role.CITIZEN)
    full_name = models.CharField(_("full name"), max_length=150)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = models.ForeignKey(Country, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("nationality"))
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person concerned")
        verbose_name_plural = _("persons concerned")
        ordering = ["pk"]

    def __str__(self):
        return self.full_name

    def anonymised_values(self, number: int) -> dict:
        return {"full_name": _("Person %(n)d") % {"n": number}, "date_of_birth": None,
                "passport_number": "", "address": ""}


class ConsularStep(models.Model):
    case = models.ForeignKey(ConsularCase, models.CASCADE, related_name="steps",
                             verbose_name=_("case"))
    on = models.DateField(_("date"))
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    action = models.CharField(_("step taken"), max_length=500)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("step taken")
        verbose_name_plural = _("steps taken")
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.on:%d/%m/%Y} {self.action}"

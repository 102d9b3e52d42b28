"""The province's own bodies: the foreign-affairs office, departments, communes and wards,
border posts, mass organisations, Party bodies, enterprises, schools and hospitals. Each has
its names over time (the office that does foreign affairs changed its name in 2025); a commune
or ward is the administrative unit it governs."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    AdminUnit,
    AliveManager,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.lib.collation import Vietnamese


class OrganisationQuerySet(OwnedQuerySet):
    def in_force(self, on: dt.date | None = None):
        """The organisations that exist on ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on))


class Organisation(OwnedRecord):
    class Kind(models.TextChoices):
        OFFICE = "office", _("Foreign-affairs office")
        DEPARTMENT = "department", _("Department or agency")
        COMMUNE = "commune", _("Commune or ward")
        BORDER_POST = "border_post", _("Border post")
        MASS_ORGANISATION = "mass", _("Mass organisation")
        PARTY_BODY = "party", _("Party body")
        ENTERPRISE = "enterprise", _("Enterprise")
        SCHOOL_HOSPITAL = "school", _("School or hospital")

    # Lists show the office first, then departments, ..., the hundred communes last.
    KIND_ORDER = ("office", "department", "border_post", "mass", "party", "enterprise", "school",
                  "commune")
    SEARCH_FIELDS = ("name", "short_name", "symbol")
    # The register is the province's reference data: a unit's users read it, and change none.
    UNIT_READS_ALL = True

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200,
                            help_text=_("Today's name; earlier names are kept below."))
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    symbol = models.CharField(
        _("document symbol"), max_length=20, blank=True,
        help_text=_("What follows the document type in the number of its documents, e.g. "
                    "SNgV in “Số: 12/BC-SNgV”."))
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("parent body"))
    # Who signs the body's documents (the header and signature of a report, reports.document).
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True,
                                    help_text=_("e.g. GIÁM ĐỐC"))
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    admin_unit = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("administrative unit"),
        help_text=_("For a commune or ward: the unit it governs."))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = bounded_text(_("note"), blank=True)
    kind_rank = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = AliveManager.from_queryset(OrganisationQuerySet)()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind_rank", Vietnamese("name").asc()]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self):
        if self.valid_to is not None and self.valid_to < timezone.localdate():
            return _("%(name)s (until %(date)s)") % {
                "name": self.name, "date": self.valid_to.strftime("%d/%m/%Y")}
        return self.name

    def save(self, *args, **kwargs):
        self.kind_rank = self.KIND_ORDER.index(self.kind) if self.kind in self.KIND_ORDER else 0
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end date is before the start date.")
        if self.admin_unit_id and self.admin_unit.level != AdminUnit.Level.COMMUNE:
            errors["admin_unit"] = _("Choose a commune or ward, not a province or district.")
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = _("An organisation cannot be its own parent body.")
            elif (self.parent.valid_to and self.valid_from
                  and self.parent.valid_to < self.valid_from):
                errors["parent"] = _("The parent body was abolished before this organisation "
                                     "was set up.")
        if errors:
            raise ValidationError(errors)

    def in_force_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or self.valid_to >= on)

    def name_on(self, on: dt.date) -> str:
        """The name the organisation bore on ``on``: a document of 2024 names the office by
        its name of 2024."""
        for entry in self.names.all():
            if (entry.valid_from is None or entry.valid_from <= on) and (
                    entry.valid_to is None or entry.valid_to >= on):
                return entry.name
        return self.name


class OrganisationName(models.Model):
    """A name the organisation bore from ``valid_from`` to ``valid_to``."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="names",
                                     verbose_name=_("organisation"))
    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("The decision that gave or changed the name."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("name over time")
        verbose_name_plural = _("names over time")
        ordering = ["-valid_from"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date is before the start date.")})


def refuse_abolished(organisation, on: dt.date | None, field: str = "organisation"):
    """A ValidationError naming ``field`` when ``organisation`` is not in force on ``on``: a
    record is made for a unit that exists on the record's date."""
    if organisation is None or on is None or organisation.in_force_on(on):
        return
    raise ValidationError({field: _(
        "%(organisation)s did not exist on %(date)s (in force %(from)s – %(to)s): choose the "
        "unit that was in force then.") % {
        "organisation": organisation.name, "date": on.strftime("%d/%m/%Y"),
        "from": organisation.valid_from.strftime("%d/%m/%Y") if organisation.valid_from else "…",
        "to": organisation.valid_to.strftime("%d/%m/%Y") if organisation.valid_to else "…"}})

"""Border and territory (biên giới, lãnh thổ): border gates and openings, border markers and
border incidents. The friendship pacts of border communes and posts are linked from here
(``pacts``), so that a gate's or a marker's page shows the pacts of the places around it."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import (
    TEXT_LENGTH,
    AdminUnit,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.friendship.models import FriendshipPact


class BorderGate(OwnedRecord):
    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International border gate")
        MAIN = "main", _("Main border gate")
        SECONDARY = "secondary", _("Secondary border gate")
        CROSSING_POINT = "crossing", _("Border crossing point")
        OPENING = "opening", _("Opening (lối mở)")

    SEARCH_FIELDS = ("name", "counterpart_name", "notes")
    YEAR_FIELD = "opened_on"  # its date: the lists' year, the communes in force (core)

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    counterpart_name = models.CharField(_("counterpart gate"), max_length=200, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("neighbouring country"))
    commune = models.ForeignKey(AdminUnit, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("commune or district"))
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    pacts = models.ManyToManyField(FriendshipPact, blank=True, related_name="+",
                                   verbose_name=_("friendship pacts of the communes and posts"))
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("border gate or opening")
        verbose_name_plural = _("border gates and openings")
        ordering = ["kind", "name"]

    def __str__(self):
        if self.counterpart_name:
            return f"{self.name} – {self.counterpart_name}"
        return self.name


class BorderMarker(OwnedRecord):
    SEARCH_FIELDS = ("number", "location", "notes")

    number = models.CharField(_("marker number"), max_length=20)
    location = models.CharField(_("location"), max_length=300, blank=True)
    commune = models.ForeignKey(AdminUnit, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("commune"))
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("neighbouring country"))
    pacts = models.ManyToManyField(FriendshipPact, blank=True, related_name="+",
                                   verbose_name=_("friendship pacts of the communes and posts"))
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("border marker")
        verbose_name_plural = _("border markers")
        ordering = ["number"]

    def __str__(self):
        return _("Marker %(number)s") % {"number": self.number}


class IncidentQuerySet(OwnedQuerySet):
    def between(self, start: dt.date, end: dt.date):
        return self.filter(occurred_on__range=(start, end))


class BorderIncident(OwnedRecord):
    class Status(models.TextChoices):
        BEING_HANDLED = "handling", _("Being handled")
        SETTLED = "settled", _("Settled")

    SEARCH_FIELDS = ("title", "place", "what_happened", "counterpart_side", "handling")
    YEAR_FIELD = "occurred_on"  # its date: the lists' year, the communes in force (core)

    title = models.CharField(_("title"), max_length=300)
    occurred_on = models.DateField(_("occurred on"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    marker = models.ForeignKey(BorderMarker, models.PROTECT, null=True, blank=True,
                               related_name="incidents", verbose_name=_("nearest marker"))
    gate = models.ForeignKey(BorderGate, models.PROTECT, null=True, blank=True,
                             related_name="incidents", verbose_name=_("border gate"))
    what_happened = bounded_text(_("what happened"), limit=TEXT_LENGTH)
    counterpart_side = models.CharField(_("counterpart side"), max_length=300, blank=True,
                                        help_text=_("The foreign authority or unit involved."))
    handling = bounded_text(_("how it was handled"), blank=True, limit=TEXT_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.BEING_HANDLED)

    objects = AliveManager.from_queryset(IncidentQuerySet)()

    class Meta:
        verbose_name = _("border incident")
        verbose_name_plural = _("border incidents")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self):
        return self.title

"""Friendship pacts (twinned localities, border communes and districts with their
counterparts, border posts with the facing stations) and friendship associations."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import (
    AdminUnit,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.partners.models import Partner


class PactQuerySet(OwnedQuerySet):
    def in_force_on(self, day: dt.date):
        return self.filter(Q(signed_on__isnull=True) | Q(signed_on__lte=day)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)
        )


class FriendshipPact(OwnedRecord):
    class Kind(models.TextChoices):
        TWINNED_LOCALITY = "locality", _("Twinned or friendship locality")
        BORDER_COMMUNE = "border_commune", _("Border commune or town with its counterpart")
        DISTRICT_PAIR = "district_pair", _("District or city pair")
        BORDER_POST = "border_post", _("Border post with the facing station")
        VILLAGE_PAIR = "village_pair", _("Village or hamlet pair across the border")

    SEARCH_FIELDS = ("title", "our_side", "counterpart", "notes")
    YEAR_FIELD = "signed_on"  # its date: the lists' year, the communes in force (core)

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    our_side = models.CharField(
        _("our side"), max_length=200,
        help_text=_("The commune, district, border post or province that signed."),
    )
    our_unit = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("our administrative unit"),
    )
    counterpart = models.CharField(_("counterpart"), max_length=200)
    counterpart_partner = models.ForeignKey(
        Partner, models.SET_NULL, null=True, blank=True, related_name="pacts",
        verbose_name=_("counterpart in the partner register"),
    )
    country = models.ForeignKey(Country, models.PROTECT, related_name="+",
                                verbose_name=_("country of the counterpart"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ends_on = models.DateField(_("ended on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(PactQuerySet)()

    class Meta:
        verbose_name = _("friendship pact")
        verbose_name_plural = _("friendship pacts")
        ordering = ["kind", "our_side"]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self):
        return self.title


class FriendshipAssociation(OwnedRecord):
    SEARCH_FIELDS = ("name", "notes")

    name = models.CharField(_("name"), max_length=200)
    countries = models.ManyToManyField(Country, related_name="+", verbose_name=_("countries"))
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    members = models.PositiveIntegerField(_("members"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("friendship association")
        verbose_name_plural = _("friendship associations")
        ordering = ["name"]

    def __str__(self):
        return self.name

"""Foreign information and promotion (thông tin đối ngoại): what presents the province abroad
— publications, media campaigns, fairs, the UNESCO Global Geopark's revalidation — with its
audience and results."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import (
    TEXT_LENGTH,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)


class ActivityQuerySet(OwnedQuerySet):
    def between(self, start: dt.date, end: dt.date):
        return self.filter(starts_on__range=(start, end))


class PromotionActivity(OwnedRecord):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        MEDIA_CAMPAIGN = "media", _("Media campaign")
        FAIR = "fair", _("Fair or exhibition")
        PRESS_TRIP = "press_trip", _("Foreign press visit")
        HERITAGE = "heritage", _("International heritage title (UNESCO...)")
        ONLINE = "online", _("Website or social media")
        OTHER = "other", _("Other")

    SEARCH_FIELDS = ("title", "place", "audience", "results", "partners")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place or medium"), max_length=300, blank=True)
    countries = models.ManyToManyField(Country, blank=True, related_name="+",
                                       verbose_name=_("countries reached"))
    languages = models.CharField(_("languages"), max_length=120, blank=True)
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    reach = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    results = bounded_text(_("results"), blank=True, limit=TEXT_LENGTH)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(ActivityQuerySet)()

    class Meta:
        verbose_name = _("information or promotion activity")
        verbose_name_plural = _("information and promotion activities")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title

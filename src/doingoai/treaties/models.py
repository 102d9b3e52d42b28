"""Treaties (điều ước quốc tế) the province implements, such as the land border treaty and
the border gate agreements with China, with the provisions that concern the province."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import Country, OwnedRecord, bounded_text


class Treaty(OwnedRecord):
    class Kind(models.TextChoices):
        TREATY = "treaty", _("Treaty")
        AGREEMENT = "agreement", _("Agreement")
        PROTOCOL = "protocol", _("Protocol")
        CONVENTION = "convention", _("Convention")
        OTHER = "other", _("Other")

    SEARCH_FIELDS = ("title", "short_title", "number", "notes")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    short_title = models.CharField(_("short title"), max_length=150, blank=True)
    number = models.CharField(_("number or reference"), max_length=80, blank=True)
    parties = models.ManyToManyField(Country, blank=True, related_name="+",
                                     verbose_name=_("other parties"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)
    url = models.URLField(_("link to the text"), blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("treaty")
        verbose_name_plural = _("treaties")
        ordering = ["-signed_on", "title"]

    def __str__(self):
        return self.short_title or self.title


class TreatyProvision(models.Model):
    treaty = models.ForeignKey(Treaty, models.CASCADE, related_name="provisions",
                               verbose_name=_("treaty"))
    article = models.CharField(_("article"), max_length=60)
    summary = models.CharField(_("what it asks of the province"), max_length=500)
    responsible = models.CharField(_("responsible agency"), max_length=200, blank=True)
    implementation = models.CharField(_("how it is implemented"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("provision concerning the province")
        verbose_name_plural = _("provisions concerning the province")
        ordering = ["pk"]

    def __str__(self):
        return self.article

"""The register of foreign partners and their relations with the province over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import Country, OwnedRecord, bounded_text


class Partner(OwnedRecord):
    class Kind(models.TextChoices):
        FOREIGN_LOCALITY = "locality", _("Foreign province or city")
        GOVERNMENT_BODY = "government", _("National government body")
        EMBASSY = "embassy", _("Embassy or consulate")
        INTERNATIONAL_ORGANISATION = "intl_org", _("International organisation")
        FINANCIAL_INSTITUTION = "financial", _("Financial institution")
        FOREIGN_NGO = "ngo", _("Foreign NGO")
        BUSINESS = "business", _("Business")
        ASSOCIATION = "association", _("Association")

    SEARCH_FIELDS = ("name_vi", "name_en", "name_native", "acronym", "aliases")
    UNIT_READS_ALL = True  # reference data: a unit's users read the register (core.models)

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_native = models.CharField(_("name in the native script"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    aliases = bounded_text(
        _("other names"), blank=True, help_text=_("One name per line, as the press writes them.")
    )
    country = models.ForeignKey(
        Country, models.PROTECT, null=True, blank=True, verbose_name=_("country"),
        help_text=_("Empty for an international organisation with no single country."),
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("part of"), help_text=_("Moriya is part of Ibaraki, Ibaraki of Japan."),
    )
    website = models.URLField(_("website"), blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_vi"]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self):
        return f"{self.name_vi} ({self.acronym})" if self.acronym else self.name_vi

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.parent_id is not None:
            if self.pk is not None and self.within(self.pk):
                errors["parent"] = _(
                    "%(parent)s is itself part of %(partner)s: a partner cannot be part of "
                    "its own part (Moriya is part of Ibaraki, so Ibaraki cannot be part of "
                    "Moriya).") % {"parent": self.parent, "partner": self.name_vi}
            elif self.parent.country_id and self.country_id and (
                    self.parent.country_id != self.country_id):
                errors["parent"] = _(
                    "%(parent)s is in %(parent_country)s, not in %(country)s: a partner can "
                    "only be part of a partner of its own country.") % {
                    "parent": self.parent, "parent_country": self.parent.country,
                    "country": self.country}
        if self.pk is not None and self.country_id:
            abroad = self.children.exclude(country__isnull=True).exclude(
                country_id=self.country_id).order_by("name_vi").first()
            if abroad is not None:
                errors["country"] = _(
                    "%(child)s, which is part of this partner, is in %(child_country)s: "
                    "change its country or its parent first.") % {
                    "child": abroad, "child_country": abroad.country}
        if errors:
            raise ValidationError(errors)

    def within(self, pk) -> bool:
        """Whether the partner ``pk`` is this partner's parent, its parent's parent..."""
        seen = set()
        node = self.parent
        while node is not None and node.pk not in seen:
            if node.pk == pk:
                return True
            seen.add(node.pk)
            node = node.parent
        return False

    def names(self) -> list[str]:
        """Every name the partner goes by, for matching names found in press articles."""
        found = [self.name_vi, self.name_en, self.name_native, self.acronym]
        found += [line.strip() for line in self.aliases.splitlines()]
        return [name for name in found if name]


class PartnerRelation(models.Model):
    """One period of the province's relation with a partner (friendship, cooperation...)."""

    class Kind(models.TextChoices):
        FRIENDSHIP = "friendship", _("Friendship and cooperation")
        COOPERATION = "cooperation", _("Cooperation")
        DONOR = "donor", _("Donor or sponsor")
        INVESTOR = "investor", _("Investor")
        DIPLOMATIC = "diplomatic", _("Diplomatic relations")
        OTHER = "other", _("Other")

    partner = models.ForeignKey(
        Partner, models.CASCADE, related_name="relations", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind of relation"), max_length=12, choices=Kind.choices)
    started_on = models.DateField(_("since"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("relation with the province")
        verbose_name_plural = _("relations with the province")
        ordering = ["started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True) | models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="partner_relation_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on or ''}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _(
                "The relation cannot end (%(end)s) before it starts (%(start)s).") % {
                "end": self.ended_on.strftime("%d/%m/%Y"),
                "start": self.started_on.strftime("%d/%m/%Y")}})

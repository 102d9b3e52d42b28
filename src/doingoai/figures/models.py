"""The catalogue of indicators and the figures reported for them, each with its source."""

import hashlib

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    DOCUMENT_LENGTH,
    AdminUnit,
    AliveManager,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.core.validators import non_negative_check, validate_non_negative, validate_period
from doingoai.lib.periods import try_parse_period

# A figure may be below zero only when it is a rate (GRDP growth in a bad year); a count, a
# number of persons, a length or an amount of money cannot be.
SIGNED_UNITS = ("percent",)


def check_sign(value, unit):
    """The model-level rule behind the ``value`` check constraint of figures."""
    from django.core.exceptions import ValidationError

    if value is not None and value < 0 and unit not in SIGNED_UNITS:
        raise ValidationError({"value": validate_non_negative.message})


class Indicator(models.Model):
    """One line of the catalogue (figures/data/indicators.csv, loaded by a migration)."""

    code = models.CharField(_("code"), max_length=60, primary_key=True)
    unit = models.CharField(_("unit"), max_length=20)
    name_vi = models.CharField(_("Vietnamese name"), max_length=300)
    name_en = models.CharField(_("English name"), max_length=300)
    wording = bounded_text(_("typical wording in reports"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]

    def __str__(self):
        return self.name_en if get_language() == "en" else self.name_vi


class SourceDocument(OwnedRecord):
    """A press article, report or speech that figures were read from."""

    SEARCH_FIELDS = ("title", "url", "file_name")

    title = models.CharField(_("title"), max_length=300)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    url = models.URLField(_("address"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    file = models.FileField(_("document"), upload_to="sources/%Y/", blank=True)
    text = bounded_text(_("text"), blank=True, limit=DOCUMENT_LENGTH)
    sha256 = models.CharField(max_length=64, editable=False, db_index=True)

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sha256 = self.digest(self.text)
        super().save(*args, **kwargs)

    @staticmethod
    def digest(text: str) -> str:
        """The same document uploaded twice is recognised by the hash of its text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The units of the catalogue of indicators as a reader names them; a currency keeps its code.
UNIT_NAMES = {
    "count": _("count"),
    "persons": _("persons"),
    "percent": "%",
    "km": "km",
}


def unit_name(unit: str) -> str:
    """A unit as pages print it: "lượt người", not "persons"; "VND" stays "VND"."""
    return str(UNIT_NAMES.get(unit, unit))


class ReportedFigureQuerySet(OwnedQuerySet):
    def for_indicator(self, code: str):
        return self.filter(indicator_id=code)


class ReportedFigure(OwnedRecord):
    """A figure as a report or article states it: ``value`` for ``indicator`` in ``place``
    over ``period``, with its qualifier and the quote it came from."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        OVER = "over", _("over (trên, hơn)")
        UNDER = "under", _("nearly (gần, dưới)")
        ABOUT = "about", _("about (khoảng, ước)")

    SEARCH_FIELDS = ("indicator_id", "period", "quote")

    indicator = models.ForeignKey(Indicator, models.PROTECT, verbose_name=_("indicator"))
    place = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", verbose_name=_("place"))
    period = models.CharField(
        _("period"), max_length=30, validators=[validate_period],
        help_text=_("2022, 2015-2020, 2024-Q1, 2024-H1, or a date range 2024-01-01/2024-06-30."),
    )
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    unit = models.CharField(
        _("unit or currency"),
        max_length=12,
        help_text=_("count, persons, percent, km, or a currency code (VND, USD...)."),
    )
    of = models.DecimalField(_("out of"), max_digits=24, decimal_places=4, null=True, blank=True,
                             validators=[validate_non_negative])
    qualifier = models.CharField(_("qualifier"), max_length=6, choices=Qualifier.choices,
                                 default=Qualifier.EXACT)
    equivalent_value = models.DecimalField(_("equivalent amount"), max_digits=24,
                                           decimal_places=4, null=True, blank=True,
                                           validators=[validate_non_negative])
    equivalent_unit = models.CharField(_("equivalent currency"), max_length=12, blank=True)
    source = models.ForeignKey(SourceDocument, models.PROTECT, null=True, blank=True,
                               related_name="figures", verbose_name=_("source document"))
    quote = bounded_text(_("quote"), blank=True)
    start = models.PositiveIntegerField(_("start offset"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end offset"), null=True, blank=True)

    objects = AliveManager.from_queryset(ReportedFigureQuerySet)()

    class Meta:
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["indicator", "period"]
        indexes = [models.Index(fields=["owner", "indicator", "period"])]
        constraints = [
            non_negative_check("value", unless=models.Q(unit__in=SIGNED_UNITS)),
            non_negative_check("of"),
            non_negative_check("equivalent_value"),
        ]

    def __str__(self):
        from doingoai.lib.money import format_number

        unit = "" if self.unit == "count" else f" {unit_name(self.unit)}"
        return f"{self.indicator} ({self.period}): {format_number(self.value)}{unit}"

    def unit_name(self) -> str:
        return unit_name(self.unit)

    unit_name.short_description = _("unit or currency")

    def clean(self):
        from django.core.exceptions import ValidationError

        check_sign(self.value, self.unit)
        if self.of is not None and self.value is not None and self.of < self.value:
            raise ValidationError({"of": _("The total cannot be smaller than the value.")})
        period = try_parse_period(self.period)
        if period is None:
            return  # the field's own validator has said why
        # Stored in its canonical form ("quý I.2024" as 2024-Q1), as the report reads it.
        self.period = period.label
        existing = self.same_figure(period)
        if existing is not None:
            raise ValidationError(
                _("%(place)s already has a figure for this indicator over %(period)s: "
                  "%(figure)s (reported figure no. %(pk)s%(source)s). Open that figure and "
                  "edit it to replace its value; its history keeps the old one."),
                code="duplicate",
                params={"place": self.place, "period": period.label, "figure": existing,
                        "pk": existing.pk,
                        "source": f", {existing.source}" if existing.source_id else ""},
            )

    def same_figure(self, period) -> "ReportedFigure | None":
        """Another figure (not in the trash) of the same indicator for the same place over
        the same days, whatever the period's label: the office keeps one figure per
        indicator, place and period, and corrects it by editing it."""
        if not self.indicator_id or not self.place_id:
            return None
        others = ReportedFigure.objects.filter(
            indicator_id=self.indicator_id, place_id=self.place_id
        ).exclude(pk=self.pk).select_related("indicator", "source")
        for other in others:
            if try_parse_period(other.period) == period:
                return other
        return None


class Candidate(models.Model):
    """A figure the extractor read in a source document, waiting for a person's review.

    Accepting it makes a ReportedFigure (kept in ``figure``); rejecting keeps the row so that
    the same reading is not offered again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(
        SourceDocument, models.CASCADE, related_name="candidates", verbose_name=_("source document")
    )
    indicator = models.ForeignKey(Indicator, models.PROTECT, verbose_name=_("indicator"))
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    unit = models.CharField(_("unit or currency"), max_length=12)
    of = models.DecimalField(_("out of"), max_digits=24, decimal_places=4, null=True, blank=True,
                             validators=[validate_non_negative])
    qualifier = models.CharField(_("qualifier"), max_length=6,
                                 choices=ReportedFigure.Qualifier.choices,
                                 default=ReportedFigure.Qualifier.EXACT)
    period = models.CharField(_("period"), max_length=30, blank=True,
                              validators=[validate_period])
    place = models.CharField(_("place as written"), max_length=120, blank=True)
    equivalent_value = models.DecimalField(_("equivalent amount"), max_digits=24,
                                           decimal_places=4, null=True, blank=True,
                                           validators=[validate_non_negative])
    equivalent_unit = models.CharField(_("equivalent currency"), max_length=12, blank=True)
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    text = bounded_text(_("quoted text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    figure = models.OneToOneField(ReportedFigure, models.SET_NULL, null=True, blank=True,
                                  related_name="candidate", verbose_name=_("reported figure"))
    #: The words that decided the reading (``extract.Figure.why``): [[aspect, words], ...].
    why = models.JSONField(_("why"), default=list, blank=True)
    history = HistoricalRecords()

    #: Labels of the aspects of ``why``, in the order they are shown.
    WHY_LABELS = {
        "indicator": _("Indicator from"),
        "period": _("Period from"),
        "place": _("Place from"),
        "document place": _("Place from the document (source, title or lead)"),
    }

    class Meta:
        verbose_name = _("extracted figure")
        verbose_name_plural = _("extracted figures")
        ordering = ["source", "start"]
        constraints = [
            non_negative_check("value", unless=models.Q(unit__in=SIGNED_UNITS)),
            non_negative_check("of"),
            non_negative_check("equivalent_value"),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.value.normalize():f} {unit_name(self.unit)}"

    @property
    def unit_name(self) -> str:
        return unit_name(self.unit)

    @property
    def reasons(self) -> list[tuple[str, str]]:
        """(label, words) for each aspect of the reading the extractor could name words for."""
        return [
            (str(self.WHY_LABELS[aspect]), words)
            for aspect, words in self.why or ()
            if aspect in self.WHY_LABELS and words
        ]

    def clean(self):
        check_sign(self.value, self.unit)

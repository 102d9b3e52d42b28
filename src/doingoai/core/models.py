"""Reference data shared by every province (administrative units, countries, currencies,
exchange rates, sectors) and the abstract base of every province-owned record."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.validators import non_negative_check, validate_positive
from doingoai.lib.collation import Vietnamese
from doingoai.lib.text import fold

REFORM_DATE = dt.date(2025, 7, 1)

# How long free text may be (item 8 of issue 10: a 10,000-character title widened every list).
# A one-line field is a CharField whose max_length fits its meaning; free text is a TextField
# bounded with ``bounded_text``, so the form, the admin and the import refuse what is longer.
NOTE_LENGTH = 5_000  # notes, other names, comments: a few paragraphs
TEXT_LENGTH = 10_000  # a case's summary, an incident's account, a programme's description
DOCUMENT_LENGTH = 2_000_000  # the whole text of a report read from a PDF or a DOCX


def bounded_text(verbose_name=None, limit=NOTE_LENGTH, **kwargs) -> models.TextField:
    """A TextField of at most ``limit`` characters: Django passes ``max_length`` of a
    TextField to its form field only, so the validator makes ``full_clean`` check it too."""
    return models.TextField(verbose_name, max_length=limit,
                            validators=[MaxLengthValidator(limit)], **kwargs)


class AdminUnitQuerySet(models.QuerySet):
    def provinces(self):
        return self.filter(level=AdminUnit.Level.PROVINCE)

    def current(self, on: dt.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def in_force(self, on: dt.date | None = None):
        """The same as ``current``, by the name the organisations' register uses, so that a
        form offers units and bodies in force alike (``core.records.units_in_force``)."""
        return self.current(on)

    def rolling_up_to(self, unit: "AdminUnit"):
        """``unit`` and every unit that was merged into it, so that a 2017 record of
        Hà Giang is also counted in today's Tuyên Quang."""
        return self.filter(Q(pk=unit.pk) | Q(successor=unit))

    def find(self, text: str):
        """Units whose name or official code is ``text``, with or without diacritics."""
        key = fold(text)
        for prefix in ("tinh ", "thanh pho "):
            if key.startswith(prefix):
                key = key[len(prefix):]
        return self.filter(Q(code=text.strip()) | Q(name_folded=key) | Q(full_name_folded=key))


class AdminUnit(models.Model):
    """A province, district or commune of Vietnam, before or after the 2025 reform.

    Units abolished on 1 July 2025 keep their rows (``valid_to`` set) and point to the
    unit that took them over (``successor``); records made for them stay theirs.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    class Generation(models.TextChoices):
        BEFORE_2025 = "legacy", _("Before the 2025 reform (63 provinces)")
        FROM_2025 = "2025", _("From the 2025 reform (34 provinces)")

    code = models.CharField(_("official code"), max_length=10)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    generation = models.CharField(_("generation"), max_length=8, choices=Generation.choices)
    kind = models.CharField(_("kind"), max_length=30, blank=True)
    name = models.CharField(_("name"), max_length=120)
    full_name = models.CharField(_("full name"), max_length=160)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    full_name_folded = models.CharField(max_length=160, editable=False, db_index=True)
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children",
        verbose_name=_("parent unit"),
    )
    province = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("province"),
    )
    successor = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="predecessors",
        verbose_name=_("successor"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", Vietnamese("name").asc()]
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "level", "code"], name="unique_unit_code_per_generation"
            )
        ]

    def __str__(self):
        if self.valid_to:
            return _("%(name)s (until %(date)s)") % {
                "name": self.full_name, "date": self.valid_to.strftime("%d/%m/%Y")}
        return self.full_name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        self.full_name_folded = fold(self.full_name)
        super().save(*args, **kwargs)

    def names(self) -> list[str]:
        """Every name a spreadsheet cell may give the unit by ("Hà Giang" may be a province
        and a city: then its full name tells them apart)."""
        return [self.full_name, self.name, self.code]

    @property
    def is_abolished(self) -> bool:
        return self.valid_to is not None and self.valid_to < timezone.localdate()


class Country(models.Model):
    code = models.CharField(_("ISO 3166 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    # The short name is what lists, forms and reports show ("Lào"); the full name is the
    # official one ("Cộng hòa Dân chủ Nhân dân Lào"), both as the Ministry of Foreign
    # Affairs writes them (core/data/country_names_vi.csv).
    name_vi = models.CharField(_("Vietnamese name"), max_length=120)
    full_name_vi = models.CharField(_("full Vietnamese name"), max_length=160, blank=True)
    name_en = models.CharField(_("English name"), max_length=120)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = [Vietnamese("name_vi").asc()]

    def __str__(self):
        return self.name_en if get_language() == "en" else self.name_vi

    def names(self) -> list[str]:
        """Every name a spreadsheet cell may give the country by."""
        return [self.code, self.alpha3, self.name_vi, self.name_en]


# The currencies the province's aid and trade are counted in, first in every list (in this
# order), before the other ISO 4217 codes.
COMMON_CURRENCIES = ("VND", "USD", "EUR", "JPY", "CNY", "KRW")


class CurrencyManager(models.Manager):
    def get_queryset(self):
        # The default manager gives every form, filter, admin drop-down and spreadsheet list
        # its choices: ordered here, all of them are.
        common_first = models.Case(
            *(models.When(code=code, then=rank) for rank, code in enumerate(COMMON_CURRENCIES)),
            default=len(COMMON_CURRENCIES),
        )
        return super().get_queryset().order_by(common_first, "code")


class Currency(models.Model):
    code = models.CharField(_("ISO 4217 code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=80)
    minor_unit = models.PositiveSmallIntegerField(_("decimal places"), default=2)

    objects = CurrencyManager()

    class Meta:
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")
        ordering = ["code"]

    def __str__(self):
        return self.code

    def names(self) -> list[str]:
        return [self.code, self.name]


class ExchangeRateQuerySet(models.QuerySet):
    def rate_on(self, currency: str, on: dt.date) -> "ExchangeRate | None":
        """The latest rate published on or before ``on`` for ``currency`` (VND per unit)."""
        return self.filter(currency_id=currency, on__lte=on).order_by("-on").first()


class ExchangeRate(models.Model):
    """How many đồng one unit of ``currency`` was worth on ``on`` (AMP's dated rate table)."""

    currency = models.ForeignKey(Currency, models.PROTECT, verbose_name=_("currency"))
    on = models.DateField(_("date"))
    vnd_per_unit = models.DecimalField(_("VND per unit"), max_digits=20, decimal_places=6,
                                       validators=[validate_positive])
    source = models.CharField(_("source"), max_length=200)

    objects = ExchangeRateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-on"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "on"],
                                    name="one_rate_per_currency_and_day"),
            non_negative_check("vnd_per_unit", strictly=True),
        ]

    def __str__(self):
        return f"1 {self.currency_id} = {self.vnd_per_unit} VND ({self.on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        self.vnd_per_unit = Decimal(self.vnd_per_unit)
        super().save(*args, **kwargs)


class Sector(models.Model):
    """A field of cooperation or aid (OECD DAC purpose codes, with Vietnamese names)."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    name_vi = models.CharField(_("Vietnamese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    def __str__(self):
        return self.name_en if get_language() == "en" else self.name_vi

    def names(self) -> list[str]:
        """Every name a spreadsheet cell may give the sector by."""
        return [self.code, self.name_vi, self.name_en]


class OwnedQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)

    def visible_to(self, user):
        """Records of the provinces ``user`` may read (see accounts.scope)."""
        from doingoai.accounts.scope import readable_unit_ids
        from doingoai.organisations.scope import unit_id_of

        unit_ids = readable_unit_ids(user)
        if unit_ids is None:
            return self
        mine = self.filter(owner_id__in=unit_ids)
        unit_id = unit_id_of(user)
        return mine if unit_id is None else mine.of_unit(unit_id)

    def of_unit(self, unit_id: int):
        """What a user of one of the province's bodies reads: the records the model names
        that body (or a body under it) in ``UNIT_FIELD``; none of a model that names no body;
        all of a model that is the province's reference data (``UNIT_READS_ALL``)."""
        if getattr(self.model, "UNIT_READS_ALL", False):
            return self
        name = getattr(self.model, "UNIT_FIELD", None)
        if name is None:
            return self.none()
        of_unit = Q(**{name: unit_id}) | Q(**{f"{name}__parent": unit_id})
        if self.model._meta.get_field(name).many_to_many:  # a round asks many units
            return self.filter(pk__in=self.model._base_manager.filter(of_unit).values("pk"))
        return self.filter(of_unit)

    def search(self, query: str):
        """Diacritic-insensitive search over the record's searchable text: the rows
        containing every word of ``query`` (through the FTS5 index of a ``SEARCH_INDEXED``
        model on SQLite, see lib/fts.py)."""
        from doingoai.lib import fts

        return fts.search(self, fold(query).split())

    def owned_by(self, unit: AdminUnit, roll_up: bool = True):
        if roll_up:
            return self.filter(owner__in=AdminUnit.objects.rolling_up_to(unit))
        return self.filter(owner=unit)


class AliveManager(models.Manager.from_queryset(OwnedQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


AllManager = models.Manager.from_queryset(OwnedQuerySet)


class RecordChanged(Exception):
    """The row is no longer the one a request loaded: someone else changed it meanwhile."""


class OwnedRecord(models.Model):
    """Abstract base of every record that belongs to a province.

    Deleting sets ``deleted_at`` (recoverable from the trash); ``version`` guards
    against two users overwriting each other's edits; ``search_text`` holds the
    folded text of ``SEARCH_FIELDS`` for diacritic-insensitive search.
    """

    SEARCH_FIELDS: tuple[str, ...] = ()
    # The field naming the province's body the record is of (see OwnedQuerySet.of_unit).
    UNIT_FIELD: str | None = None

    owner = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("owning province"),
        limit_choices_to={"level": AdminUnit.Level.PROVINCE},
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"), editable=False,
    )
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = AliveManager()
    all_objects = AllManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_search_text()
        super().save(*args, **kwargs)

    def fill_search_text(self):
        """What ``save`` stores in ``search_text``; bulk writes, which skip ``save``, call it."""
        self.search_text = fold(" ".join(self.search_values()))

    def record_day(self) -> dt.date | None:
        """The date the record is of, for a model that names it (``YEAR_FIELD``, else
        ``UNIT_DATE_FIELD``); None without one."""
        name = getattr(self, "YEAR_FIELD", None) or getattr(self, "UNIT_DATE_FIELD", None)
        day = getattr(self, name, None) if name else None
        return day.date() if isinstance(day, dt.datetime) else day

    def clean_fields(self, exclude=None):
        """Each field's own checks, and: a commune or district named by a record dated after
        the unit was abolished (1 July 2025) is refused, saying so, whatever the form
        offered (an import, the API, an edit that moved the date)."""
        super().clean_fields(exclude)
        day = self.record_day()
        if day is None:
            return
        errors = {}
        for model_field in self._meta.concrete_fields:
            if (model_field.name == "owner" or not model_field.many_to_one
                    or model_field.related_model is not AdminUnit
                    or (exclude and model_field.name in exclude)):
                continue
            unit = getattr(self, model_field.name)
            if unit is None or unit.level == AdminUnit.Level.PROVINCE or unit.valid_to is None \
                    or unit.valid_to >= day:
                continue
            errors[model_field.name] = _(
                "%(organisation)s did not exist on %(date)s (in force %(from)s – %(to)s): "
                "choose the unit that was in force then.") % {
                "organisation": unit.full_name, "date": day.strftime("%d/%m/%Y"),
                "from": unit.valid_from.strftime("%d/%m/%Y") if unit.valid_from else "…",
                "to": unit.valid_to.strftime("%d/%m/%Y")}
        if errors:
            raise ValidationError(errors)

    def search_values(self):
        for name in self.SEARCH_FIELDS:
            value = getattr(self, name, "")
            if value:
                yield str(value)

    def claim(self, version: int | None = None, **still) -> None:
        """The one guarded path of every change of a record (an edit, a workflow step, the
        trash): take the row's next version, inside the caller's transaction, if the row still
        has ``version`` (by default the one loaded) and the values ``still`` names (e.g.
        ``status__in=...``); else raise ``RecordChanged`` and change nothing.

        The conditional ``UPDATE … WHERE version = …`` locks the row on PostgreSQL until the
        transaction ends, and a second writer waiting on the lock re-reads the row and finds
        the version gone; on SQLite the IMMEDIATE transaction locks the database. So of two
        requests that loaded the same version, exactly one goes through."""
        if not transaction.get_connection(self._state.db or "default").in_atomic_block:
            raise RuntimeError("claim() must run inside transaction.atomic()")
        version = self.version if version is None else version
        updated = type(self).all_objects.filter(pk=self.pk, version=version, **still).update(
            version=version + 1)
        if not updated:
            raise RecordChanged(f"{type(self).__name__} {self.pk} is no longer at v{version}")
        self.version = version + 1

    def soft_delete(self):
        """To the trash; ``RecordChanged`` if the row changed since it was loaded."""
        with transaction.atomic():
            self.claim()
            self.deleted_at = timezone.now()
            self.save()

    def restore(self):
        with transaction.atomic():
            self.claim()
            self.deleted_at = None
            self.save()


class ListGeneration(models.Model):
    """How many times the rows of a model were written, for the list pages' cache of their
    rendered rows (``core/list_cache.py``): a row here counts up after each transaction that
    saved, deleted or linked rows of ``label``, so every server sees the change at once."""

    label = models.CharField(max_length=100, primary_key=True)
    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("list generation")
        verbose_name_plural = _("list generations")

    def __str__(self):
        return f"{self.label} #{self.number}"

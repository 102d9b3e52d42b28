"""Receiving and visiting (công tác lễ tân, đón tiếp): the leaders' foreign-affairs schedule,
invitation letters and visa requests, gifts, banquets checked against the spending norm in
force, ceremony checklists, interpreters and their bookings, anniversaries and the letters
they call for, foreign NGOs' permits and foreign press visits."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    AdminUnit,
    AliveManager,
    Currency,
    ExchangeRate,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.core.validators import non_negative_check, validate_non_negative
from doingoai.correspondence.numbering import allocate, format_number
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.partners.models import Partner
from doingoai.rules.models import LegalDocument, in_language
from doingoai.staff.models import Officer

VND = "VND"


class _LabelledProperty(property):
    pass


def labelled(label):
    """A property with the label the record pages show for it (``short_description``)."""

    def wrap(getter):
        prop = _LabelledProperty(getter)
        prop.short_description = label
        return prop

    return wrap


def _minutes(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _refuse_bad_times(errors, starts_at, ends_at):
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The end time must be after the start time.")


class InterpretedHours:
    """What a schedule item and an interpreter booking share: hours of one day (``on``,
    ``starts_at``, ``ends_at``) in which their interpreter may not be booked twice. The check
    runs in ``clean`` (a message on the form) and again in ``save`` under the interpreter's
    row lock, so that of two bookings made at once the second finds the first."""

    @property
    def minutes(self) -> int:
        return _minutes(self.starts_at, self.ends_at)

    def holds_interpreter(self) -> bool:
        return bool(self.interpreter_id)

    def booked_as(self) -> dict:
        """This row as ``Interpreter.refuse_double_booking`` leaves it out of the check."""
        raise NotImplementedError

    def refuse_double_booking(self, interpreter) -> None:
        interpreter.refuse_double_booking(self.on, self.starts_at, self.ends_at,
                                          **self.booked_as())

    def clean_hours(self, errors: dict) -> None:
        """``clean``'s part: the times, then (when they are valid) the double booking."""
        _refuse_bad_times(errors, self.starts_at, self.ends_at)
        if errors:
            raise ValidationError(errors)
        if self.holds_interpreter() and self.on:
            self.refuse_double_booking(self.interpreter)

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.holds_interpreter():
                self.refuse_double_booking(Interpreter.lock(self.interpreter_id))
            super().save(*args, **kwargs)


# --- leaders and the schedule --------------------------------------------------------------
class Leader(OwnedRecord):
    """A leader of the province whose foreign-affairs schedule the office keeps (the chair
    and vice-chairs of the People's Committee, the Party secretary...)."""

    SEARCH_FIELDS = ("full_name", "position")

    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("user account"),
        help_text=_("When the leader signs in, their schedule is on their own calendar."),
    )
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["full_name", "pk"]

    def __str__(self):
        return f"{self.full_name} ({self.position})"


class ScheduleQuerySet(OwnedQuerySet):
    def between(self, first: dt.date, last: dt.date):
        return self.filter(on__range=(first, last)).exclude(status=ScheduleItem.Status.CANCELLED)

    def week_of(self, day: dt.date):
        monday = day - dt.timedelta(days=day.weekday())
        return self.between(monday, monday + dt.timedelta(days=6))


class ScheduleItem(InterpretedHours, OwnedRecord):
    """One item of a leader's foreign-affairs schedule (lịch công tác đối ngoại)."""

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("Reception of a foreign guest")
        COURTESY_CALL = "courtesy_call", _("Courtesy call")
        TALKS = "talks", _("Talks")
        SIGNING = "signing", _("Signing ceremony")
        BANQUET = "banquet", _("Banquet")
        VISIT = "visit", _("Field visit")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed by the leader")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    SEARCH_FIELDS = ("title", "place", "leader", "partner")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    leader = models.ForeignKey(Leader, models.PROTECT, related_name="schedule",
                               verbose_name=_("leader"))
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=300)
    partner = models.ForeignKey(Partner, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("partner"))
    delegation = models.ForeignKey(
        Delegation, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("delegation"), limit_choices_to={"direction": "incoming"},
    )
    event = models.ForeignKey(Event, models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("event"))
    interpreter = models.ForeignKey("Interpreter", models.PROTECT, null=True, blank=True,
                                    related_name="schedule_items",
                                    verbose_name=_("interpreter"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PLANNED)
    briefing_note = bounded_text(
        _("briefing note"), blank=True,
        help_text=_("The talking points and documents prepared for the leader (đề cương)."),
    )

    objects = AliveManager.from_queryset(ScheduleQuerySet)()

    class Meta:
        verbose_name = _("schedule item")
        verbose_name_plural = _("leaders' schedule")
        ordering = ["on", "starts_at", "pk"]

    def __str__(self):
        return f"{self.on:%d/%m/%Y} {self.starts_at:%H:%M} — {self.title}"

    def holds_interpreter(self) -> bool:
        return bool(self.interpreter_id) and self.status != self.Status.CANCELLED

    def booked_as(self) -> dict:
        return {"schedule_item": self}

    def clean(self):
        self.clean_hours({})


# --- interpreters --------------------------------------------------------------------------
class Interpreter(OwnedRecord):
    """An interpreter the office calls on: one of its officials (from the staff register)
    or an external one."""

    SEARCH_FIELDS = ("full_name", "languages", "organisation")
    PERSONAL_FIELDS = ("phone",)

    officer = models.ForeignKey(
        Officer, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("official"), help_text=_("Empty for an external interpreter."),
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True,
                                 help_text=_("Taken from the official when one is chosen."))
    languages = models.CharField(
        _("languages and levels"), max_length=200,
        help_text=_("E.g. \"Chinese (HSK 6), English C1\"."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True,
                                    help_text=_("For an external interpreter."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["full_name", "pk"]

    def __str__(self):
        return f"{self.full_name} ({self.languages})"

    @property
    def is_external(self) -> bool:
        return self.officer_id is None

    def clean(self):
        if self.officer_id and not self.full_name:
            self.full_name = self.officer.full_name
        if not self.full_name:
            raise ValidationError({"full_name": _(
                "Give the interpreter's name, or choose the official.")})

    @classmethod
    def lock(cls, pk) -> "Interpreter":
        return cls.all_objects.select_for_update().get(pk=pk)

    def bookings_on(self, day: dt.date):
        """(start, end, what) of every booking of the interpreter on ``day``."""
        items = ScheduleItem.objects.filter(interpreter=self, on=day).exclude(
            status=ScheduleItem.Status.CANCELLED)
        for item in items:
            yield item.starts_at, item.ends_at, item, "item"
        for booking in InterpreterBooking.objects.filter(interpreter=self, on=day):
            yield booking.starts_at, booking.ends_at, booking, "booking"

    def refuse_double_booking(self, day, starts_at, ends_at, *, schedule_item=None,
                              booking=None):
        """ValidationError when the interpreter is already booked at a time overlapping
        [starts_at, ends_at) on ``day`` (the record being saved itself excepted)."""
        if not (day and starts_at and ends_at):
            return
        for start, end, other, kind in self.bookings_on(day):
            if (kind == "item" and schedule_item is not None and other.pk == schedule_item.pk) \
                    or (kind == "booking" and booking is not None and other.pk == booking.pk):
                continue
            if start < ends_at and starts_at < end:
                raise ValidationError({"interpreter": _(
                    "%(name)s is already booked from %(start)s to %(end)s on %(day)s: "
                    "%(what)s.") % {
                    "name": self.full_name, "start": f"{start:%H:%M}", "end": f"{end:%H:%M}",
                    "day": f"{day:%d/%m/%Y}", "what": other}})

    @staticmethod
    def hours_between(queryset, first: dt.date, last: dt.date) -> list[tuple]:
        """(interpreter, hours as a Decimal, number of bookings) for each interpreter of
        ``queryset`` booked between ``first`` and ``last``."""
        minutes, counts = {}, {}
        items = ScheduleItem.objects.filter(interpreter__in=queryset, on__range=(first, last)
                                            ).exclude(status=ScheduleItem.Status.CANCELLED)
        bookings = InterpreterBooking.objects.filter(interpreter__in=queryset,
                                                     on__range=(first, last))
        for row in [*items, *bookings]:
            minutes[row.interpreter_id] = minutes.get(row.interpreter_id, 0) + row.minutes
            counts[row.interpreter_id] = counts.get(row.interpreter_id, 0) + 1
        rows = []
        for interpreter in queryset.filter(pk__in=minutes):
            hours = (Decimal(minutes[interpreter.pk]) / 60).quantize(Decimal("0.01"),
                                                                    ROUND_HALF_UP)
            rows.append((interpreter, hours, counts[interpreter.pk]))
        return rows


class InterpreterBooking(InterpretedHours, OwnedRecord):
    """An interpreter booked for a delegation's or an event's working session (a schedule
    item names its interpreter itself)."""

    SEARCH_FIELDS = ("interpreter", "language", "purpose")

    interpreter = models.ForeignKey(Interpreter, models.PROTECT, related_name="bookings",
                                    verbose_name=_("interpreter"))
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    language = models.CharField(_("language"), max_length=80)
    delegation = models.ForeignKey(Delegation, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("delegation"))
    event = models.ForeignKey(Event, models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("event"))
    purpose = models.CharField(_("what for"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("interpreter booking")
        verbose_name_plural = _("interpreter bookings")
        ordering = ["-on", "starts_at", "pk"]

    def __str__(self):
        return f"{self.interpreter.full_name}, {self.on:%d/%m/%Y} {self.starts_at:%H:%M}"

    def booked_as(self) -> dict:
        return {"booking": self}

    def clean(self):
        errors = {}
        if not self.delegation_id and not self.event_id:
            errors["delegation"] = _("Say which delegation or event the interpreter works for.")
        self.clean_hours(errors)


# --- numbered documents --------------------------------------------------------------------
class NumberedDocument(OwnedRecord):
    """An outgoing document numbered on first save: "12/TM-SNgV"."""

    SYMBOLS: dict = {}

    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    symbol = models.CharField(_("symbol"), max_length=40, blank=True, editable=False)
    issued_on = models.DateField(_("date"))

    class Meta:
        abstract = True

    @labelled(_("number and symbol"))
    def reference(self) -> str:
        return format_number(self.number, self.symbol) if self.number else ""

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.number is None:  # the office's book of this symbol, gapless (Decree 30)
                self.symbol = self.symbol or self.SYMBOLS[self.kind]
                self.number = allocate(self.owner, self.issued_on.year, self.symbol)
            super().save(*args, **kwargs)


class EntryDocument(NumberedDocument):
    """A letter of invitation to foreign guests (thư mời) or the province's request to the
    immigration authority for their visas or entry (công văn đề nghị cấp thị thực / bảo lãnh
    nhập cảnh), for an incoming delegation."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Letter of invitation")
        VISA_REQUEST = "visa", _("Request for visas")
        ENTRY_GUARANTEE = "entry", _("Guarantee of entry")

    SYMBOLS = {"invitation": "TM-SNgV", "visa": "SNgV-LS", "entry": "SNgV-LS"}
    SEARCH_FIELDS = ("addressee", "subject", "delegation")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    delegation = models.ForeignKey(
        Delegation, models.PROTECT, related_name="+", verbose_name=_("delegation"),
        limit_choices_to={"direction": "incoming"},
    )
    addressee = models.CharField(
        _("to"), max_length=300,
        help_text=_("The guest invited, or the immigration authority asked."),
    )
    subject = models.CharField(_("subject"), max_length=300)
    entry_on = models.DateField(_("entry on"), null=True, blank=True)
    exit_on = models.DateField(_("exit on"), null=True, blank=True)
    border_gate = models.CharField(_("border gate or airport of entry"), max_length=200,
                                   blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("invitation or entry request")
        verbose_name_plural = _("invitations and entry requests")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return f"{self.reference or self.get_kind_display()} — {self.subject}"

    def clean(self):
        errors = {}
        if self.delegation_id and self.delegation.direction != Delegation.Direction.INCOMING:
            errors["delegation"] = _("Invitations and entry requests are for incoming "
                                     "delegations.")
        if self.entry_on and self.exit_on and self.exit_on < self.entry_on:
            errors["exit_on"] = _("The exit cannot be before the entry.")
        if errors:
            raise ValidationError(errors)


class EntryPerson(models.Model):
    """A guest named in an invitation or entry request, with the passport the request cites."""

    PERSONAL_FIELDS = ("passport_number", "born_on")

    document = models.ForeignKey(EntryDocument, models.CASCADE, related_name="persons",
                                 verbose_name=_("document"))
    member = models.ForeignKey(DelegationMember, models.PROTECT, related_name="+",
                               verbose_name=_("delegation member"))
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    born_on = models.DateField(_("date of birth"), null=True, blank=True)
    visa_kind = models.CharField(_("visa requested"), max_length=40, blank=True,
                                 help_text=_("E.g. NG3 for a diplomat's visit."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("guest named")
        verbose_name_plural = _("guests named")
        constraints = [models.UniqueConstraint(fields=["document", "member"],
                                               name="one_entry_person_per_member")]

    def __str__(self):
        return str(self.member.name)

    def clean(self):
        if self.document_id and self.member_id and \
                self.member.delegation_id != self.document.delegation_id:
            raise ValidationError({"member": _("This person is not a member of the "
                                               "document's delegation.")})


# --- protocol: gifts, banquets, ceremonies -------------------------------------------------
class Gift(OwnedRecord):
    class Direction(models.TextChoices):
        GIVEN = "given", _("Given")
        RECEIVED = "received", _("Received")

    class Handling(models.TextChoices):
        KEPT_BY_AGENCY = "agency", _("Kept by the agency")
        HANDED_IN = "handed_in", _("Handed in for management")
        DISPLAYED = "displayed", _("Displayed at the office")
        RETURNED = "returned", _("Returned")

    SEARCH_FIELDS = ("item", "partner", "occasion")

    direction = models.CharField(_("given or received"), max_length=10,
                                 choices=Direction.choices)
    item = models.CharField(_("gift"), max_length=300)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True,
                                blank=True, validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, default=VND, related_name="+",
                                 verbose_name=_("currency"))
    partner = models.ForeignKey(Partner, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("partner"))
    occasion = models.CharField(_("occasion"), max_length=300)
    on = models.DateField(_("date"))
    schedule_item = models.ForeignKey(ScheduleItem, models.SET_NULL, null=True, blank=True,
                                      related_name="gifts", verbose_name=_("schedule item"))
    handling = models.CharField(
        _("how the received gift was handled"), max_length=10, choices=Handling.choices,
        blank=True, help_text=_("A gift received on official business is declared and "
                                "handled as the rules on gifts require."),
    )
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["-on", "-pk"]
        constraints = [non_negative_check("value")]

    def __str__(self):
        return f"{self.item} ({self.get_direction_display()}, {self.on:%d/%m/%Y})"

    def clean(self):
        if self.direction == self.Direction.RECEIVED and not self.handling:
            raise ValidationError({"handling": _("Say how the received gift was handled.")})
        if self.direction == self.Direction.GIVEN and self.handling:
            raise ValidationError({"handling": _("Only a received gift is handled.")})


class GuestClass(models.TextChoices):
    """The classes of foreign guests the finance ministry's norms distinguish."""

    SPECIAL = "special", _("Special class")
    A = "A", _("Class A")
    B = "B", _("Class B")
    C = "C", _("Class C")


class NormQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class SpendingNorm(models.Model):
    """A dated spending norm for receiving foreign guests: the most a banquet may cost per
    guest for a class of guests, as a legal document sets it. A new circular is a new row
    with its own dates, never an edit of the old one; a province's own norm (set by its
    People's Council within the national one) wins over the national row."""

    document = models.ForeignKey(LegalDocument, models.PROTECT, related_name="+",
                                 verbose_name=_("legal document"))
    article = models.CharField(_("article"), max_length=80, blank=True)
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        limit_choices_to={"level": AdminUnit.Level.PROVINCE}, verbose_name=_("province"),
        help_text=_("Empty for a national norm; a province's own norm wins over it."),
    )
    guest_class = models.CharField(_("class of guests"), max_length=8,
                                   choices=GuestClass.choices)
    per_guest = models.DecimalField(
        _("most per guest (VND)"), max_digits=14, decimal_places=0, null=True, blank=True,
        validators=[validate_non_negative],
        help_text=_("Empty when the norm is the actual cost (special class)."),
    )
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    note_vi = bounded_text(_("note (Vietnamese)"), blank=True)
    note_en = bounded_text(_("note (English)"), blank=True)
    history = HistoricalRecords()

    objects = NormQuerySet.as_manager()

    class Meta:
        verbose_name = _("spending norm for foreign guests")
        verbose_name_plural = _("spending norms for foreign guests")
        ordering = ["guest_class", F("valid_from").asc(nulls_first=True)]
        constraints = [non_negative_check("per_guest")]

    STR_RELATED = ("document",)  # the citation in its name: joined by the lists

    def __str__(self):
        return f"{self.get_guest_class_display()}: {self.per_guest or '—'} ({self.citation})"

    @property
    def note(self) -> str:
        return in_language(self.note_vi, self.note_en)

    @property
    def citation(self) -> str:
        from doingoai.rules.models import article_in_language

        text = str(self.document)
        return f"{text}, {article_in_language(self.article)}" if self.article else text

    @classmethod
    def in_force(cls, guest_class: str, day: dt.date, province=None) -> "SpendingNorm | None":
        rows = cls.objects.filter(guest_class=guest_class).in_force_on(day).select_related(
            "document").order_by(F("valid_from").desc(nulls_last=True), "-pk")
        if province is not None:
            places = [province.pk] + ([province.successor_id] if province.successor_id
                                      else [])
            own = rows.filter(province_id__in=places).first()
            if own is not None:
                return own
        return rows.filter(province__isnull=True).first()


class Banquet(OwnedRecord):
    """A banquet or working meal for foreign guests, its cost checked against the spending
    norm in force on its date (on the page, the admin and the import alike: ``clean``)."""

    SEARCH_FIELDS = ("title", "place")

    title = models.CharField(_("title"), max_length=300)
    on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    schedule_item = models.ForeignKey(ScheduleItem, models.SET_NULL, null=True, blank=True,
                                      related_name="banquets", verbose_name=_("schedule item"))
    delegation = models.ForeignKey(Delegation, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("delegation"))
    guest_class = models.CharField(_("class of guests"), max_length=8,
                                   choices=GuestClass.choices)
    covers = models.PositiveIntegerField(_("number of guests served"))
    cost = models.DecimalField(_("total cost"), max_digits=16, decimal_places=2,
                               validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, default=VND, related_name="+",
                                 verbose_name=_("currency"))
    norm = models.ForeignKey(SpendingNorm, models.PROTECT, null=True, blank=True,
                             related_name="+", editable=False, verbose_name=_("norm applied"))
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("banquet")
        verbose_name_plural = _("banquets")
        ordering = ["-on", "-pk"]
        constraints = [non_negative_check("cost")]

    def __str__(self):
        return f"{self.title} ({self.on:%d/%m/%Y})"

    def cost_in_vnd(self) -> Decimal | None:
        if self.currency_id == VND:
            return self.cost
        rate = ExchangeRate.objects.rate_on(self.currency_id, self.on)
        return None if rate is None else (self.cost * rate.vnd_per_unit).quantize(Decimal(1))

    @labelled(_("cost per guest (VND)"))
    def per_guest_vnd(self) -> Decimal | None:
        cost = self.cost_in_vnd()
        if cost is None or not self.covers:
            return None
        return (cost / self.covers).quantize(Decimal(1), ROUND_HALF_UP)

    def clean(self):
        from doingoai.lib.money import format_number

        if not (self.on and self.guest_class and self.covers and self.cost is not None
                and self.owner_id is not None):
            if self.covers == 0:
                raise ValidationError({"covers": _("A banquet serves at least one guest.")})
            return
        norm = SpendingNorm.in_force(self.guest_class, self.on, self.owner)
        if norm is None:
            raise ValidationError({"guest_class": _(
                "No spending norm for this class of guests is in force on %(date)s: the "
                "office's administrator adds it before the banquet is recorded.") % {
                "date": f"{self.on:%d/%m/%Y}"}})
        if self.cost_in_vnd() is None:
            raise ValidationError({"currency": _(
                "No exchange rate of %(currency)s on or before %(date)s: the cost cannot be "
                "checked against the norm.") % {"currency": self.currency_id,
                                                   "date": f"{self.on:%d/%m/%Y}"}})
        self.norm = norm
        if norm.per_guest is not None and self.per_guest_vnd > norm.per_guest:
            raise ValidationError({"cost": _(
                "%(cost)s VND per guest is over the norm of %(norm)s VND per guest for "
                "%(class)s in force on %(date)s (%(rule)s).") % {
                "cost": format_number(self.per_guest_vnd), "norm": format_number(norm.per_guest),
                "class": norm.get_guest_class_display(), "date": f"{self.on:%d/%m/%Y}",
                "rule": norm.citation}})

    def save(self, *args, **kwargs):
        if self.norm_id is None and self.owner_id and self.on and self.guest_class:
            self.norm = SpendingNorm.in_force(self.guest_class, self.on, self.owner)
        super().save(*args, **kwargs)


CEREMONY_CHECKLIST = (
    _("Flags of both countries, in the right order"),
    _("Seating plan and name cards"),
    _("Interpreter and interpretation equipment"),
    _("Documents to sign, checked in both languages"),
    _("Gifts"),
    _("Press and photographer"),
    _("Welcome at the entrance"),
)


class Ceremony(OwnedRecord):
    """A ceremony (signing, reception, welcome) and its protocol checklist."""

    SEARCH_FIELDS = ("title", "place")

    title = models.CharField(_("title"), max_length=300)
    on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    event = models.ForeignKey(Event, models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("event"))
    schedule_item = models.ForeignKey(ScheduleItem, models.SET_NULL, null=True, blank=True,
                                      related_name="ceremonies", verbose_name=_("schedule item"))
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("ceremony")
        verbose_name_plural = _("ceremonies and checklists")
        ordering = ["-on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        new = self.pk is None
        with transaction.atomic():
            super().save(*args, **kwargs)
            if new:
                ChecklistItem.objects.bulk_create(
                    ChecklistItem(ceremony=self, task=str(task), position=n)
                    for n, task in enumerate(CEREMONY_CHECKLIST, 1))


class ChecklistItem(models.Model):
    ceremony = models.ForeignKey(Ceremony, models.CASCADE, related_name="checklist",
                                 verbose_name=_("ceremony"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    task = models.CharField(_("task"), max_length=300)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    done = models.BooleanField(_("done"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.task


# --- anniversaries and letters -------------------------------------------------------------
REMINDER_DAYS = 14


class AnniversaryQuerySet(OwnedQuerySet):
    def falling_between(self, first: dt.date, last: dt.date):
        """(date, anniversary) of each anniversary falling in [first, last], by date."""
        found = []
        for anniversary in self:
            for year in range(first.year, last.year + 1):
                day = anniversary.on_year(year)
                if first <= day <= last:
                    found.append((day, anniversary))
        return sorted(found, key=lambda pair: (pair[0], pair[1].pk))


class Anniversary(OwnedRecord):
    """A date the office marks every year: a partner's national day or founding day, or the
    anniversary of relations (a twinning signed in ``since_year``)."""

    class Kind(models.TextChoices):
        NATIONAL_DAY = "national_day", _("National day")
        FOUNDING_DAY = "founding_day", _("Founding day")
        RELATIONS = "relations", _("Anniversary of relations")
        OTHER = "other", _("Other")

    SEARCH_FIELDS = ("title", "partner")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    partner = models.ForeignKey(Partner, models.PROTECT, related_name="+",
                                verbose_name=_("partner"))
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    since_year = models.PositiveSmallIntegerField(
        _("since the year"), null=True, blank=True,
        help_text=_("The year counted from, e.g. the year the twinning was signed."),
    )
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(AnniversaryQuerySet)()

    class Meta:
        verbose_name = _("anniversary")
        verbose_name_plural = _("anniversaries")
        ordering = ["month", "day", "pk"]

    def __str__(self):
        return f"{self.title} ({self.day:02d}/{self.month:02d})"

    def clean(self):
        try:
            dt.date(2000, self.month or 0, self.day or 0)
        except (TypeError, ValueError):
            raise ValidationError({"day": _("This is not a date of the year.")}) from None

    def on_year(self, year: int) -> dt.date:
        if (self.month, self.day) == (2, 29):
            try:
                return dt.date(year, 2, 29)
            except ValueError:
                return dt.date(year, 2, 28)
        return dt.date(year, self.month, self.day)

    def years_on(self, year: int) -> int | None:
        return year - self.since_year if self.since_year else None


# The letters are written in Vietnamese whatever the reader's language: they are the
# province's outgoing documents (a translation goes with them when the partner needs one).
LETTER_TEMPLATES = {
    "congratulation": (
        "Kính gửi {addressee},\n\n"
        "Nhân dịp {occasion}{years}, thay mặt lãnh đạo và nhân dân tỉnh {province}, "
        "{signer} trân trọng gửi tới {addressee} lời chúc mừng nồng nhiệt nhất. "
        "Chúng tôi tin tưởng rằng quan hệ hữu nghị và hợp tác giữa tỉnh {province} và "
        "{partner} sẽ ngày càng phát triển tốt đẹp.\n\n"
        "Xin gửi tới {addressee} lời chúc sức khỏe, hạnh phúc và thành công."),
    "condolence": (
        "Kính gửi {addressee},\n\n"
        "Được tin {occasion}, thay mặt lãnh đạo và nhân dân tỉnh {province}, {signer} xin "
        "gửi tới {addressee} lời chia buồn sâu sắc nhất. Chúng tôi xin được chia sẻ mất mát "
        "to lớn này cùng {partner}."),
}


class Letter(NumberedDocument):
    """A letter or telegram of congratulation or condolence (thư, điện mừng / chia buồn),
    drafted from the template of its kind and issued as a numbered outgoing document."""

    class Kind(models.TextChoices):
        CONGRATULATION = "congratulation", _("Congratulations")
        CONDOLENCE = "condolence", _("Condolences")

    class Form(models.TextChoices):
        LETTER = "letter", _("Letter")
        TELEGRAM = "telegram", _("Telegram")

    SYMBOLS = {"congratulation": "TM-UBND", "condolence": "TM-UBND"}
    SEARCH_FIELDS = ("addressee", "occasion", "partner")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    form = models.CharField(_("form"), max_length=10, choices=Form.choices,
                            default=Form.LETTER)
    partner = models.ForeignKey(Partner, models.PROTECT, related_name="+",
                                verbose_name=_("partner"))
    anniversary = models.ForeignKey(Anniversary, models.SET_NULL, null=True, blank=True,
                                    related_name="letters", verbose_name=_("anniversary"))
    addressee = models.CharField(_("to"), max_length=300)
    occasion = models.CharField(_("occasion"), max_length=300)
    signer = models.ForeignKey(Leader, models.PROTECT, related_name="+",
                               verbose_name=_("signed by"))
    body = bounded_text(_("text"), blank=True,
                        help_text=_("Left empty, it is drafted from the template."))

    class Meta:
        verbose_name = _("congratulation or condolence letter")
        verbose_name_plural = _("congratulation and condolence letters")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return f"{self.reference or self.get_kind_display()} — {self.addressee}"

    def draft(self) -> str:
        years = ""
        if self.anniversary_id and self.anniversary.since_year and self.issued_on:
            count = self.anniversary.years_on(self.anniversary.on_year(self.issued_on.year).year)
            years = f" (tròn {count} năm)"
        return LETTER_TEMPLATES[self.kind].format(
            addressee=self.addressee, occasion=self.occasion, years=years,
            province=self.owner.name if self.owner_id else "", signer=self.signer.position
            if self.signer_id else "", partner=self.partner.name_vi if self.partner_id else "")

    def save(self, *args, **kwargs):
        if not self.body:
            self.body = self.draft()
        super().save(*args, **kwargs)


# --- foreign NGO permits -------------------------------------------------------------------
class NgoPermitQuerySet(OwnedQuerySet):
    def lapsed_on(self, day: dt.date):
        """Permits expired by ``day`` and not renewed by a later permit."""
        return self.filter(expires_on__lt=day, renewed_by__isnull=True)

    def expiring_between(self, first: dt.date, last: dt.date):
        return self.filter(expires_on__range=(first, last), renewed_by__isnull=True)


class NgoPermit(OwnedRecord):
    """A foreign NGO's registration to operate in the province (giấy đăng ký hoạt động, văn
    phòng dự án, văn phòng đại diện)."""

    class Kind(models.TextChoices):
        OPERATION = "operation", _("Registration to operate")
        PROJECT_OFFICE = "project_office", _("Project office")
        REPRESENTATIVE_OFFICE = "representative", _("Representative office")

    SEARCH_FIELDS = ("number", "partner", "scope")

    partner = models.ForeignKey(Partner, models.PROTECT, related_name="+",
                                verbose_name=_("NGO"), limit_choices_to={"kind": "ngo"})
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("permit number"), max_length=60)
    issued_by = models.CharField(_("issued by"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    scope = bounded_text(_("scope of activity"))
    renewed_by = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                   related_name="renews", verbose_name=_("renewed by"))
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(NgoPermitQuerySet)()

    class Meta:
        verbose_name = _("foreign NGO permit")
        verbose_name_plural = _("foreign NGO permits")
        ordering = ["expires_on", "pk"]

    def __str__(self):
        return f"{self.number} — {self.partner}"

    def clean(self):
        errors = {}
        if self.issued_on and self.expires_on and self.expires_on < self.issued_on:
            errors["expires_on"] = _("A permit cannot expire before it is issued.")
        if self.partner_id and self.partner.kind != Partner.Kind.FOREIGN_NGO:
            errors["partner"] = _("A permit is for a foreign NGO.")
        if self.renewed_by_id and self.renewed_by_id == self.pk:
            errors["renewed_by"] = _("A permit cannot renew itself.")
        if errors:
            raise ValidationError(errors)

    def running_programmes(self, day: dt.date):
        """The partner's aid programmes under way on ``day``."""
        from doingoai.aid.models import AidProgramme

        return AidProgramme.objects.filter(owner=self.owner, donors=self.partner).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)).filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=day)).exclude(
            status__in=["draft", "refused", "cancelled", "finished"])


# --- foreign press -------------------------------------------------------------------------
class PressVisit(OwnedRecord):
    """Foreign journalists' request to report in the province, its approval, their programme
    and the officer accompanying them."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        DONE = "done", _("Done")

    SEARCH_FIELDS = ("outlet", "journalists", "topic")

    outlet = models.CharField(_("press outlet"), max_length=200)
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("country"))
    journalists = models.CharField(_("journalists"), max_length=400)
    topic = models.CharField(_("topic"), max_length=300)
    requested_on = models.DateField(_("requested on"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.REQUESTED)
    decision = models.CharField(_("approval document"), max_length=120, blank=True)
    programme = bounded_text(_("programme"), blank=True)
    accompanied_by = models.ForeignKey(Officer, models.PROTECT, null=True, blank=True,
                                       related_name="+", verbose_name=_("accompanying officer"))

    class Meta:
        verbose_name = _("foreign press visit")
        verbose_name_plural = _("foreign press visits")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return f"{self.outlet} ({self.starts_on:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A visit cannot end before it starts.")
        if self.status in (self.Status.APPROVED, self.Status.DONE) and not self.accompanied_by_id:
            errors["accompanied_by"] = _("An approved visit has its accompanying officer.")
        if errors:
            raise ValidationError(errors)


def today() -> dt.date:
    return timezone.localdate()

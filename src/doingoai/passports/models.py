"""Official and diplomatic passports (hộ chiếu công vụ, ngoại giao) kept by the office,
handed out for a trip and returned after it; and APEC Business Travel Card applications.

The return deadline of a handed-out passport comes from the dated rule table
(``passport.return_working_days``: 5 working days after re-entry, QĐ 58/2012/QĐ-TTg), read
on the re-entry date, so a change of rule is a new row there, not a code change."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AliveManager, Country, OwnedQuerySet, OwnedRecord, bounded_text
from doingoai.delegations.models import PASSPORT_RULE, Delegation
from doingoai.rules.models import Rule, rule_in_force


class PassportQuerySet(OwnedQuerySet):
    def expiring_within(self, days: int, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(expires_on__lte=today + dt.timedelta(days=days))


class OfficialPassport(OwnedRecord):
    class Kind(models.TextChoices):
        DIPLOMATIC = "diplomatic", _("Diplomatic passport")
        OFFICIAL = "official", _("Official passport")

    SEARCH_FIELDS = ("holder_name", "holder_title", "holder_unit")
    PERSONAL_FIELDS = ("number", "holder_date_of_birth")
    NAME_FIELDS = ("holder_name",)  # masked without the grant (privacy/masking.py)

    holder_name = models.CharField(_("holder"), max_length=150)
    holder_date_of_birth = models.DateField(_("holder's date of birth"), null=True, blank=True)
    holder_title = models.CharField(_("holder's position"), max_length=200, blank=True)
    holder_unit = models.CharField(_("holder's agency"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    number = models.CharField(_("passport number"), max_length=30)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(PassportQuerySet)()

    class Meta:
        verbose_name = _("official passport")
        verbose_name_plural = _("official passports")
        ordering = ["holder_name", "pk"]

    def __str__(self):
        return f"{self.holder_name} — {self.get_kind_display()}"

    def current_handout(self):
        return self.handouts.filter(returned_on__isnull=True).order_by("-handed_out_on").first()


class PassportMovement(models.Model):
    """One exit or entry made with the passport, as the border stamp shows it."""

    class Kind(models.TextChoices):
        EXIT = "exit", _("Exit")
        ENTRY = "entry", _("Entry")

    passport = models.ForeignKey(OfficialPassport, models.CASCADE, related_name="movements",
                                 verbose_name=_("passport"))
    kind = models.CharField(_("exit or entry"), max_length=5, choices=Kind.choices)
    on = models.DateField(_("date"))
    border_gate = models.CharField(_("border gate or airport"), max_length=200, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("country"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exit or entry")
        verbose_name_plural = _("exits and entries")
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class HandoutQuerySet(OwnedQuerySet):
    def outstanding(self):
        return self.filter(returned_on__isnull=True)

    def overdue(self, today: dt.date | None = None):
        """Passports not back at the office after their return deadline."""
        today = today or timezone.localdate()
        return self.outstanding().filter(return_due_on__lt=today)

    def handed_out_between(self, start: dt.date, end: dt.date):
        return self.filter(handed_out_on__range=(start, end))

    def overdue_on(self, day: dt.date):
        """Overdue on ``day``: the deadline had passed and the passport was not back."""
        return self.filter(return_due_on__lt=day).filter(
            Q(returned_on__isnull=True) | Q(returned_on__gt=day)
        )


class PassportHandout(OwnedRecord):
    SEARCH_FIELDS = ("received_by", "notes")
    NAME_FIELDS = ("passport",)  # its holder's name, masked without the grant

    passport = models.ForeignKey(OfficialPassport, models.PROTECT, related_name="handouts",
                                 verbose_name=_("passport"))
    delegation = models.ForeignKey(
        Delegation, models.PROTECT, related_name="passport_handouts",
        limit_choices_to={"direction": Delegation.Direction.OUTGOING},
        verbose_name=_("outgoing delegation"),
    )
    handed_out_on = models.DateField(_("handed out on"))
    received_by = models.CharField(_("handed to"), max_length=150, blank=True)
    reentered_on = models.DateField(
        _("re-entered Vietnam on"), null=True, blank=True,
        help_text=_("Empty until known: the deadline then counts from the delegation's "
                    "planned return."),
    )
    returned_on = models.DateField(_("returned to the office on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)
    # Stored so that "overdue" is one indexed query; recomputed on every save.
    return_due_on = models.DateField(_("to be returned by"), null=True, blank=True,
                                     editable=False)
    return_rule = models.ForeignKey(Rule, models.SET_NULL, null=True, blank=True,
                                    related_name="+", editable=False,
                                    verbose_name=_("rule for the return"))

    objects = AliveManager.from_queryset(HandoutQuerySet)()

    class Meta:
        verbose_name = _("passport handed out")
        verbose_name_plural = _("passports handed out")
        ordering = ["-handed_out_on", "-pk"]
        indexes = [models.Index(fields=["returned_on", "return_due_on"])]

    def __str__(self):
        return _("%(holder)s for %(trip)s") % {
            "holder": self.passport.holder_name, "trip": self.delegation.title}

    def save(self, *args, **kwargs):
        self.set_return_deadline()
        super().save(*args, **kwargs)

    @property
    def counted_from(self) -> dt.date | None:
        if self.reentered_on:
            return self.reentered_on
        return self.delegation.returns_on if self.delegation_id else None

    def set_return_deadline(self):
        start = self.counted_from
        rule = rule_in_force(PASSPORT_RULE, start, self.owner) if start and self.owner_id else None
        self.return_rule = rule
        self.return_due_on = rule.due_after(start) if rule and rule.amount else None

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.returned_on is None and self.return_due_on is not None
                and self.return_due_on < today)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.delegation_id and self.delegation.direction != Delegation.Direction.OUTGOING:
            errors["delegation"] = _("Passports are handed out for outgoing delegations only.")
        if self.returned_on and self.handed_out_on and self.returned_on < self.handed_out_on:
            errors["returned_on"] = _("A passport cannot come back before it was handed out.")
        if errors:
            raise ValidationError(errors)


class ABTCQuerySet(OwnedQuerySet):
    def decided_between(self, start: dt.date, end: dt.date):
        return self.filter(decided_on__range=(start, end))

    def cards_expiring_within(self, days: int, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(card_expires_on__lte=today + dt.timedelta(days=days))


class ABTCApplication(OwnedRecord):
    """A business's application for an APEC Business Travel Card, which the province
    reviews before the Immigration Department issues the card."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Under review")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    SEARCH_FIELDS = ("company", "applicant_name", "decision_number")
    PERSONAL_FIELDS = ("passport_number", "card_number")
    NAME_FIELDS = ("applicant_name",)

    company = models.CharField(_("company"), max_length=200)
    applicant_name = models.CharField(_("applicant"), max_length=150)
    applicant_title = models.CharField(_("applicant's position"), max_length=150, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    economies = models.ManyToManyField(Country, blank=True, related_name="+",
                                       verbose_name=_("economies applied for"))
    received_on = models.DateField(_("received on"))
    decision = models.CharField(_("the province's decision"), max_length=10,
                                choices=Decision.choices, default=Decision.PENDING)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    card_number = models.CharField(_("card number"), max_length=30, blank=True)
    card_expires_on = models.DateField(_("card expires on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(ABTCQuerySet)()

    class Meta:
        verbose_name = _("ABTC application")
        verbose_name_plural = _("ABTC applications")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.applicant_name} — {self.company}"

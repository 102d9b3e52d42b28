"""Delegations going abroad (đoàn ra) and foreign delegations coming in (đoàn vào)."""

import datetime as dt

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AdminUnit, AliveManager, Country, OwnedQuerySet, OwnedRecord
from doingoai.partners.models import Partner


class DelegationQuerySet(OwnedQuerySet):
    def outgoing(self):
        return self.filter(direction=Delegation.Direction.OUTGOING)

    def incoming(self):
        return self.filter(direction=Delegation.Direction.INCOMING)

    def departing_between(self, start: dt.date, end: dt.date):
        return self.filter(departs_on__range=(start, end))

    def with_member_count(self):
        return self.annotate(member_count=Count("members"))


class Delegation(OwnedRecord):
    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing (đoàn ra)")
        INCOMING = "incoming", _("Incoming (đoàn vào)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        UNDER_WAY = "under_way", _("Under way")
        BACK = "back", _("Back")
        REPORTED = "reported", _("Reported")
        CANCELLED = "cancelled", _("Cancelled")

    class Funding(models.TextChoices):
        STATE_BUDGET = "budget", _("State budget")
        PARTNER = "partner", _("Paid by the partner")
        PROJECT = "project", _("Project or programme funds")
        OTHER = "other", _("Other")

    SEARCH_FIELDS = ("title", "purpose", "cities", "decision_number", "host")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose"))
    countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("countries")
    )
    cities = models.CharField(_("cities or places abroad"), max_length=300, blank=True)
    places = models.ManyToManyField(
        AdminUnit, blank=True, related_name="+", verbose_name=_("places visited in the province")
    )
    visits_border_area = models.BooleanField(_("visits a border area"), default=False)
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="delegations", verbose_name=_("partners")
    )
    host = models.CharField(_("host or inviting agency"), max_length=200, blank=True)
    departs_on = models.DateField(_("departs on"))
    returns_on = models.DateField(_("returns on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    funding = models.CharField(_("funding source"), max_length=10, choices=Funding.choices,
                               blank=True)
    decision_number = models.CharField(_("approval decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("approval decision date"), null=True, blank=True)
    decision_signer = models.CharField(_("signed by"), max_length=120, blank=True)
    report = models.FileField(_("post-trip report"), upload_to="delegations/reports/%Y/",
                              blank=True)
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)

    objects = AliveManager.from_queryset(DelegationQuerySet)()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-departs_on"]
        indexes = [
            models.Index(fields=["owner", "direction", "departs_on"]),
            models.Index(fields=["departs_on"]),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.departs_on and self.returns_on and self.returns_on < self.departs_on:
            raise ValidationError({"returns_on": _("The return cannot be before the departure.")})


class DelegationMember(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DEPUTY = "deputy", _("Deputy head")
        MEMBER = "member", _("Member")
        INTERPRETER = "interpreter", _("Interpreter")

    class Passport(models.TextChoices):
        DIPLOMATIC = "diplomatic", _("Diplomatic")
        OFFICIAL = "official", _("Official")
        ORDINARY = "ordinary", _("Ordinary")
        FOREIGN = "foreign", _("Foreign passport")

    delegation = models.ForeignKey(
        Delegation, models.CASCADE, related_name="members", verbose_name=_("delegation")
    )
    name = models.CharField(_("full name"), max_length=150)
    title = models.CharField(_("position"), max_length=150, blank=True)
    unit = models.CharField(_("agency or unit"), max_length=200, blank=True)
    nationality = models.ForeignKey(
        Country, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("nationality"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    passport_type = models.CharField(
        _("passport type"), max_length=12, choices=Passport.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["pk"]

    def __str__(self):
        return self.name

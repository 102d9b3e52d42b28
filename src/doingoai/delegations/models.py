"""Delegations going abroad (đoàn ra) and foreign delegations coming in (đoàn vào)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    TEXT_LENGTH,
    AdminUnit,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.core.validators import validate_attachment
from doingoai.partners.models import Partner
from doingoai.rules.models import Rule, rule_in_force

REPORT_RULE = "delegation.report_days"
PASSPORT_RULE = "passport.return_working_days"


class DelegationQuerySet(OwnedQuerySet):
    def outgoing(self):
        return self.filter(direction=Delegation.Direction.OUTGOING)

    def incoming(self):
        return self.filter(direction=Delegation.Direction.INCOMING)

    def departing_between(self, start: dt.date, end: dt.date):
        return self.filter(departs_on__range=(start, end))

    def with_member_count(self):
        return self.annotate(member_count=Count("members"))

    def awaiting_report(self):
        """Approved trips whose post-trip report has not come in."""
        return self.filter(
            status__in=Delegation.REPORT_PENDING_STATUSES, report_received_on__isnull=True,
            report_due_on__isnull=False,
        )

    def overdue_reports(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.awaiting_report().filter(report_due_on__lt=today)

    def reports_due_between(self, start: dt.date, end: dt.date):
        return self.awaiting_report().filter(report_due_on__range=(start, end))

    def awaiting_approval(self):
        return self.filter(status=Delegation.Status.SUBMITTED)


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
    SEARCH_INDEXED = True  # an FTS5 index of search_text on SQLite (lib/fts.py)
    # After approval the trip happens; its report is owed until it is received.
    REPORT_PENDING_STATUSES = (Status.APPROVED, Status.UNDER_WAY, Status.BACK)

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    title = models.CharField(_("title"), max_length=300)
    purpose = bounded_text(_("purpose"), limit=TEXT_LENGTH)
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
                              blank=True, validators=[validate_attachment])
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)
    decision_scan = models.FileField(
        _("approval decision (scan)"), upload_to="delegations/decisions/%Y/", blank=True,
        validators=[validate_attachment],
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("submitted by"), editable=False,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"), editable=False,
    )
    # Stored so that "overdue" is one indexed query; recomputed on every save from the
    # rule in force on the return date (a province's own rule first).
    report_due_on = models.DateField(_("report due on"), null=True, blank=True, editable=False)
    report_rule = models.ForeignKey(
        Rule, models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("rule for the report"),
    )

    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("sending body"),
        help_text=_("The province’s body that sends the delegation (cơ quan cử đoàn)."))
    plan_item = models.ForeignKey(
        "planning.PlanItem", models.SET_NULL, null=True, blank=True,
        related_name="delegations", verbose_name=_("item of the annual plan"),
        help_text=_("Leave empty for an activity outside the plan (ngoài kế hoạch), which "
                    "needs its own approval."))
    # The provincial leaders' own approval of a delegation outside an approved annual plan
    # (the Party committee's or the People's Committee's written consent): without it the
    # decision sending the delegation cannot be approved (delegations.workflow).
    outside_plan_decision = models.CharField(
        _("decision allowing it outside the plan"), max_length=60, blank=True,
        help_text=_("Number and symbol of the provincial leaders' document allowing a "
                    "delegation outside the annual plan (e.g. 312-TB/TU)."))
    outside_plan_decided_on = models.DateField(
        _("date of the decision allowing it outside the plan"), null=True, blank=True)
    outside_plan_decided_by = models.CharField(
        _("approved outside the plan by"), max_length=120, blank=True)
    UNIT_FIELD = "organisation"
    UNIT_WRITES = True  # a unit's reporter enters them for their unit (accounts.scope)
    UNIT_DATE_FIELD = "departs_on"  # the body must be in force on this date

    objects = AliveManager.from_queryset(DelegationQuerySet)()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-departs_on"]
        indexes = [
            models.Index(fields=["owner", "direction", "departs_on"]),
            models.Index(fields=["departs_on"]),
            models.Index(fields=["status", "report_due_on"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.set_report_deadline()
        super().save(*args, **kwargs)

    def set_report_deadline(self):
        rule = None
        if self.returns_on and self.owner_id:
            rule = rule_in_force(REPORT_RULE, self.returns_on, self.owner)
        self.report_rule = rule
        self.report_due_on = rule.due_after(self.returns_on) if rule and rule.amount else None

    @property
    def person_trips(self) -> int:
        """Each member on the trip counts once (the ministry's "lượt người")."""
        return self.members.count()

    def is_report_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status in self.REPORT_PENDING_STATUSES and self.report_received_on is None
            and self.report_due_on is not None and self.report_due_on < today
        )

    def passport_rule(self):
        return rule_in_force(PASSPORT_RULE, self.returns_on, self.owner)

    def passports_due_on(self) -> dt.date | None:
        """When official and diplomatic passports go back to the managing agency."""
        if self.direction != self.Direction.OUTGOING:
            return None
        rule = self.passport_rule()
        return rule.due_after(self.returns_on) if rule and rule.amount else None

    def clean(self):
        from django.core.exceptions import ValidationError

        from doingoai.organisations.models import refuse_abolished
        from doingoai.planning.models import check_plan_item

        if self.organisation_id:
            refuse_abolished(self.organisation, self.departs_on or timezone.localdate())
        check_plan_item(self, date_field="departs_on")
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

    # A form choosing a member (an invitation's guests) offers the readable delegations' only.
    OWNED_THROUGH = "delegation"

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

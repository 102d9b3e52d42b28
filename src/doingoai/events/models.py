"""International conferences, seminars and talks, organised or attended."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import (
    TEXT_LENGTH,
    AliveManager,
    Country,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.core.validators import validate_attachment
from doingoai.partners.models import Partner
from doingoai.rules.models import Rule, rule_in_force

# QĐ 06/2020/QĐ-TTg: 40 days before the event where the Prime Minister approves, 30 days
# where the chair of the provincial People's Committee does; the report within 15 days.
APPLICATION_RULE = "event.application_days"
APPLICATION_RULE_PM = "event.application_days_pm"
REPORT_RULE = "event.report_days"


class EventQuerySet(OwnedQuerySet):
    def organised(self):
        return self.filter(role=Event.Role.ORGANISED)

    def attended(self):
        return self.filter(role=Event.Role.ATTENDED)

    def starting_between(self, start: dt.date, end: dt.date):
        return self.filter(starts_on__range=(start, end))

    def application_pending(self):
        return self.filter(status__in=Event.APPLICATION_PENDING_STATUSES,
                           application_due_on__isnull=False)

    def late_applications(self, today: dt.date | None = None):
        """Organised events whose application is not in and can no longer be on time."""
        today = today or timezone.localdate()
        return self.application_pending().filter(application_due_on__lt=today)

    def applications_due_between(self, start: dt.date, end: dt.date):
        return self.application_pending().filter(application_due_on__range=(start, end))

    def awaiting_report(self):
        return self.filter(status__in=Event.REPORT_PENDING_STATUSES,
                           report_received_on__isnull=True, report_due_on__isnull=False)

    def overdue_reports(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.awaiting_report().filter(report_due_on__lt=today)

    def reports_due_between(self, start: dt.date, end: dt.date):
        return self.awaiting_report().filter(report_due_on__range=(start, end))

    def awaiting_approval(self):
        return self.filter(status=Event.Status.SUBMITTED)


class Event(OwnedRecord):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar or workshop")
        TALKS = "talks", _("Talks")

    class Role(models.TextChoices):
        ORGANISED = "organised", _("Organised by the province")
        ATTENDED = "attended", _("Attended by the province")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        HELD = "held", _("Held")
        REPORTED = "reported", _("Reported")
        CANCELLED = "cancelled", _("Cancelled")

    SEARCH_FIELDS = ("title", "venue", "topic", "approval_number")
    APPLICATION_PENDING_STATUSES = (Status.DRAFT, Status.RETURNED)
    REPORT_PENDING_STATUSES = (Status.APPROVED, Status.HELD)

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    topic = bounded_text(_("topic and purpose"), blank=True, limit=TEXT_LENGTH)
    role = models.CharField(_("organised or attended"), max_length=10, choices=Role.choices)
    mode = models.CharField(_("form"), max_length=10, choices=Mode.choices,
                            default=Mode.IN_PERSON)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("country"))
    partners = models.ManyToManyField(Partner, blank=True, related_name="events",
                                      verbose_name=_("partners"))
    foreign_participants = models.PositiveIntegerField(_("foreign participants"), default=0)
    minister_level_guests = models.BooleanField(
        _("minister-level foreign guests"), default=False,
        help_text=_("Foreign guests at minister level or above (QĐ 06/2020/QĐ-TTg)."),
    )
    sensitive_topics = models.BooleanField(
        _("sensitive topics"), default=False,
        help_text=_("Sovereignty, security, defence, ethnicity, religion, human rights or "
                    "state secrets (QĐ 06/2020/QĐ-TTg)."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    approval_number = models.CharField(_("approval number"), max_length=60, blank=True)
    approval_date = models.DateField(_("approval date"), null=True, blank=True)
    approver = models.CharField(_("approved by"), max_length=120, blank=True)
    report = models.FileField(_("results report"), upload_to="events/reports/%Y/", blank=True,
                              validators=[validate_attachment])
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("submitted by"), editable=False,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"), editable=False,
    )
    # Deadlines from the rules in force on the event's start, recomputed on every save.
    application_due_on = models.DateField(_("application due on"), null=True, blank=True,
                                          editable=False)
    application_rule = models.ForeignKey(
        Rule, models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("rule for the application"),
    )
    report_due_on = models.DateField(_("report due on"), null=True, blank=True, editable=False)
    report_rule = models.ForeignKey(
        Rule, models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("rule for the report"),
    )

    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("organiser"),
        help_text=_("The province’s body that organises or attends the event."))
    plan_item = models.ForeignKey(
        "planning.PlanItem", models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("item of the annual plan"),
        help_text=_("Leave empty for an activity outside the plan (ngoài kế hoạch), which "
                    "needs its own approval."))
    UNIT_FIELD = "organisation"
    UNIT_WRITES = True  # a unit's reporter enters them for their unit (accounts.scope)
    UNIT_DATE_FIELD = "starts_on"  # the body must be in force on this date

    objects = AliveManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("conference, seminar or talks")
        verbose_name_plural = _("conferences, seminars and talks")
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["owner", "role", "starts_on"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.set_deadlines()
        super().save(*args, **kwargs)

    @property
    def needs_prime_minister(self) -> bool:
        return self.minister_level_guests or self.sensitive_topics

    def set_deadlines(self):
        """The province applies for and reports on the events it organises; attending
        someone else's event needs neither."""
        self.application_rule = self.report_rule = None
        self.application_due_on = self.report_due_on = None
        if self.role != self.Role.ORGANISED or not self.starts_on or not self.owner_id:
            return
        code = APPLICATION_RULE_PM if self.needs_prime_minister else APPLICATION_RULE
        rule = rule_in_force(code, self.starts_on, self.owner)
        if rule and rule.amount:
            self.application_rule = rule
            self.application_due_on = rule.due_before(self.starts_on)
        rule = rule_in_force(REPORT_RULE, self.starts_on, self.owner)
        if rule and rule.amount:
            self.report_rule = rule
            self.report_due_on = rule.due_after(self.ends_on or self.starts_on)

    @property
    def approver_level(self) -> str:
        rule = self.application_rule
        return rule.get_approver_display() if rule and rule.approver else ""

    def is_application_late(self, today: dt.date | None = None) -> bool:
        """Late if the application went in after its deadline, or is still not in and the
        deadline has passed (a conference 20 days away needing 40 days is late already)."""
        if self.application_due_on is None:
            return False
        if self.submitted_on is not None:
            return self.submitted_on > self.application_due_on
        today = today or timezone.localdate()
        return self.status in self.APPLICATION_PENDING_STATUSES and (
            today > self.application_due_on
        )

    def is_report_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status in self.REPORT_PENDING_STATUSES and self.report_received_on is None
            and self.report_due_on is not None and self.report_due_on < today
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        from doingoai.organisations.models import refuse_abolished
        from doingoai.planning.models import check_plan_item

        if self.organisation_id:
            refuse_abolished(self.organisation, self.starts_on or timezone.localdate())
        check_plan_item(self, date_field="starts_on")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An event cannot end before it starts.")})

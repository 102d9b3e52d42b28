"""International conferences, seminars and talks, organised or attended."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import AliveManager, Country, OwnedQuerySet, OwnedRecord
from doingoai.partners.models import Partner


class EventQuerySet(OwnedQuerySet):
    def organised(self):
        return self.filter(role=Event.Role.ORGANISED)

    def attended(self):
        return self.filter(role=Event.Role.ATTENDED)

    def starting_between(self, start: dt.date, end: dt.date):
        return self.filter(starts_on__range=(start, end))


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

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    topic = models.TextField(_("topic and purpose"), blank=True)
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
    report = models.FileField(_("results report"), upload_to="events/reports/%Y/", blank=True)
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)

    objects = AliveManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("conference, seminar or talks")
        verbose_name_plural = _("conferences, seminars and talks")
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["owner", "role", "starts_on"])]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An event cannot end before it starts.")})

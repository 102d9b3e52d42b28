"""Reporting rounds: the office asks the province's bodies for their figures of a period;
each unit submits them (or "none this period", or its own report, which the extractor reads),
its leader approves, the office receives or returns them; the round's result sums the units'
figures and, once the leader accepts it, becomes the province's reported figures."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    NOTE_LENGTH,
    AliveManager,
    OwnedQuerySet,
    OwnedRecord,
    bounded_text,
)
from doingoai.core.validators import validate_non_negative
from doingoai.lib.periods import try_parse_period


class Round(OwnedRecord):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("result accepted")

    SEARCH_FIELDS = ("title", "period")
    UNIT_FIELD = "units"  # a unit's users read the rounds that ask their unit

    title = models.CharField(_("title"), max_length=200)
    period = models.CharField(
        _("period"), max_length=30,
        help_text=_("2026-Q1, 2026-H1, 2026, or a date range 2025-12-15/2026-12-14."))
    due_on = models.DateField(_("due on"), blank=True,
                              help_text=_("Left empty, it is computed from the rule chosen."))
    # The rule that sets the due date, read in force at the period's end (rules.rule_in_force):
    # QĐ 06/2020 has the annual report (15/12–14/12) reach the ministry by 18/12.
    due_rule = models.CharField(
        _("rule setting the due date"), max_length=80, blank=True, choices=[
            ("event.annual_report",
             _("Annual report on international conferences (QĐ 06/2020/QĐ-TTg, Art. 9)"))])
    indicators = models.ManyToManyField("figures.Indicator", related_name="+",
                                        verbose_name=_("indicators asked"))
    units = models.ManyToManyField("organisations.Organisation", related_name="rounds",
                                   verbose_name=_("units asked"))
    note = bounded_text(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN, editable=False)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+", editable=False,
                                    verbose_name=_("result accepted by"))
    accepted_on = models.DateField(_("result accepted on"), null=True, blank=True,
                                   editable=False)
    source = models.OneToOneField("figures.SourceDocument", models.SET_NULL, null=True,
                                  blank=True, editable=False, related_name="round",
                                  verbose_name=_("source of the reported figures"))

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-due_on", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        period = try_parse_period(self.period)
        if period is None:
            raise ValidationError({"period": _(
                "Write the period as 2026-Q1, 2026-H1, 2026 or 2025-12-15/2026-12-14.")})
        self.period = period.label
        if self.due_on is None:
            self.due_on = self.due_from_rule(period)

    def due_from_rule(self, period) -> dt.date:
        """The due date the rule in force at the period's end sets, for the round's province;
        a clear message when no rule is chosen or none is in force."""
        from doingoai.rules.models import rule_in_force

        rule = rule_in_force(self.due_rule, period.end, self.owner if self.owner_id else None) \
            if self.due_rule else None
        if rule is None:
            raise ValidationError({"due_on": _(
                "Enter the due date, or choose a rule in force for the period that sets it.")})
        if rule.due_month and rule.due_day:
            due = rule.yearly_due_on(period.end.year)
            return due if due >= period.end else rule.yearly_due_on(period.end.year + 1)
        return rule.due_after(period.end)

    @property
    def span(self):
        return try_parse_period(self.period)


class SubmissionQuerySet(OwnedQuerySet):
    def overdue(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        late = Q(due_on__lt=today) | Q(due_on__isnull=True, round__due_on__lt=today)
        return self.filter(late, status__in=Submission.OUTSTANDING)


class Submission(OwnedRecord):
    """What one unit reports for one round."""

    class Status(models.TextChoices):
        PENDING = "pending", _("not yet submitted")
        SUBMITTED = "submitted", _("submitted, awaiting the unit leader")
        APPROVED = "approved", _("approved by the unit")
        RECEIVED = "received", _("received by the office")
        RETURNED = "returned", _("returned for changes")

    OUTSTANDING = (Status.PENDING, Status.RETURNED, Status.SUBMITTED)
    EDITABLE = (Status.PENDING, Status.RETURNED)
    UNIT_FIELD = "organisation"
    SEARCH_FIELDS = ("note",)

    round = models.ForeignKey(Round, models.CASCADE, related_name="submissions",
                              verbose_name=_("reporting round"))
    organisation = models.ForeignKey("organisations.Organisation", models.PROTECT,
                                     related_name="submissions", verbose_name=_("unit"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    due_on = models.DateField(
        _("extended due date"), null=True, blank=True,
        help_text=_("Set only when the office grants this unit more time than the round's."))
    nothing_this_period = models.BooleanField(
        _("none this period"), default=False,
        help_text=_("The unit had no foreign-affairs activity to report in the period."))
    note = bounded_text(_("note"), blank=True)
    document = models.FileField(_("the unit's report"), upload_to="rounds/%Y/", blank=True)
    document_text = bounded_text(_("text of the report"), blank=True, limit=2_000_000)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                     blank=True, related_name="+", editable=False,
                                     verbose_name=_("submitted by"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+", editable=False,
                                    verbose_name=_("approved by"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+", editable=False,
                                    verbose_name=_("received by"))

    objects = AliveManager.from_queryset(SubmissionQuerySet)()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["round", "organisation__kind_rank", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["round", "organisation"],
                                               name="one_submission_per_unit_and_round")]

    def __str__(self):
        return f"{self.organisation.name} — {self.round}"

    @property
    def due(self) -> dt.date:
        """The unit's due date: the round's, unless the office extended it."""
        return self.due_on or self.round.due_on

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status in self.OUTSTANDING and self.due < today

    def total_of(self, code: str) -> Decimal | None:
        for figure in self.figures.all():
            if figure.indicator_id == code:
                return figure.value
        return None


class SubmittedFigure(models.Model):
    """One indicator's figure in a unit's submission, with where it came from."""

    submission = models.ForeignKey(Submission, models.CASCADE, related_name="figures",
                                   verbose_name=_("submission"))
    indicator = models.ForeignKey("figures.Indicator", models.PROTECT, related_name="+",
                                  verbose_name=_("indicator"))
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4, null=True,
                                blank=True, validators=[validate_non_negative])
    note = models.CharField(_("note"), max_length=NOTE_LENGTH // 10, blank=True)
    quote = bounded_text(_("quote from the report"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submitted figure")
        verbose_name_plural = _("submitted figures")
        ordering = ["indicator"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"],
                                    name="one_figure_per_indicator_and_submission"),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gte=0),
                                   name="submitted_figure_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.value}"

"""International agreements (thỏa thuận quốc tế) from negotiation to expiry."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import (
    TEXT_LENGTH,
    AliveManager,
    OwnedQuerySet,
    OwnedRecord,
    Sector,
    bounded_text,
)
from doingoai.core.validators import validate_attachment
from doingoai.partners.models import Partner
from doingoai.rules.models import Rule, rule_in_force

# Law 70/2020/QH14 and Decree 64/2021/NĐ-CP: answers to a consultation within 7 working
# days; after signing, a report and a copy to the Ministry within 15 days.
CONSULTATION_RULE = "agreement.consultation_working_days"
REPORT_RULE = "agreement.report_days"
EXPIRY_ALERT_DAYS = (90, 30)


class AgreementQuerySet(OwnedQuerySet):
    def signed_between(self, start: dt.date, end: dt.date):
        return self.filter(signed_on__range=(start, end))

    def expiring_within(self, days: int, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(
            expires_on__range=(today, today + dt.timedelta(days=days)),
            status__in=[Agreement.Status.SIGNED, Agreement.Status.IN_FORCE],
        )

    def awaiting_report(self):
        return self.filter(status__in=[Agreement.Status.SIGNED, Agreement.Status.IN_FORCE],
                           report_sent_on__isnull=True, report_due_on__isnull=False)

    def overdue_reports(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.awaiting_report().filter(report_due_on__lt=today)

    def reports_due_between(self, start: dt.date, end: dt.date):
        return self.awaiting_report().filter(report_due_on__range=(start, end))

    def consultations_overdue(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(status=Agreement.Status.IN_CONSULTATION,
                           consultation_due_on__lt=today)

    def in_force_on(self, day: dt.date):
        return self.filter(signed_on__lte=day).exclude(expires_on__lt=day).exclude(
            status__in=[Agreement.Status.TERMINATED, *Agreement.NOT_SIGNED_STATUSES]
        )


class Agreement(OwnedRecord):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement (thỏa thuận)")
        MOU = "mou", _("Memorandum of understanding (biên bản ghi nhớ)")
        MINUTES = "minutes", _("Minutes of talks (biên bản hội đàm)")
        FRAMEWORK = "framework", _("Framework agreement (thỏa thuận khung)")

    class Status(models.TextChoices):
        NEGOTIATING = "negotiating", _("Negotiating")
        IN_CONSULTATION = "consultation", _("In consultation")
        # Law 70/2020/QH14 Art. 19(3): the chair of the People's Committee decides the
        # signing once the consulted bodies have answered.
        SUBMITTED = "submitted", _("Submitted for the decision to sign")
        APPROVED = "approved", _("Approved for signature")
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Provincial level (People's Committee, Party Committee)")
        DEPARTMENT = "department", _("Department or agency of the province")
        DISTRICT = "district", _("District or commune")

    SEARCH_FIELDS = ("title", "number", "our_signatory", "summary")
    NOT_SIGNED_STATUSES = (Status.NEGOTIATING, Status.IN_CONSULTATION, Status.SUBMITTED,
                           Status.APPROVED)

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("number"), max_length=60, blank=True)
    level = models.CharField(
        _("level of the Vietnamese party"), max_length=12, choices=Level.choices,
        default=Level.PROVINCE,
    )
    our_signatory = models.CharField(
        _("our signatory unit"), max_length=200,
        help_text=_("The agency that signs for the province, e.g. UBND tỉnh Hà Giang."),
    )
    partners = models.ManyToManyField(
        Partner, related_name="agreements", verbose_name=_("partners")
    )
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("fields of cooperation"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEGOTIATING
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    summary = bounded_text(_("summary"), blank=True, limit=TEXT_LENGTH)
    document = models.FileField(_("signed text"), upload_to="agreements/%Y/", blank=True,
                                validators=[validate_attachment])
    consultation_sent_on = models.DateField(_("consultation sent on"), null=True, blank=True,
                                            editable=False)
    consultation_due_on = models.DateField(_("answers due on"), null=True, blank=True,
                                           editable=False)
    consultation_rule = models.ForeignKey(
        Rule, models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("rule for the consultation"),
    )
    report_due_on = models.DateField(_("post-signing report due on"), null=True, blank=True,
                                     editable=False)
    report_rule = models.ForeignKey(
        Rule, models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("rule for the post-signing report"),
    )
    report_sent_on = models.DateField(_("post-signing report sent on"), null=True, blank=True,
                                      editable=False)
    report = models.FileField(_("post-signing report"), upload_to="agreements/reports/%Y/",
                              blank=True, validators=[validate_attachment])

    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("signatory body"),
        help_text=_("The province’s body that signs the agreement: a department’s agreement "
                    "is the department’s."))
    UNIT_FIELD = "organisation"
    UNIT_WRITES = True  # a unit's reporter enters them for their unit (accounts.scope)
    UNIT_DATE_FIELD = "signed_on"  # the body must be in force on this date

    objects = AliveManager.from_queryset(AgreementQuerySet)()

    class Meta:
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        ordering = ["-signed_on", "title"]
        indexes = [models.Index(fields=["owner", "signed_on"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.set_deadlines()
        super().save(*args, **kwargs)

    def set_deadlines(self):
        self.consultation_rule = self.report_rule = None
        self.consultation_due_on = self.report_due_on = None
        if not self.owner_id:
            return
        if self.consultation_sent_on:
            rule = rule_in_force(CONSULTATION_RULE, self.consultation_sent_on, self.owner)
            if rule and rule.amount:
                self.consultation_rule = rule
                self.consultation_due_on = rule.due_after(self.consultation_sent_on)
        if self.signed_on:
            rule = rule_in_force(REPORT_RULE, self.signed_on, self.owner)
            if rule and rule.amount:
                self.report_rule = rule
                self.report_due_on = rule.due_after(self.signed_on)

    def is_report_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status in (self.Status.SIGNED, self.Status.IN_FORCE)
            and self.report_sent_on is None and self.report_due_on is not None
            and self.report_due_on < today
        )

    def expiry_alert(self, today: dt.date | None = None) -> int | None:
        """90 or 30 when the agreement expires within that many days, else None."""
        today = today or timezone.localdate()
        if not self.expires_on or self.status not in (self.Status.SIGNED, self.Status.IN_FORCE):
            return None
        left = (self.expires_on - today).days
        if left < 0:
            return None
        return min((d for d in EXPIRY_ALERT_DAYS if left <= d), default=None)

    def clean(self):
        from django.core.exceptions import ValidationError

        from doingoai.organisations.models import refuse_abolished

        if self.organisation_id:
            refuse_abolished(self.organisation, self.signed_on or timezone.localdate())
        errors = {}
        if self.expires_on and self.signed_on and self.expires_on < self.signed_on:
            errors["expires_on"] = _("An agreement cannot expire before it is signed.")
        if self.effective_on and self.signed_on and self.effective_on < self.signed_on:
            errors["effective_on"] = _("An agreement cannot take effect before it is signed.")
        if self.status in (self.Status.SIGNED, self.Status.IN_FORCE) and not self.signed_on:
            errors["signed_on"] = _("A signed agreement needs its date of signing.")
        if errors:
            raise ValidationError(errors)


class ImplementationNote(models.Model):
    """The yearly review of an agreement (đánh giá kết quả thực hiện): what was done under it
    in one year, by whom, and whether to go on with it, amend it or end it."""

    class Recommendation(models.TextChoices):
        CONTINUE = "continue", _("Continue as it is")
        AMEND = "amend", _("Amend or extend")
        END = "end", _("End it")

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="notes", verbose_name=_("agreement")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = bounded_text(_("what was done"), limit=TEXT_LENGTH)
    carried_out_by = models.CharField(_("carried out by"), max_length=300, blank=True,
                                      help_text=_("The agencies and units that did it."))
    recommendation = models.CharField(_("recommendation"), max_length=10, blank=True,
                                      choices=Recommendation.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")
        ordering = ["year"]

    def __str__(self):
        return f"{self.agreement} — {self.year}"

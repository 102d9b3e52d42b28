"""International agreements (thỏa thuận quốc tế) from negotiation to expiry."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AliveManager, OwnedQuerySet, OwnedRecord, Sector
from doingoai.partners.models import Partner


class AgreementQuerySet(OwnedQuerySet):
    def signed_between(self, start: dt.date, end: dt.date):
        return self.filter(signed_on__range=(start, end))

    def expiring_within(self, days: int, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(
            expires_on__range=(today, today + dt.timedelta(days=days)),
            status__in=[Agreement.Status.SIGNED, Agreement.Status.IN_FORCE],
        )

    def in_force_on(self, day: dt.date):
        return self.filter(signed_on__lte=day).exclude(expires_on__lt=day).exclude(
            status__in=[Agreement.Status.TERMINATED, Agreement.Status.NEGOTIATING,
                        Agreement.Status.IN_CONSULTATION]
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
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Provincial level (People's Committee, Party Committee)")
        DEPARTMENT = "department", _("Department or agency of the province")
        DISTRICT = "district", _("District or commune")

    SEARCH_FIELDS = ("title", "number", "our_signatory", "summary")

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
    summary = models.TextField(_("summary"), blank=True)
    document = models.FileField(_("signed text"), upload_to="agreements/%Y/", blank=True)

    objects = AliveManager.from_queryset(AgreementQuerySet)()

    class Meta:
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        ordering = ["-signed_on", "title"]
        indexes = [models.Index(fields=["owner", "signed_on"])]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

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
    """What was done under an agreement in one year."""

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="notes", verbose_name=_("agreement")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("what was done"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("implementation note")
        verbose_name_plural = _("implementation notes")
        ordering = ["year"]

    def __str__(self):
        return f"{self.agreement} — {self.year}"

"""Foreign aid: NGO aid, ODA grants and loans, FDI. Money is kept as transactions in the
currency given, converted at report time with the dated rate table (AMP's model)."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core import rates
from doingoai.core.models import (
    TEXT_LENGTH,
    AdminUnit,
    AliveManager,
    Currency,
    OwnedQuerySet,
    OwnedRecord,
    Sector,
    bounded_text,
)
from doingoai.core.rates import MissingRate, convert
from doingoai.core.validators import (
    non_negative_check,
    validate_attachment,
    validate_non_negative,
    validate_positive,
)
from doingoai.partners.models import Partner
from doingoai.rules.models import RuleBook
from doingoai.rules.models import rule_in_force as _rule_in_force

# Reports of a foreign NGO aid programme (Decree 80/2020/NĐ-CP, then Decree 313/2025/NĐ-CP
# from 8/12/2025; the dates of the six-monthly and yearly reports from Thông tư 23/2022/TT-BTC).
YEARLY_REPORT_RULES = (
    "aid.report_first_half", "aid.report_second_half", "aid.report_year",
    "aid.agency_annual_report",
)
END_REPORT_RULE = "aid.end_report_months"
REPORT_RULES = (*YEARLY_REPORT_RULES, END_REPORT_RULE)


class AidProgrammeQuerySet(OwnedQuerySet):
    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def reporting(self):
        """Programmes that owe periodic reports: approved or under way."""
        return self.filter(status__in=[AidProgramme.Status.APPROVED,
                                       AidProgramme.Status.UNDER_WAY])


class AidProgramme(OwnedRecord):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Foreign NGO aid")
        ODA_GRANT = "oda_grant", _("ODA grant")
        ODA_LOAN = "oda_loan", _("ODA or concessional loan")
        FDI = "fdi", _("Foreign direct investment (FDI)")

    class Status(models.TextChoices):
        MOBILISING = "mobilising", _("Mobilising")
        # Decree 80/2020/NĐ-CP Art. 10: the file is appraised, then approved (Art. 7, 11).
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        UNDER_WAY = "under_way", _("Under way")
        FINISHED = "finished", _("Finished")
        CANCELLED = "cancelled", _("Cancelled")

    SEARCH_FIELDS = ("title", "code", "iati_identifier", "description", "decision_number")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    code = models.CharField(_("project code"), max_length=60, blank=True)
    iati_identifier = models.CharField(_("IATI identifier"), max_length=150, blank=True)
    donors = models.ManyToManyField(
        Partner, related_name="aid_programmes", verbose_name=_("donors or investors")
    )
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("sectors"))
    places = models.ManyToManyField(
        AdminUnit, blank=True, related_name="+", verbose_name=_("places")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.MOBILISING
    )
    decision_number = models.CharField(_("approval decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("approval decision date"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    managing_agency = models.CharField(_("managing agency"), max_length=200, blank=True)
    description = bounded_text(_("description"), blank=True, limit=TEXT_LENGTH)
    decision_scan = models.FileField(
        _("approval decision (scan)"), upload_to="aid/decisions/%Y/", blank=True,
        validators=[validate_attachment],
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("approval recorded by"), editable=False,
    )

    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("project owner"),
        help_text=_("The province’s body that owns the programme (chủ khoản viện trợ)."))
    UNIT_FIELD = "organisation"
    UNIT_WRITES = True  # a unit's reporter enters them for their unit (accounts.scope)
    UNIT_DATE_FIELD = "starts_on"  # the body must be in force on this date

    objects = AliveManager.from_queryset(AidProgrammeQuerySet)()

    class Meta:
        verbose_name = _("aid programme")
        verbose_name_plural = _("aid programmes")
        ordering = ["-starts_on", "title"]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        from doingoai.organisations.models import refuse_abolished

        if self.organisation_id:
            refuse_abolished(self.organisation, self.starts_on or timezone.localdate())
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A programme cannot end before it starts.")})

    def total(self, kind: str, currency: str = "VND", until: dt.date | None = None):
        """The sum of the programme's transactions of ``kind`` in ``currency``, each converted
        at the rate of its own date; returns (amount, explanations of the rates used)."""
        total = Decimal(0)
        notes = []
        rows = self.transactions.filter(kind=kind)
        if until:
            rows = rows.filter(on__lte=until)
        for row in rows:
            conversion = row.converted(currency)
            total += conversion.amount
            if conversion.explanation:
                notes.append(conversion.explanation)
        return total, notes

    def totals(self, currencies=("VND", "USD")):
        """Committed and disbursed amounts in each of ``currencies``, each with the rates
        used; a missing rate is reported instead of a wrong sum. The rate table is read once
        for all of them (``rates.using``), not once per transaction."""
        with rates.using():
            return self._totals(currencies)

    def _totals(self, currencies):
        rows = []
        for kind, label in AidTransaction.Kind.choices:
            for currency in currencies:
                try:
                    amount, notes = self.total(kind, currency)
                    rows.append({"kind": label, "currency": currency, "amount": amount,
                                 "notes": sorted(set(notes)), "error": ""})
                except MissingRate as error:
                    rows.append({"kind": label, "currency": currency, "amount": None,
                                 "notes": [], "error": str(error)})
        return rows

    def report_deadlines(self, today: dt.date | None = None, rules: RuleBook | None = None):
        """The next reports this programme owes, as (due date, rule), soonest first.

        The reporting rules are those of foreign NGO aid; ODA has its own decree. ``rules``
        (a ``RuleBook`` of ``REPORT_RULES``) spares the queries when many programmes ask."""
        today = today or timezone.localdate()
        rule_in_force = rules.in_force if rules is not None else _rule_in_force
        if self.kind != self.Kind.NGO:
            return []
        deadlines = []
        if self.status in (self.Status.APPROVED, self.Status.UNDER_WAY):
            for code in YEARLY_REPORT_RULES:
                rule = rule_in_force(code, today, self.owner)
                if rule and rule.due_month:
                    deadlines.append((rule.next_yearly_due_on(today), rule))
        if self.ends_on and self.status in (self.Status.UNDER_WAY, self.Status.FINISHED):
            rule = rule_in_force(END_REPORT_RULE, self.ends_on, self.owner)
            if rule and rule.amount:
                due = rule.due_after(self.ends_on)
                if due >= today:
                    deadlines.append((due, rule))
        return sorted(deadlines, key=lambda pair: pair[0])

    def committed(self, currency="VND"):
        return self.total(AidTransaction.Kind.COMMITMENT, currency)[0]

    def disbursed(self, currency="VND"):
        return self.total(AidTransaction.Kind.DISBURSEMENT, currency)[0]


class AidTransaction(models.Model):
    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment")
        DISBURSEMENT = "disbursement", _("Disbursement")

    programme = models.ForeignKey(
        AidProgramme, models.CASCADE, related_name="transactions", verbose_name=_("programme")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=20, decimal_places=2,
                                 validators=[validate_non_negative])
    currency = models.ForeignKey(Currency, models.PROTECT, verbose_name=_("currency"))
    fixed_vnd_per_unit = models.DecimalField(
        _("fixed rate (VND per unit)"), max_digits=20, decimal_places=6, null=True, blank=True,
        validators=[validate_positive],
        help_text=_("Leave empty to use the dated exchange-rate table."),
    )
    tranche = models.CharField(_("tranche"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # As an IATI file gave them, so that an export writes the same transaction back: its
    # TransactionType code (11 incoming commitment, 2 commitment, 3 disbursement, 4 expenditure
    # ...) and its transaction-date when it differs from the value date kept in ``on``.
    iati_type = models.CharField(_("IATI transaction type"), max_length=4, blank=True)
    transaction_date = models.DateField(_("IATI transaction date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["on"]
        indexes = [models.Index(fields=["programme", "kind", "on"])]
        constraints = [non_negative_check("amount"),
                       non_negative_check("fixed_vnd_per_unit", strictly=True)]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} {self.currency_id} ({self.on})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("An amount cannot be negative.")})

    def converted(self, currency: str):
        return convert(self.amount, self.currency_id, currency, self.on, self.fixed_vnd_per_unit)


class AidSector(models.Model):
    """A sector of a programme as its IATI file gave it (any vocabulary, with its
    percentage); the core 3-digit sectors used by the reports stay in ``sectors``."""

    programme = models.ForeignKey(
        AidProgramme, models.CASCADE, related_name="iati_sectors", verbose_name=_("programme"))
    vocabulary = models.CharField(_("sector vocabulary"), max_length=10, blank=True)
    code = models.CharField(_("sector code"), max_length=40)
    percentage = models.DecimalField(
        _("sector percentage"), max_digits=6, decimal_places=3, null=True, blank=True,
        validators=[validate_non_negative])
    name = models.CharField(_("name"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("IATI sector of a programme")
        verbose_name_plural = _("IATI sectors of a programme")
        ordering = ["pk"]
        constraints = [non_negative_check("percentage")]

    def __str__(self):
        return f"{self.vocabulary or '1'}:{self.code}"


class AidLocation(models.Model):
    """A location of a programme as its IATI file gave it: its name, its point ("latitude
    longitude", as gml:pos writes it) and its administrative codes."""

    programme = models.ForeignKey(
        AidProgramme, models.CASCADE, related_name="iati_locations", verbose_name=_("programme"))
    ref = models.CharField(_("location reference"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    point = models.CharField(_("point (latitude longitude)"), max_length=60, blank=True)
    # One "vocabulary level code" triple per line (location/administrative).
    administrative = models.CharField(_("administrative codes"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("IATI location of a programme")
        verbose_name_plural = _("IATI locations of a programme")
        ordering = ["pk"]

    def __str__(self):
        return self.name or self.point or self.ref


class AidParticipant(models.Model):
    """A participating organisation of a programme as its IATI file gave it (role, IATI
    organisation identifier, type, name); the donors found in the partner register stay
    in ``donors``."""

    class Role(models.TextChoices):
        FUNDING = "1", _("Funding organisation")
        ACCOUNTABLE = "2", _("Accountable organisation")
        EXTENDING = "3", _("Extending organisation")
        IMPLEMENTING = "4", _("Implementing organisation")

    programme = models.ForeignKey(
        AidProgramme, models.CASCADE, related_name="participants", verbose_name=_("programme"))
    role = models.CharField(_("role"), max_length=2, choices=Role.choices, blank=True)
    ref = models.CharField(_("IATI organisation identifier"), max_length=150, blank=True)
    org_type = models.CharField(_("organisation type"), max_length=40, blank=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["pk"]

    def __str__(self):
        return self.name or self.ref

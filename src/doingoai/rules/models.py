"""Deadlines and approvers as dated data: the legal document that sets a rule, the dates it
is in force and what it says. A record's deadline comes from the rule in force on the
record's own date, so a change of law (Decree 80/2020 replaced by Decree 313/2025 on
8/12/2025) is a new row, not a code change."""

import calendar
import datetime as dt
import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import TEXT_LENGTH, AdminUnit, bounded_text
from doingoai.lib.dates import add_working_days


class LegalDocument(models.Model):
    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        DECISION = "decision", _("Decision")
        CIRCULAR = "circular", _("Circular")
        PROVINCIAL = "provincial", _("Provincial regulation")

    number = models.CharField(_("number"), max_length=60, unique=True,
                              help_text=_("As printed, e.g. 06/2020/QĐ-TTg."))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    issuer = models.CharField(_("issued by"), max_length=200)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    effective_on = models.DateField(_("in force from"), null=True, blank=True)
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        limit_choices_to={"level": AdminUnit.Level.PROVINCE}, verbose_name=_("province"),
        help_text=_("Only for a province's own regulation."),
    )
    url = models.URLField(_("link to the text"), blank=True)
    note_vi = bounded_text(_("note (Vietnamese)"), blank=True)
    note_en = bounded_text(_("note (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = [F("effective_on").asc(nulls_last=True), "number"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    @property
    def note(self) -> str:
        return in_language(self.note_vi, self.note_en)

    @note.setter
    def note(self, text: str):
        self.note_vi = text


class RuleQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Rule(models.Model):
    """One deadline or approver rule, e.g. ``event.report_days``: 15 days after the event."""

    class Area(models.TextChoices):
        DELEGATIONS = "delegations", _("Delegations")
        EVENTS = "events", _("Conferences and seminars")
        AGREEMENTS = "agreements", _("International agreements")
        AID = "aid", _("Foreign aid")
        PASSPORTS = "passports", _("Official passports")

    class Unit(models.TextChoices):
        DAYS = "days", _("days")
        WORKING_DAYS = "working_days", _("working days")
        MONTHS = "months", _("months")

    class Approver(models.TextChoices):
        PRIME_MINISTER = "prime_minister", _("The Prime Minister")
        PROVINCE_CHAIR = "province_chair", _("The chair of the provincial People's Committee")
        LEADER = "leader", _("A leader of the office")

    document = models.ForeignKey(LegalDocument, models.PROTECT, related_name="rules",
                                 verbose_name=_("legal document"))
    article = models.CharField(_("article"), max_length=80, blank=True)
    code = models.CharField(
        _("code"), max_length=80, db_index=True,
        help_text=_("What the rule governs, e.g. delegation.report_days. A province's own "
                    "rule uses the same code as the national one it replaces."),
    )
    area = models.CharField(_("area"), max_length=12, choices=Area.choices)
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        limit_choices_to={"level": AdminUnit.Level.PROVINCE}, verbose_name=_("province"),
        help_text=_("Empty for a national rule; a province's own rule wins over it."),
    )
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    amount = models.PositiveIntegerField(_("lead time or period"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices, blank=True)
    due_month = models.PositiveSmallIntegerField(_("due month (yearly)"), null=True, blank=True)
    due_day = models.PositiveSmallIntegerField(_("due day (yearly)"), null=True, blank=True)
    approver = models.CharField(_("approver"), max_length=16, choices=Approver.choices,
                                blank=True)
    description_vi = bounded_text(_("what it says"), limit=TEXT_LENGTH)
    description_en = bounded_text(_("what it says (English)"), limit=TEXT_LENGTH, blank=True)
    history = HistoricalRecords()

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["area", "code", F("valid_from").asc(nulls_first=True)]

    def __str__(self):
        return f"{self.code} — {self.document.number}"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("A rule cannot end before it starts.")
        if self.amount is not None and not self.unit:
            errors["unit"] = _("Say whether the period counts days, working days or months.")
        if (self.due_month is None) != (self.due_day is None):
            errors["due_day"] = _("A yearly date needs both a month and a day.")
        elif self.due_month is not None:
            try:
                dt.date(2001, self.due_month, self.due_day)
            except ValueError:
                errors["due_day"] = _("This is not a date of the year.")
        if errors:
            raise ValidationError(errors)

    @property
    def description(self) -> str:
        """What the rule says, in the reader's language (Vietnamese when no English is kept)."""
        return in_language(self.description_vi, self.description_en)

    @description.setter
    def description(self, text: str):
        # ``Rule(description=...)`` keeps working: the one text given is the Vietnamese.
        self.description_vi = text

    @property
    def article_text(self) -> str:
        return article_in_language(self.article)

    # --- what the rule says, as dates ---------------------------------------------------
    def due_after(self, start: dt.date) -> dt.date:
        """The deadline ``amount`` units after ``start`` (a report after a trip)."""
        if self.unit == self.Unit.WORKING_DAYS:
            return add_working_days(start, self.amount)
        if self.unit == self.Unit.MONTHS:
            return add_months(start, self.amount)
        return start + dt.timedelta(days=self.amount)

    def due_before(self, day: dt.date) -> dt.date:
        """The last day to act ``amount`` days before ``day`` (an application before an event)."""
        if self.unit == self.Unit.MONTHS:
            return add_months(day, -self.amount)
        return day - dt.timedelta(days=self.amount)

    def yearly_due_on(self, year: int) -> dt.date:
        return dt.date(year, self.due_month, self.due_day)

    def next_yearly_due_on(self, today: dt.date) -> dt.date:
        due = self.yearly_due_on(today.year)
        return due if due >= today else self.yearly_due_on(today.year + 1)

    @property
    def says(self) -> str:
        """A short phrase: "15 days", "7 working days", "every year by 18/12"."""
        if self.due_month:
            day = f"{self.due_day:02d}/{self.due_month:02d}"
            return _("every year by %(date)s") % {"date": day}
        if self.amount is None:
            return ""
        if self.unit == self.Unit.WORKING_DAYS:
            return ngettext("%(n)d working day", "%(n)d working days", self.amount) % {
                "n": self.amount}
        if self.unit == self.Unit.MONTHS:
            return ngettext("%(n)d month", "%(n)d months", self.amount) % {"n": self.amount}
        return ngettext("%(n)d day", "%(n)d days", self.amount) % {"n": self.amount}

    @property
    def citation(self) -> str:
        """Where the rule comes from, for a record's page: "QĐ 06/2020/QĐ-TTg, Art. 5", or in
        Vietnamese "QĐ 06/2020/QĐ-TTg, điểm a khoản 1 Điều 5"."""
        text = str(self.document)
        return f"{text}, {article_in_language(self.article)}" if self.article else text


def in_language(vietnamese: str, english: str) -> str:
    """A text kept in both languages, in the reader's; Vietnamese is the one always there."""
    if (get_language() or "vi").startswith("en") and english:
        return english
    return vietnamese or english


_ARTICLE = re.compile(r"(?:Art\. )?(\d+)(?:\((\d+)\))?(?:\(([a-zđ])\))?$")


def article_in_language(article: str) -> str:
    """Articles are stored the English way ("Art. 5(1)(a)", "Art. 9(1), 9(3)"); Vietnamese
    legal writing names the point, then the clause, then the article ("điểm a khoản 1
    Điều 5"). A text in neither form is shown as it is."""
    article = article.strip()
    if (get_language() or "vi").startswith("en") or not article:
        return article
    matches = [_ARTICLE.match(part.strip()) for part in article.split(",")]
    if not article.startswith("Art. ") or not all(matches):
        return article
    cited = []
    for match in matches:
        number, clause, point = match.groups()
        parts = []
        if point:
            parts.append(f"điểm {point}")
        if clause:
            parts.append(f"khoản {clause}")
        parts.append(f"Điều {number}")
        cited.append(" ".join(parts))
    return ", ".join(cited)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def rule_in_force(code: str, on_date: dt.date, province: AdminUnit | None = None) -> Rule | None:
    """The rule ``code`` in force on ``on_date``: the province's own rule if it has one
    (or the rule of the province it was merged into in 2025), else the national rule."""
    candidates = Rule.objects.filter(code=code).in_force_on(on_date).select_related("document")
    newest_first = [F("valid_from").desc(nulls_last=True), "-pk"]
    if province is not None:
        for unit_id in (province.pk, province.successor_id):
            if unit_id is None:
                continue
            own = candidates.filter(province_id=unit_id).order_by(*newest_first).first()
            if own is not None:
                return own
    return candidates.filter(province__isnull=True).order_by(*newest_first).first()


class RuleBook:
    """The rules of some codes, read in one query, answering ``in_force`` exactly as
    ``rule_in_force`` does: for a page that asks the same question for many records (the
    agenda's NGO programmes at national scale), one look-up per request, not per record."""

    def __init__(self, codes):
        self._by_code: dict[str, list[Rule]] = {code: [] for code in codes}
        for rule in Rule.objects.filter(code__in=list(codes)).select_related("document"):
            self._by_code[rule.code].append(rule)

    def in_force(self, code: str, on_date: dt.date,
                 province: AdminUnit | None = None) -> Rule | None:
        if code not in self._by_code:
            raise KeyError(code)  # a code not loaded: a programming error, never "no rule"
        candidates = [rule for rule in self._by_code[code]
                      if (rule.valid_from is None or rule.valid_from <= on_date)
                      and (rule.valid_to is None or rule.valid_to >= on_date)]
        if province is not None:
            for unit_id in (province.pk, province.successor_id):
                if unit_id is None:
                    continue
                own = _newest([rule for rule in candidates if rule.province_id == unit_id])
                if own is not None:
                    return own
        return _newest([rule for rule in candidates if rule.province_id is None])


def _newest(rules: list[Rule]) -> Rule | None:
    """The newest rule as ``rule_in_force`` orders them: latest ``valid_from`` first, one
    without a start date last, then the highest primary key."""
    if not rules:
        return None
    return max(rules, key=lambda rule: (rule.valid_from is not None,
                                        rule.valid_from or dt.date.min, rule.pk))


class Transition(models.Model):
    """One step of a record's workflow (submitted, approved, returned...): who, when, why.

    Kept beside the field-level history of django-simple-history because a comment
    (why a delegation was returned) can be longer than a history change reason."""

    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    # None: the system took the step by itself (an agreement past its end date expires).
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                           null=True, blank=True, verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = bounded_text(_("comment"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.action} {self.from_status} → {self.to_status}"

    @classmethod
    def of(cls, record):
        return cls.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        ).select_related("by")

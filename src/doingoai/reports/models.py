"""What the office declares about its registers and its reports.

``RegisterCoverage``: from which date a register's records are complete for a province. The
report computes a figure from records only for a period the register fully covers (the
period starts on or after that date); otherwise it prints the figure the office reported.
Without a declaration nothing is computed: an office that entered a few records has not
said it entered them all.

``FigureChoice``: when both figures exist and differ, which one the leader chose to print
for that place, period and indicator.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AdminUnit, OwnedRecord


def register_names() -> dict[str, str]:
    """The registers figures are computed from, with their names, as the report knows them."""
    from doingoai.reports.computations import COMPUTATIONS

    names = {
        "delegations": _("Delegations"), "agreements": _("Agreements"),
        "partners": _("Foreign partners"), "aid": _("Aid, ODA and FDI programmes"),
        "events": _("International conferences"), "friendship": _("Friendship pacts"),
        "consular": _("Consular cases"), "residents": _("Foreign residents"),
        "passports": _("Official passports"), "border": _("Border incidents"),
        "trade": _("Border trade"),
    }
    used = dict.fromkeys(c.register for c in COMPUTATIONS.values())
    return {register: str(names.get(register, register)) for register in used}


class RegisterCoverageQuerySet(models.QuerySet):
    def visible_to(self, user):
        from doingoai.accounts.scope import readable_unit_ids

        ids = readable_unit_ids(user)
        return self if ids is None else self.filter(province_id__in=ids)


class RegisterCoverage(models.Model):
    province = models.ForeignKey(AdminUnit, models.CASCADE, related_name="register_coverage",
                                 verbose_name=_("province"))
    register = models.CharField(_("register"), max_length=40)
    complete_from = models.DateField(_("records complete from"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("set by"))
    updated_at = models.DateTimeField(_("set at"), auto_now=True)
    history = HistoricalRecords()

    objects = RegisterCoverageQuerySet.as_manager()

    class Meta:
        verbose_name = _("register coverage")
        verbose_name_plural = _("register coverage")
        constraints = [models.UniqueConstraint(fields=["province", "register"],
                                               name="one_coverage_per_register")]

    def __str__(self):
        return f"{self.province} — {self.register}: {self.complete_from:%d/%m/%Y}"

    @classmethod
    def declare(cls, province, register, complete_from, user) -> "RegisterCoverage":
        with transaction.atomic():
            return cls._declare(province, register, complete_from, user)

    @classmethod
    def _declare(cls, province, register, complete_from, user) -> "RegisterCoverage":
        row = cls.objects.select_for_update().filter(province=province,
                                                     register=register).first()
        if row is None:
            row = cls(province=province, register=register)
        row.complete_from, row.updated_by = complete_from, user
        row._history_user = user
        row.save()
        return row


class FigureChoice(models.Model):
    class Basis(models.TextChoices):
        COMPUTED = "computed", _("Computed from the records")
        REPORTED = "reported", _("Reported figure")

    place = models.ForeignKey(AdminUnit, models.CASCADE, related_name="+",
                              verbose_name=_("place"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    indicator = models.ForeignKey("figures.Indicator", models.CASCADE, related_name="+",
                                  verbose_name=_("indicator"))
    basis = models.CharField(_("figure printed"), max_length=10, choices=Basis.choices)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  related_name="+", verbose_name=_("chosen by"))
    chosen_at = models.DateTimeField(_("chosen at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("figure choice")
        verbose_name_plural = _("figure choices")
        constraints = [models.UniqueConstraint(
            fields=["place", "period_start", "period_end", "indicator"],
            name="one_choice_per_figure")]

    def __str__(self):
        return f"{self.place} {self.period_start}–{self.period_end} {self.indicator_id}"

    @classmethod
    def record(cls, place, period, indicator_code, basis, user) -> "FigureChoice":
        with transaction.atomic():
            choice, _created = cls.objects.select_for_update().get_or_create(
                place=place, period_start=period.start, period_end=period.end,
                indicator_id=indicator_code, defaults={"basis": basis, "chosen_by": user})
            choice.basis, choice.chosen_by = basis, user
            choice._history_user = user
            choice.save()
        return choice


# --- the report as a document the office issues (issue 11 §3) --------------------------
class ReportDocument(OwnedRecord):
    """A periodic report as the office issues it: a draft generated for a place and period,
    edited on the web (every save a new ``ReportVersion``), submitted to a leader, returned
    or approved, then issued with its number and date (``reports/workflow.py``). Once issued
    it is frozen: its versions, number, date and issuer do not change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the leader")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        ISSUED = "issued", _("Issued")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    SEARCH_FIELDS = ("title", "period")

    place = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+",
                              verbose_name=_("place"))
    period = models.CharField(_("period"), max_length=30)
    language = models.CharField(_("language"), max_length=2, default="vi",
                                choices=[("vi", _("Vietnamese")), ("en", _("English"))])
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    symbol = models.CharField(_("symbol"), max_length=40, blank=True, editable=False)
    issued_on = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    # What the header and signature said on the day of issue (reports.document.Issuer).
    issuer = models.JSONField(_("issuer"), default=dict, blank=True, editable=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                     blank=True, related_name="+", editable=False,
                                     verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True,
                                        editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+", editable=False,
                                    verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True,
                                       editable=False)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="+", editable=False,
                                  verbose_name=_("issued by"))

    class Meta:
        verbose_name = _("report document")
        verbose_name_plural = _("report documents")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def current(self) -> "ReportVersion | None":
        return self.versions.order_by("-n").first()

    @property
    def last_author_id(self):
        return self.versions.order_by("-n").values_list("author_id", flat=True).first()

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def number_text(self) -> str:
        from doingoai.correspondence.numbering import format_number

        return format_number(self.number, self.symbol or self.issuer.get("symbol", ""))

    def add_version(self, sections: list[dict], annex: list[dict], user,
                    comment: str = "") -> "ReportVersion":
        """Save an edit: the next version, through the record's guarded path (a document
        that was submitted or issued meanwhile, or edited by someone else since it was
        loaded, raises ``RecordChanged`` and nothing is saved)."""
        with transaction.atomic():
            self.claim(status__in=self.EDITABLE)
            last = self.versions.order_by("-n").values_list("n", flat=True).first() or 0
            version = ReportVersion.objects.create(
                document=self, n=last + 1, sections=sections, annex=annex, author=user,
                comment=comment)
            self._change_reason = (str(_("Version %(n)s saved")) % {"n": version.n})[:100]
            self._history_user = user
            self.save()
        return version


class ReportVersion(models.Model):
    """One saved state of a report document, never changed afterwards. ``sections`` is the
    list of the document's sections in order, each ``{"slug", "level", "heading",
    "paragraphs", "written"}`` (the generated paragraphs of part I, the specialist's parts
    II–IV); ``annex`` the rows of the annex table as they were printed."""

    document = models.ForeignKey(ReportDocument, models.CASCADE, related_name="versions",
                                 verbose_name=_("report document"))
    n = models.PositiveIntegerField(_("version"))
    sections = models.JSONField(_("sections"), default=list)
    annex = models.JSONField(_("annex table"), default=list, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True,
                               related_name="+", verbose_name=_("author"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["document", "n"]
        constraints = [models.UniqueConstraint(fields=["document", "n"],
                                               name="one_report_version_per_number")]

    def __str__(self):
        return f"{self.document} v{self.n}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("a report version is never changed; save a new one")
        super().save(*args, **kwargs)

    def section(self, slug: str) -> dict | None:
        return next((s for s in self.sections if s.get("slug") == slug), None)

    def as_text(self) -> str:
        """The version as plain text, heading by heading (what the diff compares)."""
        lines = []
        for section in self.sections:
            lines.append(section["heading"])
            lines.extend(section.get("paragraphs") or [])
            lines.append("")
        return "\n".join(lines)

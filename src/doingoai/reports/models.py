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

from doingoai.core.models import AdminUnit


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

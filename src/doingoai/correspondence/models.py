"""The office's documents in and out (issue 16). For now only the number books: one counter
per issuing province, year and book (the document's symbol, "BC-SNV"), from which
``numbering.allocate`` takes the next number."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import AdminUnit


class NumberBook(models.Model):
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+",
                                 verbose_name=_("issuing province"))
    year = models.PositiveSmallIntegerField(_("year"))
    symbol = models.CharField(_("symbol"), max_length=40)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("number book")
        verbose_name_plural = _("number books")
        constraints = [models.UniqueConstraint(fields=["province", "year", "symbol"],
                                               name="one_number_book_per_symbol_and_year")]

    def __str__(self):
        return f"{self.province} {self.year} {self.symbol}: {self.last_number}"

"""Converting money between currencies at report time, with the dated rate table.

Every rate is stored as "VND per one unit", so any pair converts through the đồng.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from doingoai.core.models import ExchangeRate


class MissingRate(LookupError):
    pass


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    currency: str
    explanation: str


def vnd_per_unit(currency: str, on: dt.date) -> tuple[Decimal, str]:
    if currency == "VND":
        return Decimal(1), ""
    rate = ExchangeRate.objects.rate_on(currency, on)
    if rate is None:
        raise MissingRate(
            _("No exchange rate for %(currency)s on or before %(date)s.")
            % {"currency": currency, "date": on.strftime("%d/%m/%Y")}
        )
    return rate.vnd_per_unit, _("1 %(currency)s = %(rate)s VND on %(date)s (%(source)s)") % {
        "currency": currency, "rate": f"{rate.vnd_per_unit:f}".rstrip("0").rstrip("."),
        "date": rate.on.strftime("%d/%m/%Y"), "source": rate.source,
    }


def convert(amount: Decimal, currency: str, to: str, on: dt.date,
            fixed_vnd_per_unit: Decimal | None = None) -> Conversion:
    """``amount`` of ``currency`` in ``to`` at the rate of ``on`` (or at a fixed rate recorded
    on the transaction), with a sentence saying which rates were used."""
    if currency == to:
        return Conversion(amount, to, "")
    notes = []
    if fixed_vnd_per_unit is not None:
        source_rate = Decimal(fixed_vnd_per_unit)
        notes.append(_("fixed rate 1 %(currency)s = %(rate)s VND") % {
            "currency": currency, "rate": f"{source_rate:f}"})
    else:
        source_rate, note = vnd_per_unit(currency, on)
        if note:
            notes.append(note)
    target_rate, note = vnd_per_unit(to, on)
    if note:
        notes.append(note)
    return Conversion(amount * source_rate / target_rate, to, "; ".join(notes))

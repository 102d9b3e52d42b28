"""Converting money between currencies at report time, with the dated rate table.

Every rate is stored as "VND per one unit", so any pair converts through the đồng.
"""

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
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


@dataclass(frozen=True)
class Rate:
    on: dt.date
    vnd_per_unit: Decimal
    source: str


class RateTable:
    """The dated rate table read once (one query), each look-up a bisection: for a page or a
    report that converts many transactions, instead of one query per currency and day."""

    def __init__(self, rows):
        self._dates: dict[str, list[dt.date]] = defaultdict(list)
        self._rates: dict[str, list[Rate]] = defaultdict(list)
        for currency, on, value, source in sorted(rows, key=lambda r: (r[0], r[1])):
            self._dates[currency].append(on)
            self._rates[currency].append(Rate(on, value, source))

    def rate_on(self, currency: str, on: dt.date) -> Rate | None:
        """The latest rate published on or before ``on`` for ``currency``, as
        ``ExchangeRate.objects.rate_on`` gives it."""
        position = bisect_right(self._dates.get(currency, ()), on)
        return self._rates[currency][position - 1] if position else None


def rate_table(currencies=None) -> RateTable:
    """Every dated rate (of ``currencies``, when given) in one query."""
    rows = ExchangeRate.objects.all()
    if currencies is not None:
        rows = rows.filter(currency_id__in=list(currencies))
    return RateTable(rows.values_list("currency_id", "on", "vnd_per_unit", "source"))


class _OnFirstUse:
    """The rate table read on its first look-up: a report whose figures convert nothing
    (the comparison of person-trips) reads no rates."""

    def __init__(self):
        self._table = None

    def rate_on(self, currency: str, on: dt.date) -> Rate | None:
        if self._table is None:
            self._table = rate_table()
        return self._table.rate_on(currency, on)


_active: ContextVar[RateTable | None] = ContextVar("rate_table", default=None)


@contextmanager
def using(table: RateTable | None = None):
    """Within the block, conversions look rates up in ``table`` (read now when not given)
    rather than in the database; a block inside another keeps the outer table."""
    if _active.get() is not None:
        yield _active.get()
        return
    token = _active.set(table if table is not None else _OnFirstUse())
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def _missing(currency: str, on: dt.date) -> MissingRate:
    return MissingRate(_("No exchange rate for %(currency)s on or before %(date)s.")
                       % {"currency": currency, "date": on.strftime("%d/%m/%Y")})


def vnd_per_unit(currency: str, on: dt.date,
                 rates: RateTable | None = None) -> tuple[Decimal, str]:
    if currency == "VND":
        return Decimal(1), ""
    rates = rates or _active.get()
    rate = (rates.rate_on(currency, on) if rates is not None
            else ExchangeRate.objects.rate_on(currency, on))
    if rate is None:
        raise _missing(currency, on)
    return rate.vnd_per_unit, _("1 %(currency)s = %(rate)s VND on %(date)s (%(source)s)") % {
        "currency": currency, "rate": f"{rate.vnd_per_unit:f}".rstrip("0").rstrip("."),
        "date": rate.on.strftime("%d/%m/%Y"), "source": rate.source,
    }


def convert(amount: Decimal, currency: str, to: str, on: dt.date,
            fixed_vnd_per_unit: Decimal | None = None,
            rates: RateTable | None = None) -> Conversion:
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
        source_rate, note = vnd_per_unit(currency, on, rates)
        if note:
            notes.append(note)
    target_rate, note = vnd_per_unit(to, on, rates)
    if note:
        notes.append(note)
    return Conversion(amount * source_rate / target_rate, to, "; ".join(notes))


def in_vnd(amount: Decimal, currency: str, on: dt.date, fixed_vnd_per_unit: Decimal | None,
           rates: RateTable) -> Decimal:
    """``convert(amount, currency, "VND", on, fixed_vnd_per_unit, rates).amount``, the same
    figure, without the sentence: for a sum of many groups, whose rates nobody reads."""
    if currency == "VND":
        return amount
    if fixed_vnd_per_unit is not None:
        source_rate = Decimal(fixed_vnd_per_unit)
    else:
        rate = rates.rate_on(currency, on)
        if rate is None:
            raise _missing(currency, on)
        source_rate = rate.vnd_per_unit
    # Divided by the đồng's own rate, as ``convert`` does (the same rounding).
    return amount * source_rate / Decimal(1)

"""Money as Decimal with its currency; formatting the Vietnamese way."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Currencies without a minor unit are shown and rounded to whole units (VND, JPY, KRW).
ZERO_DECIMAL_CURRENCIES = {"VND", "JPY", "KRW", "LAK", "KHR"}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self):
        if isinstance(self.amount, float):
            raise TypeError("Money amounts are Decimal, never float")

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def rounded(self) -> "Money":
        places = Decimal("1") if self.currency in ZERO_DECIMAL_CURRENCIES else Decimal("0.01")
        return Money(self.amount.quantize(places, rounding=ROUND_HALF_UP), self.currency)

    def __str__(self) -> str:
        return f"{format_number(self.rounded().amount)} {self.currency}"


def format_number(value, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: 2.689 and 22,3 (dot groups, comma decimals)."""
    value = Decimal(value)
    if decimals is None:
        text = f"{value:,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_quantity(value, lang: str = "vi", decimals: int = 2) -> str:
    """A count or a measure as a page prints it: grouped (2.689; 2,689 in English), rounded to
    ``decimals`` places with the trailing zeros dropped, so that a stored 3.0000 reads 3 and
    22.30 reads 22,3. Never for an id, a year or a code: those are printed as they are."""
    value = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format_number(value.normalize() if value == value.to_integral() else value)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    if lang == "en":
        text = text.replace(".", "\x00").replace(",", ".").replace("\x00", ",")
    return text


def normalise_decimal(value: Decimal) -> Decimal:
    """Drop a meaningless exponent or trailing zeros so that 22,30 triệu == 22300000 and a
    stored 13.0000 reads as 13."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def to_json_number(value: Decimal) -> int | float:
    """An int when integral (2689), else a float (4.04): what the exchange format wants."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)

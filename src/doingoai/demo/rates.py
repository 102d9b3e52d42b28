"""An illustrative table of exchange rates (VND per unit), quarterly from 2011 to 2026.

The yearly anchors are close to the annual averages of each currency against the đồng;
quarters are interpolated linearly between one year's anchor and the next. Good enough to
convert demo transactions at their dates, and marked "minh họa" in the source: this is not
the State Bank's published series.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

SOURCE = "Ngân hàng Nhà nước Việt Nam, tỷ giá trung tâm (minh họa)"

FIRST_YEAR, LAST_YEAR = 2011, 2026

# VND per unit, one value per year from 2011 to 2026.
ANCHORS = {
    "USD": [20800, 20850, 21050, 21250, 21900, 22350, 22700, 23000, 23200, 23200, 23100, 23400,
            23800, 24600, 25300, 25400],
    "EUR": [28900, 26800, 27950, 28200, 24300, 24700, 25650, 27100, 26000, 26450, 27300, 24600,
            25700, 26650, 28550, 29450],
    "JPY": ["260.80", "261.20", "215.70", "200.70", "181.00", "205.40", "202.70", "208.30",
            "212.80", "217.20", "210.40", "178.00", "169.40", "162.40", "168.70", "169.30"],
    "KRW": ["18.77", "18.50", "19.22", "20.18", "19.36", "19.27", "20.09", "20.91", "19.90",
            "19.66", "20.19", "18.11", "18.22", "18.04", "17.82", "18.14"],
    "CNY": [3220, 3305, 3400, 3450, 3487, 3366, 3358, 3474, 3357, 3362, 3581, 3477, 3362, 3421,
            3514, 3577],
    "AUD": [21420, 21600, 20380, 19190, 16470, 16630, 17410, 17200, 16120, 16010, 17350, 16260,
            15800, 16240, 16320, 16760],
}

PLACES = {"JPY": Decimal("0.01"), "KRW": Decimal("0.01")}


def quarterly_rates():
    """(currency, date, VND per unit) for the first day of every quarter, 2011–2026."""
    for currency, anchors in ANCHORS.items():
        values = [Decimal(str(value)) for value in anchors]
        step = PLACES.get(currency, Decimal(1))
        for index, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1)):
            this = values[index]
            following = values[min(index + 1, len(values) - 1)]
            for quarter in range(4):
                value = this + (following - this) * quarter / 4
                yield (currency, dt.date(year, 1 + 3 * quarter, 1),
                       value.quantize(step, rounding=ROUND_HALF_UP))

"""Finding the place a report is about from what a user types."""

from __future__ import annotations

from doingoai.core.models import AdminUnit
from doingoai.lib.periods import Period


class PlaceNotFound(LookupError):
    pass


def find_province(text: str, period: Period | None = None) -> AdminUnit:
    """The province named ``text`` (with or without diacritics, "tỉnh" or not) or with that
    official code. A name used before and after the 2025 reform (Tuyên Quang) means the
    province that existed at the period's end: the old one for 2015–2020, today's one
    (which rolls the merged provinces up) for 2025."""
    matches = list(AdminUnit.objects.provinces().find(text or ""))
    if not matches:
        raise PlaceNotFound(text)
    if len(matches) == 1:
        return matches[0]
    if period is not None:
        standing = [u for u in matches
                    if (u.valid_from is None or u.valid_from <= period.end)
                    and (u.valid_to is None or u.valid_to >= period.end)]
        if standing:
            matches = standing
    return max(matches, key=lambda u: (u.valid_from is not None, u.valid_from, u.pk))

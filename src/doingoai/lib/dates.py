"""Dates: Vietnamese working days (weekends and public holidays, lunar Tết included)."""

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _vietnam_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _vietnam_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (start itself not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""

"""``{% load numbers %}``: ``{{ value|quantity }}`` prints a count or a measure the way the
page's language writes it (2.689 and 22,3 in Vietnamese; 2,689 and 22.3 in English), rounded
to two places (``|quantity:4`` for four) with trailing zeros dropped.

Templates group nothing by themselves (``USE_THOUSAND_SEPARATOR`` is off), so an id, a year
or a code printed with ``{{ }}`` stays as it is; only what goes through this filter is
grouped."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

from doingoai.lib.money import format_quantity

register = template.Library()


@register.filter
def quantity(value, decimals=2):
    if value is None or value == "" or isinstance(value, bool):
        return value
    try:
        Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    return format_quantity(value, lang, int(decimals))

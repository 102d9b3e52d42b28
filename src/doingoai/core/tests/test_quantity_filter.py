"""``|quantity``: counts and measures grouped the page's way with sensible precision; what
is not a number is left as it is."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation


def render(value, arg=""):
    template = Template("{% load numbers %}{{ value|quantity" + arg + " }}")
    return template.render(Context({"value": value}))


@pytest.mark.parametrize(("value", "arg", "vi", "en"), [
    (Decimal("3.0000"), "", "3", "3"),
    (2689, "", "2.689", "2,689"),
    (Decimal("22.30"), "", "22,3", "22.3"),
    (Decimal("4.0400"), ":4", "4,04", "4.04"),
    (Decimal("1500000000.00"), ":0", "1.500.000.000", "1,500,000,000"),
    (-5, "", "-5", "-5"),
])
def test_it_groups_a_quantity_the_way_the_page_language_writes_it(value, arg, vi, en):
    with translation.override("vi"):
        assert render(value, arg) == vi
    with translation.override("en"):
        assert render(value, arg) == en


@pytest.mark.parametrize("value", [None, "", "abc"])
def test_it_leaves_what_is_not_a_number_alone(value):
    assert render(value) == ("None" if value is None else value)


def test_a_year_printed_without_the_filter_is_never_grouped():
    with translation.override("vi"):
        assert Template("{{ year }} {{ pk }}").render(Context({"year": 2025, "pk": 3357})) == \
            "2025 3357"

"""A migration that adds a check constraint first names the rows that break it, and stops
with a message rather than the database's "CHECK constraint failed"."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Q

from doingoai.core.migration_checks import refuse_rows
from doingoai.trade.tests.factories import make_flow


def run(operation):
    operation.code(apps, SimpleNamespace(connection=connection))


def test_it_names_the_rows_that_break_the_rule_in_english_and_vietnamese(ha_giang):
    # The rows of today's database obey the constraint, so the check is given a rule they
    # break: it is the same code that stops "migrate" on a row with a negative value.
    flow = make_flow(ha_giang)
    operation = refuse_rows("trade", "tradeflow", Q(value__gt=0), "a rule in English",
                            "một quy tắc")
    with pytest.raises(CommandError) as error:
        run(operation)
    assert f" {flow.pk}: a rule in English" in str(error.value)
    assert "một quy tắc" in str(error.value) and "migrate" in str(error.value)


def test_it_lets_the_migration_go_on_when_no_row_breaks_the_rule(ha_giang):
    make_flow(ha_giang)
    run(refuse_rows("trade", "tradeflow", Q(value__lt=0), "rule", "quy tắc"))

"""The list searches of aid programmes, partners, agreements and events have a trigram index
on PostgreSQL, which the planner can use for their ``LIKE '%…%'``; on SQLite their migrations
do nothing and the search still works (issue 15; delegations: test_search_index.py)."""

import pytest
from django.db import connection

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.events.models import Event
from doingoai.partners.models import Partner

pytestmark = pytest.mark.django_db
MODELS = [AidProgramme, Partner, Agreement, Event]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_search_text_has_a_trigram_index_the_search_can_use(model):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s",
                       [model._meta.db_table])
        definitions = [row[0] for row in cursor.fetchall()]
        assert any("gin_trgm_ops" in d and "search_text" in d for d in definitions), definitions
        # Whatever the table's statistics: no sequential scan and no ordered walk of another
        # index, and no ORDER BY, so the plan shows whether this index serves the search.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = (model.objects.search("hợp tác 2019").order_by().only("pk")
                       .query.sql_with_params())
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_text_trgm" in plan, plan


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite case")
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_on_sqlite_no_trigram_index_is_made_and_the_search_still_works(model, ha_giang):
    from doingoai.core.tests.factories import make_record

    record = make_record(model, ha_giang)
    word = record.search_text.split()[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE "
                       "'%trgm%'")
        assert cursor.fetchall() == []
    assert record in model.objects.search(word)

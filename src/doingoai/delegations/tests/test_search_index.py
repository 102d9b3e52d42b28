"""The delegation list's search has a trigram index on PostgreSQL, which the planner uses for
a ``LIKE '%…%'`` search; on SQLite the migration does nothing (issue 15)."""

import pytest
from django.db import connection

from doingoai.delegations.models import Delegation

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_the_search_text_of_delegations_has_a_trigram_index_the_search_can_use():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s",
                       [Delegation._meta.db_table])
        definitions = [row[0] for row in cursor.fetchall()]
        assert any("gin_trgm_ops" in d and "search_text" in d for d in definitions), definitions
        # Whatever the table's statistics (other tests leave some): no sequential scan and no
        # ordered walk of another index, so the plan shows whether this index serves the
        # search's LIKE conditions.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = (Delegation.objects.search("đoàn 2019").order_by().only("pk")
                       .query.sql_with_params())
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_text_trgm" in plan, plan


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite case")
def test_on_sqlite_the_migration_creates_no_index_and_the_search_still_works(ha_giang):
    from doingoai.core.tests.factories import make_record

    make_record(Delegation, ha_giang, title="Đoàn công tác Lào 2019")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE "
                       "'%trgm%'")
        assert cursor.fetchall() == []
    assert Delegation.objects.search("doan lao").count() == 1

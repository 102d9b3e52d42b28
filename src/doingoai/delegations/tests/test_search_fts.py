"""On SQLite the delegation list's search goes through an FTS5 trigram index (lib/fts.py):
it finds exactly the rows the plain ``LIKE '%…%'`` search finds, stays in step with edits,
deletions and the trash, and comes back after a migration dropped its triggers (issue 15)."""

import pytest
from django.db import connection

from doingoai.core.tests.factories import make_delegation
from doingoai.delegations.models import Delegation
from doingoai.lib import fts
from doingoai.lib.text import fold

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is the SQLite path"),
]

TITLES = [
    "Đoàn công tác Lào 2019", "Đoàn vào của tỉnh Vân Nam 2019", "Đoàn ra Nhật Bản 2020",
    "Hội nghị xúc tiến đầu tư 100% vốn", "Khảo sát cửa khẩu Thanh Thủy_2019",
    'Đoàn "Hữu nghị" Hàn Quốc', "Tọa đàm ở Côn Minh", "DOAN KHAO SAT", "Đoàn",
]
QUERIES = [
    "đoàn 2019", "doan", "lào", "2019", "nam 2019", "vân nam", "100%", "y_2", "_", "%",
    '"hữu', "côn minh", "oan", "a", "ha", "đoàn ra nhật", "không có", "khao sat", "201 019",
    "toa dam o con minh",
]


def like_search(queryset, query):
    for term in fold(query).split():
        queryset = queryset.filter(search_text__contains=term)
    return queryset


@pytest.fixture
def delegations(ha_giang):
    return [make_delegation(ha_giang, title=title, purpose="") for title in TITLES]


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_the_same_delegations_as_the_like_search(delegations, query):
    expected = set(like_search(Delegation.objects.all(), query).values_list("pk", flat=True))
    assert set(Delegation.objects.search(query).values_list("pk", flat=True)) == expected


def test_a_search_of_long_terms_is_answered_by_the_index_and_a_short_one_by_like(delegations):
    sql = str(Delegation.objects.search("đoàn 2019 a").query)
    assert "delegations_delegation_fts" in sql and "MATCH" in sql
    assert sql.count("LIKE") == 1  # "a": shorter than a trigram
    assert "MATCH" not in str(Delegation.objects.search("ha").query)


def test_the_index_follows_edits_and_deletions(delegations):
    first = delegations[0]
    first.title = "Đoàn công tác Campuchia"
    first.save()
    assert first not in Delegation.objects.search("lào")
    assert first in Delegation.objects.search("campuchia")
    Delegation.all_objects.filter(pk=delegations[1].pk).delete()
    assert list(Delegation.objects.search("vân nam")) == []
    first.soft_delete()
    assert first not in Delegation.objects.search("campuchia")
    assert first in Delegation.all_objects.search("campuchia")


def test_triggers_dropped_by_a_migration_are_put_back_and_the_index_rebuilt(delegations):
    table = Delegation._meta.db_table
    with connection.cursor() as cursor:
        for trigger in ("ai", "ad", "au"):
            cursor.execute(f'DROP TRIGGER "{table}_fts_{trigger}"')
    late = make_delegation(delegations[0].owner, title="Đoàn Singapore", purpose="")
    assert fts.missing_parts(connection, table) == {f"{table}_fts_ai", f"{table}_fts_ad",
                                                    f"{table}_fts_au"}
    assert late not in Delegation.objects.search("singapore")
    assert fts.repair_indexes() == [table]
    assert fts.missing_parts(connection, table) == set()
    assert list(Delegation.objects.search("singapore")) == [late]

"""A list page costs the same number of queries for 3 rows as for 33: no query per row
(a foreign key's __str__, a many-to-many column) sneaks into the table."""

import importlib

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_record

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY


def _list_queries(client, rt, **params) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(rt.reverse("list"), params)
        if params.get("export") == "csv":
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("export", [None, "csv", "xlsx"], ids=["page", "csv", "xlsx"])
@pytest.mark.parametrize("rt", REGISTRY, ids=lambda rt: f"{rt.namespace}:{rt.slug}")
def test_the_list_does_not_cost_a_query_per_row(hg_client, ha_giang, rt, export):
    params = {"export": export} if export else {}
    for _ in range(3):
        make_record(rt.model, ha_giang)
    few, _sql = _list_queries(hg_client, rt, **params)
    for _ in range(30):
        make_record(rt.model, ha_giang)
    many, sql = _list_queries(hg_client, rt, **params)
    assert many == few, sql

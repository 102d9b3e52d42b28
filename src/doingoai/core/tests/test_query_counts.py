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
    # The same caches each time: the filter's choice lists (cached, and new again after a
    # save of their model) and the session's push (once a minute) are filled first.
    warm = client.get(rt.reverse("list"), params)
    if params.get("export") == "csv":
        b"".join(warm.streaming_content)
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


def test_every_list_orders_its_rows_to_the_primary_key(rf, hg_specialist):
    """Rows of the same date keep one order from page to page: no row repeats or vanishes."""
    for rt in REGISTRY:
        qs = rt.queryset_for(hg_specialist)
        last = qs.query.order_by[-1]
        assert last in ("pk", "-pk", "id", "-id"), (rt.slug, qs.query.order_by)


def _detail_queries(client, rt, record) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(rt.reverse("detail", record.pk))
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"] for q in queries.captured_queries)


def make_child(inline, parent, owner):
    """A saved row of ``inline`` (a delegation member, an aid transaction) under ``parent``,
    every required field filled in, the related ones too (a nationality, a currency)."""
    from doingoai.core.tests.factories import _n, _value_for

    number = _n()
    values = {inline.fk_name: parent}
    for model_field in inline.model._meta.concrete_fields:
        if (model_field.primary_key or not model_field.editable
                or model_field.name in values or model_field.has_default()):
            continue
        if model_field.blank and not (model_field.is_relation and
                                      model_field.name in inline.fields):
            continue
        values[model_field.name] = _value_for(model_field, owner, number)
    return inline.model.objects.create(**values)


INLINES = [(rt, inline) for rt in REGISTRY for inline in rt.inlines]


@pytest.mark.parametrize(("rt", "inline"), INLINES,
                         ids=lambda x: getattr(x, "slug", None) or x.model.__name__)
def test_the_detail_page_does_not_cost_a_query_per_child_row(hg_client, ha_giang, rt, inline):
    """One child row or fifty (a delegation's members with their nationality, a programme's
    transactions with their currency): the same number of queries."""
    record = make_record(rt.model, ha_giang)
    inline.model.objects.filter(**{inline.fk_name: record}).delete()
    make_child(inline, record, ha_giang)
    _detail_queries(hg_client, rt, record)  # the first request fills per-process caches
    one, _sql = _detail_queries(hg_client, rt, record)
    for _ in range(49):
        make_child(inline, record, ha_giang)
    assert inline.model.objects.filter(**{inline.fk_name: record}).count() == 50
    fifty, sql = _detail_queries(hg_client, rt, record)
    assert fifty == one, sql

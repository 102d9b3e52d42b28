"""A list stops counting at the bound (10,000 rows): past it the page says "Hơn 10.000 kết quả"
and "Trang n", and the pages still follow one another (issue 15). The bound and the page size
are made small here so that a few records cross them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doingoai.core.tests.factories import make_record
from doingoai.delegations.models import Delegation
from doingoai.lib import pagination
from doingoai.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(pagination, "BOUND", 3)
    monkeypatch.setattr("doingoai.core.records.PAGE_SIZE", 2)


def _list(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("delegations:delegation-list"), params)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_past_the_bound_the_list_says_more_than_and_counts_no_further(small, hg_client,
                                                                       ha_giang):
    for _ in range(5):
        make_record(Delegation, ha_giang)
    page, sql = _list(hg_client)
    assert "Hơn 10.000 kết quả" in page
    assert "Trang 1<" in page and "Trang 1/" not in page
    assert "page=2" in page
    counts = [q for q in sql if "COUNT(" in q and "delegations_delegation" in q]
    assert counts and all("LIMIT 4" in q for q in counts), counts


def test_past_the_bound_the_last_page_offers_no_next_one(small, hg_client, ha_giang):
    for _ in range(5):
        make_record(Delegation, ha_giang)
    page, _sql = _list(hg_client, page=3)
    assert "Trang 3<" in page
    assert "page=4" not in page and "page=2" in page


def test_under_the_bound_the_list_gives_the_exact_count_and_the_pages(small, hg_client,
                                                                      ha_giang):
    for _ in range(3):
        make_record(Delegation, ha_giang)
    page, _sql = _list(hg_client)
    assert "3 bản ghi" in page and "Hơn" not in page
    assert "Trang 1/2" in page


def test_another_provinces_records_are_not_counted(small, client, ha_giang, bk_specialist):
    for _ in range(5):
        make_record(Delegation, ha_giang)
    page, _sql = _list(client_for(client, bk_specialist))
    assert "0 bản ghi" in page and "Hơn" not in page

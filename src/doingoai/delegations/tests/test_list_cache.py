"""The delegation list's cached rows (core/list_cache.py, issue 15): read again, the rows come
from the cache, yet a new, edited or deleted delegation shows at once, whichever process
wrote it, and a user never gets the rows of a province they do not read."""

import datetime as dt

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from doingoai.core import list_cache
from doingoai.core.models import ListGeneration
from doingoai.core.tests.factories import make_delegation
from doingoai.delegations.models import Delegation
from doingoai.delegations.pages import delegations
from doingoai.lib import bulk
from doingoai.testing import client_for

URL = delegations.reverse("list") + "?direction=outgoing&q=nhat+ban"


def _delegation_queries(queries) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if 'FROM "delegations_delegation"' in q["sql"]
    ]


def test_a_list_read_again_does_not_query_the_delegations(hg_client, ha_giang):
    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ nhất")
    hg_client.get(URL)

    with CaptureQueriesContext(connection) as queries:
        again = hg_client.get(URL)

    assert "Đoàn ra Nhật Bản thứ nhất" in again.content.decode()
    assert _delegation_queries(queries) == []


def test_a_new_delegation_shows_at_once_in_a_list_read_before(hg_client, ha_giang):
    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ nhất")
    assert "thứ hai" not in hg_client.get(URL).content.decode()

    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ hai")

    assert "Đoàn ra Nhật Bản thứ hai" in hg_client.get(URL).content.decode()


def test_an_edited_or_deleted_delegation_shows_at_once(hg_client, ha_giang):
    delegation = make_delegation(ha_giang, title="Đoàn ra Nhật Bản cũ")
    assert "Nhật Bản cũ" in hg_client.get(URL).content.decode()

    delegation.title = "Đoàn ra Nhật Bản mới"
    delegation.save()
    page = hg_client.get(URL).content.decode()
    assert "Nhật Bản mới" in page and "Nhật Bản cũ" not in page

    delegation.soft_delete()
    assert "Nhật Bản mới" not in hg_client.get(URL).content.decode()


def test_the_rows_fragment_of_htmx_shows_a_new_delegation_at_once(hg_client, ha_giang):
    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ nhất")
    headers = {"HX-Request": "true"}
    assert "thứ hai" not in hg_client.get(URL, headers=headers).content.decode()

    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ hai")

    rows = hg_client.get(URL, headers=headers).content.decode()
    assert "Đoàn ra Nhật Bản thứ hai" in rows
    assert "<html" not in rows


def test_a_cached_list_never_shows_another_provinces_rows(
    client, ha_giang, bac_kan, hg_specialist, bk_specialist, ministry_viewer
):
    make_delegation(ha_giang, title="Đoàn ra Nhật Bản của Hà Giang")
    make_delegation(bac_kan, title="Đoàn ra Nhật Bản của Bắc Kạn")

    hg_page = client_for(client, hg_specialist).get(URL).content.decode()
    bk_page = client_for(client, bk_specialist).get(URL).content.decode()
    ministry_page = client_for(client, ministry_viewer).get(URL).content.decode()

    assert "của Hà Giang" in hg_page and "của Bắc Kạn" not in hg_page
    assert "của Bắc Kạn" in bk_page and "của Hà Giang" not in bk_page
    assert "của Hà Giang" in ministry_page and "của Bắc Kạn" in ministry_page


def test_a_write_counted_by_another_server_shows_at_once(hg_client, ha_giang):
    """Another server's write sends no signal here: its count in the database tells."""
    delegation = make_delegation(ha_giang, title="Đoàn ra Nhật Bản cũ")
    assert "Nhật Bản cũ" in hg_client.get(URL).content.decode()
    # As another process writes: no signal in this one, and no history row.
    Delegation.objects.filter(pk=delegation.pk).update(title="Đoàn ra Nhật Bản mới")
    assert "Nhật Bản cũ" in hg_client.get(URL).content.decode()  # the cache is in use

    list_cache._bump("delegations.delegation", "default")  # its after-commit count

    page = hg_client.get(URL).content.decode()
    assert "Nhật Bản mới" in page and "Nhật Bản cũ" not in page


def test_a_bulk_insert_without_signals_shows_at_once(hg_client, ha_giang):
    make_delegation(ha_giang, title="Đoàn ra Nhật Bản thứ nhất")
    assert "thứ hai" not in hg_client.get(URL).content.decode()
    fresh = Delegation(
        owner=ha_giang,
        direction="outgoing",
        title="Đoàn ra Nhật Bản thứ hai",
        purpose="Xúc tiến",
        departs_on=dt.date(2024, 5, 6),
        returns_on=dt.date(2024, 5, 9),
    )
    fresh.fill_search_text()
    signals = list_cache._signals[0]

    bulk.insert([fresh], Delegation)

    assert list_cache._signals[0] == signals  # found through its history row
    assert "Đoàn ra Nhật Bản thứ hai" in hg_client.get(URL).content.decode()


def test_a_transaction_counts_the_delegations_once_after_its_commit(
    ha_giang, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        make_delegation(ha_giang)
        make_delegation(ha_giang)
        assert not ListGeneration.objects.filter(label="delegations.delegation").exists()

    assert ListGeneration.objects.get(label="delegations.delegation").number == 1
    assert ListGeneration.objects.get(label="delegations.delegationmember").number == 1
    labels = [callback.list_generation for callback in callbacks]
    assert sorted(labels) == sorted(set(labels))  # once each

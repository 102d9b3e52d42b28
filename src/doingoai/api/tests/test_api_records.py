"""The JSON API over every record type: a Hà Giang specialist reads Hà Giang's records,
a Bắc Kạn token never sees them, an anonymous client is refused, personal data is masked
and logged as on the pages."""

import importlib

import pytest
from django.conf import settings

from doingoai.api.models import ApiToken
from doingoai.core.records import MASK, REGISTRY
from doingoai.core.tests.factories import make_record
from doingoai.privacy.models import AccessLog

# Loading the URLconf imports every app's pages and so fills REGISTRY.
importlib.import_module(settings.ROOT_URLCONF)


def _record_types():
    return [pytest.param(rt, id=f"{rt.namespace}:{rt.slug}") for rt in REGISTRY]


def bearer(user) -> dict:
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def list_url(rt):
    return f"/api/records/{rt.namespace}/{rt.slug}s"


def detail_url(rt, pk):
    return f"{list_url(rt)}/{pk}"


@pytest.mark.parametrize("rt", _record_types())
def test_a_ha_giang_specialist_lists_and_reads_every_record_type(client, ha_giang, hg_specialist,
                                                                 rt):
    record = make_record(rt.model, ha_giang)
    auth = bearer(hg_specialist)

    listed = client.get(list_url(rt), **auth)
    assert listed.status_code == 200, listed.content
    body = listed.json()
    assert record.pk in [item["id"] for item in body["items"]]
    assert body["count"] >= 1 and body["limit"] == 50 and body["offset"] == 0

    detail = client.get(detail_url(rt, record.pk), **auth)
    assert detail.status_code == 200, detail.content
    data = detail.json()
    assert data["id"] == record.pk
    assert data["owner"] == ha_giang.pk
    assert data["version"] == record.version
    assert set(data["fields"]) == set(rt.detail_fields or rt.fields)


@pytest.mark.parametrize("rt", _record_types())
def test_a_bac_kan_token_never_sees_a_ha_giang_record(client, ha_giang, bk_specialist, rt):
    record = make_record(rt.model, ha_giang)
    auth = bearer(bk_specialist)

    detail = client.get(detail_url(rt, record.pk), **auth)
    assert detail.status_code == 404
    assert detail.json() == {"detail": "Không tìm thấy.", "code": "not_found"}

    assert client.get(list_url(rt), **auth).json()["items"] == []
    terms = " ".join(rt.model.objects.get(pk=record.pk).search_text.split()[:2])
    searched = client.get(list_url(rt), {"q": terms}, **auth)
    assert searched.status_code == 200
    assert searched.json()["items"] == []


def test_an_anonymous_client_is_refused_with_a_clear_body(client, ha_giang):
    rt = REGISTRY[0]
    record = make_record(rt.model, ha_giang)
    for url in (list_url(rt), detail_url(rt, record.pk), "/api/reports?place=Ha Giang&period=2024"):
        response = client.get(url)
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


def test_a_wrong_key_is_refused(client, ha_giang):
    response = client.get(list_url(REGISTRY[0]), HTTP_AUTHORIZATION="Bearer dng_not-a-key")
    assert response.status_code == 401


def test_a_logged_in_browser_reads_the_api_with_its_session(hg_client, ha_giang):
    rt = REGISTRY[0]
    record = make_record(rt.model, ha_giang)
    assert hg_client.get(detail_url(rt, record.pk)).json()["id"] == record.pk


def test_the_list_pages_with_limit_and_offset(client, ha_giang, hg_specialist):
    rt = REGISTRY[0]
    records = [make_record(rt.model, ha_giang) for _ in range(3)]
    auth = bearer(hg_specialist)
    first = client.get(list_url(rt), {"limit": 2}, **auth).json()
    second = client.get(list_url(rt), {"limit": 2, "offset": 2}, **auth).json()
    assert first["count"] == second["count"] == 3
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(ids) == sorted(r.pk for r in records)


def test_cursor_pages_walk_every_record_once_even_when_records_are_added_meanwhile(
        client, ha_giang, hg_specialist):
    rt = REGISTRY[0]
    records = [make_record(rt.model, ha_giang) for _ in range(5)]
    auth = bearer(hg_specialist)
    first = client.get(list_url(rt), {"limit": 2, "cursor": "*"}, **auth).json()
    assert [item["id"] for item in first["items"]] == sorted(
        (r.pk for r in records), reverse=True)[:2]
    make_record(rt.model, ha_giang)  # a newer record does not shift the pages already read
    seen, cursor = [item["id"] for item in first["items"]], first["next_cursor"]
    while cursor:
        page = client.get(list_url(rt), {"limit": 2, "cursor": cursor}, **auth).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
    assert seen == sorted((r.pk for r in records), reverse=True)
    assert client.get(list_url(rt), {"limit": 2}, **auth).json()["next_cursor"] is None


def test_a_forged_cursor_or_a_cursor_with_an_offset_is_refused_in_the_language_asked_for(
        client, ha_giang, hg_specialist):
    rt = REGISTRY[0]
    make_record(rt.model, ha_giang)
    auth = bearer(hg_specialist)
    forged = client.get(list_url(rt), {"cursor": "not-ours"}, **auth)
    assert forged.status_code == 400 and forged.json()["code"] == "invalid_cursor"
    assert "cursor=*" in forged.json()["detail"] and "con trỏ" in forged.json()["detail"]
    english = client.get(list_url(rt), {"cursor": "bm90OjE"}, HTTP_ACCEPT_LANGUAGE="en", **auth)
    assert english.status_code == 400 and "not a cursor" in english.json()["detail"]
    both = client.get(list_url(rt), {"cursor": "*", "offset": 2}, **auth)
    assert both.status_code == 400 and "offset" in both.json()["detail"]


def test_a_cursor_reaches_no_record_of_another_province(client, ha_giang, bac_kan,
                                                       hg_specialist):
    rt = REGISTRY[0]
    mine = make_record(rt.model, ha_giang)
    make_record(rt.model, bac_kan)
    page = client.get(list_url(rt), {"cursor": "*"}, **bearer(hg_specialist)).json()
    assert [item["id"] for item in page["items"]] == [mine.pk] and page["count"] == 1


def test_a_filter_narrows_the_list_and_a_bad_filter_says_why(client, ha_giang, hg_specialist):
    from doingoai.residents.models import Foreigner

    rt = next(rt for rt in REGISTRY if rt.model is Foreigner)
    record = make_record(Foreigner, ha_giang)
    auth = bearer(hg_specialist)
    same = client.get(list_url(rt), {"nationality": record.nationality_id}, **auth).json()
    assert [item["id"] for item in same["items"]] == [record.pk]
    other = "FR" if record.nationality_id != "FR" else "DE"
    assert client.get(list_url(rt), {"nationality": other}, **auth).json()["items"] == []

    bad = client.get(list_url(rt), {"nationality": "nowhere"}, **auth)
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_filter"
    assert "nationality" in bad.json()["detail"]


def test_a_malformed_parameter_gets_a_message(client, ha_giang, hg_specialist):
    response = client.get(list_url(REGISTRY[0]), {"limit": "many"}, **bearer(hg_specialist))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert "limit" in response.json()["detail"]


def foreigner_type():
    from doingoai.residents.models import Foreigner

    return next(rt for rt in REGISTRY if rt.model is Foreigner)


def test_a_foreigners_passport_number_is_masked_without_the_personal_data_role(
        client, ha_giang, hg_specialist):
    rt = foreigner_type()
    record = make_record(rt.model, ha_giang, passport_number="B1234567")
    auth = bearer(hg_specialist)
    detail = client.get(detail_url(rt, record.pk), **auth).json()
    assert detail["fields"]["passport_number"] == "B12" + MASK
    listed = client.get(list_url(rt), **auth).json()
    assert listed["items"][0]["fields"]["passport_number"] == "B12" + MASK
    assert "B1234567" not in str(listed)


def test_a_user_with_the_personal_data_role_sees_it_and_the_reading_is_logged(
        client, ha_giang, hg_specialist):
    rt = foreigner_type()
    membership = hg_specialist.membership
    membership.can_see_personal_data = True
    membership.save()
    record = make_record(rt.model, ha_giang, passport_number="B1234567")
    before = AccessLog.objects.count()
    detail = client.get(detail_url(rt, record.pk), **bearer(hg_specialist)).json()
    assert detail["fields"]["passport_number"] == "B1234567"
    logged = AccessLog.objects.count() - before
    assert logged == 1


@pytest.mark.parametrize("role", ["hg_leader", "hg_viewer", "ministry_viewer", "tq_specialist"])
@pytest.mark.parametrize("rt", _record_types())
def test_every_role_that_may_read_a_ha_giang_record_reads_it_through_the_api(
    client, ha_giang, request, role, rt
):
    """The API's half of the access matrix: the same readers as the pages (the leader and the
    viewer of Hà Giang, the ministry, and Tuyên Quang, into which Hà Giang was merged)."""
    record = make_record(rt.model, ha_giang)
    auth = bearer(request.getfixturevalue(role))
    listed = client.get(list_url(rt), **auth)
    assert listed.status_code == 200, listed.content
    assert record.pk in [item["id"] for item in listed.json()["items"]]
    assert client.get(detail_url(rt, record.pk), **auth).status_code == 200

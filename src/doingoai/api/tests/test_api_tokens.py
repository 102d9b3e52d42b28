"""Personal API tokens: created and revoked on /api/tokens/, the key shown once and stored
only as a SHA-256; a revoked key is refused."""

import hashlib
import re

from doingoai.api.models import ApiToken

LIST = "/api/records/partners/partners"


def create_token(client, name="Báo cáo tự động"):
    response = client.post("/api/tokens/", {"name": name})
    assert response.status_code == 200
    return re.search(r"<code>(dng_[\w-]+)</code>", response.content.decode()).group(1)


def test_a_user_creates_a_token_and_sees_its_key_once(hg_client, hg_specialist):
    key = create_token(hg_client)
    token = ApiToken.objects.get(user=hg_specialist)
    assert token.name == "Báo cáo tự động"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in hg_client.get("/api/tokens/").content.decode()


def test_the_key_reads_the_api_and_records_when_it_was_used(client, hg_client, hg_specialist):
    key = create_token(hg_client)
    client.logout()
    response = client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    assert ApiToken.objects.get(user=hg_specialist).last_used_at is not None


def test_a_revoked_key_is_refused(client, hg_client, hg_specialist):
    key = create_token(hg_client)
    token = ApiToken.objects.get(user=hg_specialist)
    response = hg_client.post(f"/api/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    refused = client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert refused.status_code == 401
    assert refused.json()["code"] == "not_authenticated"


def test_a_user_cannot_revoke_someone_elses_token(client, hg_specialist, bk_specialist):
    token, _ = ApiToken.issue(hg_specialist, "hg")
    client.force_login(bk_specialist)
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_needs_a_name(hg_client, hg_specialist):
    assert hg_client.post("/api/tokens/", {"name": ""}).status_code == 400
    assert not ApiToken.objects.filter(user=hg_specialist).exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_token_may_be_limited_to_reading_a_province_until_a_date(hg_client, hg_specialist,
                                                                  ha_giang):
    response = hg_client.post("/api/tokens/", {
        "name": "Cơ sở dữ liệu NGO", "province": ha_giang.pk,
        "expires_at": "31/12/2099 17:00"})
    assert response.status_code == 200, response.content.decode()[:3000]
    token = ApiToken.objects.get(user=hg_specialist)
    assert (token.can_write, token.province, token.expires_at.year) == (False, ha_giang, 2099)
    assert "chỉ đọc" in response.content.decode()


def test_a_token_cannot_reach_another_province_nor_write_for_a_viewer(client, hg_viewer,
                                                                     bac_kan):
    client.force_login(hg_viewer)
    refused = client.post("/api/tokens/", {"name": "x", "province": bac_kan.pk,
                                           "can_write": "on"})
    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert set(errors) == {"province", "can_write"}
    assert not ApiToken.objects.exists()


def test_an_expired_key_is_refused(client, hg_specialist):
    import datetime as dt

    from django.utils import timezone

    _, key = ApiToken.issue(hg_specialist, "old",
                            expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_the_offices_leader_lists_and_revokes_the_provinces_tokens_but_not_others(
    client, hg_leader, hg_specialist, bk_specialist
):
    theirs, _ = ApiToken.issue(hg_specialist, "Công cụ của sở")
    elsewhere, _ = ApiToken.issue(bk_specialist, "Bắc Kạn")
    client.force_login(hg_leader)
    page = client.get("/api/tokens/").content.decode()
    assert "Công cụ của sở" in page and "Bắc Kạn" not in page.split('id="province-tokens"')[1]
    assert client.post(f"/api/tokens/{theirs.pk}/revoke/").status_code == 302
    assert client.post(f"/api/tokens/{elsewhere.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    elsewhere.refresh_from_db()
    assert theirs.revoked_at is not None and elsewhere.revoked_at is None
    # A specialist does not revoke a colleague's token.
    mine, _ = ApiToken.issue(hg_leader, "leader")
    client.force_login(hg_specialist)
    assert client.post(f"/api/tokens/{mine.pk}/revoke/").status_code == 404

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
    assert hg_client.post("/api/tokens/", {"name": " "}).status_code == 400
    assert not ApiToken.objects.filter(user=hg_specialist).exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]

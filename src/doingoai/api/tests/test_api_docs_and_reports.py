"""The OpenAPI schema, its documentation page (served from local static files, no CDN) and
the report endpoint, which answers with the same JSON as ``doingoai report --format json``."""

import io
import json
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from doingoai.api.models import ApiToken
from doingoai.core.tests.factories import make_figure


def test_the_schema_and_its_documentation_need_a_login_or_a_token(client, hg_specialist):
    assert client.get("/api/openapi.json").status_code == 401
    docs = client.get("/api/docs")
    assert docs.status_code == 302 and "/accounts/login/" in docs["Location"]
    assert client.get("/api/openapi.json",
                      HTTP_AUTHORIZATION="Bearer not-a-key").status_code == 401
    _, key = ApiToken.issue(hg_specialist, "docs")
    assert client.get("/api/openapi.json", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_the_openapi_schema_describes_every_operation(hg_client):
    client = hg_client
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/records/residents/foreigners/{record_id}" in schema["paths"]
    assert "/api/reports" in schema["paths"]
    assert {"RecordOut", "RecordPage", "ErrorOut"} <= set(schema["components"]["schemas"])


def test_the_documentation_page_loads_nothing_from_another_site(hg_client):
    client = hg_client
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert re.findall(r"""(?:src|href)=["']?(?:https?:)?//""", html) == []
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html  # no badge fetched from validator.swagger.io
    # Every script, style sheet and icon is one of the package's static files.
    static_url = "/" + settings.STATIC_URL.lstrip("/")
    for url in re.findall(r"""(?:src|href)=["']([^"']+)["']""", html):
        assert url.startswith(static_url), url
        assert finders.find(url.removeprefix(static_url)), url


def bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_report_is_the_same_json_as_the_command(client, ha_giang, hg_specialist):
    make_figure(ha_giang, period="2024")
    out = io.StringIO()
    call_command("report", "--place", "Hà Giang", "--period", "2024", "--format", "json",
                 stdout=out)
    response = client.get("/api/reports", {"place": "Ha Giang", "period": "2024"},
                          **bearer(hg_specialist))
    assert response.status_code == 200
    assert response.json() == json.loads(out.getvalue())


def test_another_provinces_report_is_not_found(client, ha_giang, bk_specialist):
    response = client.get("/api/reports", {"place": "Hà Giang", "period": "2024"},
                          **bearer(bk_specialist))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_malformed_period_is_a_bad_request_with_a_message(client, ha_giang, hg_specialist):
    response = client.get("/api/reports", {"place": "Hà Giang", "period": "next spring"},
                          **bearer(hg_specialist))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_period"
    assert "period" in response.json()["detail"]


def test_the_report_needs_a_place_and_a_period(client, hg_specialist):
    response = client.get("/api/reports", **bearer(hg_specialist))
    assert response.status_code == 422
    assert "place" in response.json()["detail"] and "period" in response.json()["detail"]


def test_the_schema_declares_the_codes_of_a_choice_filter_as_an_enum(hg_client):
    from doingoai.api.records import choice_codes
    from doingoai.core.records import REGISTRY

    schema = hg_client.get("/api/openapi.json").json()
    checked = 0
    for rt in REGISTRY:
        for name in rt.filters:
            codes = choice_codes(rt, name)
            if not codes:
                continue
            path = schema["paths"][f"/api/records/{rt.namespace}/{rt.slug}s"]["get"]
            (parameter,) = [p for p in path["parameters"] if p["name"] == name]
            declared = parameter["schema"]
            enum = declared.get("enum") or [
                code for option in declared.get("anyOf", []) for code in option.get("enum", [])]
            assert sorted(enum) == sorted(codes), (rt.slug, name, declared)
            checked += 1
    assert checked >= 5


def test_a_choice_filter_outside_its_codes_is_a_clear_400_or_422(hg_client):
    from doingoai.api.records import choice_codes
    from doingoai.core.records import REGISTRY

    rt, name = next((rt, name) for rt in REGISTRY for name in rt.filters
                    if choice_codes(rt, name))
    response = hg_client.get(f"/api/records/{rt.namespace}/{rt.slug}s?{name}=no-such-code")
    assert response.status_code in (400, 422)
    assert response.json()["code"]


def test_a_yes_or_no_filter_is_declared_as_true_or_false_and_filters_by_it(hg_client, ha_giang):
    """Found checking the schema: a filter on a yes/no field was declared as any string."""
    from doingoai.core.tests.factories import make_record
    from doingoai.staff.models import Officer

    schema = hg_client.get("/api/openapi.json").json()
    (parameter,) = [p for p in schema["paths"]["/api/records/staff/officers"]["get"][
        "parameters"] if p["name"] == "full_time"]
    assert [option.get("enum") for option in parameter["schema"]["anyOf"]] == [
        ["true", "false"], None]
    full, part = make_record(Officer, ha_giang), make_record(Officer, ha_giang)
    Officer.objects.filter(pk=full.pk).update(full_time=True)
    listed = hg_client.get("/api/records/staff/officers?full_time=true").json()["items"]
    assert [item["id"] for item in listed] == [full.pk]
    listed = hg_client.get("/api/records/staff/officers?full_time=false").json()["items"]
    assert [item["id"] for item in listed] == [part.pk]
    assert hg_client.get("/api/records/staff/officers?full_time=maybe").status_code == 422


def test_a_parameter_error_and_a_refused_report_request_follow_accept_language(hg_client):
    """Found checking the errors: pydantic's and the report's messages were English only."""
    officers = "/api/records/staff/officers"
    vietnamese = hg_client.get(f"{officers}?limit=0")
    assert vietnamese.status_code == 422
    assert vietnamese.json()["detail"] == (
        "Yêu cầu không hợp lệ: limit: hãy gửi một số không nhỏ hơn 1")
    assert vietnamese.json()["errors"][0]["msg"] == "hãy gửi một số không nhỏ hơn 1"
    english = hg_client.get(f"{officers}?limit=x", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["detail"] == "Invalid request: limit: send a whole number"
    report = hg_client.get("/api/reports?place=Hà Giang&period=2022&lang=fr")
    assert report.status_code == 400
    assert report.json()["detail"] == "lang: ngôn ngữ của báo cáo phải là vi hoặc en."
    assert hg_client.get("/api/reports?place=Hà Giang&period=2022&lang=fr",
                         HTTP_ACCEPT_LANGUAGE="en").json()["detail"] == (
        "lang: the language of the report must be vi or en.")

"""schemathesis against the API's own OpenAPI schema, in-process through the WSGI application:
for every operation, a bounded number of generated requests (valid and invalid) from a Hà
Giang specialist's token; no response is a server error, every status is documented and
every body matches the schema."""

import importlib

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from doingoai.api.models import ApiToken
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_record

importlib.import_module(settings.ROOT_URLCONF)

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES = hypothesis_settings(
    max_examples=10, deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def connection_kept():
    """Like Django's test client: the WSGI application must not close the database
    connection after each request, for it holds the test's transaction (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_no_generated_request_gets_a_server_error_or_a_body_off_the_schema(
        ha_giang, hg_specialist, media_root, connection_kept):
    for rt in REGISTRY:  # a record of every type, so that lists have rows to describe
        make_record(rt.model, ha_giang)
    _, key = ApiToken.issue(hg_specialist, "schemathesis")
    headers = {"Authorization": f"Bearer {key}"}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(),
                                           headers=headers)

    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @EXAMPLES
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                response = case.call(headers=headers)
                case.validate_response(response, checks=CHECKS)

            try:
                check()
            except Exception as exc:  # gathered, so that one run reports every operation
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert not failures, "\n\n".join(failures)

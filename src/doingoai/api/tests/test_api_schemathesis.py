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


WRITES = ("POST", "PATCH", "DELETE")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["hg_specialist", "hg_leader", "hg_viewer"])
def test_no_generated_write_on_delegations_gets_a_server_error_or_a_write_the_role_may_not(
        request, ha_giang, media_root, connection_kept, role):
    """The write operations of one record type with a workflow (delegations), per role with a
    read-write token: no server error, every answer documented and on the schema, and a
    viewer's writes all refused."""
    from doingoai.api.models import ApiWrite
    from doingoai.delegations.models import Delegation

    user = request.getfixturevalue(role)
    for _ in range(2):
        make_record(Delegation, ha_giang)
    _, key = ApiToken.issue(user, "schemathesis", can_write=True)
    headers = {"Authorization": f"Bearer {key}"}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(),
                                           headers=headers)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() not in WRITES or "/delegations/" not in operation.path:
            continue

        @EXAMPLES
        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
        def check(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except Exception as exc:
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
    if role == "hg_viewer":
        assert ApiWrite.objects.exists()
        assert not ApiWrite.objects.filter(status__lt=300).exists()

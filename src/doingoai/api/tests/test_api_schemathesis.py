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
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from doingoai.accounts.models import Membership
from doingoai.accounts.scope import reporter_owns, unit_writes
from doingoai.api.models import ApiToken, ApiWrite
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_record
from doingoai.organisations.models import Organisation
from doingoai.rules.workflow import submitter_id, workflow_for
from doingoai.testing import make_user

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


# --- generated writes, every record type, a token per role -------------------------------

WRITES = ("POST", "PATCH", "DELETE")
WRITE_EXAMPLES = hypothesis_settings(
    max_examples=3, deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)
# Who may write what: every role of Tuyên Quang and a specialist of another province.
ROLES = ("viewer", "read_only", "other_province", "reporter", "leader", "specialist")


def _record_types():
    return [pytest.param(rt, id=f"{rt.namespace}:{rt.slug}") for rt in REGISTRY]


_LOADED = {}


def _write_operations(key: str):
    """The API's write operations by the path of their record type, from its schema, loaded
    once (the same for every token: building it takes seconds)."""
    if _LOADED:
        return _LOADED
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(),
                                           headers={"Authorization": f"Bearer {key}"})
    found = _LOADED
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() in WRITES:
            base = operation.path.split("/{record_id}")[0]
            found.setdefault(base, []).append(operation)
    return found


def _state(model, **where):
    return dict(model.all_objects.filter(**where).values_list("pk", "version"))


def _unit_user(username, role, unit):
    user = make_user(username, role, unit.owner)
    Membership.objects.filter(user=user).update(organisation=unit)
    user.refresh_from_db()
    return user


def _generate_writes(rt, operation, role, user, headers, targets, wrong,
                     mode=GenerationMode.POSITIVE) -> str | None:
    """Run the generated writes of one operation by one role; what the role may not do goes
    into ``wrong``, a failed check is returned."""
    step = operation.path.rsplit("/steps/", 1)[1] if "/steps/" in operation.path else None
    taken = workflow_for(rt.model).step(step) if step else None

    @WRITE_EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode),
           target=st.sampled_from(targets))
    def check(case, target):
        record = rt.model.all_objects.get(pk=target.pk)
        if case.path_parameters and "record_id" in case.path_parameters:
            case.path_parameters["record_id"] = record.pk
            # The record's version as read, so that the write goes past the 409.
            if operation.method.upper() == "DELETE":
                case.query = {**(case.query or {}), "version": record.version}
            elif isinstance(case.body, dict):
                case.body["version"] = record.version
        hand_ok = taken is None or (
            not (taken.leader_only and role != "leader")
            and not (taken.four_eyes and user.pk in (record.created_by_id,
                                                     submitter_id(record))))
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)
        if response.status_code < 300 and not hand_ok:
            wrong.append(f"{operation.label} by the {role}: {response.status_code}")

    try:
        check()
    except Exception as exc:  # gathered, so that one run reports every operation
        return str(exc)
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("rt", _record_types())
def test_no_generated_write_gets_a_server_error_a_body_off_the_schema_or_a_change_the_role_may_not_make(  # noqa: E501
        tuyen_quang, bac_kan, tq_specialist, bk_specialist, media_root, connection_kept, rt):
    """Generated writes of every operation of ``rt`` (create, change, trash, restore, the
    workflow's steps) through a token per role, aimed at a record of the token's unit, one of
    another unit of the province, one in the trash and one of another province: no server
    error, every answer documented and on the schema, and no change the role may not make
    (a viewer's or a read-only token's, another province's, a reporter's outside their
    unit's records, a leader-only or four-eyes step by the wrong hand)."""
    communes = Organisation.objects.filter(owner=tuyen_quang, kind="commune").order_by("pk")
    own_unit, other_unit = communes[0], communes[1]
    users = {
        "viewer": make_user("tq.viewer", "viewer", tuyen_quang),
        "read_only": tq_specialist,
        "other_province": bk_specialist,
        "reporter": _unit_user("xa.reporter", "reporter", own_unit),
        "leader": make_user("tq.leader", "leader", tuyen_quang),
        "specialist": tq_specialist,
    }
    unit_field = getattr(rt.model, "UNIT_FIELD", None)
    by_unit = unit_writes(rt.model)
    mine = make_record(rt.model, tuyen_quang, **({unit_field: own_unit} if by_unit else {}))
    theirs = make_record(rt.model, tuyen_quang, **({unit_field: other_unit} if by_unit else {}))
    trashed = make_record(rt.model, tuyen_quang, **({unit_field: own_unit} if by_unit else {}))
    rt.model.all_objects.filter(pk=trashed.pk).update(deleted_at=trashed.updated_at)
    elsewhere = make_record(rt.model, bac_kan)
    targets = [mine, theirs, trashed, elsewhere]

    keys = {role: ApiToken.issue(user, "schemathesis", can_write=role != "read_only")[1]
            for role, user in users.items()}
    operations = _write_operations(keys["specialist"])[f"/api/records/{rt.namespace}/{rt.slug}s"]
    failures = []
    for role in ROLES:
        user, headers = users[role], {"Authorization": f"Bearer {keys[role]}"}
        before_here = _state(rt.model, owner=tuyen_quang)
        before_there = _state(rt.model, owner=bac_kan)
        wrong = []

        # Invalid bodies too from the role whose writes get furthest into the forms.
        modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE]
                                             if role == "specialist" else [])
        for operation in operations:
            for mode in modes:
                problem = _generate_writes(rt, operation, role, user, headers, targets,
                                           wrong, mode)
                if problem:
                    failures.append(f"{operation.label} by the {role} ({mode.value}): "
                                    f"{problem}")

        after_here = _state(rt.model, owner=tuyen_quang)
        after_there = _state(rt.model, owner=bac_kan)
        if role == "other_province":
            if after_here != before_here:
                wrong.append("the other province's token changed Tuyên Quang's records")
        elif after_there != before_there:
            wrong.append(f"the {role}'s token changed another province's record")
        if role in ("viewer", "read_only") and after_here != before_here:
            wrong.append(f"the {role}'s token changed a record")
        if role == "reporter":
            changed = [pk for pk, version in after_here.items()
                       if before_here.get(pk) != version]
            outside = [pk for pk in changed if not reporter_owns(
                user, rt.model.all_objects.get(pk=pk))]
            if outside:
                wrong.append(f"the reporter's token changed records outside their unit: "
                             f"{outside}")
        if role in ("viewer", "read_only"):
            accepted = ApiWrite.objects.filter(token__user=user, token__can_write=(
                role != "read_only"), status__lt=300)
            if accepted.exists():
                wrong.append(f"the {role}'s token had writes accepted: "
                             f"{list(accepted.values_list('method', 'path'))}")
        failures += wrong
    assert not failures, "\n\n".join(failures)

"""Real concurrent requests against the live server, on PostgreSQL (the production
database; on SQLite the live server shares one in-memory connection, so the sequential
variants in ``test_one_guarded_path.py`` stand in): an edit and a "Trình" sent together, two
steps sent together, and a double click on "Phê duyệt", over several rounds.

Each request is a logged-in session of its own; a barrier releases them together. Whatever the
order the database lets them through, no user is told "saved" while the change is lost,
exactly one of two steps is recorded, and no two history rows carry the same version.

Measure the lost updates with (the number of rounds from DOINGOAI_CONCURRENCY_ROUNDS):
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/conc_dev DOINGOAI_CONCURRENCY_ROUNDS=15 \\
    pytest src/doingoai/rules/tests/test_concurrent_requests.py -p no:cacheprovider -rA
"""

import importlib
import os
import threading

import pytest
import requests
from django.conf import settings
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from doingoai.core.records import REGISTRY as RECORD_TYPES
from doingoai.core.tests.factories import form_data_of, inline_data, make_record
from doingoai.delegations.models import Delegation
from doingoai.rules.models import Transition

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="concurrent requests need PostgreSQL; test_one_guarded_path.py covers SQLite"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
importlib.import_module(settings.ROOT_URLCONF)  # fills the record types
ROUNDS = int(os.environ.get("DOINGOAI_CONCURRENCY_ROUNDS", "5"))
RT = next(rt for rt in RECORD_TYPES if rt.model is Delegation)


@pytest.fixture
def server(request, live_server, django_db_blocker):
    request.node.reload_migrated_data_with = django_db_blocker
    return live_server.url


def session_of(user) -> requests.Session:
    """A browser's session: the user's session cookie and a CSRF cookie with its token."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies[settings.SESSION_COOKIE_NAME].value)
    session.cookies.set(settings.CSRF_COOKIE_NAME, "a" * 32)
    return session


def together(*sends):
    """Run the ``sends`` (each ``(session, url, data)``) at the same moment; their status
    codes, in order."""
    barrier = threading.Barrier(len(sends))
    codes = [None] * len(sends)

    def send(index, session, url, data):
        barrier.wait()
        response = session.post(url, data={**data, "csrfmiddlewaretoken": "a" * 32},
                                allow_redirects=False, timeout=60)
        codes[index] = response.status_code

    threads = [threading.Thread(target=send, args=(i, *s)) for i, s in enumerate(sends)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def repeated_versions(record) -> list[int]:
    return list(Delegation.history.filter(id=record.pk).values("version")
                .annotate(n=Count("history_id")).filter(n__gt=1).values_list("version", flat=True))


def step_url(server, record, name):
    return server + reverse("delegations:delegation-transition", args=[record.pk, name])


def test_an_edit_and_a_submit_sent_together_never_lose_the_edit(
    server, ha_giang, hg_specialist, hg_leader
):
    editor, submitter = session_of(hg_specialist), session_of(hg_specialist)
    lost, repeated, codes_seen = 0, 0, []
    for number in range(ROUNDS):
        delegation = make_record(Delegation, ha_giang, status="draft")
        purpose = f"Xúc tiến đầu tư, lần {number}"
        edit = {**form_data_of(RT, delegation, hg_specialist),
                **inline_data(RT, instance=delegation),
                "version": str(delegation.version), "purpose": purpose}
        codes = together(
            (editor, server + RT.reverse("edit", delegation.pk), edit),
            (submitter, step_url(server, delegation, "submit"),
             {"comment": "", "version": str(delegation.version)}),
        )
        codes_seen.append(tuple(codes))
        assert set(codes) <= {302, 409}, codes
        delegation.refresh_from_db()
        if codes[0] == 302 and delegation.purpose != purpose:
            lost += 1
        if codes[1] == 302 and delegation.status != "submitted":
            lost += 1
        repeated += bool(repeated_versions(delegation))
    assert (lost, repeated) == (0, 0), (
        f"lost {lost} of {ROUNDS} rounds, {repeated} with two history rows of one version; "
        f"(edit, submit) answers: {codes_seen}")


def test_two_steps_sent_together_take_exactly_one(server, ha_giang, hg_specialist, hg_leader):
    submitter, canceller = session_of(hg_specialist), session_of(hg_leader)
    wrong, repeated = 0, 0
    for _ in range(ROUNDS):
        delegation = make_record(Delegation, ha_giang, status="draft")
        version = str(delegation.version)
        codes = together(
            (submitter, step_url(server, delegation, "submit"),
             {"comment": "", "version": version}),
            (canceller, step_url(server, delegation, "cancel"),
             {"comment": "Hủy chuyến đi", "version": version}),
        )
        delegation.refresh_from_db()
        taken = list(Transition.of(delegation).values_list("action", flat=True))
        told_done = [name for name, code in zip(("submit", "cancel"), codes, strict=True)
                     if code == 302]
        wrong += not (len(taken) == 1 and told_done == taken
                      and delegation.status == {"submit": "submitted",
                                                "cancel": "cancelled"}[taken[0]])
        repeated += bool(repeated_versions(delegation))
    assert (wrong, repeated) == (0, 0), f"{wrong} of {ROUNDS} rounds took both or neither"


def test_a_double_click_on_approve_is_recorded_once(server, ha_giang, hg_specialist, hg_leader):
    first, second = session_of(hg_leader), session_of(hg_leader)
    twice, repeated = 0, 0
    for _ in range(ROUNDS):
        delegation = make_record(Delegation, ha_giang, status="submitted",
                                 submitted_by=hg_specialist)
        approve = {"decision_number": "12/QĐ-UBND", "decision_signer": "Chủ tịch UBND tỉnh",
                   "decision_date": delegation.departs_on.isoformat(), "comment": "Đồng ý",
                   "version": str(delegation.version)}
        url = step_url(server, delegation, "approve")
        codes = together((first, url, approve), (second, url, approve))
        assert sorted(codes) == [302, 409], codes  # the second click is told, not "done"
        approvals = Transition.of(delegation).filter(action="approve").count()
        twice += approvals != 1
        repeated += bool(repeated_versions(delegation))
        delegation.refresh_from_db()
        assert delegation.status == "approved"
    assert (twice, repeated) == (0, 0), f"approved twice in {twice} of {ROUNDS} rounds"

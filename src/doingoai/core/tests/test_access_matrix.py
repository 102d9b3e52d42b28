"""Every page of every record type, for every role: a user reads and changes only the records
of the provinces it may (issue 2, "People and access").

The record types come from ``REGISTRY``, so a new record type is checked here without
further work (``factories.make_record`` fills in a record of any type; give it a factory of
its own when its rules need more). Each test takes one role through the whole life of one
Hà Giang record (list, search, read, export, download, create, edit, delete, trash,
restore) and says, for every page, what that role must get."""

import csv
import importlib
import io

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import (
    attach_file,
    create_form_data,
    file_field_of,
    form_data_of,
    inline_data,
    make_record,
)
from doingoai.organisations.scope import lists_for
from doingoai.rules.workflow import workflow_for

# Loading the URLconf (doingoai.urls) imports every app's pages and so fills REGISTRY.
importlib.import_module(settings.ROOT_URLCONF)

# In the order of a record's life, so one record serves every page: after "delete-post" the
# record is in the trash (for a role allowed to delete it) and "restore-post" brings it back.
ACTIONS = ["list", "search", "detail", "csv", "xlsx", "download", "create-get", "create-post",
           "edit-get", "edit-post", "delete-get", "delete-post", "trash", "restore-post"]
READS = ["list", "search", "detail", "csv", "xlsx", "download", "trash"]
WRITES = [action for action in ACTIONS if action not in READS]

OK, FORBIDDEN, NOT_FOUND, HIDDEN, LOGIN = "ok", "forbidden", "not found", "hidden", "login"

EXPECTED = {
    "hg_specialist": dict.fromkeys(ACTIONS, OK),
    "hg_leader": dict.fromkeys(ACTIONS, OK),
    "hg_viewer": {**dict.fromkeys(READS, OK), **dict.fromkeys(WRITES, FORBIDDEN)},
    "ministry_viewer": {**dict.fromkeys(READS, OK), **dict.fromkeys(WRITES, FORBIDDEN)},
    # Another province: its lists, searches and exports never show Hà Giang's record and
    # every page of the record is "not found"; it still creates records of its own.
    "bk_specialist": {
        **dict.fromkeys(["list", "search", "trash", "csv", "xlsx"], HIDDEN),
        **dict.fromkeys(["detail", "download", "edit-get", "edit-post", "delete-get",
                         "delete-post", "restore-post"], NOT_FOUND),
        "create-get": OK, "create-post": OK,
    },
    "anonymous": dict.fromkeys(ACTIONS, LOGIN),
}


def _csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


class Visit:
    """One role's walk through the pages of one record."""

    def __init__(self, client, rt, record, user, province, writer):
        self.client, self.rt, self.record, self.user = client, rt, record, user
        self.province = province  # where a record created by the role belongs
        self.writer = writer  # a Hà Giang user, to build form data the pages would show
        self.model = rt.model

    def fresh(self):
        return self.model.all_objects.get(pk=self.record.pk)

    def request(self, action):
        rt, pk = self.rt, self.record.pk
        if action == "list":
            return self.client.get(rt.reverse("list"))
        if action == "search":
            terms = " ".join(self.fresh().search_text.split()[:2])
            return self.client.get(rt.reverse("list"), {"q": terms})
        if action == "detail":
            return self.client.get(rt.reverse("detail", pk))
        if action == "trash":
            return self.client.get(rt.reverse("trash"))
        if action in ("csv", "xlsx"):
            return self.client.get(rt.reverse("list"), {"export": action})
        if action == "download":
            meta = self.model._meta
            return self.client.get(reverse(
                "core:download", args=[meta.app_label, meta.model_name, pk, file_field_of(rt)]
            ))
        if action == "create-get":
            return self.client.get(rt.reverse("create"))
        if action == "create-post":
            return self.client.post(rt.reverse("create"), self.create_data)
        if action == "edit-get":
            return self.client.get(rt.reverse("edit", pk))
        if action == "edit-post":
            record = self.fresh()
            data = {**form_data_of(rt, record, self.writer), **inline_data(rt, instance=record),
                    "version": str(record.version)}
            return self.client.post(rt.reverse("edit", pk), data)
        if action == "delete-get":
            return self.client.get(rt.reverse("delete", pk))
        if action == "delete-post":
            return self.client.post(rt.reverse("delete", pk), {"reason": "kiểm thử"})
        if action == "restore-post":
            return self.client.post(rt.reverse("restore", pk))
        raise AssertionError(action)

    def check(self, action, outcome) -> str | None:
        """None when the page did what ``outcome`` says, else what went wrong."""
        if action == "create-post":
            self.create_data = create_form_data(self.rt, self.province, self.writer)
        if action in ("trash", "restore-post") and self.fresh().deleted_at is None:
            self.fresh().soft_delete()  # a role that could not delete it still sees it there
        before_count = self.model.all_objects.count()
        before = self.fresh()
        response = self.request(action)
        after = self.fresh()
        status = response.status_code
        problem = None
        if outcome == LOGIN:
            if status != 302 or not response["Location"].startswith(reverse("accounts:login")):
                problem = f"expected a redirect to the login page, got {status}"
        elif outcome == FORBIDDEN:
            problem = None if status == 403 else f"expected 403, got {status}"
        elif outcome == NOT_FOUND:
            problem = None if status in (403, 404) else f"expected 404 or 403, got {status}"
        elif outcome == HIDDEN:
            problem = self.hidden(action, response)
        else:
            return self.ok(action, response, before, after, before_count)
        # Whatever was refused changed nothing.
        if self.model.all_objects.count() != before_count:
            problem = problem or "the number of records changed"
        if (after.version, after.deleted_at) != (before.version, before.deleted_at):
            problem = problem or "the record changed"
        return problem

    def hidden(self, action, response):
        if response.status_code != 200:
            return f"expected 200, got {response.status_code}"
        if action in ("csv", "xlsx"):
            # Only the records the role reads (a unit's users read every body of their
            # province, the record is not among them).
            readable = self.model.objects.visible_to(self.user)
            rows = (_csv_rows if action == "csv" else _xlsx_rows)(response)[1:]
            if readable.filter(pk=self.record.pk).exists() or len(rows) != readable.count():
                return f"the {action.upper()} has the record"
            return None
        content = response.content.decode()
        leaks = [self.rt.reverse("detail", self.record.pk),
                 self.rt.reverse("restore", self.record.pk)]
        if action != "search":  # the search box repeats the words searched for
            leaks.append(escape(str(self.record)))
        for leak in leaks:
            if leak in content:
                return f"the page shows {leak!r}"
        return None

    def ok(self, action, response, before, after, before_count):
        status = response.status_code
        html = response.get("Content-Type", "").startswith("text/html")
        content = response.content.decode() if html else ""
        expect_status = {"create-post": 302, "edit-post": 302, "delete-post": 302,
                         "restore-post": 302}.get(action, 200)
        if status != expect_status:
            errors = ""
            if response.context and "form" in response.context:
                errors = f": {response.context['form'].errors.as_data()}"
            return f"expected {expect_status}, got {status}{errors}"
        if action in ("list", "search") and self.rt.reverse("detail", after.pk) not in content:
            return "the record is not in the list"
        if action in ("detail", "edit-get", "delete-get", "trash") and (
                escape(str(after)) not in content):
            return "the page does not name the record"
        # The header and every record the role reads: the record, and the reference records
        # a migration loads (every province's communes as its organisations).
        expected_rows = 1 + self.model.objects.visible_to(self.user).count()
        if action == "csv" and len(_csv_rows(response)) != expected_rows:
            return "the CSV does not have the header and the records"
        if action == "xlsx" and len(_xlsx_rows(response)) != expected_rows:
            return "the XLSX does not have the header and the records"
        if action == "download" and b"".join(response.streaming_content) != self.attached:
            return "the download is not the attached file"
        if action == "create-post":
            created = self.model.all_objects.latest("pk")
            if self.model.all_objects.count() != before_count + 1 or created.owner != self.province:
                return "no record was created for the user's province"
        if action == "edit-post" and after.version != before.version + 1:
            return "the edit was not saved"
        if action == "delete-post" and after.deleted_at is None:
            return "the record was not moved to the trash"
        if action == "restore-post" and after.deleted_at is not None:
            return "the record was not restored"
        return None


def _record_types():
    return [pytest.param(rt, id=f"{rt.namespace}:{rt.slug}") for rt in REGISTRY]


def in_first_status(model) -> dict:
    """A record with a workflow in its first status, which a specialist may still delete:
    what may be done past approval is tested by the workflow's own tests."""
    return {"status": model._meta.get_field("status").default} if workflow_for(model) else {}


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("rt", _record_types())
def test_each_role_gets_what_it_may_on_every_page_of_a_ha_giang_record(
    request, client, media_root, ha_giang, hg_specialist, rt, role
):
    record = make_record(rt.model, ha_giang, **in_first_status(rt.model))
    attached = attach_file(record, file_field_of(rt)) if file_field_of(rt) else None
    user = None if role == "anonymous" else request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    province = getattr(getattr(user, "membership", None), "province", None) or ha_giang
    writer = user if role == "bk_specialist" else hg_specialist
    visit = Visit(client, rt, record, user, province, writer)
    visit.attached = attached

    problems = []
    for action in ACTIONS:
        outcome = EXPECTED[role][action]
        if action == "download" and not file_field_of(rt):
            continue
        problem = visit.check(action, outcome)
        if problem:
            problems.append(f"{action} ({outcome}): {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rt", _record_types())
def test_todays_tuyen_quang_reads_the_records_of_ha_giang_merged_into_it(
    client, tq_specialist, ha_giang, rt
):
    record = make_record(rt.model, ha_giang)
    client.force_login(tq_specialist)
    assert client.get(rt.reverse("detail", record.pk)).status_code == 200
    assert rt.reverse("detail", record.pk) in client.get(rt.reverse("list")).content.decode()


@pytest.mark.parametrize("rt", _record_types())
def test_ha_giang_does_not_read_the_records_of_todays_tuyen_quang(
    client, hg_specialist, tuyen_quang, rt
):
    record = make_record(rt.model, tuyen_quang)
    client.force_login(hg_specialist)
    for action in ("detail", "edit", "delete"):
        assert client.get(rt.reverse(action, record.pk)).status_code == 404
    assert rt.reverse("detail", record.pk) not in client.get(rt.reverse("list")).content.decode()


# --- users of a unit (issue 12) -------------------------------------------------------------
# A unit's reporter enters and changes their own unit's delegations, events, agreements and aid;
# its leader only reads them (and approves the unit's submissions); both read the reference
# registers (bodies, partners) and nothing else of the province, and nothing of another.

def _unit_expected(rt, role, whose) -> dict:
    """What a unit's ``role`` gets on the pages of a record that is ``whose``: "own" (of the
    user's unit), "province" (of the office or another unit) or "other" (another province)."""
    from doingoai.accounts.scope import unit_writes

    may_create = role == "unit_reporter" and unit_writes(rt.model)
    create = dict.fromkeys(["create-get", "create-post"], OK if may_create else FORBIDDEN)
    not_found = {
        **dict.fromkeys(["list", "search", "trash", "csv", "xlsx"], HIDDEN),
        **dict.fromkeys(["detail", "download", "edit-get", "edit-post", "delete-get",
                         "delete-post", "restore-post"], NOT_FOUND),
    }
    if not lists_for(None, rt.model, unit_user=True):
        # A register that names no body: no list for a unit's users, and no record.
        return {**not_found, **dict.fromkeys(["list", "search", "trash", "csv", "xlsx"],
                                             FORBIDDEN), **create}
    readable = whose == "own" or (
        whose == "province" and getattr(rt.model, "UNIT_READS_ALL", False))
    if not readable:
        return {**not_found, **create}
    if whose == "own" and role == "unit_reporter":
        return dict.fromkeys(ACTIONS, OK)
    return {**dict.fromkeys(READS, OK), **dict.fromkeys(WRITES, FORBIDDEN), **create}


def _unit_walks():
    from doingoai.accounts.scope import unit_writes

    for rt in REGISTRY:
        for role in ("unit_reporter", "unit_leader"):
            wholes = ["province", "other"] + (["own"] if unit_writes(rt.model) else [])
            for whose in wholes:
                yield pytest.param(rt, role, whose, id=f"{rt.namespace}:{rt.slug}-{role}-{whose}")


@pytest.mark.parametrize(("rt", "role", "whose"), list(_unit_walks()))
def test_a_unit_user_gets_what_it_may_on_every_page_of_a_record(
    request, client, media_root, tuyen_quang, bac_kan, tq_specialist, department, rt, role,
    whose,
):
    extra = {**in_first_status(rt.model)}
    if whose == "own":
        extra[rt.model.UNIT_FIELD] = department
    record = make_record(rt.model, bac_kan if whose == "other" else tuyen_quang, **extra)
    attached = attach_file(record, file_field_of(rt)) if file_field_of(rt) else None
    user = request.getfixturevalue(role)
    client.force_login(user)
    visit = Visit(client, rt, record, user, tuyen_quang, tq_specialist)
    visit.attached = attached

    expected = _unit_expected(rt, role, whose)
    problems = []
    for action in ACTIONS:
        if action == "download" and not file_field_of(rt):
            continue
        problem = visit.check(action, expected[action])
        if problem:
            problems.append(f"{action} ({expected[action]}): {problem}")
    if expected["create-post"] == OK:
        created = rt.model.all_objects.latest("pk")
        if getattr(created, f"{rt.model.UNIT_FIELD}_id") != department.pk:
            problems.append("the record created is not of the reporter's unit")
    assert not problems, "\n".join(problems)

"""The one rule on what may change in which status (rules/workflow.py, README "Workflows"),
for delegations, events, agreements and aid, on every path: the record's pages, the Django
admin and the spreadsheet import."""

import datetime as dt
import importlib
import io

import openpyxl
import pytest
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.core import spreadsheets
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import form_data_of, inline_data, make_record, post_data
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.rules.models import Transition
from doingoai.testing import make_user

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY

# Per record type: an approved status, a status in which the approval's fields are facts, a
# field the approval was given on with a new value, and a field it was not given on.
CASES = {
    Delegation: {"approved": "approved", "locked": "back", "field": "departs_on",
                 "value": "2024-03-05", "free": ("purpose", "Xúc tiến đầu tư")},
    Event: {"approved": "approved", "locked": "held", "field": "starts_on",
            "value": "2023-10-05", "free": ("title", "Hội thảo hợp tác biên giới (sửa)")},
    Agreement: {"approved": "approved", "locked": "in_force", "field": "expires_on",
                "value": "2030-12-31", "free": None},
    AidProgramme: {"approved": "approved", "locked": "finished", "field": "ends_on",
                   "value": "2022-06-30", "free": ("description", "Mô tả bổ sung")},
}
MODELS = [pytest.param(model, id=model._meta.model_name) for model in CASES]


def rt_of(model):
    return next(rt for rt in REGISTRY if rt.model is model)


def vi(text: str) -> str:
    from django.utils.translation import gettext, override

    with override("vi"):
        return escape(gettext(text))


def page_edit(client, model, record, user, **changes):
    rt = rt_of(model)
    data = {**form_data_of(rt, record, user), **inline_data(rt, instance=record),
            "version": str(record.version), **changes}
    return client.post(rt.reverse("edit", record.pk), data)


# --- the record's pages ---------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELS)
def test_a_change_of_a_material_field_after_approval_sends_it_back_for_approval(
    client, ha_giang, hg_specialist, model
):
    case = CASES[model]
    record = make_record(model, ha_giang, status=case["approved"])
    client.force_login(hg_specialist)
    response = page_edit(client, model, record, hg_specialist, **{case["field"]: case["value"]})
    assert response.status_code == 302, response.content.decode()[:3000]
    record.refresh_from_db()
    assert record.status == "submitted"
    assert str(getattr(record, case["field"])) == case["value"]
    step = Transition.of(record).last()
    assert (step.action, step.from_status, step.to_status, step.by) == (
        "reopen", case["approved"], "submitted", hg_specialist)
    label = str(model._meta.get_field(case["field"]).verbose_name)
    assert label in step.comment.lower()
    assert record.history.first().history_change_reason.startswith(
        vi("Sent back for approval after a change"))
    page = client.get(rt_of(model).reverse("detail", record.pk)).content.decode()
    assert vi("Sent back for approval after a change") in page


@pytest.mark.parametrize("model", [m for m in MODELS if CASES[m.values[0]]["free"]])
def test_a_change_the_approval_was_not_given_on_keeps_it_approved(
    client, ha_giang, hg_specialist, model
):
    case = CASES[model]
    record = make_record(model, ha_giang, status=case["approved"])
    client.force_login(hg_specialist)
    name, value = case["free"]
    assert page_edit(client, model, record, hg_specialist, **{name: value}).status_code == 302
    record.refresh_from_db()
    assert (getattr(record, name), record.status) == (value, case["approved"])
    assert not Transition.of(record).exists()


@pytest.mark.parametrize("model", MODELS)
def test_saving_the_form_unchanged_changes_nothing_in_any_status(
    client, ha_giang, hg_specialist, model
):
    case = CASES[model]
    client.force_login(hg_specialist)
    for status in (case["approved"], case["locked"]):
        record = make_record(model, ha_giang, status=status)
        assert page_edit(client, model, record, hg_specialist).status_code == 302
        record.refresh_from_db()
        assert record.status == status
        assert not Transition.of(record).exists()


@pytest.mark.parametrize("model", MODELS)
def test_a_material_field_is_refused_once_the_trip_event_or_signing_has_happened(
    client, ha_giang, hg_specialist, model
):
    case = CASES[model]
    record = make_record(model, ha_giang, status=case["locked"])
    before = str(getattr(record, case["field"]))
    client.force_login(hg_specialist)
    response = page_edit(client, model, record, hg_specialist, **{case["field"]: case["value"]})
    assert response.status_code == 400
    assert "không thể thay đổi khi hồ sơ ở trạng thái" in response.content.decode()
    record.refresh_from_db()
    assert (str(getattr(record, case["field"])), record.status) == (before, case["locked"])


def test_a_change_of_the_members_or_their_head_after_approval_reopens_it(
    client, ha_giang, hg_specialist
):
    record = make_record(Delegation, ha_giang, status="approved", decision_number="12/QĐ-UBND")
    client.force_login(hg_specialist)
    rt = rt_of(Delegation)
    data = {**form_data_of(rt, record, hg_specialist), **inline_data(rt, instance=record),
            "version": str(record.version)}
    data["inline0-0-name"] = "Trần Văn Trưởng Đoàn"  # another head of delegation
    assert client.post(rt.reverse("edit", record.pk), data).status_code == 302
    record.refresh_from_db()
    assert (record.status, record.decision_number) == ("submitted", "")
    assert record.members.get().name == "Trần Văn Trưởng Đoàn"
    assert Transition.of(record).last().action == "reopen"


def test_the_members_of_a_delegation_that_is_back_cannot_be_changed(
    client, ha_giang, hg_specialist
):
    record = make_record(Delegation, ha_giang, status="back")
    client.force_login(hg_specialist)
    rt = rt_of(Delegation)
    data = {**form_data_of(rt, record, hg_specialist),
            **inline_data(rt, {0: [{"name": "Người thêm vào", "role": "member"}]},
                          instance=record),
            "version": str(record.version)}
    response = client.post(rt.reverse("edit", record.pk), data)
    assert response.status_code == 400
    assert "không thể thay đổi khi hồ sơ ở trạng thái" in response.content.decode()
    assert record.members.count() == 1


def test_a_disbursement_is_recorded_freely_but_a_new_commitment_reopens_the_approval(
    client, ha_giang, hg_specialist
):
    record = make_record(AidProgramme, ha_giang, status="under_way")
    client.force_login(hg_specialist)
    rt = rt_of(AidProgramme)

    def post(kind):
        record.refresh_from_db()
        row = {"kind": kind, "on": "2020-01-01", "amount": "1000", "currency": "VND"}
        data = {**form_data_of(rt, record, hg_specialist),
                **inline_data(rt, {0: [row]}, instance=record), "version": str(record.version)}
        return client.post(rt.reverse("edit", record.pk), data)

    assert post("disbursement").status_code == 302
    record.refresh_from_db()
    assert record.status == "under_way"
    assert post("commitment").status_code == 302
    record.refresh_from_db()
    assert record.status == "submitted"


# --- deleting ------------------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELS)
def test_a_specialist_cannot_move_an_approved_record_to_the_trash(
    client, ha_giang, hg_specialist, model
):
    record = make_record(model, ha_giang, status=CASES[model]["approved"])
    client.force_login(hg_specialist)
    response = client.post(rt_of(model).reverse("delete", record.pk), {"reason": "nhầm"})
    assert response.status_code == 403
    assert "chỉ lãnh đạo mới được chuyển vào thùng rác" in response.content.decode()
    record.refresh_from_db()
    assert record.deleted_at is None


def test_a_leader_moves_an_approved_record_to_the_trash_only_with_a_reason(
    client, ha_giang, hg_leader
):
    record = make_record(Delegation, ha_giang, status="approved")
    client.force_login(hg_leader)
    url = rt_of(Delegation).reverse("delete", record.pk)
    response = client.post(url, {"reason": " "})
    assert response.status_code == 400
    assert "Hãy nêu lý do" in response.content.decode()
    record.refresh_from_db()
    assert record.deleted_at is None
    assert client.post(url, {"reason": "Đoàn bị hủy theo chỉ đạo"}).status_code == 302
    record.refresh_from_db()
    assert record.deleted_at is not None
    assert record.history.first().history_change_reason == "Đoàn bị hủy theo chỉ đạo"


def test_a_draft_is_still_moved_to_the_trash_by_a_specialist(client, ha_giang, hg_specialist):
    record = make_record(Delegation, ha_giang, status="draft")
    client.force_login(hg_specialist)
    assert client.post(rt_of(Delegation).reverse("delete", record.pk)).status_code == 302
    record.refresh_from_db()
    assert record.deleted_at is not None


# --- the Django admin ------------------------------------------------------------------------
@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@example.org", "x")


def admin_change(client, user, record, **changes):
    """POST the admin change form of ``record`` as it shows it, with ``changes``."""
    model_admin = admin.site._registry[type(record)]
    request = RequestFactory().get("/")
    request.user = user
    form = model_admin.get_form(request, record)(instance=record)
    data = post_data(form)
    for inline in model_admin.get_inline_instances(request, record):
        formset_class = inline.get_formset(request, record)
        prefix = formset_class.get_default_prefix()
        formset = formset_class(instance=record, prefix=prefix)
        data.update(post_data(formset.management_form))
        for child in formset.forms:
            data.update(post_data(child))
    data.update(changes)
    meta = record._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    client.force_login(user)
    return client.post(url, data)


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_change_form_reopens_an_approval_on_a_material_change(
    client, ha_giang, superuser, model
):
    case = CASES[model]
    record = make_record(model, ha_giang, status=case["approved"])
    response = admin_change(client, superuser, record, **{case["field"]: case["value"]})
    assert response.status_code == 302, response.content.decode()[:3000]
    record.refresh_from_db()
    assert record.status == "submitted"
    assert Transition.of(record).last().by == superuser


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_change_form_refuses_a_locked_field_and_a_new_status(
    client, ha_giang, superuser, model
):
    case = CASES[model]
    record = make_record(model, ha_giang, status=case["locked"])
    before = str(getattr(record, case["field"]))
    response = admin_change(client, superuser, record, **{case["field"]: case["value"]})
    assert response.status_code == 200  # the form again, with the reason
    assert "không thể thay đổi khi hồ sơ ở trạng thái" in response.content.decode()
    response = admin_change(client, superuser, record, status=case["approved"])
    assert response.status_code == 200
    assert "chỉ thay đổi qua các bước" in response.content.decode()
    record.refresh_from_db()
    assert (str(getattr(record, case["field"])), record.status) == (before, case["locked"])


def test_the_admin_cannot_add_a_member_to_a_delegation_that_is_back(
    client, ha_giang, superuser
):
    record = make_record(Delegation, ha_giang, status="back")
    response = admin_change(client, superuser, record, **{
        "members-TOTAL_FORMS": "2", "members-1-name": "Người thêm vào",
        "members-1-role": "member"})
    assert response.status_code == 200
    assert "không thể thay đổi khi hồ sơ ở trạng thái" in response.content.decode()
    assert DelegationMember.objects.filter(delegation=record).count() == 1


def test_the_admin_cannot_delete_an_approved_record(client, ha_giang, superuser):
    record = make_record(Delegation, ha_giang, status="approved")
    client.force_login(superuser)
    url = reverse("admin:delegations_delegation_delete", args=[record.pk])
    response = client.post(url, {"post": "yes"}, follow=True)
    assert "chỉ lãnh đạo mới được chuyển vào thùng rác" in response.content.decode()
    assert Delegation.all_objects.filter(pk=record.pk, deleted_at__isnull=True).exists()


# --- the spreadsheet import ------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELS)
def test_an_import_that_gives_a_status_is_refused_with_the_reason(
    client, ha_giang, hg_specialist, model
):
    rt = rt_of(model)
    client.force_login(hg_specialist)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(rt.reverse("template")).content))
    sheet = workbook.worksheets[0]
    column = sheet.max_column + 1
    # The template's one header row names the columns in Vietnamese; the data start below it.
    sheet.cell(row=1, column=column, value="Trạng thái")
    sheet.cell(row=2, column=column, value=CASES[model]["approved"])
    sheet.cell(row=2, column=1, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("du-lieu.xlsx", buffer.getvalue(),
                                content_type=spreadsheets.XLSX_TYPE)
    before = model.all_objects.count()
    response = client.post(rt.reverse("import"), {"file": upload, "good_rows_only": "on"})
    assert response.status_code == 200
    assert "chỉ thay đổi qua các bước" in response.content.decode()
    assert model.all_objects.count() == before


# --- steps: the early report, four eyes --------------------------------------------------------
def test_the_post_trip_report_cannot_be_filed_before_the_trip_has_ended(
    client, ha_giang, hg_specialist, media_root
):
    today = dt.date.today()
    record = make_record(Delegation, ha_giang, status="approved",
                         departs_on=today + dt.timedelta(days=5),
                         returns_on=today + dt.timedelta(days=9))
    client.force_login(hg_specialist)
    page = client.get(rt_of(Delegation).reverse("detail", record.pk)).content.decode()
    assert reverse("delegations:delegation-transition", args=[record.pk, "report"]) not in page
    response = client.post(
        reverse("delegations:delegation-transition", args=[record.pk, "report"]),
        {"report": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n"),
         "report_received_on": today.isoformat()})
    assert response.status_code == 400
    assert "chỉ được nộp khi đoàn đã về" in response.content.decode()
    record.refresh_from_db()
    assert (record.status, record.report_received_on) == ("approved", None)


def test_the_results_report_of_an_event_cannot_be_filed_before_it_ends(
    client, ha_giang, hg_specialist, media_root
):
    today = dt.date.today()
    record = make_record(Event, ha_giang, status="approved", starts_on=today,
                         ends_on=today + dt.timedelta(days=2))
    client.force_login(hg_specialist)
    response = client.post(
        reverse("events:event-transition", args=[record.pk, "report"]),
        {"report": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n"),
         "report_received_on": today.isoformat()})
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.status == "approved"


def test_a_leader_cannot_approve_an_aid_programme_he_created(client, ha_giang, hg_leader):
    other_leader = make_user("hg.leader2", "leader", ha_giang)
    client.force_login(hg_leader)
    rt = rt_of(AidProgramme)
    template = make_record(AidProgramme, ha_giang)
    data = {**form_data_of(rt, template, hg_leader, create=True), **inline_data(rt)}
    assert client.post(rt.reverse("create"), data).status_code == 302
    programme = AidProgramme.objects.latest("pk")
    assert programme.created_by == hg_leader

    def step(user, name, data=None):
        client.force_login(user)
        url = reverse("aid:programme-transition", args=[programme.pk, name])
        return client.post(url, data or {})

    approval = {"decision_number": "15/QĐ-UBND", "decision_date": "2026-01-05"}
    assert step(hg_leader, "submit").status_code == 302
    assert step(hg_leader, "approve", approval).status_code == 403
    programme.refresh_from_db()
    assert programme.status == "submitted"
    assert step(other_leader, "approve", approval).status_code == 302
    programme.refresh_from_db()
    assert (programme.status, programme.approved_by) == ("approved", other_leader)


def test_a_leader_cannot_approve_a_delegation_he_created_for_a_specialist_to_submit(
    client, ha_giang, hg_leader, hg_specialist
):
    record = make_record(Delegation, ha_giang, created_by=hg_leader)
    client.force_login(hg_specialist)
    client.post(reverse("delegations:delegation-transition", args=[record.pk, "submit"]), {})
    client.force_login(hg_leader)
    response = client.post(
        reverse("delegations:delegation-transition", args=[record.pk, "approve"]),
        {"decision_number": "1/QĐ", "decision_date": "2024-01-02", "decision_signer": "X"})
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.status == "submitted"


# --- agreements: the decision to sign ----------------------------------------------------------
def test_an_agreement_is_consulted_submitted_approved_for_signature_then_signed(
    client, ha_giang, hg_specialist, hg_leader
):
    record = make_record(Agreement, ha_giang, status="negotiating", signed_on=None)

    def step(user, name, data=None):
        client.force_login(user)
        url = reverse("agreements:agreement-transition", args=[record.pk, name])
        response = client.post(url, data or {})
        record.refresh_from_db()
        return response

    today = dt.date.today().isoformat()
    step(hg_specialist, "sign", {"signed_on": today})
    assert record.status == "negotiating"  # not before the decision to sign
    step(hg_specialist, "consult", {"consultation_sent_on": today})
    assert record.status == "consultation"
    step(hg_specialist, "submit")
    assert record.status == "submitted"
    assert step(hg_specialist, "approve").status_code == 403
    step(hg_leader, "approve", {"comment": "Đồng ý ký kết"})
    assert record.status == "approved"
    step(hg_specialist, "sign", {"signed_on": today})
    assert record.status == "signed"
    step(hg_specialist, "in_force", {"effective_on": today})
    assert record.status == "in_force"
    trail = [(t.action, t.by) for t in Transition.of(record)]
    assert trail == [("consult", hg_specialist), ("submit", hg_specialist),
                     ("approve", hg_leader), ("sign", hg_specialist),
                     ("in_force", hg_specialist)]


def test_the_leader_who_submitted_an_agreement_cannot_approve_its_signing(
    client, ha_giang, hg_leader
):
    record = make_record(Agreement, ha_giang, status="negotiating", signed_on=None)
    client.force_login(hg_leader)
    client.post(reverse("agreements:agreement-transition", args=[record.pk, "submit"]), {})
    response = client.post(
        reverse("agreements:agreement-transition", args=[record.pk, "approve"]), {})
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.status == "submitted"


# --- the whole class: every record with a workflow, every path -----------------------------
def workflows():
    from doingoai.rules.workflow import REGISTRY as WORKFLOWS

    return [pytest.param(model, workflow, id=model._meta.model_name)
            for model, workflow in WORKFLOWS.items()]


def own_page_workflows():
    """Workflows of records edited on a page of their own, not the generic record pages: a
    unit's submission (its figures are edited on reporting.views.submission only while
    ``Submission.EDITABLE``; reporting/tests/test_rounds.py walks that page) and a report
    document (its text is edited on reports.document_views.document_edit, each save a new
    version, only while ``ReportDocument.EDITABLE``; reports/tests/test_documents.py)."""
    from doingoai.reporting.models import Submission
    from doingoai.reports.models import ReportDocument

    return {Submission, ReportDocument}


def test_every_record_type_with_steps_has_its_rule():
    from doingoai.rules.workflow import REGISTRY as WORKFLOWS

    assert set(WORKFLOWS) == set(CASES) | own_page_workflows()


@pytest.mark.parametrize("model, workflow", workflows())
def test_every_path_that_edits_a_record_with_a_workflow_applies_its_rule(
    rf, hg_specialist, model, workflow
):
    from doingoai.rules.workflow import (
        GuardedInlineFormSet,
        GuardedModelForm,
        WorkflowAdminMixin,
    )

    request = rf.get("/")
    request.user = hg_specialist
    if model not in own_page_workflows():
        rt = rt_of(model)
        assert isinstance(rt.build_form(request), GuardedModelForm)  # pages and the import
        assert all(isinstance(formset, GuardedInlineFormSet)
                   for formset in rt.build_inlines(request, model()))
    else:
        assert not any(rt.model is model for rt in REGISTRY)
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, WorkflowAdminMixin)
    assert all(issubclass(inline.formset, GuardedInlineFormSet)
               for inline in model_admin.get_inline_instances(request))


@pytest.mark.parametrize("model, workflow", workflows())
def test_each_rule_names_real_fields_and_statuses_and_approvals_take_four_eyes(model, workflow):
    names = {f.name for f in model._meta.get_fields()}
    names |= {f.get_accessor_name() for f in model._meta.related_objects}
    assert set(workflow.material) <= names
    assert set(workflow.step_fields) <= names and "status" in workflow.step_fields
    statuses = {value for value, _label in model._meta.get_field("status").choices}
    for group in (workflow.reopen_from, workflow.locked_in, workflow.protected):
        assert set(group) <= statuses
    assert not set(workflow.reopen_from) & set(workflow.locked_in)
    approve = workflow.by_name["approve"]
    assert approve.four_eyes
    # An office record is approved by the office's leader; a unit's submission by the unit's
    # leader, whom its workflow's own check names (reporting.workflow.WHO).
    if model in own_page_workflows():
        from doingoai.reporting.workflow import WHO, unit_leader

        assert WHO["approve"] is unit_leader
    else:
        assert approve.leader_only

"""Every change of a record with a workflow goes through one guarded path
(``OwnedRecord.claim``): a step, an edit or the trash taken from a copy that someone else
changed meanwhile is refused, never saved over the other change. These are the sequential
variants, on both databases, of the concurrent requests in ``test_concurrent_requests.py``.
"""

import importlib

import pytest
from django.conf import settings
from django.db.models import Count, F
from django.utils.translation import override

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.core.models import RecordChanged
from doingoai.core.records import REGISTRY as RECORD_TYPES
from doingoai.core.tests.factories import form_data_of, inline_data, make_record
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.rules.models import Transition
from doingoai.rules.workflow import REGISTRY, step_stale_message

importlib.import_module(settings.ROOT_URLCONF)  # fills the registries

MODELS = [Delegation, Event, Agreement, AidProgramme]
STEPS = [pytest.param(model, step.name, id=f"{model._meta.model_name}-{step.name}")
         for model in MODELS for step in REGISTRY[model].steps if not step.automatic]


def rt_of(model):
    return next(rt for rt in RECORD_TYPES if rt.model is model)


def step_url(record, name):
    from django.urls import reverse

    return reverse("delegations:delegation-transition", args=[record.pk, name])


def history_versions_repeated(record):
    return list(type(record).history.filter(id=record.pk).values("version")
                .annotate(n=Count("history_id")).filter(n__gt=1).values_list("version", flat=True))


@pytest.mark.parametrize(("model", "name"), STEPS)
def test_it_refuses_every_step_taken_from_a_copy_changed_meanwhile(
    ha_giang, hg_leader, model, name
):
    workflow = REGISTRY[model]
    step = workflow.by_name[name]
    record = make_record(model, ha_giang, status=step.sources[0])
    stale = model.objects.get(pk=record.pk)
    # Someone else's change went through meanwhile (an edit, another step).
    model.all_objects.filter(pk=record.pk).update(version=F("version") + 1)

    with pytest.raises(RecordChanged):
        workflow.apply(stale, name, hg_leader, {"comment": "x"})

    assert model.objects.get(pk=record.pk).status == step.sources[0]
    assert not Transition.of(record).exists()


def test_it_refuses_a_submit_from_a_copy_loaded_before_an_edit_and_keeps_the_edit(
    client, ha_giang, hg_specialist
):
    delegation = make_record(Delegation, ha_giang, status="draft")
    loaded_by_the_step = Delegation.objects.get(pk=delegation.pk)
    rt = rt_of(Delegation)
    client.force_login(hg_specialist)
    data = {**form_data_of(rt, delegation, hg_specialist), **inline_data(rt, instance=delegation),
            "version": str(delegation.version), "purpose": "Xúc tiến đầu tư"}
    assert client.post(rt.reverse("edit", delegation.pk), data).status_code == 302

    with pytest.raises(RecordChanged):
        REGISTRY[Delegation].apply(loaded_by_the_step, "submit", hg_specialist, {})

    delegation.refresh_from_db()
    assert delegation.purpose == "Xúc tiến đầu tư"
    assert delegation.status == "draft"
    assert history_versions_repeated(delegation) == []


def test_it_records_only_the_first_of_two_approvals_of_the_same_copy(
    ha_giang, hg_specialist, hg_leader
):
    delegation = make_record(Delegation, ha_giang, status="submitted",
                             submitted_by=hg_specialist)
    first, second = (Delegation.objects.get(pk=delegation.pk) for _ in range(2))
    data = {"decision_number": "12/QĐ-UBND", "decision_date": delegation.departs_on,
            "decision_signer": "Chủ tịch UBND tỉnh", "comment": ""}
    REGISTRY[Delegation].apply(first, "approve", hg_leader, data)

    with pytest.raises(RecordChanged):
        REGISTRY[Delegation].apply(second, "approve", hg_leader, {**data, "comment": "lần 2"})

    assert list(Transition.of(delegation).values_list("action", flat=True)) == ["approve"]
    assert history_versions_repeated(delegation) == []


def test_a_step_sent_from_a_page_showing_an_older_version_gets_409_and_the_message(
    client, ha_giang, hg_specialist
):
    delegation = make_record(Delegation, ha_giang, status="draft")
    shown = delegation.version
    Delegation.all_objects.filter(pk=delegation.pk).update(version=F("version") + 1)
    client.force_login(hg_specialist)

    response = client.post(step_url(delegation, "submit"),
                           {"comment": "", "version": str(shown)})

    assert response.status_code == 409
    with override("vi"):
        assert str(step_stale_message()) in response.content.decode().replace("&#x27;", "'")
    assert Delegation.objects.get(pk=delegation.pk).status == "draft"


def test_the_detail_page_sends_the_version_it_shows_with_each_step(
    client, ha_giang, hg_specialist
):
    delegation = make_record(Delegation, ha_giang, status="draft")
    client.force_login(hg_specialist)
    page = client.get(rt_of(Delegation).reverse("detail", delegation.pk)).content.decode()
    form = page.split(f'action="{step_url(delegation, "submit")}"', 1)[1].split("</form>")[0]
    assert f'name="version" value="{delegation.version}"' in form


def test_it_refuses_to_move_to_the_trash_a_copy_changed_meanwhile(ha_giang):
    delegation = make_record(Delegation, ha_giang, status="draft")
    stale = Delegation.objects.get(pk=delegation.pk)
    Delegation.all_objects.filter(pk=delegation.pk).update(
        status="submitted", version=F("version") + 1)

    with pytest.raises(RecordChanged):
        stale.soft_delete()

    delegation.refresh_from_db()
    assert delegation.deleted_at is None
    assert delegation.status == "submitted"


def test_an_admin_edit_takes_the_next_version_through_the_guarded_path(
    client, ha_giang, django_user_model
):
    from doingoai.rules.tests.test_what_an_edit_may_change import admin_change

    superuser = django_user_model.objects.create_superuser("quantri", "q@example.org", "x")
    delegation = make_record(Delegation, ha_giang, status="draft")
    version = delegation.version

    response = admin_change(client, superuser, delegation, purpose="Xúc tiến đầu tư")

    assert response.status_code == 302, response.content.decode()[:2000]
    delegation.refresh_from_db()
    assert (delegation.purpose, delegation.version) == ("Xúc tiến đầu tư", version + 1)
    assert history_versions_repeated(delegation) == []

"""Users of a unit (a commune's reporter, a department's unit leader) read and change only
their unit's records; the office reads every unit of its province."""

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from doingoai.accounts.models import Membership
from doingoai.accounts.scope import unit_writes
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import (
    form_data_of,
    inline_data,
    make_delegation,
    make_record,
)
from doingoai.delegations.models import Delegation
from doingoai.delegations.pages import delegations
from doingoai.organisations.models import Organisation
from doingoai.testing import client_for, make_user

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY
pytestmark = pytest.mark.django_db


@pytest.fixture
def commune(tuyen_quang):
    return Organisation.objects.filter(owner=tuyen_quang, kind="commune").order_by("pk").first()


@pytest.fixture
def other_commune(tuyen_quang):
    return Organisation.objects.filter(owner=tuyen_quang, kind="commune").order_by("pk")[1]


def unit_user(username, role, unit):
    user = make_user(username, role, unit.owner)
    Membership.objects.filter(user=user).update(organisation=unit)
    user.refresh_from_db()
    return user


@pytest.fixture
def reporter(commune):
    return unit_user("xa.reporter", "reporter", commune)


def test_a_reporter_must_belong_to_a_body_of_their_own_province(tuyen_quang, bac_kan, commune):
    without = Membership(role="reporter", province=tuyen_quang)
    with pytest.raises(ValidationError) as refusal:
        without.clean()
    assert "organisation" in refusal.value.message_dict
    elsewhere = Membership(role="reporter", province=bac_kan, organisation=commune)
    with pytest.raises(ValidationError):
        elsewhere.clean()
    office_user = Membership(role="specialist", province=tuyen_quang, organisation=commune)
    with pytest.raises(ValidationError):
        office_user.clean()
    Membership(role="unit_leader", province=tuyen_quang, organisation=commune).clean()


def test_a_reporter_reads_the_delegations_of_their_unit_only(client, reporter, commune,
                                                            other_commune, tuyen_quang):
    own = make_delegation(tuyen_quang, organisation=commune, title="Đoàn của xã")
    other = make_delegation(tuyen_quang, organisation=other_commune, title="Đoàn xã khác")
    office = make_delegation(tuyen_quang, title="Đoàn của tỉnh")
    client_for(client, reporter)
    assert client.get(delegations.reverse("detail", own.pk)).status_code == 200
    for record in (other, office):
        assert client.get(delegations.reverse("detail", record.pk)).status_code == 404
        assert client.get(delegations.reverse("edit", record.pk)).status_code == 404
        assert client.post(delegations.reverse("delete", record.pk)).status_code == 404
        assert client.get(f"/delegations/delegations/{record.pk}/steps/submit/").status_code \
            == 404
    listed = client.get(delegations.reverse("list")).content.decode()
    assert "Đoàn của xã" in listed and "Đoàn xã khác" not in listed
    assert "Đoàn của tỉnh" not in listed


@pytest.mark.parametrize("rt", [rt for rt in REGISTRY
                                if not getattr(rt.model, "UNIT_READS_ALL", False)],
                         ids=lambda rt: rt.url_name("x"))
def test_a_reporter_gets_404_on_every_record_page_of_the_province_and_of_another(
        client, reporter, tuyen_quang, bac_kan, rt):
    for owner in (tuyen_quang, bac_kan):
        record = make_record(rt.model, owner)
        client_for(client, reporter)
        for action in ("detail", "edit", "delete"):
            assert client.get(rt.reverse(action, record.pk)).status_code == 404, (owner, action)
        listed = client.get(rt.reverse("list")).content.decode()
        assert rt.reverse("detail", record.pk) not in listed
        # A reporter enters the records their unit carries out, and no other kind.
        assert client.get(rt.reverse("create")).status_code == (
            200 if unit_writes(rt.model) else 403)


def test_a_reporter_reads_the_register_of_bodies_and_changes_none(client, reporter, commune):
    client_for(client, reporter)
    assert client.get(f"/organisations/organisations/{commune.pk}/").status_code == 200
    assert client.get(f"/organisations/organisations/{commune.pk}/edit/").status_code == 403


def test_the_office_reads_the_records_of_every_unit(client, tq_specialist, commune, tuyen_quang):
    own = make_delegation(tuyen_quang, organisation=commune)
    client_for(client, tq_specialist)
    assert client.get(delegations.reverse("detail", own.pk)).status_code == 200
    listed = client.get(delegations.reverse("list"), {"organisation": commune.pk})
    assert delegations.reverse("detail", own.pk) in listed.content.decode()


def test_the_form_offers_only_bodies_in_force_and_refuses_an_abolished_one(
        client, tq_specialist, tuyen_quang, ha_giang):
    old = Organisation.objects.create(owner=ha_giang, kind="department",
                                      name="Sở Ngoại vụ Hà Giang", valid_to=dt.date(2025, 6, 30))
    new = Organisation.objects.create(owner=tuyen_quang, kind="department",
                                      name="Sở Ngoại vụ Tuyên Quang",
                                      valid_from=dt.date(2025, 7, 1))
    client_for(client, tq_specialist)
    form = client.get(delegations.reverse("create")).content.decode()
    assert "Sở Ngoại vụ Tuyên Quang" in form and "Sở Ngoại vụ Hà Giang" not in form
    template = make_delegation(tuyen_quang, departs_on=dt.date(2026, 3, 4),
                               returns_on=dt.date(2026, 3, 9), organisation=new)
    data = form_data_of(delegations, template, tq_specialist, create=True)
    data["organisation"] = old.pk
    refused = client.post(delegations.reverse("create"), data)
    assert refused.status_code == 400
    # The abolished unit is not among the choices, so the form says to choose another.
    assert "organisation" in refused.context["form"].errors


def test_a_record_of_an_abolished_unit_on_a_later_date_is_refused_by_the_model(ha_giang):
    old = Organisation.objects.create(owner=ha_giang, kind="department", name="Sở cũ",
                                      valid_to=dt.date(2025, 6, 30))
    delegation = make_delegation(ha_giang, organisation=old, departs_on=dt.date(2024, 3, 4),
                                 returns_on=dt.date(2024, 3, 9))
    delegation.full_clean()  # in force on the date of the trip
    delegation.departs_on, delegation.returns_on = dt.date(2026, 3, 4), dt.date(2026, 3, 9)
    with pytest.raises(ValidationError) as refusal:
        delegation.full_clean()
    assert "30/06/2025" in str(refusal.value)


def test_a_reporters_new_delegation_is_of_their_unit_whatever_the_form_posts(
        client, reporter, commune, other_commune, tuyen_quang, tq_specialist):
    template = make_delegation(tuyen_quang, organisation=commune, departs_on=dt.date(2026, 3, 4),
                               returns_on=dt.date(2026, 3, 9), title="Đoàn xã mới")
    data = {**form_data_of(delegations, template, tq_specialist, create=True),
            **inline_data(delegations), "organisation": other_commune.pk}
    client_for(client, reporter)
    response = client.post(delegations.reverse("create"), data)
    assert response.status_code == 302
    created = Delegation.objects.latest("pk")
    assert (created.organisation, created.owner, created.created_by) == (
        commune, tuyen_quang, reporter)
    body = client.get(delegations.reverse("edit", created.pk)).context["form"]["organisation"]
    assert list(body.field.queryset) == [commune] and body.field.disabled


def test_a_unit_leader_reads_the_units_delegations_and_changes_none(
        client, commune, tuyen_quang):
    leader = unit_user("xa.leader", "unit_leader", commune)
    own = make_delegation(tuyen_quang, organisation=commune)
    client_for(client, leader)
    assert client.get(delegations.reverse("detail", own.pk)).status_code == 200
    assert client.get(delegations.reverse("edit", own.pk)).status_code == 403
    assert client.get(delegations.reverse("create")).status_code == 403
    assert client.post(delegations.reverse("delete", own.pk)).status_code == 403


def test_a_reporter_reads_the_partners_of_the_province_and_changes_none(
        client, reporter, tuyen_quang, bac_kan):
    from doingoai.core.tests.factories import make_partner
    from doingoai.partners.pages import partners

    ours, theirs = make_partner(tuyen_quang), make_partner(bac_kan)
    client_for(client, reporter)
    assert client.get(partners.reverse("detail", ours.pk)).status_code == 200
    assert client.get(partners.reverse("edit", ours.pk)).status_code == 403
    assert client.get(partners.reverse("detail", theirs.pk)).status_code == 404


def test_a_reporter_gets_403_on_the_report_documents_of_the_province(
        client, reporter, tuyen_quang, tq_specialist):
    from django.urls import reverse

    from doingoai.lib.periods import parse_period
    from doingoai.reports import drafting

    doc = drafting.create_draft(tuyen_quang, parse_period("2026"), tq_specialist)
    client_for(client, reporter)
    assert client.get(reverse("reports:document-list")).status_code == 403
    assert client.get(reverse("reports:document-detail", args=[doc.pk])).status_code == 403
    assert client.post(reverse("reports:document-new"),
                       {"place": tuyen_quang.pk, "period": "2026"}).status_code == 403
    # The office reads it.
    client_for(client, tq_specialist)
    assert client.get(reverse("reports:document-detail", args=[doc.pk])).status_code == 200

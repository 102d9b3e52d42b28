"""Shared test fixtures: fixed users by role in two provinces (Hà Giang, Bắc Kạn), a
ministry-level viewer and an anonymous visitor. Loaded by the root conftest.py."""

import pytest
from django.contrib.auth import get_user_model

from doingoai.accounts.models import Membership
from doingoai.core.models import AdminUnit

PASSWORD = "doingoai-test-password"


def legacy_province(name: str) -> AdminUnit:
    return AdminUnit.objects.provinces().get(name=name, generation="legacy")


def make_user(username: str, role: str, province: AdminUnit | None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    Membership.objects.create(user=user, role=role, province=province)
    return user


@pytest.fixture
def ha_giang(db):
    return legacy_province("Hà Giang")


@pytest.fixture
def bac_kan(db):
    return legacy_province("Bắc Kạn")


@pytest.fixture
def hg_specialist(ha_giang):
    return make_user("hg.specialist", "specialist", ha_giang, first_name="Chuyên viên Hà Giang")


@pytest.fixture
def hg_leader(ha_giang):
    return make_user("hg.leader", "leader", ha_giang, first_name="Lãnh đạo Hà Giang")


@pytest.fixture
def hg_viewer(ha_giang):
    return make_user("hg.viewer", "viewer", ha_giang)


@pytest.fixture
def bk_specialist(bac_kan):
    return make_user("bk.specialist", "specialist", bac_kan, first_name="Chuyên viên Bắc Kạn")


@pytest.fixture
def ministry_viewer(db):
    return make_user("ministry", "ministry", None)


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def hg_client(client, hg_specialist):
    return client_for(client, hg_specialist)

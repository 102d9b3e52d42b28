"""Shared test fixtures: fixed users by role in two provinces (Hà Giang, Bắc Kạn), a
ministry-level viewer and an anonymous visitor. Loaded by the root conftest.py."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from doingoai.accounts.models import Membership
from doingoai.core.models import AdminUnit

PASSWORD = "doingoai-test-password"


def legacy_province(name: str) -> AdminUnit:
    return AdminUnit.objects.provinces().get(name=name, generation="legacy")


def make_user(username: str, role: str, province: AdminUnit | None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    Membership.objects.create(user=user, role=role, province=province)
    return user


def current_province(name: str) -> AdminUnit:
    """A province as it is from the 2025 reform on (Tuyên Quang, Thái Nguyên...)."""
    return AdminUnit.objects.provinces().get(name=name, generation="2025")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    # The default PBKDF2 hasher costs ~0.2 s per user, which dominates a suite that
    # creates users in nearly every test; tests do not need slow hashes.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def ha_giang(db):
    return legacy_province("Hà Giang")


@pytest.fixture
def bac_kan(db):
    return legacy_province("Bắc Kạn")


@pytest.fixture
def tuyen_quang(db):
    """Today's Tuyên Quang, which took over Hà Giang on 1 July 2025."""
    return current_province("Tuyên Quang")


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
def tq_specialist(tuyen_quang):
    return make_user("tq.specialist", "specialist", tuyen_quang,
                     first_name="Chuyên viên Tuyên Quang")


@pytest.fixture
def ministry_viewer(db):
    return make_user("ministry", "ministry", None)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads of the test go to a temporary folder, not ./var/media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def hg_client(client, hg_specialist):
    return client_for(client, hg_specialist)


@pytest.fixture
def english(settings):
    """Run a test in English: for tests about behaviour whose assertions quote messages,
    while the interface itself defaults to Vietnamese (the locale tests check that)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield

import pytest


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(media_root):
    """Factories may attach files (a specimen signature): keep them out of ./var/media."""


# Users of a unit of today's Tuyên Quang (issue 12): a department's reporter and its leader.
def _unit_user(username, role, unit):
    from doingoai.accounts.models import Membership
    from doingoai.testing import make_user

    user = make_user(username, role, unit.owner)
    Membership.objects.filter(user=user).update(organisation=unit)
    user.refresh_from_db()
    return user


@pytest.fixture
def department(tuyen_quang):
    from doingoai.organisations.models import Organisation

    return Organisation.objects.create(owner=tuyen_quang, kind="department",
                                       name="Sở Văn hóa, Thể thao và Du lịch (kiểm thử)")


@pytest.fixture
def unit_reporter(department):
    return _unit_user("so.reporter", "reporter", department)


@pytest.fixture
def unit_leader(department):
    return _unit_user("so.leader", "unit_leader", department)

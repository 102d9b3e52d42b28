import pytest

from doingoai.planning.pages import plans
from doingoai.planning.tests.factories import FACTORIES
from doingoai.privacy.testing import (
    assert_cannot_create,
    assert_not_found_for_another_province,
    assert_pages_work,
)

RECORD_TYPES = [plans]


def ids(rt):
    return rt.slug


@pytest.mark.parametrize("rt", RECORD_TYPES, ids=ids)
def test_the_ha_giang_specialist_lists_reads_creates_and_edits(
    client, media_root, hg_specialist, ha_giang, rt
):
    client.force_login(hg_specialist)
    assert_pages_work(client, rt, FACTORIES[rt.model](ha_giang))


@pytest.mark.parametrize("rt", RECORD_TYPES, ids=ids)
def test_the_bac_kan_specialist_gets_not_found_on_every_page_of_a_ha_giang_record(
    client, media_root, bk_specialist, ha_giang, rt
):
    client.force_login(bk_specialist)
    assert_not_found_for_another_province(client, rt, FACTORIES[rt.model](ha_giang))


@pytest.mark.parametrize("rt", RECORD_TYPES, ids=ids)
def test_a_viewer_cannot_create(client, media_root, hg_viewer, ha_giang, rt):
    client.force_login(hg_viewer)
    assert_cannot_create(client, rt, ha_giang)

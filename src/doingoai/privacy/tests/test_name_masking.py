"""The names of the people in the registers with personal data (foreigners, people abroad,
official passports, ABTC cards) are masked to a family name and initials for a user without
the personal-data grant, on every page, export and API answer; shown in full with the grant."""

import io

import openpyxl
import pytest

from doingoai.api.models import ApiToken
from doingoai.passports.pages import abtc_applications as abtc
from doingoai.passports.pages import handouts, passports
from doingoai.privacy.masking import mask_name
from doingoai.privacy.testing import csv_rows
from doingoai.residents.pages import foreigners, people_abroad
from doingoai.residents.tests.factories import make_foreigner, make_person_abroad

FULL, MASKED = "Nguyễn Văn An", "Nguyễn V. A."


@pytest.fixture
def granted(hg_specialist):
    hg_specialist.membership.can_see_personal_data = True
    hg_specialist.membership.save()
    return hg_specialist


@pytest.fixture
def foreigner(ha_giang):
    return make_foreigner(ha_giang, full_name=FULL)


def page_texts(client, user, rt, record):
    client.force_login(user)
    return {
        "list": client.get(rt.reverse("list")).content.decode(),
        "detail": client.get(rt.reverse("detail", record.pk)).content.decode(),
        "csv": str(csv_rows(client.get(rt.reverse("list") + "?export=csv"))),
        "xlsx": str(list(openpyxl.load_workbook(io.BytesIO(
            client.get(rt.reverse("list") + "?export=xlsx").content)).active.values)),
    }


def api_texts(client, user, rt, record):
    _, key = ApiToken.issue(user, "test")
    base = f"/api/records/{rt.namespace}/{rt.slug}s"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    return {"api list": client.get(base, **auth).content.decode(),
            "api detail": client.get(f"{base}/{record.pk}", **auth).content.decode()}


def test_a_name_is_masked_to_the_family_name_and_initials():
    assert mask_name("Nguyễn Văn An") == "Nguyễn V. A."
    assert mask_name("Zhang Wei") == "Zhang W."
    assert mask_name("  ") == "" and mask_name(None) == ""


def test_a_user_without_the_grant_sees_a_foreigners_name_masked_on_pages_exports_and_api(
        client, hg_specialist, foreigner):
    texts = {**page_texts(client, hg_specialist, foreigners, foreigner),
             **api_texts(client, hg_specialist, foreigners, foreigner)}
    for where, text in texts.items():
        assert FULL not in text, where
        assert MASKED in text or "Nguy\\u1ec5n V. A." in text, where


def test_a_user_with_the_grant_sees_the_name_in_full_everywhere(client, granted, foreigner):
    texts = {**page_texts(client, granted, foreigners, foreigner),
             **api_texts(client, granted, foreigners, foreigner)}
    for where, text in texts.items():
        assert FULL in text or "Nguy\\u1ec5n V\\u0103n An" in text, where


def test_the_detail_pages_title_and_the_history_mask_the_name_too(client, hg_specialist,
                                                                  foreigner):
    foreigner.full_name = "Trần Thị Bích"
    foreigner.save()
    client.force_login(hg_specialist)
    detail = client.get(foreigners.reverse("detail", foreigner.pk)).content.decode()
    assert FULL not in detail and "Trần Thị Bích" not in detail
    assert "<h1>Trần T. B.</h1>" in detail


def test_the_edit_form_of_a_user_without_the_grant_leaves_the_name_out_and_unchanged(
        client, hg_specialist, foreigner):
    client.force_login(hg_specialist)
    form = client.get(foreigners.reverse("edit", foreigner.pk)).content.decode()
    assert FULL not in form and 'name="full_name"' not in form


@pytest.mark.parametrize("rt", [people_abroad, passports, abtc], ids=lambda rt: rt.slug)
def test_every_register_with_people_masks_their_names_without_the_grant(
        client, hg_specialist, ha_giang, rt):
    from doingoai.privacy.testing import area_factories

    if rt is people_abroad:
        record = make_person_abroad(ha_giang, full_name=FULL)
    else:
        factories, _ = area_factories()
        record = factories[rt.model](ha_giang)
        name_field = rt.model.NAME_FIELDS[0]
        rt.model.objects.filter(pk=record.pk).update(**{name_field: FULL})
    texts = {**page_texts(client, hg_specialist, rt, record),
             **api_texts(client, hg_specialist, rt, record)}
    for where, text in texts.items():
        assert FULL not in text and "Nguy\\u1ec5n V\\u0103n An" not in text, where


def test_a_handout_names_its_passports_holder_masked_without_the_grant(client, hg_specialist,
                                                                     ha_giang):
    from doingoai.passports.models import OfficialPassport
    from doingoai.privacy.testing import area_factories

    factories, _ = area_factories()
    handout = factories[handouts.model](ha_giang)
    OfficialPassport.objects.filter(pk=handout.passport_id).update(holder_name=FULL)
    texts = {**page_texts(client, hg_specialist, handouts, handout),
             **api_texts(client, hg_specialist, handouts, handout)}
    for where, text in texts.items():
        assert FULL not in text and "Nguy\\u1ec5n V\\u0103n An" not in text, where
    assert MASKED in texts["detail"] and MASKED in texts["list"] and MASKED in texts["csv"]

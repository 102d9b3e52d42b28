"""The list pages' filter choice lists are rendered once and cached (core/filter_choices.py,
issue 15): the cached page is the page rendered afresh, a province's user never gets another
province's cached choices, a new row shows at once, and a chosen value is still shown chosen."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from doingoai.organisations.models import Organisation
from doingoai.testing import client_for

pytestmark = pytest.mark.django_db

LIST = reverse("delegations:delegation-list")


def page_of(client, **params) -> str:
    """The page without its CSRF token, which each response masks anew."""
    html = client.get(LIST, params).content.decode()
    return re.sub(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def countries_select(html: str) -> str:
    return html.split('name="countries"', 1)[1].split("</select>", 1)[0]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def organisation(owner, name):
    return Organisation.objects.create(owner=owner, kind=Organisation.Kind.DEPARTMENT, name=name)


def test_the_page_from_the_cache_is_the_page_rendered_afresh(hg_client, ha_giang):
    organisation(ha_giang, "Sở Công Thương Hà Giang")
    fresh = page_of(hg_client)
    assert "Sở Công Thương Hà Giang" in fresh and "Lào" in fresh
    assert page_of(hg_client) == fresh
    cache.clear()
    assert page_of(hg_client) == fresh


def test_another_provinces_user_never_gets_the_cached_choices(
        client, hg_client, ha_giang, bac_kan, bk_specialist):
    organisation(ha_giang, "Sở Công Thương Hà Giang")
    organisation(bac_kan, "Sở Y tế Bắc Kạn")
    assert "Sở Công Thương Hà Giang" in hg_client.get(LIST).content.decode()
    page = client_for(client, bk_specialist).get(LIST).content.decode()
    assert "Sở Y tế Bắc Kạn" in page
    assert "Sở Công Thương Hà Giang" not in page


def test_a_new_organisation_is_offered_at_once(hg_client, ha_giang):
    assert "Sở Nội vụ Hà Giang" not in hg_client.get(LIST).content.decode()
    organisation(ha_giang, "Sở Nội vụ Hà Giang")
    assert "Sở Nội vụ Hà Giang" in hg_client.get(LIST).content.decode()


def test_a_chosen_country_is_shown_chosen_and_the_others_are_not(hg_client):
    hg_client.get(LIST)
    assert 'value="LA" selected' in countries_select(page_of(hg_client, countries="LA"))
    assert "selected" not in countries_select(page_of(hg_client))

"""Issue 10, item 16: the menu shows each user what they may use, and nothing else.

Each link of the side menu and of the user menu is opened by every role; the menu's entries
are shown exactly to the users whose request for them answers 200."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from doingoai.core.context_processors import MENU_BOTTOM, MENU_TOP

pytestmark = pytest.mark.django_db
ROLES = ["hg_specialist", "hg_leader", "hg_viewer", "bk_specialist", "ministry_viewer",
         "superuser", "unit_reporter", "unit_leader"]
UNIT_ROLES = ("unit_reporter", "unit_leader")
LINK = re.compile(r'<a href="(/[^"]*)"')


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


def user_of(request, role):
    return request.getfixturevalue(role)


def menu_links(client) -> list[str]:
    """Every link of the side menu and the top bar of the home page."""
    page = client.get(reverse("core:home")).content.decode()
    menus = page.split('<aside class="sidenav">')[1].split("</aside>")[0]
    menus += page.split("<header")[1].split("</header>")[0]
    return sorted(set(LINK.findall(menus)))


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_link_answers_200_for_every_role(client, request, role):
    client.force_login(user_of(request, role))
    links = menu_links(client)
    assert len(links) > (5 if role in UNIT_ROLES else 20)
    failures = {url: client.get(url).status_code for url in links}
    assert {url: code for url, code in failures.items() if code != 200} == {}


@pytest.mark.parametrize("role", ROLES)
def test_a_menu_entry_is_shown_exactly_when_its_page_lets_the_user_in(client, request, role):
    client.force_login(user_of(request, role))
    links = menu_links(client)
    for _label, name in (*MENU_TOP, *MENU_BOTTOM):
        url = reverse(name)
        status = client.get(url).status_code
        assert (url in links) == (status == 200), (url, status)


@pytest.mark.parametrize("role", ["hg_viewer", "ministry_viewer", "superuser"])
def test_reading_figures_from_a_document_is_not_offered_to_who_cannot_use_it(client, request,
                                                                             role):
    client.force_login(user_of(request, role))
    assert reverse("figures:document-new") not in menu_links(client)
    assert "Đọc số liệu từ văn bản" not in client.get(reverse("core:home")).content.decode()


@pytest.mark.parametrize("role", ["hg_specialist", "hg_leader"])
def test_reading_figures_from_a_document_is_offered_to_specialists_and_leaders(client, request,
                                                                               role):
    client.force_login(user_of(request, role))
    assert reverse("figures:document-new") in menu_links(client)


def test_the_superuser_has_a_link_to_the_django_admin(client, superuser, hg_specialist):
    client.force_login(superuser)
    assert "/admin/" in menu_links(client)
    client.force_login(hg_specialist)
    assert "/admin/" not in menu_links(client)


def test_the_side_menu_has_one_link_per_line_and_no_lone_separators(client, hg_leader):
    client.force_login(hg_leader)
    page = client.get(reverse("core:home")).content.decode()
    menu = page.split('<aside class="sidenav">')[1].split("</aside>")[0]
    assert "·" not in menu
    for item in re.findall(r"<li>(.*?)</li>", menu, re.S):
        assert len(LINK.findall(item)) == 1, item


@pytest.mark.parametrize("role", UNIT_ROLES)
def test_a_unit_users_menu_lists_only_the_registers_of_its_unit_and_the_reference_ones(
        client, request, role):
    from doingoai.core.records import REGISTRY
    from doingoai.organisations.scope import lists_for

    client.force_login(user_of(request, role))
    links = menu_links(client)
    shown = {rt.model._meta.model_name for rt in REGISTRY if rt.reverse("list") in links}
    assert {"delegation", "event", "agreement", "aidprogramme", "partner",
            "organisation"} <= shown
    assert not shown & {"consularcase", "foreigner", "officialpassport", "treaty"}
    assert shown == {rt.model._meta.model_name for rt in REGISTRY
                     if lists_for(None, rt.model, unit_user=True)}
    for name in ("reports:report", "reports:dashboard", "reports:compare"):
        assert reverse(name) not in links
        assert client.get(reverse(name)).status_code == 403

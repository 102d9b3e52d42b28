"""Issue 10's walk: as a Hà Giang specialist and as the ministry viewer, open every page of the
side menu in Chromium, in Vietnamese, on the demo data, and check each one: HTTP 200, no
English string of the catalogue left untranslated, no id or year printed with a digit group.

The demo data is loaded first, so the pages show records (with their ids and years) rather
than empty lists; the administrative units' ids are above 1,000, so an id that went through
number localisation would show a separator.
"""

import pytest

from doingoai.demo.load import load_demo
from doingoai.testing import localised_ids_and_years, untranslated_strings, visible_text

pytestmark = pytest.mark.browser


def menu_links(page) -> list[str]:
    """Every address in the side menu, in order, each once."""
    hrefs = page.eval_on_selector_all("aside.sidenav a[href]", "els => els.map(e => e.href)")
    seen: list[str] = []
    for href in hrefs:
        if href not in seen:
            seen.append(href)
    return seen


def walk_the_menu(pages, username: str, password: str) -> dict[str, list[str]]:
    page = pages.login(username, password)
    links = menu_links(page)
    assert len(links) > 10, links
    faults: dict[str, list[str]] = {}
    for href in links:
        response = page.goto(href)
        found = []
        if response is None or response.status != 200:
            found.append(f"HTTP {response.status if response else 'none'}")
        html = page.content()
        found += [f"English: {text}" for text in untranslated_strings(visible_text(html))]
        found += [f"digit group: {text}" for text in localised_ids_and_years(html)]
        if found:
            faults[href] = found
    return faults


@pytest.mark.parametrize("demo_login", ["HG_SPECIALIST", "MINISTRY_VIEWER"])
def test_every_page_of_the_menu_answers_in_vietnamese_without_digit_groups_in_ids_or_years(
    pages, demo_login
):
    from doingoai.demo import logins

    load_demo()
    login = getattr(logins, demo_login)
    faults = walk_the_menu(pages, login.username, login.effective_password())
    assert faults == {}

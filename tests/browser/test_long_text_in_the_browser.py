"""Issue 10, item 8: the longest title and name a record may have never widen a page; lists
and the calendar cut them with an ellipsis and keep the full text in the title attribute."""

import datetime as dt

import pytest

from doingoai.core.tests.factories import make_delegation, make_partner
from doingoai.delegations.models import Delegation
from doingoai.partners.models import Partner

pytestmark = pytest.mark.browser


def longest(model, name, word="Đoànkhảosátxúctiếnđầutư"):
    """A value of the field's whole length: one endless word, the worst case for a layout."""
    length = model._meta.get_field(name).max_length
    return (word * (length // len(word) + 1))[:length]


def page_width(page) -> tuple[int, int]:
    return page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


def test_the_longest_title_and_name_never_widen_a_page(pages, ha_giang, hg_specialist):
    name = longest(Partner, "name_vi", "Thànhphốhữunghị")
    title = longest(Delegation, "title")
    partner = make_partner(ha_giang, name_vi=name)
    delegation = make_delegation(ha_giang, title=title, departs_on=dt.date.today(),
                                 returns_on=dt.date.today())

    hg = pages.login("hg.specialist")
    for url in ("/partners/partners/", f"/partners/partners/{partner.pk}/",
                "/delegations/delegations/", f"/delegations/delegations/{delegation.pk}/",
                "/notifications/calendar/", "/"):
        hg.goto(url)
        scroll, client = page_width(hg)
        assert scroll <= client, (url, scroll, client)

    hg.goto("/partners/partners/")
    cell = hg.locator(f"main a[href='/partners/partners/{partner.pk}/']")
    assert cell.get_attribute("title") == name
    assert cell.evaluate("e => e.scrollWidth > e.clientWidth")  # cut, with an ellipsis
    hg.goto("/notifications/calendar/")
    entry = hg.locator(f"table.calendar a[href$='/delegations/{delegation.pk}/']").first
    assert entry.get_attribute("title").endswith(title)

"""Issue 2's browser test: a Hà Giang specialist creates a partner, finds it by searching
without diacritics, edits it and sees the change in its history; a Bắc Kạn specialist is
refused on that partner's page.

Selectors do not depend on the interface language (ids, names, hrefs, button types), so the
test holds whether the Vietnamese catalogue is compiled or not.
"""

import re

import pytest
from playwright.sync_api import expect

from doingoai.partners.models import Partner

pytestmark = pytest.mark.browser

LIST_URL = "/partners/partners/"
CREATE_URL = "/partners/partners/new/"


def submit(page):
    """Click the submit button of the page's own form (not the language or logout forms of
    the top bar)."""
    page.locator("main form[method=post] button[type=submit]").click()


def assert_assets_loaded(page):
    """Pico CSS, the site's CSS and htmx are served locally and took effect."""
    sheets = page.evaluate(
        "Array.from(document.styleSheets).filter(s => s.cssRules.length > 0).map(s => s.href)"
    )
    assert any(href and "pico" in href for href in sheets), sheets
    assert any(href and "doingoai.css" in href for href in sheets), sheets
    assert page.evaluate("typeof window.htmx") == "object"


def test_a_specialist_creates_finds_and_edits_a_partner_that_another_province_cannot_open(
    pages, ha_giang, hg_specialist, bk_specialist
):
    # Another Hà Giang partner, which the diacritic-free search must leave out.
    Partner.objects.create(
        owner=ha_giang, kind="locality", name_vi="Tỉnh Vân Nam", name_en="Yunnan", country_id="CN"
    )

    hg = pages.login("hg.specialist")
    expect(hg.locator("html")).to_have_attribute("lang", "vi")
    assert_assets_loaded(hg)

    # Create the partner through the form.
    hg.goto(CREATE_URL)
    hg.select_option("#id_kind", "locality")
    hg.fill("#id_name_vi", "Tỉnh Cam Túc")
    hg.fill("#id_name_en", "Gansu")
    hg.fill("#id_name_native", "甘肃省")
    hg.select_option("#id_country", "CN")
    submit(hg)
    hg.wait_for_url(re.compile(r"/partners/partners/\d+/$"))
    expect(hg.locator("main h1")).to_have_text("Tỉnh Cam Túc")
    partner = Partner.objects.get(name_vi="Tỉnh Cam Túc")
    assert partner.owner == ha_giang
    detail_url = f"{LIST_URL}{partner.pk}/"

    # Find it on the list by typing without diacritics; htmx updates the rows.
    hg.goto(LIST_URL)
    rows = hg.locator("#rows")
    expect(rows).to_contain_text("Tỉnh Vân Nam")
    hg.fill("input[name=q]", "cam tuc")
    expect(rows).not_to_contain_text("Tỉnh Vân Nam")
    expect(rows).to_contain_text("Tỉnh Cam Túc")
    pages.keep_screenshot(hg, "partner-list")
    rows.locator(f'a[href="{detail_url}"]').click()
    hg.wait_for_url(re.compile(re.escape(detail_url) + "$"))

    # Edit one field; the change shows in the history on the detail page.
    hg.locator(f'main a[href="{detail_url}edit/"]').click()
    hg.wait_for_url(re.compile(re.escape(detail_url) + "edit/$"))
    expect(hg.locator("#id_name_en")).to_have_value("Gansu")
    hg.fill("#id_name_en", "Gansu Province")
    submit(hg)
    hg.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    history = hg.locator("#history")
    expect(history.locator("ol > li")).to_have_count(2)
    expect(history.locator("del")).to_contain_text("Gansu")
    expect(history.locator("ins")).to_contain_text("Gansu Province")
    expect(history).to_contain_text(hg_specialist.get_full_name())
    pages.keep_screenshot(hg, "partner-detail")
    assert_assets_loaded(hg)

    # The Bắc Kạn specialist, in a browser of their own, is refused on that partner.
    bk = pages.login("bk.specialist")
    refused_urls = [detail_url, f"{detail_url}edit/", f"{detail_url}delete/"]
    for url in refused_urls:
        response = bk.goto(url)
        assert response.status == 404, url
        expect(bk.locator("body")).not_to_contain_text("Cam Túc")
    bk.goto(f"{LIST_URL}?q=cam+tuc")
    expect(bk.locator("#rows")).not_to_contain_text("Cam Túc")

    # No missing static files, no script errors, on any page either user saw; the only
    # failed loads are the refused pages.
    refused = {f"{pages.base_url}{url}" for url in refused_urls}
    assert [(status, url) for status, url in pages.failed_requests if url not in refused] == []
    assert pages.console_errors == []

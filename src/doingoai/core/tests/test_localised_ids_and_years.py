"""``doingoai.testing.localised_ids_and_years``, the checker the page walks and the browser
test use: it finds an id, a year or a URL that went through number localisation, and lets
quantities be."""

import pytest

from doingoai.testing import localised_ids_and_years

FLAGGED = [
    '<a href="/reports/?place=3.357&amp;period=2019">Xem</a>',
    '<form action="/delegations/1.001/edit/"></form>',
    '<a href="/reports/export/?place=3%2C357">en</a>',
    '<option value="3.357">Hà Giang</option>',
    '<input type="hidden" name="version" value="1.234">',
    '<input name="period" value="2.019">',
    '<input readonly value="https://x.vn/calendar/1.234/feed.ics">',
    '<article id="candidate-1.234"></article>',
    '<button hx-post="/figures/candidates/1.234/decide/" hx-target="#candidate-1.234">',
    '<strong data-id="1.234">',
    "<th>2.025</th>",
    "<td>2,019</td>",
    "<p>Năm 2\u00a0026</p>",
    "<td>#3.357</td>",
]
LEFT_ALONE = [
    '<a href="/reports/?place=3357&amp;period=2019">Xem</a>',
    '<option value="3357">Hà Giang</option>',
    "<th>2025</th><td>2019–2026</td>",
    "<td>2.689 lượt</td><td>1.234.567,5 USD</td><td>22,3</td><td>3</td>",
    '<input name="value" value="3.0000"><input value="22.30">',
    '<a title="2.019 người" href="/x/2019/">ok</a>',
    '<img alt="2.019" src="data:image/png;base64,AAA1.234">',
    "<script>var a = 2.019;</script><style>.a{width:1.234px}</style>",
    '<link href="/static/doingoai/vendor/htmx-2.0.4.min.js">',
]


@pytest.mark.parametrize("html", FLAGGED)
def test_it_finds_an_id_a_year_or_a_url_with_a_digit_group(html):
    assert localised_ids_and_years(html), html


@pytest.mark.parametrize("html", LEFT_ALONE)
def test_it_lets_quantities_and_plain_ids_be(html):
    assert localised_ids_and_years(html) == []


def test_it_says_where_each_one_is():
    found = localised_ids_and_years('<option value="3.357">Hà Giang</option><th>2.025</th>')
    assert len(found) == 2
    assert "<option value>" in found[0] and "3.357" in found[0]
    assert "2.025" in found[1]

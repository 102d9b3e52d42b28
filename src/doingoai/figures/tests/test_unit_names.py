"""Units are named for the reader: "lượt người", not the catalogue's code "persons"
(issue 10, item 10)."""

from decimal import Decimal

from doingoai.core.tests.factories import make_figure
from doingoai.figures.models import Indicator
from doingoai.figures.pages import figures
from doingoai.testing import visible_text


def test_the_figure_list_and_page_name_the_unit_in_vietnamese(hg_client, ha_giang):
    figure = make_figure(ha_giang, indicator=Indicator.objects.get(
        code="delegations.outgoing_persons"), value=Decimal("2689"), unit="persons")
    for url in (figures.reverse("list"), figures.reverse("detail", figure.pk)):
        text = visible_text(hg_client.get(url).content.decode())
        assert "lượt người" in text, url
        assert "persons" not in text, url

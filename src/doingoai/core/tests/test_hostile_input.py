"""Simple hostile input is refused with a message, never a server error (issue 13, item 9):
a NUL byte anywhere in a query or a form (PostgreSQL cannot take one), a calendar month out
of range, and a download of a field that is not a file."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from doingoai.core.tests.factories import make_partner
from doingoai.partners.pages import partners

NUL_MESSAGE = "ký tự NUL"


@pytest.mark.parametrize("url, params", [
    (partners.reverse("list"), {"q": "a\x00b"}),
    (reverse("reports:report"), {"period": "2020\x00"}),
    (reverse("reports:report"), {"place": "1\x00"}),
    (reverse("reports:compare"), {"indicator": "a\x00b"}),
    (reverse("reports:report-export"), {"prefer": "\x00"}),
    (partners.reverse("list"), {"a\x00b": "1"}),
])
def test_it_refuses_a_nul_byte_in_a_query_with_a_message_in_vietnamese(hg_client, url, params):
    response = hg_client.get(url, params)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode("utf-8")


def test_it_refuses_a_nul_byte_in_a_form(hg_client, ha_giang):
    response = hg_client.post(partners.reverse("create"), urlencode({"name_vi": "Tỉnh\x00Vân"}),
                              content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode("utf-8")


def test_a_search_without_a_nul_byte_still_works(hg_client, ha_giang):
    assert hg_client.get(partners.reverse("list"), {"q": "van nam"}).status_code == 200


@pytest.mark.parametrize("month", ["9999-12", "1-1", "0-0", "2025-13", "99999999999999999999-1"])
def test_the_calendar_shows_this_month_for_a_month_out_of_range(hg_client, month):
    response = hg_client.get(reverse("notifications:calendar"), {"month": month})
    assert response.status_code == 200


def test_a_download_of_a_field_that_is_not_a_file_is_not_found(hg_client, ha_giang):
    partner = make_partner(ha_giang)
    response = hg_client.get(f"/files/partners/partner/{partner.pk}/name_vi/")
    assert response.status_code == 404


def test_an_id_beyond_the_databases_integers_matches_nothing_instead_of_a_server_error(
        ha_giang):
    """Found by schemathesis (an event's partners sent by a program): SQLite refused the
    number with an OverflowError."""
    from doingoai.partners.models import Partner

    partner = make_partner(ha_giang)
    assert list(Partner.objects.filter(pk__in=[-(10**24), partner.pk, 2**70])) == [partner]
    assert not Partner.objects.filter(pk__in=[2**70]).exists()

"""The report page takes a place by its name, with or without diacritics, like the CLI."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("place", ["Hà Giang", "ha giang", "Tỉnh Hà Giang"])
def test_the_report_page_finds_the_province_by_its_name(client, hg_specialist, place):
    client.force_login(hg_specialist)
    response = client.get(reverse("reports:report"), {"place": place, "period": "2015-2020"})
    assert response.status_code == 200


def test_another_province_named_in_the_address_is_refused(client, bk_specialist, ha_giang):
    client.force_login(bk_specialist)
    response = client.get(reverse("reports:report"), {"place": "ha giang", "period": "2020"})
    assert response.status_code == 403

"""Forms a civil servant can use: searchable long drop-downs, the common currencies first,
"— chọn —" for the empty option, a checkbox inside its own label, dates dd/mm/yyyy."""

import importlib
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from doingoai.core.models import COMMON_CURRENCIES, Currency
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_delegation, valid_form_data
from doingoai.delegations.models import Delegation
from doingoai.delegations.pages import delegations
from doingoai.testing import client_for

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY

DASHES = "---------"
CHOOSE_VI = "— chọn —"


def select_tag(html: str, name: str) -> str:
    match = re.search(r'<select[^>]*\bname="' + re.escape(name) + r'"[^>]*>', html)
    assert match, f"no <select name={name!r}> in the page"
    return match.group(0)


def option_values(html: str, name: str) -> list[str]:
    start = html.index(select_tag(html, name))
    body = html[start:html.index("</select>", start)]
    return re.findall(r'<option value="([^"]*)"', body)


def test_the_delegation_form_makes_long_lists_searchable_and_leaves_short_ones_plain(hg_client):
    html = hg_client.get(delegations.reverse("create")).content.decode()

    # 249 countries, the communes of Hà Giang, the members' nationality: searchable.
    for name in ("countries", "places", "inline0-0-nationality"):
        assert "data-searchable" in select_tag(html, name), name
    # Two directions, a handful of funding sources and member roles: plain.
    for name in ("direction", "funding", "inline0-0-role"):
        assert "data-searchable" not in select_tag(html, name), name
    # A multiple choice is never a Ctrl-click list, however short (no partner yet here).
    assert option_values(html, "partners") == []
    assert "data-searchable" in select_tag(html, "partners")
    # The page loads the widget and the script that starts it, from this server.
    assert "/static/doingoai/vendor/tom-select-2.6.2.complete.min.js" in html
    assert "/static/doingoai/forms.js" in html


def test_a_list_filter_with_many_countries_is_searchable_too(hg_client):
    html = hg_client.get(delegations.reverse("list")).content.decode()
    assert "data-searchable" in select_tag(html, "countries")
    assert "data-searchable" not in select_tag(html, "direction")


def test_currency_lists_put_vnd_usd_eur_jpy_cny_krw_first(hg_client):
    aid = next(rt for rt in REGISTRY if rt.namespace == "aid" and rt.slug == "programme")
    html = hg_client.get(aid.reverse("create")).content.decode()
    values = [v for v in option_values(html, "inline0-0-currency") if v]
    assert values[:6] == ["VND", "USD", "EUR", "JPY", "CNY", "KRW"]
    # The others follow by code.
    assert values[6:] == sorted(values[6:])
    assert len(values) > 100
    assert list(Currency.objects.values_list("code", flat=True)[:6]) == list(COMMON_CURRENCIES)


def test_no_form_or_filter_of_any_record_type_shows_dashes_for_the_empty_choice(hg_client):
    """The whole class: every create page and every list (its filters) of every record type."""
    offenders, seen_choose = [], 0
    for rt in REGISTRY:
        for action in ("create", "list"):
            html = hg_client.get(rt.reverse(action)).content.decode()
            if DASHES in html:
                offenders.append(rt.reverse(action))
            seen_choose += html.count(f">{CHOOSE_VI}</option>")
    assert offenders == []
    assert seen_choose > len(REGISTRY)  # every type has at least one optional choice or filter


def test_the_django_admin_shows_the_empty_choice_in_vietnamese_too(client, db):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    html = client.get("/admin/delegations/delegation/add/").content.decode()
    assert DASHES not in html
    assert f">{CHOOSE_VI}</option>" in html


def test_the_border_area_checkbox_sits_inside_its_own_label(hg_client):
    html = hg_client.get(delegations.reverse("create")).content.decode()
    label = re.search(r'<label[^>]*for="id_visits_border_area"[^>]*>(.*?)</label>', html, re.S)
    assert label, "the checkbox has no label of its own"
    assert 'type="checkbox"' in label.group(1)
    assert "Vào khu vực biên giới" in label.group(1)
    # Nothing but that label stands between the box and the next field's label.
    assert "Đối tác" not in label.group(1)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_date_typed_day_month_year_is_saved_and_shown_day_month_year(
    client, hg_specialist, ha_giang, language
):
    client = client_for(client, hg_specialist)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = {**valid_form_data(delegations, ha_giang), "departs_on": "04/03/2024",
            "returns_on": "09/03/2024"}

    response = client.post(delegations.reverse("create"), data)

    assert response.status_code == 302, response.context["form"].errors
    delegation = Delegation.objects.get()
    assert (delegation.departs_on.day, delegation.departs_on.month) == (4, 3)
    assert (delegation.returns_on.day, delegation.returns_on.month) == (9, 3)
    edit = client.get(delegations.reverse("edit", delegation.pk)).content.decode()
    box = re.search(r'<input[^>]*name="departs_on"[^>]*>', edit).group(0)
    assert 'type="text"' in box  # not type=date, which shows the browser locale's format
    assert 'value="04/03/2024"' in box
    assert 'placeholder="dd/mm/yyyy"' in box
    detail = client.get(delegations.reverse("detail", delegation.pk)).content.decode()
    assert "04/03/2024" in detail


def test_a_workflow_steps_date_is_a_day_month_year_text_box(client, hg_leader, ha_giang):
    delegation = make_delegation(ha_giang, status=Delegation.Status.SUBMITTED)
    html = client_for(client, hg_leader).get(
        delegations.reverse("detail", delegation.pk)).content.decode()
    box = re.search(r'<input[^>]*name="decision_date"[^>]*>', html).group(0)
    assert 'type="text"' in box
    assert re.search(r'value="\d\d/\d\d/\d{4}"', box)


def test_an_impossible_date_is_refused_with_a_message_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(delegations, ha_giang), "departs_on": "31/02/2024"}
    response = hg_client.post(delegations.reverse("create"), data)
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ." in response.content.decode()
    assert not Delegation.all_objects.exists()

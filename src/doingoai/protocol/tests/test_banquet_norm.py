"""A banquet's cost per guest is checked against the spending norm in force on its date, by
the same rule on the page, in the Django admin and in the XLSX import."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doingoai.core.tests.test_spreadsheets import filled, upload
from doingoai.protocol.models import Banquet, SpendingNorm
from doingoai.protocol.norms import BANQUET_NORMS
from doingoai.protocol.pages import banquets
from doingoai.rules.models import LegalDocument

OVER_NORM = {"title": "Chiêu đãi Đại sứ", "on": "08/12/2026", "guest_class": "A",
             "covers": "12", "cost": "20400000", "currency": "VND"}  # 1,700,000 a guest


def test_the_seeded_norm_of_class_a_is_the_circulars_figure(db):
    norm = SpendingNorm.in_force("A", dt.date(2026, 12, 8))
    assert norm.per_guest == dict(BANQUET_NORMS)["A"]
    assert norm.document.number == "71/2018/TT-BTC"


def test_a_banquet_over_the_norm_is_refused_on_the_page_with_the_rule_cited(
        client, hg_specialist):
    client.force_login(hg_specialist)
    response = client.post(banquets.reverse("create"), OVER_NORM)
    assert response.status_code == 400
    text = response.content.decode()
    assert "1.700.000" in text and "1.600.000" in text
    assert "Thông tư 71/2018/TT-BTC" in text
    assert not Banquet.objects.exists()


def test_a_banquet_within_the_norm_is_saved_with_the_norm_it_was_checked_against(
        client, hg_specialist):
    client.force_login(hg_specialist)
    response = client.post(banquets.reverse("create"), {**OVER_NORM, "cost": "19200000"})
    assert response.status_code == 302
    banquet = Banquet.objects.get()
    assert banquet.per_guest_vnd == Decimal("1600000")
    assert banquet.norm.document.number == "71/2018/TT-BTC"


def test_an_edit_that_takes_a_banquet_over_the_norm_is_refused(client, hg_specialist,
                                                               ha_giang):
    banquet = Banquet.objects.create(owner=ha_giang, title="Cơm thân mật",
                                     on=dt.date(2026, 12, 8), guest_class="B", covers=10,
                                     cost=Decimal("9000000"))
    client.force_login(hg_specialist)
    response = client.post(banquets.reverse("edit", banquet.pk),
                           {**OVER_NORM, "guest_class": "B", "covers": "10",
                            "cost": "12500000", "version": banquet.version})
    assert response.status_code == 400
    assert Banquet.objects.get().cost == Decimal("9000000")


def test_the_admin_refuses_a_banquet_over_the_norm(admin_client, ha_giang):
    response = admin_client.post(reverse("admin:protocol_banquet_add"), {
        **OVER_NORM, "owner": ha_giang.pk, "on": "2026-12-08", "notes": ""})
    assert response.status_code == 200
    assert "71/2018/TT-BTC" in response.content.decode()
    assert not Banquet.objects.exists()


def test_the_import_refuses_a_banquet_over_the_norm_and_names_the_rule(client, hg_specialist):
    client.force_login(hg_specialist)
    row = {**OVER_NORM, "on": dt.date(2026, 12, 8), "guest_class": "A",
           "covers": 12, "cost": 20400000}
    response = upload(client, banquets, filled(client, banquets, [row]))
    assert response.status_code == 400
    reason = dict(response.context["bad_rows"])[2]
    assert "71/2018/TT-BTC" in reason
    assert not Banquet.objects.exists()


def test_a_provinces_own_lower_norm_wins_over_the_national_one(ha_giang):
    decision = LegalDocument.objects.create(number="15/2019/NQ-HĐND", kind="provincial",
                                            title="Nghị quyết về mức chi tiếp khách nước ngoài",
                                            issuer="HĐND tỉnh Hà Giang", province=ha_giang)
    SpendingNorm.objects.create(document=decision, province=ha_giang, guest_class="A",
                                per_guest=Decimal("1000000"), valid_from=dt.date(2019, 7, 1))
    banquet = Banquet(owner=ha_giang, title="Chiêu đãi", on=dt.date(2026, 12, 8),
                      guest_class="A", covers=10, cost=Decimal("12000000"))
    with pytest.raises(ValidationError) as refused:
        banquet.full_clean()
    assert "15/2019/NQ-HĐND" in str(refused.value)


def test_a_foreign_currency_cost_is_converted_at_the_rate_of_the_day(ha_giang):
    from doingoai.core.models import ExchangeRate

    ExchangeRate.objects.create(currency_id="USD", on=dt.date(2026, 12, 1),
                                vnd_per_unit=Decimal("25000"), source="SBV")
    banquet = Banquet(owner=ha_giang, title="Chiêu đãi", on=dt.date(2026, 12, 8),
                      guest_class="A", covers=10, cost=Decimal("700"), currency_id="USD")
    with pytest.raises(ValidationError):  # 1,750,000 VND a guest
        banquet.full_clean()
    banquet.cost = Decimal("600")  # 1,500,000 VND a guest
    banquet.full_clean()

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.models import ExchangeRate

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(ha_giang):
    ExchangeRate.objects.create(currency_id="USD", on=dt.date(2024, 3, 1),
                                vnd_per_unit=Decimal("24800"), source="Vietcombank")
    ExchangeRate.objects.create(currency_id="USD", on=dt.date(2025, 6, 2),
                                vnd_per_unit=Decimal("26000"), source="Vietcombank")
    programme = AidProgramme.objects.create(
        owner=ha_giang, kind="ngo", title="Chương trình phát triển vùng ChildFund Hà Giang",
        status="under_way",
    )
    AidTransaction.objects.create(programme=programme, kind="commitment",
                                  on=dt.date(2024, 3, 15), amount=Decimal("22300000"),
                                  currency_id="USD")
    AidTransaction.objects.create(programme=programme, kind="disbursement",
                                  on=dt.date(2025, 6, 10), amount=Decimal("2600000000"),
                                  currency_id="VND")
    return programme


def test_the_totals_are_in_vnd_and_usd_at_the_rate_of_each_transaction_date(programme):
    with translation.override("en"):
        rows = {(str(r["kind"]), r["currency"]): r for r in programme.totals()}
    assert rows[("Commitment", "VND")]["amount"] == Decimal("553040000000")
    assert rows[("Commitment", "USD")]["amount"] == Decimal("22300000")
    assert rows[("Disbursement", "VND")]["amount"] == Decimal("2600000000")
    assert rows[("Disbursement", "USD")]["amount"] == Decimal("100000")
    assert rows[("Commitment", "VND")]["notes"] == [
        "1 USD = 24800 VND on 01/03/2024 (Vietcombank)"]
    assert rows[("Disbursement", "USD")]["notes"] == [
        "1 USD = 26000 VND on 02/06/2025 (Vietcombank)"]


def test_the_programme_page_shows_both_totals_and_the_rates_used(hg_client, programme):
    page = hg_client.get(reverse("aid:programme-detail", args=[programme.pk])).content.decode()
    assert "553.040.000.000 VND" in page
    assert "22.300.000 USD" in page
    assert "2.600.000.000 VND" in page
    assert "100.000 USD" in page
    assert "1 USD = 24800 đồng ngày 01/03/2024 (Vietcombank)" in page
    assert "1 USD = 26000 đồng ngày 02/06/2025 (Vietcombank)" in page


def test_a_missing_rate_is_said_rather_than_summed_wrongly(hg_client, programme):
    AidTransaction.objects.create(programme=programme, kind="commitment",
                                  on=dt.date(2020, 1, 1), amount=Decimal("1000"),
                                  currency_id="EUR")
    page = hg_client.get(reverse("aid:programme-detail", args=[programme.pk])).content.decode()
    assert "Chưa có tỷ giá EUR" in page


def test_an_ngo_programme_under_way_owes_its_six_monthly_and_yearly_reports(programme):
    deadlines = programme.report_deadlines(dt.date(2026, 7, 1))
    codes = [rule.code for _, rule in deadlines]
    assert deadlines[0][0] == dt.date(2026, 7, 31)
    assert codes[0] == "aid.report_first_half"
    assert "aid.agency_annual_report" in codes
    agency = dict((r.code, r) for _, r in deadlines)["aid.agency_annual_report"]
    assert agency.document.number == "313/2025/NĐ-CP"


def test_only_a_leader_records_the_approval(client, ha_giang, hg_specialist, hg_leader,
                                            bk_specialist):
    programme = AidProgramme.objects.create(owner=ha_giang, kind="ngo", title="Dự án nước sạch",
                                            status="submitted")
    url = reverse("aid:programme-transition", args=[programme.pk, "approve"])
    data = {"decision_number": "789/QĐ-UBND", "decision_date": "2026-01-05"}
    client.force_login(bk_specialist)
    assert client.post(url, data).status_code == 404
    client.force_login(hg_specialist)
    assert client.post(url, data).status_code == 403
    client.force_login(hg_leader)
    assert client.post(url, data).status_code == 302
    programme.refresh_from_db()
    assert programme.status == "approved"
    assert programme.decision_number == "789/QĐ-UBND"


def _page_queries(client, programme) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("aid:programme-detail", args=[programme.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_programme_page_reads_the_rate_table_once_at_1_and_at_200_transactions(
        hg_client, programme):
    programme.transactions.all().delete()
    AidTransaction.objects.create(programme=programme, kind="commitment",
                                  on=dt.date(2024, 4, 1), amount=Decimal("10"),
                                  currency_id="USD")
    _page_queries(hg_client, programme)  # the first visit also fills per-process caches
    one = _page_queries(hg_client, programme)
    AidTransaction.objects.bulk_create([
        AidTransaction(programme=programme, kind=("commitment", "disbursement")[n % 2],
                       on=dt.date(2024, 4, 1) + dt.timedelta(days=n), amount=Decimal(n + 1),
                       currency_id=("USD", "VND")[n % 3 == 0])
        for n in range(199)])
    assert _page_queries(hg_client, programme) == one


def test_the_rate_table_gives_the_rate_the_database_gives_for_every_day(programme):
    from doingoai.core.rates import rate_table

    table = rate_table()
    for day in (dt.date(2024, 2, 29), dt.date(2024, 3, 1), dt.date(2025, 6, 1),
                dt.date(2025, 6, 2), dt.date(2030, 1, 1)):
        expected = ExchangeRate.objects.rate_on("USD", day)
        found = table.rate_on("USD", day)
        assert (found and (found.on, found.vnd_per_unit)) == (
            expected and (expected.on, expected.vnd_per_unit)), day
    assert table.rate_on("EUR", dt.date(2025, 1, 1)) is None

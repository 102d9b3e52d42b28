"""Benchmark of the detail pages with many child rows (``make bench``): a delegation with
BENCH_DETAIL_ROWS members of several nationalities and an aid programme with as many
transactions in several currencies, in a throw-away SQLite database (or
DOINGOAI_BENCH_DATABASE_URL, an empty database). For each page, as the province's specialist,
it prints the number of SQL queries and the best time of a few requests, with 1 row and with
BENCH_DETAIL_ROWS rows: the queries must not grow with the rows (one per member's nationality
before issue 15). The programme's totals still convert each transaction at its day's rate
with a query per row and currency (the dated rate table, loaded once, is the report's work).

Environment: BENCH_DETAIL_ROWS (default 200), DOINGOAI_BENCH_REPEAT (default 3),
DOINGOAI_BENCH_SRC (another source tree to measure, e.g. the code before a change).
"""

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_DETAIL_ROWS", "200"))
REPEAT = int(os.environ.get("DOINGOAI_BENCH_REPEAT", "3"))
TMP = Path(tempfile.mkdtemp(prefix="doingoai-bench-detail-"))
os.environ["DATABASE_URL"] = database_url("detail", f"sqlite:///{TMP / 'bench.sqlite3'}",
                                          fresh=True)
os.environ["DOINGOAI_VAR_DIR"] = str(TMP)
(TMP / "static").mkdir()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, os.environ.get("DOINGOAI_BENCH_SRC", str(ROOT / "src")))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from doingoai.accounts.models import Membership  # noqa: E402
from doingoai.aid.models import AidProgramme, AidTransaction  # noqa: E402
from doingoai.core.models import AdminUnit, ExchangeRate  # noqa: E402
from doingoai.delegations.models import Delegation, DelegationMember  # noqa: E402

COUNTRIES = ["CN", "LA", "KH", "JP", "KR", "TH", "US", "FR"]
CURRENCIES = ["VND", "USD", "EUR"]


def page(client, url) -> tuple[int, float]:
    times, queries = [], 0
    client.get(url)  # the first request fills per-process caches
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    return queries, min(times)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    user = get_user_model().objects.create_user("bench-detail")
    Membership.objects.create(user=user, role="specialist", province=province)
    client = Client()
    client.force_login(user)
    trip = Delegation.objects.create(
        owner=province, direction="incoming", title="Đoàn bench", purpose="Làm việc",
        departs_on=dt.date(2024, 3, 4), returns_on=dt.date(2024, 3, 9))
    for currency, rate in (("USD", 24_000), ("EUR", 26_000)):  # the totals convert each row
        ExchangeRate.objects.get_or_create(currency_id=currency, on=dt.date(2023, 12, 29),
                                           defaults={"vnd_per_unit": rate, "source": "bench"})
    programme = AidProgramme.objects.create(
        owner=province, kind="ngo", title="Dự án bench", starts_on=dt.date(2024, 1, 1))

    def add(n, start):
        DelegationMember.objects.bulk_create([
            DelegationMember(delegation=trip, name=f"Thành viên {i}",
                             nationality_id=COUNTRIES[i % len(COUNTRIES)])
            for i in range(start, start + n)])
        AidTransaction.objects.bulk_create([
            AidTransaction(programme=programme, kind="disbursement", amount=1000 + i,
                           on=dt.date(2024, 1, 1) + dt.timedelta(days=i % 300),
                           currency_id=CURRENCIES[i % len(CURRENCIES)])
            for i in range(start, start + n)])

    print(f"{connection.vendor}, source {sys.path[0]}")
    best = f"ms (best of {REPEAT})"
    print(f"{'detail page':<22} {'rows':>6} {'queries':>8} {best:>18}")
    add(1, 0)
    for rows in (1, ROWS):
        if rows > 1:
            add(rows - 1, 1)
        for name, url in (("delegation", f"/delegations/delegations/{trip.pk}/"),
                          ("aid programme", f"/aid/programmes/{programme.pk}/")):
            queries, seconds = page(client, url)
            print(f"{name:<22} {rows:>6} {queries:>8} {seconds * 1000:>18.0f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)

"""Queries per page of a reporting round's page, with 10 and with 100 units asked (issue 12).

Builds, in its own SQLite database under var/bench/ (migrated on first use), a Tuyên Quang
round of four indicators asking 10 and then 100 of its communes, each with figures and a mix of
states, then loads the round's page as the office's specialist and as a commune's reporter and
prints the number of SQL queries and the time of each. The query count should not grow with
the units (no query per row). Nothing here is asserted.

Run from the repository root:  .venv/bin/python benchmarks/bench_round_page.py
"""

import os
import sys
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["DATABASE_URL"] = database_url(
    "round", f"sqlite:///{BENCH_DIR / 'round.sqlite3'}", fresh=False)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from doingoai.accounts.models import Membership  # noqa: E402
from doingoai.core.models import AdminUnit  # noqa: E402
from doingoai.organisations.models import Organisation  # noqa: E402
from doingoai.reporting.models import Round, Submission, SubmittedFigure  # noqa: E402

INDICATORS = ["delegations.incoming", "delegations.incoming_persons", "delegations.outgoing",
              "conferences.organised"]
STATES = ["received", "received", "approved", "submitted", "returned", "pending"]


def user(username, role, province, unit=None):
    existing = get_user_model().objects.filter(username=username).first()
    if existing:
        return existing
    created = get_user_model().objects.create_user(username, password="bench-password")
    Membership.objects.create(user=created, role=role, province=province, organisation=unit)
    return created


def make_round(province, units, author) -> Round:
    title = f"Quý III/2026, {len(units)} đơn vị"
    existing = Round.objects.filter(owner=province, title=title).first()
    if existing:
        return existing
    round_ = Round.objects.create(owner=province, title=title, period="2026-Q3",
                                  due_on=dt.date(2026, 10, 15), created_by=author)
    round_.indicators.set(INDICATORS)
    round_.units.set(units)
    for index, submission in enumerate(round_.submissions.all()):
        submission.status = STATES[index % len(STATES)]
        submission.save()
        SubmittedFigure.objects.bulk_create([
            SubmittedFigure(submission=submission, indicator_id=code, value=Decimal(index % 7))
            for code in INDICATORS])
    return round_


def measure(client, url, repeat=3):
    best, queries = None, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        best = elapsed if best is None else min(best, elapsed)
        queries = len(captured)
    return queries, best


def main():
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    communes = list(Organisation.objects.filter(owner=province, kind="commune").order_by("pk"))
    office = user("bench.office", "specialist", province)
    reporter = user("bench.reporter", "reporter", province, communes[0])
    print(f"{'units':>6} {'who':<10} {'queries':>8} {'best of 3 (ms)':>15}")
    for count in (10, 100):
        round_ = make_round(province, communes[:count], office)
        assert Submission.objects.filter(round=round_).count() == count
        url = reverse("reporting:round-detail", args=[round_.pk])
        for label, who in (("office", office), ("reporter", reporter)):
            client = Client()
            client.force_login(who)
            queries, best = measure(client, url)
            print(f"{count:>6} {label:<10} {queries:>8} {best * 1000:>15.1f}")


if __name__ == "__main__":
    main()

"""Benchmark of the home page (the agenda) on a national-scale data set (``make bench``).

Generates (once; reused while the options are unchanged) 34 provinces × 20 years of synthetic
records with ``doingoai gendata`` in its own database — every generated aid programme is under
way, three in four are foreign NGO aid, so each owes reports — then requests the home page
through the Django test client as a province's specialist, its leader and the ministry viewer
(who reads all 34 provinces), and prints, for each, the number of SQL queries and the best
time of a few requests.

The number to watch is the queries: the rules in force are read once per request, so they do
not grow with the number of programmes (before issue 15 they were read once per programme).

Environment: DOINGOAI_BENCH_SCALE (default 0.1; 1.0 for the national data set),
DOINGOAI_BENCH_DATABASE_URL (default an SQLite file under var/bench/), DOINGOAI_BENCH_REPEAT
(default 3), DOINGOAI_BENCH_SRC (another source tree to measure, e.g. the code before a change).
"""

import io
import json
import os
import sys
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("DOINGOAI_BENCH_SCALE", "0.1"))
REPEAT = int(os.environ.get("DOINGOAI_BENCH_REPEAT", "3"))
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["DATABASE_URL"] = database_url(
    "agenda", f"sqlite:///{BENCH_DIR / f'agenda-{SCALE:g}.sqlite3'}", fresh=False)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, os.environ.get("DOINGOAI_BENCH_SRC", str(ROOT / "src")))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from doingoai.accounts.models import Membership  # noqa: E402
from doingoai.aid.models import AidProgramme  # noqa: E402
from doingoai.core.models import AdminUnit  # noqa: E402
from doingoai.delegations.models import Delegation  # noqa: E402

PROVINCE = "Tuyên Quang"
OPTIONS = {"provinces": 34, "years": 20, "end_year": 2024, "scale": SCALE}


def prepare():
    call_command("migrate", verbosity=0)
    marker = BENCH_DIR / f"agenda-gendata-{connection.vendor}-{SCALE:g}.json"
    if not (marker.exists() and json.loads(marker.read_text()) == OPTIONS and
            Delegation.objects.filter(title__startswith="[gendata]").exists()):
        started = time.perf_counter()
        call_command("gendata", provinces=OPTIONS["provinces"], years=OPTIONS["years"],
                     end_year=OPTIONS["end_year"], scale=SCALE, replace=True,
                     stdout=io.StringIO())
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # plans on unanalysed tables mean nothing
        marker.write_text(json.dumps(OPTIONS))
        print(f"generated in {time.perf_counter() - started:.1f} s")
    province = AdminUnit.objects.provinces().get(name=PROVINCE, generation="2025")
    users = {}
    for role, unit in (("specialist", province), ("leader", province), ("ministry", None)):
        user, created = get_user_model().objects.get_or_create(username=f"bench-agenda-{role}")
        if created:
            Membership.objects.create(user=user, role=role, province=unit)
        users[role] = user
    return province, users


def measure(user) -> tuple[int, float]:
    client = Client()
    client.force_login(user)
    times, queries = [], 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/")
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    return queries, min(times)


def main():
    setup_test_environment()
    province, users = prepare()
    ngo = AidProgramme.objects.reporting().of_kind(AidProgramme.Kind.NGO)
    in_province = ngo.filter(Q(owner=province) | Q(owner__successor=province)).count()
    print(f"scale {SCALE:g} (34 provinces × 20 years) on {connection.vendor}: "
          f"{ngo.count():,} NGO programmes owing reports, {in_province:,} in {PROVINCE}; "
          f"source {sys.path[0]}")
    print(f"{'home page as':<22} {'queries':>8} {'ms (best of ' + str(REPEAT) + ')':>18}")
    for role, user in users.items():
        queries, seconds = measure(user)
        print(f"{role:<22} {queries:>8} {seconds * 1000:>18.0f}")


if __name__ == "__main__":
    main()

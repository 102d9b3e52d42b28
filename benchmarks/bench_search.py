"""Benchmark of the delegation list's search with and without its trigram index, on
PostgreSQL (``make bench`` skips it without BENCH_DATABASE_URL; see benchdb.py).

Generates ``doingoai gendata`` (34 provinces × 20 years at DOINGOAI_BENCH_SCALE, default 0.2),
runs ANALYZE, then times the list's query (the filter and the search of the load benchmark:
outgoing, "đoàn 2019"; the first page of 50 rows and the count) with the pg_trgm GIN index of
migration delegations 0004, then with the index dropped (and put back at the end), in the same
run. Prints the scale, the rows, the plan's access path and the best of DOINGOAI_BENCH_REPEAT
(default 5) in ms. The planner takes the index only for a selective search: "đoàn" is in
every generated title, so for the default query both runs scan; BENCH_LOAD_QUERY="2019-37"
shows a selective one.
"""

import io
import os
import sys
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
URL = database_url("search", "", fresh=True, exact="BENCH_SEARCH_DATABASE_URL")
SCALE = float(os.environ.get("DOINGOAI_BENCH_SCALE", "0.2"))
REPEAT = int(os.environ.get("DOINGOAI_BENCH_REPEAT", "5"))
QUERY = os.environ.get("BENCH_LOAD_QUERY", "đoàn 2019")
if not URL.startswith("postgres"):
    print("bench_search: set BENCH_DATABASE_URL to a PostgreSQL server and database name; skipped")
    sys.exit(0)
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from doingoai.delegations.models import Delegation  # noqa: E402

INDEX = f"{Delegation._meta.db_table}_search_text_trgm"


def timed():
    qs = Delegation.objects.filter(direction="outgoing").search(QUERY).order_by(
        "-departs_on", "-pk")
    best, found = None, 0
    for _ in range(REPEAT):
        started = time.perf_counter()
        found = qs.count()
        list(qs[:50])
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    sql, params = qs.only("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    path = "index (trigram)" if any(INDEX in line for line in plan) else "sequential scan"
    return best, found, path


def main():
    call_command("migrate", verbosity=0)
    if not Delegation.objects.filter(title__startswith="[gendata]").exists():
        started = time.perf_counter()
        call_command("gendata", provinces=34, years=20, scale=SCALE, stdout=io.StringIO())
        print(f"generated in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"scale {SCALE:g}: {Delegation.objects.count():,} delegations; search "
          f"{QUERY!r}, outgoing; best of {REPEAT}")
    seconds, found, path = timed()
    print(f"{'with the trigram index':<28} {seconds * 1000:8.1f} ms  {found:,} found  {path}")
    with connection.cursor() as cursor:
        definition_sql = ("SELECT indexdef FROM pg_indexes WHERE indexname = %s")
        cursor.execute(definition_sql, [INDEX])
        (definition,) = cursor.fetchone()
        cursor.execute(f'DROP INDEX "{INDEX}"')
        cursor.execute("ANALYZE")
    try:
        seconds, found, path = timed()
        print(f"{'without (LIKE, as before)':<28} {seconds * 1000:8.1f} ms  {found:,} found  "
              f"{path}")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(definition)


if __name__ == "__main__":
    main()

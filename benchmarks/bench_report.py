"""Benchmark of the periodic report on a national-scale data set (``make bench``).

Generates (once; reused while the options are unchanged) 34 provinces × 20 years of synthetic
records with ``doingoai gendata`` — about a million delegation members and 100 thousand aid
transactions — in its own database, then prints the time of

* a five-year province report of the figures a hand-written SQL aggregate computes (through
  the ORM and the registry of computations), beside that SQL, so that both sides compute the
  same figures; then, for information, the report of every indicator, and with its
  breakdowns and trends;
* the ministry comparison (one indicator, every province), beside one GROUP BY in SQL;

with the ratio of the two. The SQL answers are checked against the report's.

Environment: DOINGOAI_BENCH_SCALE (default 1.0; 0.05 for a quick run),
DOINGOAI_BENCH_DATABASE_URL (default an SQLite file under var/bench/), DOINGOAI_BENCH_REPEAT
(default 3: the best of three runs is printed), DOINGOAI_BENCH_SRC (another source tree to
measure, e.g. the code before a change, on the same data).
"""

import io
import json
import os
import sys
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("DOINGOAI_BENCH_SCALE", "1.0"))
REPEAT = int(os.environ.get("DOINGOAI_BENCH_REPEAT", "3"))
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["DATABASE_URL"] = database_url(
    "report", f"sqlite:///{BENCH_DIR / f'bench-{SCALE:g}.sqlite3'}", fresh=False)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, os.environ.get("DOINGOAI_BENCH_SRC", str(ROOT / "src")))

import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from doingoai.agreements.models import Agreement  # noqa: E402
from doingoai.aid.models import AidProgramme, AidTransaction  # noqa: E402
from doingoai.core.models import AdminUnit, ExchangeRate  # noqa: E402
from doingoai.delegations.models import Delegation, DelegationMember  # noqa: E402
from doingoai.events.models import Event  # noqa: E402
from doingoai.lib.periods import parse_period  # noqa: E402
from doingoai.reports.computations import tallying  # noqa: E402
from doingoai.reports.report import ReportBuilder, build_report  # noqa: E402

PROVINCE = "Tuyên Quang"  # today's Tuyên Quang rolls up Hà Giang and the old Tuyên Quang
PERIOD = "2020-2024"
INDICATOR = "delegations.outgoing_persons"
OPTIONS = {"provinces": 34, "years": 20, "end_year": 2024, "scale": SCALE}


def prepare():
    call_command("migrate", verbosity=0)
    marker = BENCH_DIR / f"gendata-{connection.vendor}-{SCALE:g}.json"
    if marker.exists() and json.loads(marker.read_text()) == OPTIONS and \
            Delegation.objects.filter(title__startswith="[gendata]").exists():
        return
    started = time.perf_counter()
    call_command("gendata", provinces=OPTIONS["provinces"], years=OPTIONS["years"],
                 end_year=OPTIONS["end_year"], scale=SCALE, replace=True, stdout=io.StringIO())
    marker.write_text(json.dumps(OPTIONS))
    print(f"generated in {time.perf_counter() - started:.1f} s: "
          f"{DelegationMember.objects.count():,} members, "
          f"{AidTransaction.objects.count():,} aid transactions")


def best_of(function):
    times, result = [], None
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def table(model):
    return connection.ops.quote_name(model._meta.db_table)


def q(name):
    return connection.ops.quote_name(name)


def sql_province_figures(unit_ids, start, end):
    """The report's computable flow figures for ``unit_ids`` in one pass per register."""
    ids = ",".join(str(i) for i in unit_ids)
    d, m = table(Delegation), table(DelegationMember)
    a = table(Agreement)
    p, t, r = table(AidProgramme), table(AidTransaction), table(ExchangeRate)
    donors = table(AidProgramme.donors.through)
    figures = {}
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT d.direction, COUNT(DISTINCT d.id), COUNT(m.id)
            FROM {d} d LEFT JOIN {m} m ON m.delegation_id = d.id
            WHERE d.owner_id IN ({ids}) AND d.deleted_at IS NULL
              AND d.status NOT IN ('refused', 'cancelled') AND d.departs_on BETWEEN %s AND %s
            GROUP BY d.direction""", [start, end])
        for direction, count, persons in cursor.fetchall():
            figures[f"delegations.{direction}"] = count
            figures[f"delegations.{direction}_persons"] = persons
        cursor.execute(f"""
            SELECT
              SUM(CASE WHEN signed_on BETWEEN %s AND %s
                        AND status NOT IN ('negotiating', 'consultation') THEN 1 ELSE 0 END),
              SUM(CASE WHEN signed_on <= %s AND (expires_on IS NULL OR expires_on >= %s)
                        AND status NOT IN ('terminated', 'negotiating', 'consultation')
                       THEN 1 ELSE 0 END)
            FROM {a} WHERE owner_id IN ({ids}) AND deleted_at IS NULL""",
                       [start, end, end, end])
        figures["agreements.signed"], figures["agreements.implementing"] = cursor.fetchone()
        cursor.execute(f"""
            SELECT role, COUNT(*) FROM {table(Event)}
            WHERE owner_id IN ({ids}) AND deleted_at IS NULL
              AND status NOT IN ('refused', 'cancelled') AND starts_on BETWEEN %s AND %s
            GROUP BY role""", [start, end])
        for role, count in cursor.fetchall():
            figures[f"conferences.{role}"] = count
        running = f"""owner_id IN ({ids}) AND deleted_at IS NULL AND status <> 'cancelled'
              AND COALESCE(starts_on, decision_date) <= %s
              AND (ends_on IS NULL OR ends_on >= %s)"""
        cursor.execute(f"""
            SELECT SUM(CASE WHEN kind = 'ngo' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN kind IN ('oda_grant', 'oda_loan') THEN 1 ELSE 0 END)
            FROM {p} WHERE {running}""", [end, start])
        figures["ngo.projects"], figures["oda.projects"] = cursor.fetchone()
        cursor.execute(f"""
            SELECT COUNT(DISTINCT l.partner_id) FROM {donors} l JOIN {p} ON {p}.id =
              l.aidprogramme_id WHERE kind = 'ngo' AND {running}""", [end, start])
        figures["ngo.organisations"] = cursor.fetchone()[0]
        cursor.execute(f"""
            SELECT COUNT(*) FROM {p} WHERE owner_id IN ({ids}) AND deleted_at IS NULL
              AND status <> 'cancelled' AND kind = 'ngo'
              AND COALESCE(decision_date, starts_on) BETWEEN %s AND %s""", [start, end])
        figures["ngo.projects_signed"] = cursor.fetchone()[0]
        cursor.execute(f"""
            SELECT CASE WHEN p.kind = 'ngo' THEN 'ngo' ELSE 'oda' END, t.kind,
              SUM(t.amount * CASE WHEN t.currency_id = 'VND' THEN 1
                  WHEN t.fixed_vnd_per_unit IS NOT NULL THEN t.fixed_vnd_per_unit
                  ELSE (SELECT r.vnd_per_unit FROM {r} r WHERE r.currency_id = t.currency_id
                        AND r.{q('on')} <= t.{q('on')} ORDER BY r.{q('on')} DESC LIMIT 1) END)
            FROM {t} t JOIN {p} p ON p.id = t.programme_id
            WHERE p.owner_id IN ({ids}) AND p.deleted_at IS NULL AND p.status <> 'cancelled'
              AND p.kind IN ('ngo', 'oda_grant', 'oda_loan')
              AND t.{q('on')} BETWEEN %s AND %s
            GROUP BY 1, t.kind""", [start, end])
        for family, kind, total in cursor.fetchall():
            if family == "ngo":
                key = "ngo.amount_committed" if kind == "commitment" else "ngo.amount_disbursed"
                figures[key] = Decimal(total).quantize(Decimal(1))
            elif kind == "commitment":
                figures["oda.amount"] = Decimal(total).quantize(Decimal(1))
    return figures


def sql_comparison(start, end):
    """Outgoing person-trips of every province of 2025, merged provinces rolled up."""
    d, m, u = table(Delegation), table(DelegationMember), table(AdminUnit)
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT COALESCE(u.successor_id, u.id), COUNT(m.id)
            FROM {m} m JOIN {d} d ON d.id = m.delegation_id JOIN {u} u ON u.id = d.owner_id
            WHERE d.direction = 'outgoing' AND d.deleted_at IS NULL
              AND d.status NOT IN ('refused', 'cancelled') AND d.departs_on BETWEEN %s AND %s
            GROUP BY 1""", [start, end])
        return dict(cursor.fetchall())


def main():
    prepare()
    period = parse_period(PERIOD)
    province = AdminUnit.objects.provinces().get(name=PROVINCE, generation="2025")
    unit_ids = list(AdminUnit.objects.rolling_up_to(province).values_list("pk", flat=True))
    members = DelegationMember.objects.count()
    print(f"data: {members:,} delegation members, {AidTransaction.objects.count():,} aid "
          f"transactions ({connection.vendor}, scale {SCALE:g})")

    sql_time, sql = best_of(lambda: sql_province_figures(unit_ids, period.start, period.end))
    # Like with like: the report of the figures the SQL computes, no others.
    codes = sorted(sql)
    orm_time, report = best_of(lambda: ReportBuilder([province], codes=codes).build(
        period, details=False))
    for code, value in sql.items():
        computed = report.line(code).computed.value
        assert Decimal(value or 0) == computed, (code, value, computed)
    every_time, _ = best_of(lambda: build_report([province], period, details=False))
    full_time, _ = best_of(lambda: build_report([province], period))
    print(f"five-year province report ({PROVINCE}, {PERIOD}, {len(sql)} figures): "
          f"ORM {orm_time * 1000:.1f} ms, SQL {sql_time * 1000:.1f} ms, "
          f"ratio {orm_time / sql_time:.1f}")
    print(f"  the report of every indicator: {every_time * 1000:.1f} ms; with breakdowns "
          f"and year-by-year trends: {full_time * 1000:.1f} ms")

    provinces = list(AdminUnit.objects.provinces().filter(generation="2025"))

    def ministry():
        # As the comparison page does it: one tally of every province's units for the period.
        builders = list(zip(provinces, ReportBuilder.for_each(provinces, codes=[INDICATOR]),
                            strict=True))
        every_unit = sorted({pk for _p, builder in builders for pk in builder.unit_ids})
        with tallying(every_unit, period.start, period.end, periods=[period],
                          codes=[INDICATOR]):
            return {p.pk: builder.build(period, details=False).line(INDICATOR).computed.value
                    for p, builder in builders}

    orm_time, by_orm = best_of(ministry)
    sql_time, by_sql = best_of(lambda: sql_comparison(period.start, period.end))
    for pk, value in by_orm.items():
        assert value == by_sql.get(pk, 0), (pk, value, by_sql.get(pk))
    print(f"ministry comparison ({INDICATOR}, {len(provinces)} provinces, {PERIOD}): "
          f"ORM {orm_time * 1000:.1f} ms, SQL {sql_time * 1000:.1f} ms, "
          f"ratio {orm_time / sql_time:.1f}")


if __name__ == "__main__":
    main()

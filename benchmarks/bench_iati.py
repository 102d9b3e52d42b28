"""IATI import benchmark (issue 6, "Scale and load").

Generates synthetic IATI 2.03 files of activities in Vietnam (10 MB and 100 MB by default),
imports each in a subprocess into a fresh SQLite database (or BENCH_DATABASE_URL) and prints
activities per second and the import's peak RSS, beside a floor measured in the same run: lxml
iterparse doing only the parsing of the same file (also in a subprocess), and the ratios.

    .venv/bin/python benchmarks/bench_iati.py
    IATI_BENCH_SIZES_MB=1,5 .venv/bin/python benchmarks/bench_iati.py   # a quick run

The peak RSS of each child is read from os.wait4's rusage (ru_maxrss, KiB on Linux); it
includes Python, Django and lxml, so compare the two sizes: streaming means the 100 MB import
peaks about where the 10 MB one does.

``DOINGOAI_BENCH_SRC=<another src>`` also imports each size with that code (the code before
a change, e.g. /work/main/src) into the same database, for a before/after in one run. The
tables are ANALYZEd after the migration and after each import, so that each import is
planned on statistics of what is loaded. The goal of issue 15 is printed beside each figure:
GOAL_SQLITE activities/s on SQLite, GOAL_POSTGRESQL on PostgreSQL.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Tỉnh Hà Giang", "Ha Giang province", "Đồng Văn, Hà Giang", "Bac Kan", "Cao Bằng",
          "Lào Cai"]
GOAL_SQLITE = 2_500
GOAL_POSTGRESQL = 1_400
DONORS = [(f"XM-DAC-{41100 + i}", f"Synthetic Donor {i}", ["10", "21", "40"][i % 3])
          for i in range(60)]


def activity(n: int, prefix: str, rng: random.Random) -> str:
    ref, name, org_type = DONORS[n % len(DONORS)]
    year = 2005 + n % 20
    txs = []
    for k in range(rng.randint(3, 8)):
        kind = "2" if k == 0 else "3"
        amount = f"{rng.randint(10_000, 5_000_000)}.{rng.randint(0, 99):02d}"
        currency = rng.choice(["USD", "EUR", "JPY", "VND"])
        txs.append(
            f'<transaction><transaction-type code="{kind}"/>'
            f'<transaction-date iso-date="{year + k // 3}-0{1 + k % 9}-15"/>'
            f'<value currency="{currency}" value-date="{year + k // 3}-0{1 + k % 9}-15">'
            f"{amount}</value><description><narrative>Tranche {k} of activity {n}"
            f"</narrative></description></transaction>")
    sector = rng.choice(["12220", "11220", "31120", "14030", "21020", "41010", "15110"])
    return (
        f'<iati-activity default-currency="USD" xml:lang="en">'
        f"<iati-identifier>{prefix}-{n}</iati-identifier>"
        f'<reporting-org ref="{ref}" type="{org_type}"><narrative>{name}</narrative>'
        f"</reporting-org>"
        f"<title><narrative>Synthetic activity {n}: rural development and health in the "
        f"northern mountains</narrative></title>"
        f'<description type="1"><narrative>{"Lorem ipsum dolor sit amet. " * 12}'
        f"</narrative></description>"
        f'<participating-org ref="{ref}" role="1" type="{org_type}"><narrative>{name}'
        f"</narrative></participating-org>"
        f'<participating-org role="4" type="15"><narrative>Provincial department {n % 7}'
        f"</narrative></participating-org>"
        f'<activity-status code="{1 + n % 4}"/>'
        f'<activity-date type="1" iso-date="{year}-01-01"/>'
        f'<activity-date type="3" iso-date="{year + 3}-12-31"/>'
        f'<recipient-country code="VN" percentage="100"/>'
        f"<location><name><narrative>{PLACES[n % len(PLACES)]}</narrative></name></location>"
        f'<sector vocabulary="1" code="{sector}" percentage="100"/>'
        f'<default-flow-type code="10"/><default-finance-type code="110"/>'
        + "".join(txs) + "</iati-activity>\n"
    )


def generate(path: Path, megabytes: float, prefix: str) -> int:
    rng = random.Random(megabytes)
    target = int(megabytes * 1024 * 1024)
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n')
        written = 0
        while written < target:
            chunk = activity(count, prefix, rng)
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            count += 1
        fh.write("</iati-activities>\n")
    return count


# --- children --------------------------------------------------------------------------


def child_parse(path: str) -> None:
    from lxml import etree

    start = time.perf_counter()
    count = 0
    for _, el in etree.iterparse(path, events=("end",), tag="iati-activity",
                                 resolve_entities=False, no_network=True, huge_tree=False):
        count += 1
        el.clear(keep_tail=False)
        while el.getprevious() is not None:
            del el.getparent()[0]
    print(json.dumps({"activities": count, "seconds": time.perf_counter() - start}))


def child_import(path: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    django.setup()
    from doingoai.aid.iati.importer import Importer, find_unit

    importer = Importer(find_unit("Hà Giang"), country="VN")
    start = time.perf_counter()
    summary = importer.import_file(path, Path(path).name)
    seconds = time.perf_counter() - start
    print(json.dumps({"activities": summary.read, "created": summary.created,
                      "updated": summary.updated, "errors": len(summary.errors),
                      "seconds": seconds}))


def child_analyze() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(json.dumps({}))


def run_child(mode: str, path: Path, env: dict) -> tuple[dict, float]:
    proc = subprocess.Popen([sys.executable, __file__, mode, str(path)], env=env,
                            stdout=subprocess.PIPE, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{mode} {path} failed with {proc.returncode}")
    return json.loads(out.decode().strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> None:
    sizes = [float(s) for s in os.environ.get("IATI_BENCH_SIZES_MB", "10,100").split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-iati-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ)
        env["DATABASE_URL"] = database_url("iati", f"sqlite:///{tmp / 'bench.sqlite3'}",
                                           fresh=True)
        env["PYTHONPATH"] = str(ROOT / "src")
        print(f"database: {env['DATABASE_URL'].split('@')[-1]}; preparing (migrate)...",
              flush=True)
        subprocess.run([sys.executable, "-m", "doingoai.cli", "migrate", "--noinput", "-v", "0"],
                       env=env, check=True, cwd=ROOT)
        analyze(env)
        other_src = os.environ.get("DOINGOAI_BENCH_SRC")
        goal = GOAL_POSTGRESQL if env["DATABASE_URL"].startswith("postgres") else GOAL_SQLITE
        print(f"{'code':>6} {'file':>8} {'acts':>7} | {'parse act/s':>11} {'parse RSS':>9} | "
              f"{'import act/s':>12} {'goal':>6} {'import RSS':>10} | {'speed ratio':>11} "
              f"{'RSS ratio':>9}")
        for size in sizes:
            trees = [("this", env)]
            if other_src:
                trees.insert(0, ("other", {**env, "PYTHONPATH": other_src}))
            for label, tree_env in trees:
                path = tmp / f"iati-{label}-{size:g}mb.xml"
                count = generate(path, size, prefix=f"BENCH-{label}-{size:g}")
                floor, floor_rss = run_child("--child-parse", path, tree_env)
                result, rss = run_child("--child-import", path, tree_env)
                analyze(env)
                assert result["activities"] == count == floor["activities"], (result, count)
                assert result["errors"] == 0 and result["created"] == count, result
                parse_rate = floor["activities"] / floor["seconds"]
                import_rate = result["activities"] / result["seconds"]
                print(f"{label:>6} {size:>6g}MB {count:>7} | {parse_rate:>11,.0f} "
                      f"{floor_rss:>7.0f}MB | {import_rate:>12,.0f} {goal:>6,} {rss:>8.0f}MB | "
                      f"{import_rate / parse_rate:>11.4f} {rss / floor_rss:>9.2f}", flush=True)
                path.unlink()


def analyze(env: dict) -> None:
    subprocess.run([sys.executable, __file__, "--child-analyze"], env=env, check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child-parse":
        child_parse(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "--child-analyze":
        child_analyze()
    elif len(sys.argv) == 3 and sys.argv[1] == "--child-import":
        child_import(sys.argv[2])
    else:
        main()

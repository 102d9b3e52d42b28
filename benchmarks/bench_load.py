"""Load benchmark of the list pages on ``doingoai serve`` (``make bench``).

In a throw-away SQLite database (a temporary directory, deleted at the end) it generates about
100 thousand delegations with ``doingoai gendata`` (34 provinces × 20 years at scale 0.75),
creates a ministry-level viewer (who reads every province) with an API token, starts
``doingoai serve --workers 2`` on a free loopback port, logs in once through the log-in form and
then, for each target in turn, has 20 concurrent clients (threads, one keep-alive
``http.client`` connection each) request it for 30 seconds:

* the floor: the static favicon, served by WhiteNoise in the same server (no view, no query);
* a trivial Django view: the anonymous log-in page;
* the delegation list page with a filter and a search;
* the API list endpoint with the same filter and search (Bearer token).

It prints requests, throughput, p50 and p95 latency, errors (non-2xx or exceptions) and the
ratios of p50 and throughput to the floor's, and the number of SQL queries of one list page.

Environment: BENCH_LOAD_SECONDS (default 30), BENCH_LOAD_CLIENTS (default 20),
BENCH_LOAD_SCALE (default 0.75; 0.05 for a quick run), BENCH_LOAD_QUERY (default "đoàn 2019"),
DOINGOAI_BENCH_SRC (default the checkout's ``src``: another tree's, e.g. an export of ``main``,
to measure the code before a change with the same script).
"""

import http.client
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(os.environ.get("DOINGOAI_BENCH_SRC") or ROOT / "src").resolve()
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "30"))
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "20"))
SCALE = float(os.environ.get("BENCH_LOAD_SCALE", "0.75"))
QUERY = os.environ.get("BENCH_LOAD_QUERY", "đoàn 2019")
PROVINCES, YEARS = 34, 20
HOST = "127.0.0.1"
USERNAME, PASSWORD = "bench-ministry", "bench-load-password-1"

TMP = Path(tempfile.mkdtemp(prefix="doingoai-bench-load-"))
# BENCH_LOAD_DATABASE_URL runs it on PostgreSQL instead: an EMPTY database it may fill
# (e.g. postgresql://postgres@127.0.0.1:5432/doingoai_bench, created beforehand).
os.environ["DATABASE_URL"] = database_url(
    "load", f"sqlite:///{TMP / 'bench.sqlite3'}", fresh=True, exact="BENCH_LOAD_DATABASE_URL"
)
os.environ["DOINGOAI_VAR_DIR"] = str(TMP)
os.environ["MEDIA_ROOT"] = str(TMP / "media")
(TMP / "static").mkdir()  # WhiteNoise wants it in this process too; serve fills it
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, str(SRC))
os.environ["PYTHONPATH"] = str(SRC)  # the server runs the same tree

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from doingoai.accounts.models import Membership  # noqa: E402
from doingoai.api.models import ApiToken  # noqa: E402
from doingoai.delegations.models import Delegation, DelegationMember  # noqa: E402

FILTER = {"direction": "outgoing", "q": QUERY}
LIST_URL = "/delegations/delegations/?" + urlencode(FILTER)
API_URL = "/api/records/delegations/delegations?" + urlencode({"limit": 50, **FILTER})
FLOOR_URL = "/static/doingoai/favicon.svg"
VIEW_URL = "/accounts/login/"


def prepare() -> tuple[str, int, int]:
    """Migrate, generate the data, create the user and its token; the token's key, the number
    of delegations and of those the list shows."""
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    call_command("gendata", provinces=PROVINCES, years=YEARS, scale=SCALE, stdout=io.StringIO())
    print(f"gendata --provinces {PROVINCES} --years {YEARS} --scale {SCALE:g}: "
          f"{time.perf_counter() - started:.1f} s, {Delegation.objects.count():,} delegations, "
          f"{DelegationMember.objects.count():,} members")
    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    Membership.objects.create(user=user, role=Membership.Role.MINISTRY, province=None)
    _token, key = ApiToken.issue(user, "bench_load")
    shown = Delegation.objects.visible_to(user).filter(direction="outgoing").search(QUERY).count()
    return key, Delegation.objects.count(), shown


def count_queries() -> int:
    """SQL queries of one list page request, in process on the same database."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=USERNAME))
    client.get(LIST_URL)  # warm caches (content types, sessions) as a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST_URL)
    assert response.status_code == 200, response.status_code
    return len(queries)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(port, path, method="GET", body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def wait_until_up(port, server, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"doingoai serve exited with {server.returncode}")
        try:
            if request(port, FLOOR_URL, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"doingoai serve did not answer within {limit} s")


def cookies_of(headers) -> dict:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key.strip()] = rest.split(";", 1)[0]
    return found


def log_in(port) -> str:
    """Log in through the form, as a browser does; the Cookie header of the session."""
    status, headers, body = request(port, VIEW_URL, timeout=60)  # a cold server, a busy machine
    csrf = cookies_of(headers)["csrftoken"]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urlencode({"username": USERNAME, "password": PASSWORD,
                      "csrfmiddlewaretoken": token})
    status, headers, _body = request(port, VIEW_URL, "POST", form, timeout=60, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}",
        "Referer": f"http://{HOST}:{port}{VIEW_URL}"})
    session = cookies_of(headers).get("sessionid")
    if status != 302 or not session:
        raise RuntimeError(f"log-in failed: HTTP {status}")
    return f"csrftoken={csrf}; sessionid={session}"


def log_in_retrying(port, attempts=5) -> str:
    """``log_in``, again a few seconds later while the fresh server's job threads hold SQLite's
    write lock ("database is locked")."""
    for attempt in range(attempts):
        try:
            return log_in(port)
        except RuntimeError:
            if attempt == attempts - 1:
                raise
            time.sleep(5)
    raise AssertionError("unreachable")


def load(port, path, headers, seconds, clients) -> dict:
    """``clients`` threads requesting ``path`` for ``seconds``; latencies and errors."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = 200 <= response.status < 300
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                ok = False
            mine.append(time.perf_counter() - started)
            failed += not ok
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(latencies), "rps": len(latencies) / elapsed,
            "p50": percentile(0.50), "p95": percentile(0.95), "errors": errors[0]}


def check(port, path, headers, expect: bytes):
    status, _headers, body = request(port, path, headers=headers, timeout=60)
    if status != 200 or expect not in body:
        raise RuntimeError(f"{path} answered HTTP {status} without {expect!r}")


def main():
    key, total, shown = prepare()
    queries = count_queries()
    connection.close()
    port = free_port()
    log = open(TMP / "serve.log", "wb")  # noqa: SIM115 (closed in finally)
    server = subprocess.Popen(
        [sys.executable, "-m", "doingoai", "serve", "--bind", f"{HOST}:{port}",
         "--workers", "2"], stdout=log, stderr=subprocess.STDOUT, cwd=TMP,
        start_new_session=True)
    try:
        wait_until_up(port, server)
        session = {"Cookie": log_in_retrying(port)}
        bearer = {"Authorization": f"Bearer {key}"}
        targets = [
            ("floor: static favicon (WhiteNoise)", FLOOR_URL, {}, b"<svg"),
            ("trivial view: log-in page", VIEW_URL, {}, b"csrfmiddlewaretoken"),
            ("delegation list page", LIST_URL, session, b"[gendata]"),
            ("API list endpoint", API_URL, bearer, b'"count"'),
        ]
        print(f"{total:,} delegations; the list shows {shown:,} "
              f"(direction=outgoing, q={QUERY!r}); ministry viewer")
        print(f"SQL queries of one list page request: {queries}; code of {SRC}")
        print(f"{CLIENTS} clients × {SECONDS:g} s each, doingoai serve --workers 2 on "
              f"{HOST}:{port}, {os.cpu_count()} CPUs (client and server share them)\n")
        results = []
        for name, path, headers, expect in targets:
            check(port, path, headers, expect)
            load(port, path, headers, min(2.0, SECONDS), CLIENTS)  # warm-up
            results.append((name, path, load(port, path, headers, SECONDS, CLIENTS)))
        floor = results[0][2]
        print(f"{'target':36} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'errors':>7} {'p50/floor':>10} {'req/s/floor':>12}")
        for name, _path, r in results:
            print(f"{name:36} {r['requests']:>9,} {r['rps']:>8.1f} {r['p50']:>8.1f} "
                  f"{r['p95']:>8.1f} {r['errors']:>7} {r['p50'] / floor['p50']:>9.1f}× "
                  f"{r['rps'] / floor['rps']:>11.3f}×")
        for name, path, _r in results:
            print(f"  {name}: {path}")
        if any(r["errors"] for _n, _p, r in results):
            raise SystemExit("some requests failed (see above)")
    except BaseException:
        log.flush()
        print((TMP / "serve.log").read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


if __name__ == "__main__":
    try:
        main()
    finally:
        connection.close()
        shutil.rmtree(TMP, ignore_errors=True)

"""Several app servers on one machine: a PostgreSQL primary made with initdb, a streaming
replica of it made with pg_basebackup, moto's S3-compatible server, and two `doingoai serve`
processes on two ports sharing the databases and the bucket (README, "Beyond one machine").

The databases are migrated once, on the primary; the replica copies them. Without
PostgreSQL's server binaries (``DOINGOAI_PG_BIN``, else the newest /usr/lib/postgresql/*/bin,
else the PATH) the tests are skipped, except under ``DOINGOAI_REQUIRE_SCALEOUT=1`` (set by
.ci/run's PostgreSQL phase), where that is a failure. They run with the suite on PostgreSQL
(DATABASE_URL), or wherever DOINGOAI_REQUIRE_SCALEOUT=1 asks for them."""

import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from doingoai.testing import PASSWORD

USERNAME = "scaleout.specialist"
BUCKET = "doingoai-scaleout"
COLLEAGUES = 12
# The databases' content: the user the browser logs in as, colleagues of the same office, and
# one delegation whose report is overdue on REMIND_ON, so each of them has a reminder due.
REMIND_ON = "2026-11-23"
MIGRATE_AND_CREATE_USERS = f"""
import datetime as dt
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from doingoai.accounts.models import Membership
from doingoai.delegations.models import Delegation
from doingoai.testing import legacy_province, make_user
call_command("migrate", interactive=False, verbosity=0)
province = legacy_province("Hà Giang")
specialist = make_user({USERNAME!r}, "specialist", province, email="specialist@example.vn")
for number in range({COLLEAGUES}):
    colleague = get_user_model().objects.create_user(
        f"scaleout.colleague{{number}}", email=f"colleague{{number}}@example.vn")
    Membership.objects.create(user=colleague, role="specialist", province=province)
Delegation.objects.create(
    owner=province, direction="outgoing", title="Đoàn đi Vân Nam", purpose="Hợp tác",
    departs_on=dt.date(2026, 10, 20), returns_on=dt.date(2026, 10, 25), status="approved",
    submitted_by=specialist)
"""
# How long a process may take to come up before the fixture gives up (a guard against a
# hang, not a measure: the tests assert nothing about time).
START_TIMEOUT = 120


def pg_bin() -> Path | None:
    configured = os.environ.get("DOINGOAI_PG_BIN")
    candidates = [configured] if configured else [
        *sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                key=lambda path: int(re.sub(r"\D", "", path) or 0), reverse=True),
        os.path.dirname(shutil.which("initdb") or ""),
    ]
    for candidate in candidates:
        if candidate and all(os.access(Path(candidate, name), os.X_OK)
                             for name in ("initdb", "pg_ctl", "pg_basebackup", "postgres")):
            return Path(candidate)
    return None


def _missing() -> str | None:
    """Why the scale-out is not set up here, or None."""
    if pg_bin() is None:
        return ("PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup) were not found: "
                "install the postgresql package or set DOINGOAI_PG_BIN")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run PostgreSQL as"
    for module in ("storages", "boto3", "moto", "requests"):
        try:
            __import__(module)
        except ImportError:
            return f"the Python package {module} is missing (pip install -e '.[test]')"
    return None


def _memory_folder() -> str | None:
    """/dev/shm when it has room: two throw-away clusters are made and deleted much faster
    in memory than on a disk (None: the usual temporary folder)."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2**31:
        return shm
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(what: str, ready, process: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} did not come up\n{tail}")


@dataclass
class Cluster:
    root: Path
    primary_url: str
    replica_url: str
    s3_url: str
    servers: list[str]
    var_dirs: list[Path]
    server_envs: list[dict[str, str]]
    processes: "_Processes"
    replica_port: int
    bucket: str = BUCKET
    remind_on: str = REMIND_ON
    # Who has a reminder due on remind_on: the browser's user and each colleague.
    reminded: tuple[str, ...] = ("specialist@example.vn", *(
        f"colleague{number}@example.vn" for number in range(COLLEAGUES)))

    def connect(self, url: str):
        import psycopg

        return psycopg.connect(url, autocommit=True)

    def wait_for_replica(self):
        """Until the replica has replayed everything the primary has written so far."""
        with self.connect(self.primary_url) as primary:
            # The insert position: with synchronous_commit off, the last commits may not
            # have been written out yet.
            lsn = primary.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
        with self.connect(self.replica_url) as replica:
            _wait_for("the replica's replay", lambda: replica.execute(
                "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn]).fetchone()[0])

    @contextlib.contextmanager
    def replica_paused(self):
        """The replica stops replaying the primary's changes: it lags as long as this lasts."""
        self.wait_for_replica()
        with self.connect(self.replica_url) as replica:
            replica.execute("SELECT pg_wal_replay_pause()")
            _wait_for("the pause of the replica", lambda: replica.execute(
                "SELECT pg_get_wal_replay_pause_state()").fetchone()[0] == "paused")
            try:
                yield
            finally:
                replica.execute("SELECT pg_wal_replay_resume()")
        self.wait_for_replica()

    @contextlib.contextmanager
    def replica_stopped(self):
        """The replica's server is shut down as long as this lasts, then started again."""
        replica = self.root / "replica"
        self.processes.pg("pg_ctl", "-D", str(replica), "-m", "fast", "-w", "stop")
        try:
            yield
        finally:
            self.processes.start_cluster(replica, self.replica_port)
        self.wait_for_replica()

    def s3(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.s3_url, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")


class _Processes:
    def __init__(self, root: Path):
        self.root = root
        self.running: list[subprocess.Popen] = []
        self.clusters: list[Path] = []
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def pg(self, name: str, *args: str):
        done = subprocess.run([*self.as_postgres, str(pg_bin() / name), *args],
                              capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            pytest.fail(f"{name} {' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def start_cluster(self, data: Path, port: int):
        options = (f"-c port={port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.root} "
                   # A throw-away cluster: durability is not what is tested.
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self.pg("pg_ctl", "-D", str(data), "-l", str(self.root / f"{data.name}.log"),
                "-o", options, "-w", "-t", str(START_TIMEOUT), "start")
        self.clusters.append(data)

    def spawn(self, name: str, argv: list[str], env: dict[str, str]) -> subprocess.Popen:
        with open(self.root / f"{name}.log", "wb") as log:
            process = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT,
                                       cwd=self.root, start_new_session=True)
        self.running.append(process)
        return process

    def stop(self):
        for process in reversed(self.running):
            # gunicorn's quick shutdown (TERM waits for its workers); moto's too.
            process.send_signal(signal.SIGINT)
        for process in self.running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for data in reversed(self.clusters):
            subprocess.run([*self.as_postgres, str(pg_bin() / "pg_ctl"), "-D", str(data),
                            "-m", "fast", "-w", "stop"], capture_output=True)


def _django_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DATABASE_", "AWS_", "DOINGOAI_", "DJANGO_"))}
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def cluster():
    required = os.environ.get("DOINGOAI_REQUIRE_SCALEOUT") == "1"
    if not required and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # It makes its own clusters, but it belongs with the suite's run on PostgreSQL, so
        # that .ci/run runs it once.
        pytest.skip("the scale-out test runs with the suite on PostgreSQL (DATABASE_URL)")
    missing = _missing()
    if missing:
        if required:
            pytest.fail(f"DOINGOAI_REQUIRE_SCALEOUT=1, but {missing}")
        pytest.skip(missing)
    import requests

    started = time.monotonic()

    def ready(what: str):
        # Seen with pytest -s: where the set-up time goes.
        print(f"scale-out: {what} up after {time.monotonic() - started:.1f} s")

    root = Path(tempfile.mkdtemp(prefix="doingoai-scaleout-", dir=_memory_folder()))
    root.chmod(0o755)
    processes = _Processes(root)
    if processes.as_postgres:
        shutil.chown(root, "postgres")
    try:
        primary, replica = root / "primary", root / "replica"
        primary_port, replica_port, s3_port = free_port(), free_port(), free_port()
        # moto's S3 server comes up while PostgreSQL is made and migrated.
        s3_url = f"http://127.0.0.1:{s3_port}"
        moto = processes.spawn("moto", [sys.executable, "-m", "moto.server", "-H",
                                        "127.0.0.1", "-p", str(s3_port)], _django_env())
        processes.pg("initdb", "-D", str(primary), "-U", "postgres", "--auth=trust",
                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        processes.start_cluster(primary, primary_port)
        ready("the primary")
        primary_url = f"postgresql://postgres@127.0.0.1:{primary_port}/doingoai"
        replica_url = f"postgresql://postgres@127.0.0.1:{replica_port}/doingoai"

        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{primary_port}/postgres",
                             autocommit=True) as admin:
            admin.execute("CREATE DATABASE doingoai")
        subprocess.run([sys.executable, "-c", MIGRATE_AND_CREATE_USERS], check=True, cwd=root,
                       env=_django_env(DATABASE_URL=primary_url,
                                       DOINGOAI_VAR_DIR=str(root / "commands"),
                                       DJANGO_SETTINGS_MODULE="doingoai.settings"))
        ready("the migrated primary")

        # The replica: a copy of the migrated primary that goes on streaming its changes.
        processes.pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary_port),
                     "-U", "postgres", "-D", str(replica), "-R", "-X", "stream",
                     "-c", "fast", "--no-sync")
        processes.start_cluster(replica, replica_port)
        ready("the replica")

        _wait_for("moto's S3 server", lambda: requests.get(s3_url, timeout=2).ok, moto,
                  root / "moto.log")

        servers, var_dirs, envs = [], [], []
        for number in (1, 2):
            port = free_port()
            var_dir = root / f"server{number}"
            env = _django_env(
                DATABASE_URL=primary_url, DATABASE_REPLICA_URL=replica_url,
                DOINGOAI_VAR_DIR=str(var_dir), ALLOWED_HOSTS="127.0.0.1",
                # Long enough that no pin runs out during a slow run.
                DOINGOAI_PIN_PRIMARY_SECONDS="600",
                DOINGOAI_STORAGE="s3", AWS_STORAGE_BUCKET_NAME=BUCKET,
                AWS_S3_ENDPOINT_URL=s3_url, AWS_S3_REGION_NAME="us-east-1",
                AWS_S3_ADDRESSING_STYLE="path", AWS_ACCESS_KEY_ID="testing",
                AWS_SECRET_ACCESS_KEY="testing")
            server = processes.spawn(
                f"server{number}", [sys.executable, "-m", "doingoai", "serve", "--bind",
                                    f"127.0.0.1:{port}", "--workers", "1",
                                    "--no-collectstatic"], env)
            servers.append((f"http://127.0.0.1:{port}", server))
            var_dirs.append(var_dir)
            envs.append(env)
        built = Cluster(root, primary_url, replica_url, s3_url,
                        [url for url, _server in servers], var_dirs, envs, processes,
                        replica_port)
        built.s3().create_bucket(Bucket=BUCKET)
        for number, (url, server) in enumerate(servers, start=1):
            _wait_for(f"doingoai serve {number}",
                      lambda url=url: requests.get(f"{url}/accounts/login/", timeout=5).ok,
                      server, root / f"server{number}.log")
        ready("both servers")
        yield built
    finally:
        processes.stop()
        shutil.rmtree(root, ignore_errors=True)
        ready("nothing left (stopped and removed)")


@pytest.fixture
def browser(cluster):
    """A browser logged in as the Hà Giang specialist through the first server. Cookies are
    kept per host, not per port, so it sends the same session to both servers, as behind a
    load balancer."""
    import requests

    session = requests.Session()
    login = f"{cluster.servers[0]}/accounts/login/"
    page = session.get(login, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(login, data={"username": USERNAME, "password": PASSWORD,
                                       "csrfmiddlewaretoken": token},
                          headers={"Referer": login}, allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[-2000:]
    return session


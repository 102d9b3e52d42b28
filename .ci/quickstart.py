#!/usr/bin/env python3
"""The README's first command, tried as a newcomer would: ``make run`` on a clean clone.

Starts ``make run`` in the background on a free port, waits for the Vietnamese log-in page,
logs in with the first demo login that ``make run`` printed, loads the home page, then stops
the server. Standard library only: it runs before the project's virtualenv exists.

Usage: python3 .ci/quickstart.py [--timeout SECONDS]   (DATABASE_URL is passed through)
"""

import argparse
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The first row of the Vietnamese table of demo logins: label, username, password.
LOGIN_ROW = re.compile(r"^\s{2}(?P<label>\S.*?)\s{2,}(?P<username>[a-z][\w.]+)\s{2,}(?P<pw>\S+)$")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_demo_login(log_text: str) -> tuple[str, str] | None:
    lines = log_text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == "Tài khoản dùng thử (dữ liệu minh họa)":
            for row in lines[index + 2:]:
                match = LOGIN_ROW.match(row)
                if match:
                    return match["username"], match["pw"]
                break
    return None


def fail(message: str, log_path: Path) -> None:
    print(f"quickstart: {message}", file=sys.stderr)
    print("---- last lines of `make run` ----", file=sys.stderr)
    print("\n".join(log_path.read_text(errors="replace").splitlines()[-40:]), file=sys.stderr)
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=900,
                        help="seconds to wait for the server (the first run installs the venv)")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Outside the clone: creating anything in it (./var/ above all) would hide the fault.
    log_path = Path(tempfile.mkdtemp(prefix="doingoai-quickstart-")) / "make-run.log"
    env = dict(os.environ, DOINGOAI_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2")
    label = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"quickstart: `make run` on {label}, port {port}")
    with log_path.open("w") as log:
        server = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        deadline = time.monotonic() + args.timeout
        login_page = None
        while time.monotonic() < deadline:
            if server.poll() is not None:
                fail(f"`make run` exited with {server.returncode} before serving", log_path)
            try:
                with opener.open(f"{base}/accounts/login/", timeout=10) as response:
                    login_page = response.read().decode()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(2)
        if login_page is None:
            fail(f"no log-in page on {base} after {args.timeout} s", log_path)
        if "Đăng nhập" not in login_page:
            fail("the log-in page is not in Vietnamese (no «Đăng nhập»)", log_path)

        credentials = first_demo_login(log_path.read_text(errors="replace"))
        if credentials is None:
            fail("`make run` printed no demo login before serving", log_path)
        username, password = credentials
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)
        if not token:
            fail("the log-in page has no CSRF token", log_path)
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], "username": username,
                                       "password": password}).encode()
        request = urllib.request.Request(f"{base}/accounts/login/", data=form,
                                         headers={"Referer": f"{base}/accounts/login/"})
        with opener.open(request, timeout=30) as response:
            landed = response.geturl()
            home = response.read().decode()
        if "/accounts/login/" in landed:
            fail(f"logging in as the printed demo user {username} failed", log_path)
        with opener.open(f"{base}/", timeout=30) as response:
            if response.status != 200:
                fail(f"the home page answered {response.status}", log_path)
            home = response.read().decode()
        if 'lang="vi"' not in home or "Đăng xuất" not in home:
            fail("the home page is not the Vietnamese page of a logged-in user", log_path)
        print(f"quickstart: logged in as {username} and loaded the home page on {label}")
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


if __name__ == "__main__":
    main()

"""Two app servers on one PostgreSQL primary, its streaming replica and one S3 bucket
(conftest.py builds them): what a load balancer in front of several servers relies on."""

import collections
import re
import subprocess
import sys
import uuid

import pytest
import requests
from django.urls import reverse

from doingoai.core.replicas import PIN_COOKIE
from doingoai.figures.pages import sources

pytestmark = pytest.mark.scaleout


def _unique(words: str) -> str:
    return f"{words} {uuid.uuid4().hex[:8]}"


def save_document(browser, server: str, title: str, upload=None) -> int:
    """Saves a source document through the figures page of ``server``; returns its id."""
    form_url = f"{server}{reverse('figures:document-new')}"
    form = browser.get(form_url, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    data = {"title": title, "csrfmiddlewaretoken": token}
    files = None
    if upload is None:
        data["text"] = f"Nội dung của {title}."
    else:
        files = {"file": upload}
    answer = browser.post(form_url, data=data, files=files, headers={"Referer": form_url},
                          allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[-2000:]
    return int(re.search(r"/(\d+)/", answer.headers["Location"]).group(1))


def forget_pin(browser):
    """As if the pin had run out: the same user, the same session, no doingoai_primary."""
    for cookie in list(browser.cookies):
        if cookie.name == PIN_COOKIE:
            browser.cookies.clear(cookie.domain, cookie.path, cookie.name)


def test_a_document_saved_through_one_server_is_read_through_the_other(cluster, browser):
    title = _unique("Tài liệu lưu qua máy chủ thứ nhất")
    pk = save_document(browser, cluster.servers[0], title)
    cluster.wait_for_replica()
    forget_pin(browser)
    page = browser.get(f"{cluster.servers[1]}{sources.reverse('detail', pk)}", timeout=30)
    assert page.status_code == 200
    assert title in page.text


def test_a_list_page_reads_from_the_replica(cluster, browser):
    replicated = _unique("Tài liệu đã sao sang bản sao")
    save_document(browser, cluster.servers[0], replicated)
    with cluster.replica_paused():
        lagging = _unique("Tài liệu bản sao chưa nhận")
        save_document(browser, cluster.servers[0], lagging)
        forget_pin(browser)
        page = browser.get(f"{cluster.servers[1]}{sources.reverse('list')}", timeout=30)
        assert page.status_code == 200
        # The replica has the first document and not yet the second: the page read it.
        assert replicated in page.text
        assert lagging not in page.text
    page = browser.get(f"{cluster.servers[1]}{sources.reverse('list')}", timeout=30)
    assert lagging in page.text


def test_a_user_reads_their_own_write_at_once_while_the_replica_lags(cluster, browser):
    with cluster.replica_paused():
        title = _unique("Tài liệu vừa lưu")
        save_document(browser, cluster.servers[0], title)
        assert PIN_COOKIE in browser.cookies
        page = browser.get(f"{cluster.servers[1]}{sources.reverse('list')}", timeout=30)
        assert page.status_code == 200
        assert title in page.text


def test_a_file_uploaded_through_one_server_is_downloaded_through_the_other(cluster, browser):
    content = f"Báo cáo kết quả chuyến công tác {uuid.uuid4().hex}.".encode()
    pk = save_document(browser, cluster.servers[0], _unique("Báo cáo tải lên"),
                       upload=("bao-cao.txt", content, "text/plain"))
    download_path = reverse("core:download", args=["figures", "sourcedocument", pk, "file"])
    download = browser.get(f"{cluster.servers[1]}{download_path}", timeout=30)
    assert download.status_code == 200
    assert download.content == content
    stored = cluster.s3().list_objects_v2(Bucket=cluster.bucket, Prefix="sources/")["Contents"]
    assert [item for item in stored if item["Key"].endswith(".txt")]
    assert not any((var_dir / "media").exists() for var_dir in cluster.var_dirs)
    anonymous = requests.get(f"{cluster.servers[1]}{download_path}", allow_redirects=False,
                             timeout=30)
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous.headers["Location"]


def test_reminders_run_by_both_servers_at_once_are_sent_once(cluster):
    runs = []
    for number, env in enumerate(cluster.server_envs, start=1):
        env = {**env, "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
               "EMAIL_FILE_PATH": str(cluster.root / f"mail{number}")}
        runs.append(subprocess.Popen(
            [sys.executable, "-m", "doingoai", "remind", "--date", cluster.remind_on], env=env,
            cwd=cluster.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    for run in runs:
        output = run.communicate(timeout=300)[0]
        assert run.returncode == 0, output
    recipients = collections.Counter(
        line.removeprefix("To: ")
        for folder in cluster.root.glob("mail*") for message in folder.iterdir()
        for line in message.read_text().splitlines() if line.startswith("To: "))
    assert recipients == dict.fromkeys(cluster.reminded, 1)


def test_list_pages_still_answer_from_the_primary_while_the_replica_is_down(cluster, browser):
    for server in cluster.servers:  # each server holds a connection to the replica
        assert browser.get(f"{server}{sources.reverse('list')}", timeout=30).status_code == 200
    with cluster.replica_stopped():
        title = _unique("Tài liệu lưu khi bản sao ngừng")
        save_document(browser, cluster.servers[0], title)
        forget_pin(browser)
        for server in cluster.servers:
            for _attempt in range(2):  # the dead connection, then the replica left out
                page = browser.get(f"{server}{sources.reverse('list')}", timeout=30)
                assert page.status_code == 200
                assert title in page.text

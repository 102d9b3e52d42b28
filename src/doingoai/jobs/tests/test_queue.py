import datetime as dt
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from doingoai.core.management.commands.serve import gunicorn_argv
from doingoai.jobs import runner
from doingoai.jobs.models import Job
from doingoai.jobs.runner import JobRefused, enqueue_daily, run_one

RUNS = []


def echo(job):
    RUNS.append(job.pk)
    job.report(50, "half")
    return "echoed", {"args": job.args}


def refuse(job):
    raise JobRefused("Tệp không còn nữa.")


def crash(job):
    raise RuntimeError("a bug")


@pytest.fixture
def kinds(monkeypatch):
    RUNS.clear()
    here = "doingoai.jobs.tests.test_queue"
    for name in ("echo", "refuse", "crash"):
        monkeypatch.setitem(runner.KINDS, name, f"{here}.{name}")


@pytest.mark.django_db
def test_a_claimed_job_runs_once_and_records_its_result(kinds, hg_specialist):
    job = Job.objects.enqueue("echo", {"n": 1}, owner=hg_specialist)
    assert run_one("w1").pk == job.pk
    assert run_one("w2") is None
    job.refresh_from_db()
    assert (job.state, job.progress, job.message, job.result) == (
        "done", 100, "echoed", {"args": {"n": 1}})
    assert RUNS == [job.pk]
    assert job.worker == "w1" and job.started_at and job.finished_at


@pytest.mark.django_db
def test_a_running_job_is_not_claimed_by_a_second_worker(kinds):
    job = Job.objects.enqueue("echo")
    assert Job.objects.claim("w1").pk == job.pk
    assert Job.objects.claim("w2") is None


@pytest.mark.django_db
def test_a_refused_job_fails_with_its_message_and_a_crash_with_a_vietnamese_one(kinds):
    refused = run(Job.objects.enqueue("refuse"))
    crashed = run(Job.objects.enqueue("crash"))
    assert (refused.state, refused.message) == ("failed", "Tệp không còn nữa.")
    assert crashed.state == "failed" and "lỗi" in crashed.message and "bug" not in crashed.message


def run(job):
    run_one()
    job.refresh_from_db()
    return job


@pytest.mark.django_db
def test_a_pending_job_under_a_dedupe_key_is_not_enqueued_twice(kinds):
    first = Job.objects.enqueue("echo", dedupe_key="k")
    assert Job.objects.enqueue("echo", dedupe_key="k").pk == first.pk
    run_one()
    # Done: the key is free again, unless the job is once only.
    assert Job.objects.enqueue("echo", dedupe_key="k").pk != first.pk


@pytest.mark.django_db
def test_the_days_jobs_are_enqueued_once_a_day_however_often_asked(kinds, monkeypatch):
    monkeypatch.setitem(runner.KINDS, "remind", "doingoai.jobs.tests.test_queue.echo")
    monkeypatch.setitem(runner.KINDS, "retention", "doingoai.jobs.tests.test_queue.echo")
    day = dt.date(2026, 3, 2)
    enqueue_daily(day)
    while run_one():
        pass
    enqueue_daily(day)
    enqueue_daily(day + dt.timedelta(days=1))
    keys = sorted(Job.objects.values_list("dedupe_key", flat=True))
    assert keys == ["remind:2026-03-02", "remind:2026-03-03",
                    "retention:2026-03-02", "retention:2026-03-03"]


@pytest.mark.django_db
def test_the_worker_command_once_runs_the_queue_and_stops(kinds, monkeypatch):
    monkeypatch.setattr(runner, "DAILY", ())
    jobs = [Job.objects.enqueue("echo", {"n": n}) for n in range(3)]
    call_command("worker", "--once")
    assert sorted(RUNS) == [job.pk for job in jobs]
    assert set(Job.objects.values_list("state", flat=True)) == {"done"}


def test_serve_runs_a_job_worker_in_each_web_process_unless_told_not_to(settings):
    settings.DOINGOAI_WORKER = True
    assert "python:doingoai.jobs.gunicorn" in gunicorn_argv("127.0.0.1:8000", 2)
    settings.DOINGOAI_WORKER = False
    assert "python:doingoai.jobs.gunicorn" not in gunicorn_argv("127.0.0.1:8000", 2)


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
                    reason="racing workers need PostgreSQL (SQLite's test database is one "
                           "in-memory connection); the conditional UPDATE is tested above")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_racing_on_postgresql_never_run_one_job_twice(kinds, monkeypatch, request,
                                                             django_db_blocker):
    request.node.reload_migrated_data_with = django_db_blocker  # the flush's data back
    monkeypatch.setattr(runner, "DAILY", ())
    jobs = [Job.objects.enqueue("echo", {"n": n}) for n in range(40)]
    barrier = threading.Barrier(4)
    lock = threading.Lock()
    claimed: list[int] = []

    def work(name):
        barrier.wait()
        try:
            while True:
                job = Job.objects.claim(name)
                if job is None:
                    return
                with lock:
                    claimed.append(job.pk)
                runner.run(job)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(job.pk for job in jobs)  # each once, none twice
    assert sorted(RUNS) == sorted(job.pk for job in jobs)
    assert Job.objects.filter(state="done").count() == 40

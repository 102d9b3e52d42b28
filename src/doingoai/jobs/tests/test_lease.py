"""A job whose worker died is taken again by the next worker, a bounded number of times."""

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.jobs import runner
from doingoai.jobs.models import Job
from doingoai.jobs.runner import heartbeat, run_one

RUNS = []


def echo(job):
    RUNS.append(job.pk)
    return "echoed", {}


@pytest.fixture
def kinds(monkeypatch, settings):
    RUNS.clear()
    settings.DOINGOAI_JOB_LEASE_SECONDS = 300
    settings.DOINGOAI_JOB_ATTEMPTS = 3
    monkeypatch.setitem(runner.KINDS, "echo", "doingoai.jobs.tests.test_lease.echo")


def running(*, beat_seconds_ago, attempts=1):
    beat = timezone.now() - dt.timedelta(seconds=beat_seconds_ago)
    return Job.objects.create(kind="echo", state=Job.State.RUNNING, worker="dead:1:1",
                              started_at=beat, heartbeat_at=beat, attempts=attempts)


@pytest.mark.django_db
def test_a_running_job_whose_worker_stopped_beating_is_run_again_by_the_next_worker(kinds):
    job = running(beat_seconds_ago=301)
    assert run_one("w2").pk == job.pk
    job.refresh_from_db()
    assert (job.state, job.worker, job.attempts) == ("done", "w2", 2)
    assert RUNS == [job.pk]


@pytest.mark.django_db
def test_a_running_job_with_a_fresh_heartbeat_is_not_taken(kinds):
    job = running(beat_seconds_ago=200)
    assert run_one("w2") is None
    job.refresh_from_db()
    assert (job.state, job.worker, job.attempts) == ("running", "dead:1:1", 1)
    assert RUNS == []


@pytest.mark.django_db
def test_a_job_that_lost_its_worker_as_often_as_it_may_run_is_failed_not_run(kinds):
    job = running(beat_seconds_ago=301, attempts=3)
    assert run_one("w2") is None
    job.refresh_from_db()
    assert job.state == "failed" and job.finished_at is not None
    assert "3 lần" in job.message
    assert RUNS == []


@pytest.mark.django_db
def test_a_failed_stuck_job_does_not_keep_the_next_one_waiting(kinds):
    stuck = running(beat_seconds_ago=301, attempts=3)
    queued = Job.objects.enqueue("echo")
    assert run_one("w2").pk == queued.pk
    assert Job.objects.get(pk=stuck.pk).state == "failed"


@pytest.mark.django_db
def test_the_lease_and_the_attempts_are_settings(kinds, settings):
    settings.DOINGOAI_JOB_LEASE_SECONDS = 30
    settings.DOINGOAI_JOB_ATTEMPTS = 5
    job = running(beat_seconds_ago=60, attempts=4)
    assert run_one("w2").pk == job.pk
    assert Job.objects.get(pk=job.pk).state == "done"


@pytest.mark.django_db
def test_a_claimed_job_starts_its_lease_and_counts_its_attempt(kinds):
    job = Job.objects.enqueue("echo")
    claimed = Job.objects.claim("w1")
    assert claimed.pk == job.pk and claimed.attempts == 1
    assert claimed.heartbeat_at is not None
    assert Job.objects.claim("w2") is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_runner_beats_for_its_job_while_the_job_works(kinds, request, django_db_blocker):
    request.node.reload_migrated_data_with = django_db_blocker  # the flush's data back
    job = Job.objects.enqueue("echo")
    claimed = Job.objects.claim("w1")
    old = timezone.now() - dt.timedelta(hours=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=old)
    beaten = []
    with heartbeat(claimed, interval=0.01):
        # Wait for a beat to land, however slow the machine: no timed assertion.
        while not beaten:
            beaten = list(Job.objects.filter(pk=job.pk, heartbeat_at__gt=old))
    assert beaten[0].heartbeat_at > old

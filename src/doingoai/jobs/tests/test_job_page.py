import pytest
from django.urls import reverse

from doingoai.jobs.models import Job
from doingoai.testing import client_for, untranslated_strings, visible_text


@pytest.fixture
def job(hg_specialist):
    return Job.objects.create(kind="spreadsheet-import", owner=hg_specialist, state="running",
                              progress=40, message="Đang kiểm tra dòng 400/1000")


def test_the_owner_sees_the_progress_of_their_job_in_vietnamese(client, hg_specialist, job):
    response = client_for(client, hg_specialist).get(reverse("jobs:job-detail", args=[job.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="40"' in html and "Đang kiểm tra dòng 400/1000" in html
    assert 'http-equiv="refresh"' in html  # a pending job's page refreshes itself
    assert untranslated_strings(visible_text(html)) == []


def test_a_finished_jobs_page_stops_refreshing(client, hg_specialist, job):
    job.finish(Job.State.DONE, "Xong")
    html = client_for(client, hg_specialist).get(
        reverse("jobs:job-detail", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in html


@pytest.mark.parametrize("other", ["hg_leader", "bk_specialist", "ministry_viewer"])
def test_another_user_gets_404_on_someone_elses_job(client, request, job, other):
    user = request.getfixturevalue(other)
    response = client_for(client, user).get(reverse("jobs:job-detail", args=[job.pk]))
    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, job):
    response = client.get(reverse("jobs:job-detail", args=[job.pk]))
    assert response.status_code == 302 and "login" in response["Location"]

"""An IATI file larger than DOINGOAI_IATI_JOB_BYTES is imported by a background job: the file
kept through the storage API, the user sent to the job's page, which shows the summary."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from doingoai.aid.models import AidProgramme
from doingoai.aid.tests.test_iati_web import IMPORT, upload
from doingoai.jobs.models import Job
from doingoai.jobs.runner import run_one
from doingoai.testing import client_for, untranslated_strings, visible_text


@pytest.fixture
def small_threshold(settings, media_root):
    settings.DOINGOAI_IATI_JOB_BYTES = 100


def test_a_big_iati_file_is_imported_by_a_job_whose_page_shows_the_summary(
        client, small_threshold, hg_specialist, ha_giang):
    client_for(client, hg_specialist)
    response = client.post(IMPORT, upload())
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:job-detail", args=[job.pk])
    assert default_storage.exists(job.args["path"])
    assert not AidProgramme.objects.exists()
    run_one()
    job.refresh_from_db()
    assert job.state == "done" and job.result["iati"]["created"] == 4
    assert AidProgramme.objects.owned_by(ha_giang).count() == 4
    assert AidProgramme.objects.filter(created_by=hg_specialist).count() == 4
    assert not default_storage.exists(job.args["path"])
    page = client.get(reverse("jobs:job-detail", args=[job.pk])).content.decode()
    assert 'data-count="created">4<' in page
    assert untranslated_strings(visible_text(page), ignore=job.result["iati"]["errors"]) == []


def test_htmx_is_told_to_go_to_the_jobs_page(client, small_threshold, hg_specialist):
    client_for(client, hg_specialist)
    response = client.post(IMPORT, upload(), HTTP_HX_REQUEST="true")
    job = Job.objects.get()
    assert response["HX-Redirect"] == reverse("jobs:job-detail", args=[job.pk])


def test_another_province_gets_404_on_the_iati_job(
        client, small_threshold, hg_specialist, bk_specialist):
    client_for(client, hg_specialist)
    client.post(IMPORT, upload())
    job = Job.objects.get()
    client_for(client, bk_specialist)
    assert client.get(reverse("jobs:job-detail", args=[job.pk])).status_code == 404

"""A spreadsheet import of more rows than DOINGOAI_IMPORT_JOB_ROWS runs as a background job:
the workbook kept through the storage API, the user sent to the job's page, the rows checked
and written by the worker with the same all-or-nothing transaction."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from doingoai.core.tests.test_spreadsheets import (
    AGREEMENTS,
    PARTNERS,
    _agreement_rows,
    filled,
    upload,
)
from doingoai.jobs.models import Job
from doingoai.jobs.runner import run_one
from doingoai.partners.models import Partner
from doingoai.testing import client_for, untranslated_strings, visible_text

TWO_PARTNERS = [
    {"kind": "ngo", "name_vi": "Tổ chức Plan International", "country": "GB"},
    {"kind": "ngo", "name_vi": "Tổ chức Tầm nhìn Thế giới", "country": "US"},
]


@pytest.fixture
def small_threshold(settings, media_root):
    settings.DOINGOAI_IMPORT_JOB_ROWS = 1


def test_a_big_import_is_queued_and_the_user_sent_to_its_page(
    client, small_threshold, hg_specialist, ha_giang
):
    client_for(client, hg_specialist)
    response = upload(client, PARTNERS, filled(client, PARTNERS, TWO_PARTNERS))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:job-detail", args=[job.pk])
    assert (job.kind, job.state, job.owner, job.province) == (
        "spreadsheet-import", "queued", hg_specialist, ha_giang)
    assert job.args["path"].startswith("imports/") and default_storage.exists(job.args["path"])
    assert not Partner.objects.exists()  # nothing is written by the request


def test_the_worker_imports_the_rows_for_the_users_province_and_deletes_the_workbook(
    client, small_threshold, hg_specialist, ha_giang
):
    client_for(client, hg_specialist)
    upload(client, PARTNERS, filled(client, PARTNERS, TWO_PARTNERS))
    job = run_one()
    job.refresh_from_db()
    assert (job.state, job.progress, job.result["created"]) == ("done", 100, 2)
    assert set(Partner.objects.values_list("owner", "created_by")) == {
        (ha_giang.pk, hg_specialist.pk)}
    assert not default_storage.exists(job.args["path"])
    html = client.get(reverse("jobs:job-detail", args=[job.pk])).content.decode()
    assert "Đã nhập 2 bản ghi." in html
    assert untranslated_strings(visible_text(html)) == []


def test_a_big_import_with_a_bad_row_fails_writes_nothing_and_lists_the_line(
    client, small_threshold, hg_specialist, ha_giang, bac_kan
):
    good, missing_title, foreign, _ours = _agreement_rows(ha_giang, bac_kan)
    client_for(client, hg_specialist)
    upload(client, AGREEMENTS, filled(client, AGREEMENTS, [good, missing_title, foreign]))
    job = run_one()
    job.refresh_from_db()
    assert job.state == "failed"
    assert [line for line, _reason in job.result["bad_rows"]] == [3, 4]
    assert not AGREEMENTS.model.all_objects.exists()
    assert not default_storage.exists(job.args["path"])
    html = client.get(reverse("jobs:job-detail", args=[job.pk])).content.decode()
    assert "chưa nhập dữ liệu nào" in html
    assert untranslated_strings(visible_text(html)) == []


def test_good_rows_only_in_a_big_import_writes_the_good_rows(
    client, small_threshold, hg_specialist, ha_giang, bac_kan
):
    good, missing_title, foreign, _ours = _agreement_rows(ha_giang, bac_kan)
    client_for(client, hg_specialist)
    upload(client, AGREEMENTS, filled(client, AGREEMENTS, [good, missing_title, foreign]),
           good_rows_only=True)
    job = run_one()
    job.refresh_from_db()
    assert (job.state, job.result["created"]) == ("done", 1)
    assert AGREEMENTS.model.objects.get().title == good["title"]


def test_another_province_gets_404_on_the_import_job(
    client, small_threshold, hg_specialist, bk_specialist
):
    client_for(client, hg_specialist)
    upload(client, PARTNERS, filled(client, PARTNERS, TWO_PARTNERS))
    job = Job.objects.get()
    client_for(client, bk_specialist)
    assert client.get(reverse("jobs:job-detail", args=[job.pk])).status_code == 404


def test_a_small_import_still_runs_in_the_request(client, media_root, hg_specialist):
    client_for(client, hg_specialist)
    response = upload(client, PARTNERS, filled(client, PARTNERS, TWO_PARTNERS))
    assert response.status_code == 302 and Partner.objects.count() == 2
    assert not Job.objects.exists()

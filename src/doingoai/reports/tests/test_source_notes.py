"""Each computed figure carries a one-line, translated note of where it comes from, in the
report's page and its JSON and CSV exports (issue 10, item 10: they were the computations'
English docstrings, line breaks included)."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.reports.computations import COMPUTATIONS
from doingoai.reports.sources import SOURCE_NOTES, source_note
from doingoai.reports.tests.records import make_records


def test_every_computation_has_a_one_line_source_note_translated_into_vietnamese():
    assert sorted(COMPUTATIONS) == sorted(SOURCE_NOTES)
    for code in COMPUTATIONS:
        with translation.override("en"):
            english = source_note(code)
        with translation.override("vi"):
            vietnamese = source_note(code)
        assert "\n" not in english and english.strip() == english, code
        assert vietnamese != english, f"{code}: no Vietnamese note"


@pytest.fixture
def report_query(ha_giang):
    make_records(ha_giang)
    return {"place": ha_giang.pk, "period": "2022-2023"}


def test_the_json_export_gives_the_vietnamese_note_of_a_computed_figure(
    hg_client, report_query
):
    response = hg_client.get(reverse("reports:report-export"),
                             {**report_query, "format": "json"})
    figures = json.loads(response.content)["figures"]
    outgoing = next(f for f in figures if f["indicator"] == "delegations.outgoing")
    assert outgoing["basis"] == "computed"
    assert outgoing["source"] == (
        "Tính từ dữ liệu: Đoàn ra xuất cảnh trong kỳ, không tính đoàn bị từ chối hoặc bị hủy.")
    for figure in figures:
        assert "\n" not in figure["source"]


def test_the_csv_export_in_english_gives_the_english_note(hg_client, report_query):
    response = hg_client.get(reverse("reports:report-export"),
                             {**report_query, "format": "csv", "lang": "en"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    outgoing = next(r for r in rows if r["indicator"] == "delegations.outgoing")
    assert outgoing["source"] == ("Computed from the records: Outgoing delegations departing "
                                  "in the period, refused and cancelled trips left out.")

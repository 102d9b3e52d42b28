"""The report page speaks the reader's language only: the summary in Vietnamese without an
English paragraph under it, and a period it cannot read named in Vietnamese (issue 10,
item 10)."""

from django.urls import reverse
from django.utils.html import escape

from doingoai.lib.periods import parse_period
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import make_records


def test_the_summary_is_in_vietnamese_only(hg_client, ha_giang):
    make_records(ha_giang)
    page = hg_client.get(reverse("reports:report"),
                         {"place": ha_giang.pk, "period": "2022-2023"}).content.decode()
    report = build_report([ha_giang], parse_period("2022-2023"))
    assert escape(report.prose("vi")) in page
    assert escape(report.prose("en")) not in page


def test_the_summary_is_in_english_for_an_english_reader(hg_client, ha_giang):
    make_records(ha_giang)
    hg_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = hg_client.get(reverse("reports:report"),
                         {"place": ha_giang.pk, "period": "2022-2023"}).content.decode()
    report = build_report([ha_giang], parse_period("2022-2023"))
    assert escape(report.prose("en")) in page
    assert escape(report.prose("vi")) not in page


def test_a_period_that_cannot_be_read_is_named_in_vietnamese(hg_client):
    page = hg_client.get(reverse("reports:report"), {"period": "abc"}).content.decode()
    assert "“abc” không phải là một kỳ báo cáo" in page
    assert "is not a period" not in page


def test_a_period_that_cannot_be_read_is_named_in_vietnamese_by_the_export(
    hg_client, ha_giang
):
    response = hg_client.get(reverse("reports:report-export"),
                             {"place": ha_giang.pk, "period": "2020-2015", "format": "json"})
    assert response.status_code == 400
    assert "giai đoạn 2020-2015 kết thúc trước khi bắt đầu" in response.content.decode()

"""The report of a year has a section on the annual plan's implementation (issue 16, §3):
its prose a leader signs and a small table, the numbers of ``planning.progress``, in the
DOCX, the PDF's HTML and the workbook; none for a quarter or a plan still in draft."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.core.tests.factories import make_delegation
from doingoai.delegations.models import Delegation
from doingoai.lib.periods import quarter, year_period
from doingoai.planning.models import AnnualPlan, PlanItem
from doingoai.planning.tests.factories import make_plan
from doingoai.reports.document import outline
from doingoai.reports.exports.excel import as_xlsx
from doingoai.reports.exports.pdf import as_html
from doingoai.reports.exports.word import as_docx
from doingoai.reports.report import build_report

HEADING = "Kết quả thực hiện Kế hoạch hoạt động đối ngoại năm 2024"
EXPECTED = [
    "Năm 2024, tỉnh thực hiện 1/4 hoạt động đối ngoại theo Kế hoạch hoạt động đối ngoại "
    "năm 2024 (phê duyệt tại Quyết định số 45/QĐ-UBND ngày 12/01/2024), gồm: đoàn ra 1/3; "
    "hội nghị, hội thảo quốc tế 0/1. Còn 1 hoạt động đang triển khai (Đoàn sang Nhật Bản); "
    "2 hoạt động chưa thực hiện (Đoàn công tác xúc tiến hợp tác tại Vân Nam (Trung Quốc); "
    "Hội thảo du lịch biên giới).",
    "Ngoài kế hoạch, tỉnh thực hiện 1 hoạt động đối ngoại: Đoàn sang Pháp (được Ban Thường "
    "vụ Tỉnh ủy cho phép tại văn bản số 312-TB/TU ngày 05/06/2024).",
]
TABLE = [
    ["Loại hoạt động", "Theo kế hoạch", "Đã thực hiện", "Đang thực hiện", "Chưa thực hiện"],
    ["Đoàn ra", 3, 1, 1, 1],
    ["Hội nghị, hội thảo quốc tế", 1, 0, 0, 1],
    ["Tổng cộng", 4, 1, 1, 2],
    ["Ngoài kế hoạch", "", 1, "", ""],
]


@pytest.fixture
def plan_2024(ha_giang):
    plan = make_plan(ha_giang, year=2024, status=AnnualPlan.Status.APPROVED,
                     approved_on=dt.date(2024, 1, 12), decision_number="45/QĐ-UBND")
    korea, japan = (PlanItem.objects.create(plan=plan, kind=PlanItem.Kind.OUTGOING, quarter=3,
                                            title=title)
                    for title in ("Đoàn sang Hàn Quốc", "Đoàn sang Nhật Bản"))
    PlanItem.objects.create(plan=plan, kind=PlanItem.Kind.CONFERENCE, quarter=4,
                            title="Hội thảo du lịch biên giới")
    make_delegation(ha_giang, departs_on=dt.date(2024, 8, 4), returns_on=dt.date(2024, 8, 9),
                    plan_item=korea, status=Delegation.Status.BACK)
    make_delegation(ha_giang, departs_on=dt.date(2024, 11, 4),
                    returns_on=dt.date(2024, 11, 9), plan_item=japan,
                    status=Delegation.Status.APPROVED)
    make_delegation(ha_giang, title="Đoàn sang Pháp", departs_on=dt.date(2024, 7, 1),
                    returns_on=dt.date(2024, 7, 3), status=Delegation.Status.BACK,
                    outside_plan_decision="312-TB/TU",
                    outside_plan_decided_on=dt.date(2024, 6, 5),
                    outside_plan_decided_by="Ban Thường vụ Tỉnh ủy")
    return plan


def plan_section(report, lang="vi"):
    found = [s for s in outline(report, lang) if s.table]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_years_report_tells_the_plans_implementation_in_prose_and_a_table(
        ha_giang, plan_2024):
    report = build_report([ha_giang], year_period(2024))
    section = plan_section(report)
    assert section.heading.endswith(HEADING) and section.level == 2
    assert section.paragraphs == EXPECTED
    assert section.table == TABLE
    english = plan_section(report, "en")
    assert english.paragraphs[0].startswith(
        "In 2024 the province carried out 1 of the 4 foreign-affairs activities of its plan")


def test_the_plan_section_is_in_the_docx_the_pdf_and_the_workbook(ha_giang, plan_2024):
    report = build_report([ha_giang], year_period(2024))
    document = Document(io.BytesIO(as_docx(report)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert EXPECTED[0] in text and EXPECTED[1] in text
    [table] = [t for t in document.tables if t.cell(0, 0).text == "Loại hoạt động"]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        [str(v) for v in row] for row in TABLE]
    html = as_html(report)
    assert "Đang thực hiện" in html and "Đoàn sang Pháp" in html
    sheet = load_workbook(io.BytesIO(as_xlsx(report)))["Thực hiện kế hoạch"]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [
        [v if v != "" else None for v in row] for row in TABLE]


def test_a_quarter_or_a_plan_in_draft_has_no_plan_section(ha_giang, plan_2024):
    assert plan_section(build_report([ha_giang], quarter(2024, 4))) is None
    AnnualPlan.objects.filter(pk=plan_2024.pk).update(status=AnnualPlan.Status.DRAFT)
    assert plan_section(build_report([ha_giang], year_period(2024))) is None


def test_another_provinces_plan_is_not_in_the_report(bac_kan, plan_2024):
    assert plan_section(build_report([bac_kan], year_period(2024))) is None


def test_a_report_documents_stored_version_keeps_the_plan_table_and_prints_it(
        client, ha_giang, hg_specialist, plan_2024):
    from doingoai.reports import drafting

    doc = drafting.create_draft(ha_giang, year_period(2024), hg_specialist)
    [stored] = [s for s in doc.current.sections if s.get("table")]
    assert stored["paragraphs"] == EXPECTED and stored["table"] == TABLE
    document = Document(io.BytesIO(drafting.render_version(doc, doc.current, "docx")))
    assert any(t.cell(0, 0).text == "Loại hoạt động" for t in document.tables)
    client.force_login(hg_specialist)
    page = client.get(reverse("reports:document-detail", args=[doc.pk])).content.decode()
    assert 'class="plan-table"' in page and "<th>Chưa thực hiện</th>" in page

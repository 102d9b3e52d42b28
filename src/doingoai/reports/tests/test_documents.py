"""Issue 11 §3: the report as a document — a draft generated for a place and period, edited
(each save a version), submitted, returned with a comment or approved by a leader who did
not write it, then issued with the next number of its issuer's book; frozen once issued."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document

from doingoai.core.models import RecordChanged
from doingoai.lib.periods import parse_period
from doingoai.reports import drafting
from doingoai.reports.models import ReportDocument, ReportVersion
from doingoai.reports.workflow import workflow
from doingoai.rules.models import Transition
from doingoai.testing import make_user

STRENGTHS = "Công tác đối ngoại được triển khai đồng bộ, bám sát chương trình của Tỉnh ủy."


@pytest.fixture
def draft(ha_giang, hg_specialist, ha_giang_figures):
    return drafting.create_draft(ha_giang, parse_period("2015-2020"), hg_specialist)


@pytest.fixture
def other_leader(ha_giang):
    return make_user("hg.leader2", "leader", ha_giang)


def edit(doc, user, **texts):
    doc.refresh_from_db()
    current = doc.current
    return doc.add_version(drafting.edited(current.sections, texts), current.annex, user)


def step(doc, name, user, comment=""):
    doc.refresh_from_db()
    workflow.apply(doc, name, user, {"comment": comment})
    doc.refresh_from_db()


def test_a_new_draft_holds_the_generated_figures_part_and_empty_written_parts(draft):
    version = draft.current
    assert version.n == 1 and draft.status == ReportDocument.Status.DRAFT
    slugs = [s["slug"] for s in version.sections]
    assert slugs[0] == "results"
    assert slugs[-6:] == ["assessment", "strengths", "weaknesses", "causes", "tasks",
                          "proposals"]
    generated = " ".join(p for s in version.sections if not s["written"]
                         for p in s["paragraphs"])
    assert "422 đoàn" in generated  # the seed's "422 đoàn/2.689 lượt cán bộ"
    assert version.section("strengths")["paragraphs"] == []
    # The annex as printed: the seed's 85 agreements and 422 outgoing delegations.
    assert {"85", "422"} <= {row["printed_text"] for row in version.annex}


def test_every_save_is_a_new_version_and_the_earlier_one_is_kept(draft, hg_specialist):
    edit(draft, hg_specialist, strengths=STRENGTHS)
    edit(draft, hg_specialist, strengths=STRENGTHS + "\nPhối hợp chặt chẽ với các sở, ngành.")
    versions = list(draft.versions.order_by("n"))
    assert [v.n for v in versions] == [1, 2, 3]
    assert versions[0].section("strengths")["paragraphs"] == []
    assert versions[1].section("strengths")["paragraphs"] == [STRENGTHS]
    assert len(versions[2].section("strengths")["paragraphs"]) == 2


def test_a_stored_version_is_never_changed(draft):
    version = draft.current
    version.comment = "đổi"
    with pytest.raises(ValueError):
        version.save()


def test_the_diff_page_shows_the_added_and_removed_lines(client, draft, hg_specialist):
    edit(draft, hg_specialist, strengths="Công tác đối ngoại được triển khai.")
    edit(draft, hg_specialist, strengths=STRENGTHS)
    client.force_login(hg_specialist)
    response = client.get(reverse("reports:document-diff", args=[draft.pk]) + "?a=2&b=3")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<span class="diff-added" style="background:#e6ffec">+{STRENGTHS}</span>' in html
    assert ('<span class="diff-removed" style="background:#ffebe9">-Công tác đối ngoại được '
            'triển khai.</span>') in html


def test_the_leader_approves_and_issues_with_the_next_number(draft, hg_specialist,
                                                              hg_leader):
    edit(draft, hg_specialist, strengths=STRENGTHS)
    step(draft, "submit", hg_specialist)
    step(draft, "approve", hg_leader)
    step(draft, "issue", hg_leader)
    assert draft.status == ReportDocument.Status.ISSUED
    assert draft.number == 1 and draft.number_text == "01/BC-SNV"
    assert draft.issued_on is not None
    # Issued today, Hà Giang's report is headed by Tuyên Quang (merged on 1/7/2025).
    assert draft.issuer["parent"] == "UBND TỈNH TUYÊN QUANG"
    actions = list(Transition.of(draft).values_list("action", flat=True))
    assert actions == ["submit", "approve", "issue"]


def test_a_leader_who_wrote_the_last_version_cannot_approve_it(draft, hg_specialist,
                                                                hg_leader, other_leader):
    edit(draft, hg_leader, strengths=STRENGTHS)
    step(draft, "submit", hg_specialist)
    with pytest.raises(PermissionDenied):
        workflow.apply(draft, "approve", hg_leader, {})
    step(draft, "approve", other_leader)
    assert draft.status == ReportDocument.Status.APPROVED


def test_a_specialist_cannot_approve_or_issue(draft, hg_specialist, bk_specialist):
    step(draft, "submit", hg_specialist)
    other = make_user("hg.specialist2", "specialist", draft.place)
    with pytest.raises(PermissionDenied):
        workflow.apply(draft, "approve", other, {})
    assert "approve" not in [s.name for s in workflow.available(draft, other)]


def test_a_returned_draft_carries_the_comment_and_can_be_edited_again(draft, hg_specialist,
                                                                       hg_leader):
    step(draft, "submit", hg_specialist)
    with pytest.raises(RecordChanged):
        edit(draft, hg_specialist, strengths=STRENGTHS)  # submitted: no edit
    step(draft, "return", hg_leader, "Bổ sung phần tồn tại, hạn chế.")
    assert draft.status == ReportDocument.Status.RETURNED
    assert Transition.of(draft).last().comment == "Bổ sung phần tồn tại, hạn chế."
    edit(draft, hg_specialist, weaknesses="Nguồn lực cho công tác đối ngoại còn hạn chế.")
    assert draft.versions.count() == 2


def test_an_issued_document_is_frozen(client, draft, hg_specialist, hg_leader):
    step(draft, "submit", hg_specialist)
    step(draft, "approve", hg_leader)
    step(draft, "issue", hg_leader)
    with pytest.raises(RecordChanged):
        edit(draft, hg_specialist, strengths=STRENGTHS)
    assert workflow.available(draft, hg_leader) == []
    client.force_login(hg_specialist)
    response = client.post(reverse("reports:document-edit", args=[draft.pk]),
                           {"version": draft.version, "strengths": STRENGTHS})
    assert response.status_code == 302
    assert draft.versions.count() == 1


def test_numbers_are_gapless_in_the_order_of_issue(ha_giang, hg_specialist, hg_leader,
                                                    ha_giang_figures):
    numbers = []
    for period in ("2015-2020", "2021", "2022"):
        doc = drafting.create_draft(ha_giang, parse_period(period), hg_specialist)
        step(doc, "submit", hg_specialist)
        step(doc, "approve", hg_leader)
        step(doc, "issue", hg_leader)
        numbers.append(doc.number)
    assert numbers == [1, 2, 3]


def test_the_docx_of_a_stored_version_prints_the_edited_section(draft, hg_specialist):
    edit(draft, hg_specialist, strengths=STRENGTHS)
    draft.refresh_from_db()
    content = drafting.render_version(draft, draft.current, "docx")
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    assert STRENGTHS in texts
    assert "[Phần này do chuyên viên soạn thảo trước khi trình lãnh đạo.]" in texts  # others
    header = document.sections[0].first_page_header.paragraphs[0].text
    assert header == "DỰ THẢO"
    left = [p.text for p in document.tables[0].cell(0, 0).paragraphs]
    assert left[-1] == "Số:      /BC-SNV"


def test_the_docx_of_an_issued_document_has_its_number_and_no_draft_mark(
        draft, hg_specialist, hg_leader):
    step(draft, "submit", hg_specialist)
    step(draft, "approve", hg_leader)
    step(draft, "issue", hg_leader)
    document = Document(io.BytesIO(drafting.render_version(draft, draft.current, "docx")))
    left = [p.text for p in document.tables[0].cell(0, 0).paragraphs]
    assert left[-1] == "Số: 01/BC-SNV"
    assert document.sections[0].first_page_header.paragraphs[0].text == ""
    assert any(p.text.startswith("(Kèm theo Báo cáo số 01/BC-SNV ngày ")
               for p in document.paragraphs)


def test_an_edited_generated_paragraph_is_printed_instead_of_the_generated_one(
        draft, hg_specialist):
    edit(draft, hg_specialist, results="Năm 2015 - 2020, tỉnh đã đón 381 đoàn vào.")
    draft.refresh_from_db()
    html = drafting.render_version(draft, draft.current, "pdf")
    assert html.startswith(b"%PDF")
    from doingoai.reports.exports.pdf import as_html
    from doingoai.reports.report import build_report

    report = build_report([draft.place], parse_period(draft.period))
    page = as_html(report, sections=drafting.as_outline(draft.current.sections, "vi"),
                   annex_rows=draft.current.annex, draft=True)
    assert "Năm 2015 - 2020, tỉnh đã đón 381 đoàn vào." in page
    assert "DỰ THẢO" in page


def test_the_pages_of_a_draft_open_for_its_province(client, draft, hg_specialist):
    client.force_login(hg_specialist)
    for url in urls(draft):
        assert client.get(url).status_code == 200, url


def urls(doc):
    return [
        reverse("reports:document-detail", args=[doc.pk]),
        reverse("reports:document-edit", args=[doc.pk]),
        reverse("reports:document-diff", args=[doc.pk]),
        reverse("reports:document-download", args=[doc.pk, 1, "docx"]),
        reverse("reports:document-download", args=[doc.pk, 1, "xlsx"]),
        reverse("reports:document-step", args=[doc.pk, "submit"]),
    ]


def test_another_provinces_user_gets_404_on_every_page_of_the_document(client, draft,
                                                                       bk_specialist):
    client.force_login(bk_specialist)
    for url in urls(draft) + [reverse("reports:document-download", args=[draft.pk, 1, "pdf"])]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("reports:document-edit", args=[draft.pk]),
                       {"strengths": "x", "version": draft.version}).status_code == 404
    assert client.post(reverse("reports:document-step", args=[draft.pk, "submit"]),
                       {"version": draft.version}).status_code == 404
    listing = client.get(reverse("reports:document-list")).content.decode()
    assert draft.title not in listing
    assert draft.versions.count() == 1


def test_a_user_cannot_create_a_draft_for_another_province(client, ha_giang, bk_specialist):
    client.force_login(bk_specialist)
    response = client.post(reverse("reports:document-new"),
                           {"place": ha_giang.pk, "period": "2023", "language": "vi"})
    assert response.status_code in (400, 403)
    assert not ReportDocument.objects.filter(place=ha_giang).exists()


def test_a_viewer_reads_the_document_but_cannot_edit_it(client, draft, hg_viewer):
    client.force_login(hg_viewer)
    assert client.get(reverse("reports:document-detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("reports:document-edit", args=[draft.pk])).status_code == 403


def test_a_bad_period_is_refused_with_a_message(client, ha_giang, hg_specialist):
    client.force_login(hg_specialist)
    response = client.post(reverse("reports:document-new"),
                           {"place": ha_giang.pk, "period": "năm ngoái", "language": "vi"})
    assert response.status_code == 400
    assert ReportDocument.objects.count() == 0


def test_the_edit_page_saves_a_version_and_the_detail_shows_it(client, draft, hg_specialist):
    client.force_login(hg_specialist)
    url = reverse("reports:document-edit", args=[draft.pk])
    data = {f.name: f.value() or "" for f in
            __import__("doingoai.reports.document_views", fromlist=["EditForm"]).EditForm(
                draft.current.sections)}
    data.update(strengths=STRENGTHS, version=draft.version, comment="Viết phần ưu điểm")
    assert client.post(url, data).status_code == 302
    assert ReportVersion.objects.filter(document=draft).count() == 2
    page = client.get(reverse("reports:document-detail", args=[draft.pk])).content.decode()
    assert STRENGTHS in page and "Viết phần ưu điểm" in page
    stale = client.post(url, {**data, "version": 1})
    assert stale.status_code == 409

"""A rule's text is data kept in Vietnamese and English and shown in the reader's language;
its article is cited the Vietnamese way on a Vietnamese page (issue 10, item 10)."""

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.rules.models import LegalDocument, Rule, article_in_language
from doingoai.rules.seed import DOCUMENTS, RULES

pytestmark = pytest.mark.django_db


def test_every_seeded_rule_and_note_has_a_vietnamese_and_an_english_text():
    for row in RULES:
        assert row["description_vi"] and row["description_en"], row["code"]
        assert row["description_vi"] != row["description_en"], row["code"]
    for row in DOCUMENTS:
        assert bool(row.get("note_vi")) == bool(row.get("note_en")), row["number"]


def test_the_rules_page_shows_the_vietnamese_text_and_article_to_a_vietnamese_reader(
    client, hg_specialist
):
    client.force_login(hg_specialist)
    page = client.get(reverse("rules:rule-list")).content.decode()
    assert "Tỉnh gửi Bộ Ngoại giao báo cáo hằng năm về tổ chức hội nghị" in page
    assert "The province&#x27;s annual report" not in page
    assert "Art. 5(1)(a)" not in page
    assert "điểm a khoản 1 Điều 5" in page
    assert "khoản 1 Điều 9, khoản 3 Điều 9" in page
    assert "Được thay thế bởi Nghị định 313/2025/NĐ-CP" in page
    assert "Replaced by Decree" not in page


def test_the_rules_page_shows_the_english_text_to_an_english_reader(client, hg_specialist):
    client.force_login(hg_specialist)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("rules:rule-list")).content.decode()
    assert "The province&#x27;s annual report on international conferences" in page
    assert "Art. 5(1)(a)" in page
    assert "Replaced by Decree 313/2025/NĐ-CP" in page


def test_a_rule_with_only_one_text_shows_it_in_both_languages(ha_giang):
    document = LegalDocument.objects.create(
        number="12/2024/QĐ-UBND", kind="provincial", title="Quy chế", issuer="UBND tỉnh",
        province=ha_giang, note="Chỉ có tiếng Việt.")
    rule = Rule.objects.create(document=document, code="delegation.report_days",
                               area="delegations", province=ha_giang,
                               description="Báo cáo trong 10 ngày.")
    for language in ("vi", "en"):
        with translation.override(language):
            assert rule.description == "Báo cáo trong 10 ngày."
            assert document.note == "Chỉ có tiếng Việt."


@pytest.mark.parametrize("article, vietnamese", [
    ("Art. 5(1)(a)", "điểm a khoản 1 Điều 5"),
    ("Art. 20(2)", "khoản 2 Điều 20"),
    ("Art. 7", "Điều 7"),
    ("Art. 9(1), 9(3)", "khoản 1 Điều 9, khoản 3 Điều 9"),
    ("Điều 12", "Điều 12"),
])
def test_an_article_is_cited_the_vietnamese_way(article, vietnamese):
    with translation.override("vi"):
        assert article_in_language(article) == vietnamese
    with translation.override("en"):
        assert article_in_language(article) == article


def test_the_agenda_names_a_yearly_report_by_the_rules_vietnamese_text(hg_specialist):
    import datetime as dt

    from doingoai.notifications.agenda import build_agenda

    with translation.override("vi"):
        agenda = build_agenda(hg_specialist, dt.date(2026, 12, 1), days=30)
        titles = [item.title for item in agenda.due]
    assert any(t.startswith("Tỉnh gửi Bộ Ngoại giao báo cáo hằng năm") for t in titles), titles
    assert not any("annual report" in t for t in titles), titles

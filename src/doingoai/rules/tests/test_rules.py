import datetime as dt

import pytest
from django.urls import reverse

from doingoai.lib.dates import add_working_days, is_working_day
from doingoai.rules.models import LegalDocument, Rule, rule_in_force

pytestmark = pytest.mark.django_db


def test_the_aid_report_rule_switches_from_decree_80_to_decree_313_on_8_december_2025():
    before = rule_in_force("aid.agency_annual_report", dt.date(2025, 12, 7))
    after = rule_in_force("aid.agency_annual_report", dt.date(2025, 12, 8))
    assert before.document.number == "80/2020/NĐ-CP"
    assert after.document.number == "313/2025/NĐ-CP"
    assert (before.due_month, before.due_day) == (1, 15)


def test_no_rule_is_in_force_before_its_document_took_effect():
    assert rule_in_force("event.application_days", dt.date(2020, 4, 14)) is None
    assert rule_in_force("event.application_days", dt.date(2020, 4, 15)).amount == 30


def test_a_province_rule_is_preferred_over_the_national_one(ha_giang, bac_kan):
    document = LegalDocument.objects.create(
        number="99/2024/QĐ-UBND", kind="provincial", title="Quy chế quản lý đoàn ra, đoàn vào",
        issuer="UBND tỉnh Hà Giang", province=ha_giang,
    )
    Rule.objects.create(document=document, code="delegation.report_days", area="delegations",
                        province=ha_giang, valid_from=dt.date(2024, 1, 1), amount=10,
                        unit="days", description="Báo cáo trong 10 ngày.")
    day = dt.date(2025, 3, 1)
    assert rule_in_force("delegation.report_days", day, ha_giang).amount == 10
    assert rule_in_force("delegation.report_days", day, bac_kan).amount == 15
    assert rule_in_force("delegation.report_days", dt.date(2023, 6, 1), ha_giang).amount == 15


def test_working_days_skip_weekends_and_the_lunar_new_year():
    # Tết 2026: 16–20 February (Monday to Friday) are public holidays.
    assert not is_working_day(dt.date(2026, 2, 17))
    assert not is_working_day(dt.date(2026, 2, 14))
    assert add_working_days(dt.date(2026, 2, 12), 1) == dt.date(2026, 2, 13)
    assert add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)
    rule = rule_in_force("agreement.consultation_working_days", dt.date(2026, 2, 12))
    # 13/2, then 23–27/2 after Tết, then Monday 2/3: seven working days.
    assert rule.due_after(dt.date(2026, 2, 12)) == dt.date(2026, 3, 2)


def test_a_rule_counted_in_months_keeps_the_end_of_the_month():
    rule = rule_in_force("aid.end_report_months", dt.date(2026, 8, 31))
    assert rule.due_after(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)


@pytest.mark.parametrize("who", ["hg_viewer", "bk_specialist", "ministry_viewer", "hg_leader"])
def test_the_rules_page_lists_every_rule_with_its_document_for_any_user(client, who, request):
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("rules:rule-list")).content.decode()
    for number in ("06/2020/QĐ-TTg", "70/2020/QH14", "64/2021/NĐ-CP", "177/2025/NĐ-CP",
                   "80/2020/NĐ-CP", "313/2025/NĐ-CP", "03/2023/TT-BNV", "58/2012/QĐ-TTg"):
        assert number in page
    assert "event.application_days_pm" in page
    assert "08/12/2025" in page


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("rules:rule-list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]

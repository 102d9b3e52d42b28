import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def agreement(owner, **extra):
    return Agreement.objects.create(owner=owner, kind="mou", title="Biên bản ghi nhớ với Vân Nam",
                                    our_signatory="UBND tỉnh Hà Giang", **extra)


def test_consultation_answers_are_due_in_7_working_days(client, ha_giang, hg_specialist):
    record = agreement(ha_giang)
    client.force_login(hg_specialist)
    url = reverse("agreements:agreement-transition", args=[record.pk, "consult"])
    assert client.post(url, {"consultation_sent_on": "2026-02-12"}).status_code == 302
    record.refresh_from_db()
    assert record.status == "consultation"
    assert record.consultation_due_on == dt.date(2026, 3, 2)
    assert record.consultation_rule.document.number == "70/2020/QH14"


def test_the_post_signing_report_is_due_15_days_after_signing(client, ha_giang, hg_specialist):
    record = agreement(ha_giang, status="approved")  # approved for signature
    client.force_login(hg_specialist)
    url = reverse("agreements:agreement-transition", args=[record.pk, "sign"])
    signed = TODAY - dt.timedelta(days=20)
    assert client.post(url, {"signed_on": signed.isoformat()}).status_code == 302
    record.refresh_from_db()
    assert record.status == "signed"
    assert record.report_due_on == signed + dt.timedelta(days=15)
    assert list(Agreement.objects.overdue_reports()) == [record]
    page = client.get(reverse("agreements:agreement-detail", args=[record.pk])).content.decode()
    assert "70/2020/QH14" in page


def test_expiry_alerts_come_90_and_30_days_ahead(ha_giang):
    soon = agreement(ha_giang, status="in_force", signed_on=TODAY - dt.timedelta(days=700),
                     expires_on=TODAY + dt.timedelta(days=20))
    later = agreement(ha_giang, status="in_force", signed_on=TODAY - dt.timedelta(days=700),
                      expires_on=TODAY + dt.timedelta(days=80))
    agreement(ha_giang, status="in_force", signed_on=TODAY - dt.timedelta(days=700),
              expires_on=TODAY + dt.timedelta(days=200))
    assert set(Agreement.objects.expiring_within(90)) == {soon, later}
    assert list(Agreement.objects.expiring_within(30)) == [soon]
    assert (soon.expiry_alert(TODAY), later.expiry_alert(TODAY)) == (30, 90)


def test_another_province_gets_404_on_the_agreement_steps(client, ha_giang, bk_specialist):
    record = agreement(ha_giang)
    client.force_login(bk_specialist)
    for step in ("consult", "sign", "in_force", "report", "expire", "terminate"):
        url = reverse("agreements:agreement-transition", args=[record.pk, step])
        assert client.post(url, {"signed_on": "2026-01-01"}).status_code == 404

"""An agreement past its end date expires by itself, through the workflow's guarded path, with
the system named in its trail."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from doingoai.agreements.expiry import expire_lapsed
from doingoai.agreements.models import Agreement
from doingoai.rules.models import Transition

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)


def agreement(owner, status="in_force", ends=TODAY - dt.timedelta(days=1), **extra):
    return Agreement.objects.create(
        owner=owner, kind="mou", title=f"Biên bản ghi nhớ {status} {ends}",
        our_signatory="UBND tỉnh Hà Giang", status=status,
        signed_on=dt.date(2021, 4, 15) if status in ("signed", "in_force") else None,
        expires_on=ends, **extra)


def test_an_agreement_in_force_past_its_end_date_is_expired_by_the_daily_job(ha_giang):
    record = agreement(ha_giang)
    call_command("remind", date=TODAY, stdout=open("/dev/null", "w"))
    record.refresh_from_db()
    assert record.status == Agreement.Status.EXPIRED
    step = Transition.objects.get(object_id=record.pk, action="lapse")
    assert step.by is None
    assert (step.from_status, step.to_status) == ("in_force", "expired")
    assert "01/12/2026" in step.comment
    assert record.history.first().status == "expired"


def test_a_signed_one_expires_too_but_not_one_ending_today_or_later(ha_giang, bac_kan):
    signed = agreement(bac_kan, status="signed")
    ends_today = agreement(ha_giang, ends=TODAY)
    later = agreement(ha_giang, ends=TODAY + dt.timedelta(days=30))
    open_ended = agreement(ha_giang, ends=None)
    assert {a.pk for a in expire_lapsed(TODAY)} == {signed.pk}
    for record in (ends_today, later, open_ended):
        record.refresh_from_db()
        assert record.status == "in_force"


@pytest.mark.parametrize("status", ["negotiating", "consultation", "submitted", "approved",
                                    "terminated", "expired"])
def test_an_agreement_not_signed_or_already_ended_is_left_alone(ha_giang, status):
    record = agreement(ha_giang, status=status)
    assert expire_lapsed(TODAY) == []
    record.refresh_from_db()
    assert record.status == status
    assert not Transition.objects.filter(object_id=record.pk).exists()


def test_a_second_run_changes_nothing(ha_giang):
    agreement(ha_giang)
    assert len(expire_lapsed(TODAY)) == 1
    assert expire_lapsed(TODAY) == []
    assert Transition.objects.filter(action="lapse").count() == 1


def test_the_record_page_names_the_system_and_offers_no_such_step(client, ha_giang,
                                                                  hg_specialist):
    record = agreement(ha_giang)
    expire_lapsed(TODAY)
    client.force_login(hg_specialist)
    page = client.get(reverse("agreements:agreement-detail", args=[record.pk])).content.decode()
    assert "Hệ thống (tự động)" in page
    assert "Hết hạn vào ngày kết thúc" in page
    url = reverse("agreements:agreement-transition", args=[record.pk, "lapse"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": record.version}).status_code == 404


def test_the_dry_run_lists_and_changes_nothing(ha_giang):
    import io

    record = agreement(ha_giang)
    out = io.StringIO()
    call_command("expire_agreements", date=TODAY, dry_run=True, stdout=out)
    assert str(record.pk) in out.getvalue()
    record.refresh_from_db()
    assert record.status == "in_force"
    call_command("expire_agreements", date=TODAY, stdout=out)
    record.refresh_from_db()
    assert record.status == "expired"


def test_a_yearly_review_is_added_to_an_agreement_in_force_whose_terms_stay_locked(
        client, ha_giang, hg_specialist):
    from doingoai.agreements.models import ImplementationNote
    from doingoai.agreements.pages import agreements
    from doingoai.core.tests.factories import form_data_of, inline_data, make_partner

    record = agreement(ha_giang, ends=TODAY + dt.timedelta(days=400))
    record.partners.add(make_partner(ha_giang))
    client.force_login(hg_specialist)
    data = {**form_data_of(agreements, record, hg_specialist),
            **inline_data(agreements, {0: [{
                "year": "2025", "text": "Trao đổi 3 đoàn, tổ chức hội chợ nông sản",
                "carried_out_by": "Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch",
                "recommendation": "amend"}]}),
            "version": record.version}
    response = client.post(agreements.reverse("edit", record.pk), data)
    assert response.status_code == 302
    review = ImplementationNote.objects.get(agreement=record)
    assert (review.year, review.recommendation) == (2025, "amend")
    page = client.get(reverse("agreements:agreement-detail", args=[record.pk])).content.decode()
    assert "Sửa đổi, bổ sung hoặc gia hạn" in page
    # The terms themselves stay as signed.
    data["title"] = "Một tên khác"
    client.post(agreements.reverse("edit", record.pk), {**data, "version": record.version + 1})
    record.refresh_from_db()
    assert record.title != "Một tên khác"


def test_an_agreement_ending_in_90_days_is_on_the_agenda_one_in_91_not_yet(
        ha_giang, hg_specialist):
    from doingoai.notifications.agenda import build_agenda

    soon = agreement(ha_giang, ends=TODAY + dt.timedelta(days=90))
    later = agreement(ha_giang, ends=TODAY + dt.timedelta(days=91))
    agenda = build_agenda(hg_specialist, today=TODAY)
    listed = [item.title for item in agenda.expiring + agenda.due]
    assert soon.title in listed and later.title not in listed


def test_the_list_filters_an_agreement_the_daily_job_expired_as_expired_not_in_force(
        client, ha_giang, hg_specialist):
    record = agreement(ha_giang, ends=dt.date(2026, 4, 30))
    expire_lapsed(TODAY)
    client.force_login(hg_specialist)
    page = client.get(reverse("agreements:agreement-list") + "?status=expired").content.decode()
    assert record.title in page
    in_force = client.get(reverse("agreements:agreement-list") + "?status=in_force")
    assert record.title not in in_force.content.decode()

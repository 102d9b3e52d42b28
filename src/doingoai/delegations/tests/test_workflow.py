import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from doingoai.delegations.models import Delegation
from doingoai.rules.models import Transition

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n% a post-trip report\n"


def create_delegation(client, departs_on, returns_on):
    response = client.post(reverse("delegations:delegation-create"), {
        "direction": "outgoing", "title": "Đoàn công tác tại Vân Nam",
        "purpose": "Trao đổi hợp tác thương mại biên giới", "countries": ["CN"],
        "cities": "Côn Minh, Văn Sơn", "departs_on": departs_on.isoformat(),
        "returns_on": returns_on.isoformat(), "funding": "budget",
        "inline0-TOTAL_FORMS": "3", "inline0-INITIAL_FORMS": "0",
        "inline0-0-name": "Nguyễn Văn A", "inline0-0-role": "head",
        "inline0-0-passport_type": "official",
        "inline0-1-name": "Trần Thị B", "inline0-1-role": "member",
        "inline0-2-name": "Lê Văn C", "inline0-2-role": "interpreter",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    return Delegation.objects.latest("pk")


def step_url(delegation, step):
    return reverse("delegations:delegation-transition", args=[delegation.pk, step])


def approve_data():
    return {"decision_number": "123/QĐ-UBND", "decision_date": TODAY.isoformat(),
            "decision_signer": "Chủ tịch UBND tỉnh", "comment": "Đồng ý"}


def section(page, start, end):
    return page.split(f'id="{start}"', 1)[1].split(f'id="{end}"', 1)[0]


@pytest.fixture
def trip(hg_client):
    """A delegation back from Yunnan 20 days ago, submitted by the specialist."""
    delegation = create_delegation(hg_client, TODAY - dt.timedelta(days=27),
                                   TODAY - dt.timedelta(days=20))
    assert hg_client.post(step_url(delegation, "submit"), {"comment": ""}).status_code == 302
    delegation.refresh_from_db()
    return delegation


def test_a_specialist_submits_and_a_leader_approves_with_a_decision(client, trip, hg_leader):
    assert trip.status == "submitted"
    assert trip.members.count() == 3
    assert trip.person_trips == 3
    client.force_login(hg_leader)
    response = client.post(step_url(trip, "approve"), approve_data())
    assert response.status_code == 302
    trip.refresh_from_db()
    assert trip.status == "approved"
    assert trip.decision_number == "123/QĐ-UBND"
    assert trip.approved_by == hg_leader
    trail = [(t.action, t.by.username, t.comment) for t in Transition.of(trip)]
    assert trail == [("submit", "hg.specialist", ""), ("approve", "hg.leader", "Đồng ý")]
    page = client.get(reverse("delegations:delegation-detail", args=[trip.pk])).content.decode()
    assert "Đồng ý" in page
    assert "Lãnh đạo Hà Giang" in page


def test_the_detail_names_who_submitted_and_approved_by_their_full_name(
    client, trip, hg_leader
):
    client.force_login(hg_leader)
    client.post(step_url(trip, "approve"), approve_data())
    page = client.get(reverse("delegations:delegation-detail", args=[trip.pk])).content.decode()
    fields = page.split('id="transitions"', 1)[0]
    assert "Chuyên viên Hà Giang" in fields
    assert "Lãnh đạo Hà Giang" in fields
    assert "hg.specialist" not in page and "hg.leader" not in page


def test_a_specialist_cannot_approve(hg_client, trip):
    response = hg_client.post(step_url(trip, "approve"), approve_data())
    assert response.status_code == 403
    trip.refresh_from_db()
    assert trip.status == "submitted"
    page = hg_client.get(reverse("delegations:delegation-detail", args=[trip.pk])).content
    assert b">Approve</button>" not in page


def test_a_leader_cannot_approve_their_own_submission(client, hg_leader):
    client.force_login(hg_leader)
    delegation = create_delegation(client, TODAY + dt.timedelta(days=10),
                                   TODAY + dt.timedelta(days=15))
    client.post(step_url(delegation, "submit"), {})
    response = client.post(step_url(delegation, "approve"), approve_data())
    assert response.status_code == 403
    delegation.refresh_from_db()
    assert delegation.status == "submitted"


def test_returning_needs_a_comment_and_is_kept_in_the_trail(client, trip, hg_leader):
    client.force_login(hg_leader)
    assert client.post(step_url(trip, "return"), {"comment": ""}).status_code == 400
    client.post(step_url(trip, "return"), {"comment": "Bổ sung chương trình làm việc"})
    trip.refresh_from_db()
    assert trip.status == "returned"
    assert Transition.of(trip).last().comment == "Bổ sung chương trình làm việc"


def test_the_status_cannot_be_set_through_the_edit_form(hg_client, trip):
    url = reverse("delegations:delegation-edit", args=[trip.pk])
    form = hg_client.get(url).content.decode()
    assert 'name="status"' not in form
    assert 'name="decision_number"' not in form


def test_an_overdue_report_shows_on_the_home_page_with_its_rule_until_it_is_uploaded(
    client, trip, hg_leader, hg_specialist
):
    client.force_login(hg_leader)
    client.post(step_url(trip, "approve"), approve_data())
    trip.refresh_from_db()
    assert trip.report_due_on == trip.returns_on + dt.timedelta(days=15)
    assert list(Delegation.objects.overdue_reports()) == [trip]

    client.force_login(hg_specialist)
    overdue = section(client.get(reverse("core:home")).content.decode(), "overdue", "due-soon")
    assert "Đoàn công tác tại Vân Nam" in overdue
    assert "03/2023/TT-BNV" in overdue
    detail = client.get(reverse("delegations:delegation-detail", args=[trip.pk]))
    assert "03/2023/TT-BNV" in detail.content.decode()
    assert "Tải lên báo cáo</button>" in detail.content.decode()

    report = SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf")
    response = client.post(step_url(trip, "report"), {
        "report": report, "report_received_on": TODAY.isoformat()})
    assert response.status_code == 302
    trip.refresh_from_db()
    assert trip.status == "reported"
    assert not Delegation.objects.overdue_reports().exists()
    overdue = section(client.get(reverse("core:home")).content.decode(), "overdue", "due-soon")
    assert "Đoàn công tác tại Vân Nam" not in overdue
    download = client.get(reverse("core:download",
                                  args=["delegations", "delegation", trip.pk, "report"]))
    assert download.status_code == 200


@pytest.mark.parametrize("name, content", [
    ("report.exe", b"MZ\x90\x00"),
    ("report.pdf", b"MZ\x90\x00 not a pdf"),
])
def test_a_report_of_the_wrong_type_is_refused(client, trip, hg_leader, hg_specialist,
                                               name, content):
    client.force_login(hg_leader)
    client.post(step_url(trip, "approve"), approve_data())
    client.force_login(hg_specialist)
    response = client.post(step_url(trip, "report"), {
        "report": SimpleUploadedFile(name, content), "report_received_on": TODAY.isoformat()})
    assert response.status_code == 400
    trip.refresh_from_db()
    assert trip.status == "approved"


def test_a_report_larger_than_the_limit_is_refused(client, trip, hg_leader, settings):
    settings.DOINGOAI_MAX_ATTACHMENT_BYTES = 100
    client.force_login(hg_leader)
    client.post(step_url(trip, "approve"), approve_data())
    response = client.post(step_url(trip, "report"), {
        "report": SimpleUploadedFile("big.pdf", PDF + b"x" * 200)})
    assert response.status_code == 400


def test_a_province_regulation_changes_the_report_deadline(trip, ha_giang):
    from doingoai.rules.models import LegalDocument, Rule

    document = LegalDocument.objects.create(
        number="12/2024/QĐ-UBND", kind="provincial", title="Quy chế quản lý đối ngoại",
        issuer="UBND tỉnh Hà Giang", province=ha_giang)
    Rule.objects.create(document=document, code="delegation.report_days", area="delegations",
                        province=ha_giang, amount=7, unit="working_days",
                        description="Báo cáo trong 7 ngày làm việc.")
    trip.save()
    assert trip.report_rule.document == document
    assert trip.report_due_on > trip.returns_on + dt.timedelta(days=7)


def test_another_province_gets_404_on_every_step(client, trip, bk_specialist):
    client.force_login(bk_specialist)
    for step in ("submit", "approve", "return", "refuse", "depart", "come_back", "report",
                 "cancel", "no-such-step"):
        assert client.get(step_url(trip, step)).status_code == 404
        assert client.post(step_url(trip, step), approve_data()).status_code == 404

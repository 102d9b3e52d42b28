"""Issue 18's "done when": a delegation made, submitted, approved and reported through the API
(a specialist's token, then a leader's) is, on its web page, the same record with the same
history and deadlines as one made the same way on the pages; only the channel differs ("API"
in the history)."""

import datetime as dt
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from doingoai.api.models import ApiToken, ApiWrite
from doingoai.delegations.models import Delegation

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n% a post-trip report\n"
DEPARTS, RETURNS = TODAY - dt.timedelta(days=27), TODAY - dt.timedelta(days=20)
BASE = "/api/records/delegations/delegations"
FIELDS = {"direction": "outgoing", "title": "Đoàn công tác tại Vân Nam",
          "purpose": "Trao đổi hợp tác thương mại biên giới", "countries": ["CN"],
          "cities": "Côn Minh, Văn Sơn", "departs_on": DEPARTS.isoformat(),
          "returns_on": RETURNS.isoformat(), "funding": "budget"}
MEMBERS = [{"name": "Nguyễn Văn A", "role": "head", "passport_type": "official"},
           {"name": "Trần Thị B", "role": "member"},
           {"name": "Lê Văn C", "role": "interpreter"}]
APPROVAL = {"decision_number": "123/QĐ-UBND", "decision_date": TODAY.isoformat(),
            "decision_signer": "Chủ tịch UBND tỉnh", "comment": "Đồng ý"}


def token(user, **scope) -> dict:
    _, key = ApiToken.issue(user, "test", can_write=True, **scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def by_the_api(client, specialist, leader) -> Delegation:
    as_specialist, as_leader = token(specialist), token(leader)
    created = client.post(BASE, {"fields": FIELDS, "children": {"members": MEMBERS}},
                          content_type="application/json", **as_specialist)
    assert created.status_code == 201, created.content.decode()
    record = created.json()
    assert [m["name"] for m in record["children"]["members"]] == [m["name"] for m in MEMBERS]
    pk = record["id"]
    submitted = client.post(f"{BASE}/{pk}/steps/submit", {"version": record["version"]},
                            content_type="application/json", **as_specialist)
    assert submitted.status_code == 200, submitted.content.decode()
    assert submitted.json()["fields"]["status"] == "submitted"
    approved = client.post(f"{BASE}/{pk}/steps/approve",
                           {"version": submitted.json()["version"], **APPROVAL},
                           content_type="application/json", **as_leader)
    assert approved.status_code == 200, approved.content.decode()
    # The report as a multipart upload, as a program sends a file.
    reported = client.post(f"{BASE}/{pk}/steps/report", {
        "version": approved.json()["version"], "report_received_on": TODAY.isoformat(),
        "report": SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf"),
    }, **as_specialist)
    assert reported.status_code == 200, reported.content.decode()
    assert reported.json()["fields"]["status"] == "reported"
    return Delegation.objects.get(pk=pk)


def by_the_pages(client, specialist, leader) -> Delegation:
    client.force_login(specialist)
    data = {**FIELDS, "inline0-TOTAL_FORMS": "3", "inline0-INITIAL_FORMS": "0"}
    for index, member in enumerate(MEMBERS):
        data.update({f"inline0-{index}-{name}": value for name, value in member.items()})
    assert client.post(reverse("delegations:delegation-create"), data).status_code == 302
    record = Delegation.objects.latest("pk")

    def step(name, values):
        url = reverse("delegations:delegation-transition", args=[record.pk, name])
        response = client.post(url, values)
        assert response.status_code == 302, response.content.decode()[:1000]

    step("submit", {"comment": ""})
    client.force_login(leader)
    step("approve", APPROVAL)
    client.force_login(specialist)
    step("report", {"report": SimpleUploadedFile("bao-cao.pdf", PDF,
                                                 content_type="application/pdf"),
                    "report_received_on": TODAY.isoformat()})
    client.logout()
    return Delegation.objects.get(pk=record.pk)


def stored(text: str) -> str:
    # The second file of a name is stored as bao-cao_AbC1234.pdf.
    return re.sub(r"_[A-Za-z0-9]{7}(\.pdf)$", r"\1", text)


def page_of(client, user, record) -> dict:
    """What the delegation's page shows, without what differs between any two records (ids,
    times, a stored file's name) and with the history's channel apart."""
    client.force_login(user)
    response = client.get(reverse("delegations:delegation-detail", args=[record.pk]))
    assert response.status_code == 200
    ctx = response.context
    fields = [(str(label), stored(value["name"] if isinstance(value, dict) else str(value)))
              for label, value in ctx["fields"]]
    history = [(item["entry"].history_user.username, str(item["action"]),
                (item["entry"].history_change_reason or "").removeprefix("API · ")
                .removeprefix("API"),
                [(str(label), stored(str(old)), stored(str(new)))
                 for label, old, new in item["changes"]])
               for item in ctx["history"]]
    channels = ["API" if (item["entry"].history_change_reason or "").startswith("API")
                else "pages" for item in ctx["history"]]
    deadlines = [(str(d["label"]), d["due_on"], str(d["rule"]), str(d["late"]))
                 for d in ctx["deadlines"]]
    trail = [(t["t"].action, t["t"].by.username, t["t"].comment, str(t["from"]), str(t["to"]))
             for t in ctx["transitions"]]
    return {"fields": fields, "members": ctx["inline_tables"][0]["rows"],
            "history": history, "deadlines": deadlines, "trail": trail,
            "person_trips": ctx["person_trips"], "channels": channels}


def test_a_delegation_done_through_the_api_shows_on_its_page_as_if_done_on_the_pages(
    client, hg_specialist, hg_leader, media_root
):
    through_api = by_the_api(client, hg_specialist, hg_leader)
    on_pages = by_the_pages(client, hg_specialist, hg_leader)

    api_page = page_of(client, hg_leader, through_api)
    pages_page = page_of(client, hg_leader, on_pages)
    assert api_page["channels"] == ["API"] * 4
    assert pages_page["channels"] == ["pages"] * 4
    for part in ("fields", "members", "history", "deadlines", "trail", "person_trips"):
        assert api_page[part] == pages_page[part], part
    assert through_api.report_due_on == RETURNS + dt.timedelta(days=15)
    assert through_api.person_trips == 3
    assert [t[:2] for t in api_page["trail"]] == [
        ("submit", "hg.specialist"), ("approve", "hg.leader"), ("report", "hg.specialist")]
    # Each write is logged with its token.
    writes = list(ApiWrite.objects.order_by("pk").values_list(
        "method", "status", "token__user__username", "record_id"))
    assert writes == [("POST", 201, "hg.specialist", None),
                      ("POST", 200, "hg.specialist", through_api.pk),
                      ("POST", 200, "hg.leader", through_api.pk),
                      ("POST", 200, "hg.specialist", through_api.pk)]


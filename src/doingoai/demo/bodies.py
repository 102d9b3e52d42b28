"""The demo's organisations of today's Tuyên Quang (and Hà Giang's office before 1 July 2025),
and a quarterly reporting round of 2026 with five units asked: two submitted and received,
one returned, one overdue, one not yet due (given more time)."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from doingoai.core.models import AdminUnit
from doingoai.demo import logins
from doingoai.organisations.models import Organisation, OrganisationName

REFORM = dt.date(2025, 7, 1)
TQ = "Tuyên Quang"
OFFICE = "Sở Ngoại vụ tỉnh Tuyên Quang"
CULTURE = "Sở Văn hóa, Thể thao và Du lịch tỉnh Tuyên Quang"
BORDER_GUARD = "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang"
FRIENDSHIP = "Liên hiệp các tổ chức hữu nghị tỉnh Tuyên Quang"
# (name, kind, parent, other names before the reform)
BODIES = [
    (OFFICE, "office", None, []),
    (CULTURE, "department", None, []),
    ("Sở Tài chính tỉnh Tuyên Quang", "department", None, []),
    (BORDER_GUARD, "department", None, []),
    ("Đồn Biên phòng Lũng Cú", "border_post", BORDER_GUARD, []),
    (FRIENDSHIP, "mass", None, []),
]
HA_GIANG_OFFICE = "Sở Ngoại vụ tỉnh Hà Giang"

ROUND_TITLE = "Báo cáo công tác đối ngoại quý III năm 2026"
ROUND_DUE = dt.date(2026, 10, 15)
INDICATORS = ["delegations.incoming", "delegations.incoming_persons", "delegations.outgoing",
              "conferences.organised"]
# unit -> (status, {indicator: value}, note, office's comment)
SUBMISSIONS = {
    CULTURE: ("received", {"delegations.incoming": 4, "delegations.incoming_persons": 52,
                           "conferences.organised": 1}, "Đón đoàn du lịch Vân Nam khảo sát "
              "tuyến Hà Giang – Văn Sơn.", ""),
    "Xã Đồng Văn": ("received", {"delegations.incoming": 2, "delegations.incoming_persons": 18},
                    "Hai đoàn cán bộ huyện Ma Lật Pha sang giao lưu.", ""),
    FRIENDSHIP: ("returned", {"delegations.outgoing": 1}, "",
                 "Đề nghị bổ sung số lượt người của đoàn đi Trung Quốc tháng 8."),
    "Xã Lũng Cú": ("pending", {}, "", ""),
    BORDER_GUARD: ("pending", {}, "", ""),
}


def tuyen_quang() -> AdminUnit:
    return AdminUnit.objects.provinces().get(name=TQ, generation="2025")


def body(province: AdminUnit, name: str) -> Organisation:
    """The province's body called ``name``: one of the demo's, or a 2025 commune or ward."""
    ensure_bodies()
    return Organisation.all_objects.filter(owner=province, name=name).first() or \
        Organisation.all_objects.get(owner__successor=province, name=name)


def ensure_bodies():
    province = tuyen_quang()
    if Organisation.all_objects.filter(owner=province, name=OFFICE).exists():
        return
    made = {}
    for name, kind, parent, _names in BODIES:
        # The office heads the province's reports (reports.document.issuer_for).
        office = dict(symbol="SNgV", signer_title="Giám đốc",
                      signer_name=logins.TQ_LEADER.full_name) if kind == "office" else {}
        made[name] = Organisation.objects.create(
            owner=province, kind=kind, name=name, parent=made.get(parent),
            valid_from=REFORM if kind == "office" else None, **office)
    ha_giang = AdminUnit.objects.provinces().get(name="Hà Giang", generation="legacy")
    old = Organisation.objects.create(owner=ha_giang, kind="office", name=HA_GIANG_OFFICE,
                                      symbol="SNgV", valid_to=REFORM - dt.timedelta(days=1),
                                      signer_title="Giám đốc")
    OrganisationName.objects.create(organisation=old, name=HA_GIANG_OFFICE,
                                    valid_to=REFORM - dt.timedelta(days=1))


def load_round(loader):
    from doingoai.reporting.models import Round, Submission, SubmittedFigure
    from doingoai.rules.models import Transition

    ensure_bodies()
    province = tuyen_quang()
    if Round.all_objects.filter(owner=province, title=ROUND_TITLE).exists():
        loader.summary.add(Round, created=False)
        return
    User = get_user_model()
    office = User.objects.get(username=logins.TQ_SPECIALIST.username)
    round_ = Round.objects.create(owner=province, title=ROUND_TITLE, period="2026-Q3",
                                  due_on=ROUND_DUE, created_by=office)
    loader.summary.add(Round, created=True)
    round_.indicators.set(INDICATORS)
    units = {name: body(province, name) for name in SUBMISSIONS}
    round_.units.set(units.values())
    for name, (status, values, note, comment) in SUBMISSIONS.items():
        submission = Submission.objects.get(round=round_, organisation=units[name])
        submission.note = note
        for code, value in values.items():
            SubmittedFigure.objects.create(submission=submission, indicator_id=code,
                                           value=Decimal(value))
        if status in ("received", "returned"):
            if name == CULTURE:
                submission.submitted_by = User.objects.get(
                    username=logins.TQ_DEPARTMENT_REPORTER.username)
            submission.submitted_on = ROUND_DUE - dt.timedelta(days=5)
        if name == BORDER_GUARD:
            # Given more time: its report comes with the border posts' own.
            submission.due_on = timezone.localdate() + dt.timedelta(days=14)
        submission.status = status
        if status == "received":
            submission.received_by = office
        submission.save()
        if status == "returned":
            Transition.objects.create(record=submission, action="return",
                                      from_status="approved", to_status="returned",
                                      by=office, comment=comment)

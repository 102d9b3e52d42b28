"""Illustrative official passports: one handed out for an outgoing delegation and not
returned by its deadline, so that it shows as overdue; one ABTC application."""

import datetime as dt

from django.utils import timezone

from doingoai.delegations.models import Delegation
from doingoai.passports.models import (
    ABTCApplication,
    OfficialPassport,
    PassportHandout,
    PassportMovement,
)
from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record

TRIP = "Đoàn công tác xúc tiến hợp tác tại Vân Nam (minh họa hộ chiếu công vụ)"


def load_demo(province, user):
    # Dates relative to the first load: the trip came back three weeks ago, so its passport
    # is overdue (5 working days after re-entry) whenever the demo is tried.
    today = timezone.localdate()
    trip = ensure_record(Delegation, province, user, {"title": TRIP}, {
        "direction": Delegation.Direction.OUTGOING, "purpose": ILLUSTRATIVE,
        "departs_on": today - dt.timedelta(days=26), "returns_on": today - dt.timedelta(days=21),
        "status": Delegation.Status.BACK}, m2m={"countries": ["CN"]})

    def movements(passport):
        PassportMovement.objects.create(passport=passport, kind="exit", on=trip.departs_on,
                                        border_gate="Cửa khẩu quốc tế Thanh Thủy",
                                        country_id="CN")
        PassportMovement.objects.create(passport=passport, kind="entry", on=trip.returns_on,
                                        border_gate="Cửa khẩu quốc tế Thanh Thủy")

    overdue = ensure_record(OfficialPassport, province, user, {"holder_name": "Nguyễn Văn A."}, {
        "holder_title": "Phó Giám đốc Sở", "holder_unit": "Sở Công Thương", "kind": "official",
        "number": "C0123456", "issued_on": dt.date(2021, 5, 4),
        "expires_on": dt.date(2031, 5, 4), "notes": ILLUSTRATIVE}, then=movements)
    ensure_record(OfficialPassport, province, user, {"holder_name": "Trần Thị B."}, {
        "holder_title": "Chuyên viên", "holder_unit": "Sở Ngoại vụ", "kind": "official",
        "number": "C0654321", "issued_on": dt.date(2017, 3, 1),
        "expires_on": today + dt.timedelta(days=90), "notes": ILLUSTRATIVE})
    ensure_record(PassportHandout, province, user, {"passport": overdue, "delegation": trip}, {
        "handed_out_on": trip.departs_on - dt.timedelta(days=2),
        "received_by": "Nguyễn Văn A.", "notes": ILLUSTRATIVE})
    ensure_record(ABTCApplication, province, user, {"company": "Công ty TNHH Chè Shan Tuyết"}, {
        "applicant_name": "Hoàng Văn N.", "applicant_title": "Giám đốc",
        "passport_number": "C2345678", "received_on": dt.date(2024, 5, 2),
        "decision": ABTCApplication.Decision.APPROVED, "decided_on": dt.date(2024, 5, 20),
        "decision_number": "112/UBND-KTTH", "notes": ILLUSTRATIVE},
        m2m={"economies": ["CN", "JP", "KR"]})

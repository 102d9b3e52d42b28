import datetime as dt

from doingoai.delegations.models import Delegation
from doingoai.passports.models import (
    ABTCApplication,
    OfficialPassport,
    PassportHandout,
    PassportMovement,
)


def make_passport(owner, **fields) -> OfficialPassport:
    values = {"holder_name": "Nguyễn Văn Sơn", "holder_title": "Phó Chủ tịch UBND tỉnh",
              "holder_unit": "UBND tỉnh", "kind": "official", "number": "C1234567",
              "issued_on": dt.date(2019, 5, 1), "expires_on": dt.date(2029, 5, 1)}
    passport = OfficialPassport.objects.create(owner=owner, **{**values, **fields})
    PassportMovement.objects.create(passport=passport, kind="exit", on=dt.date(2024, 3, 4),
                                    border_gate="Nội Bài", country_id="JP")
    return passport


def make_outgoing_delegation(owner, **fields) -> Delegation:
    values = {"direction": "outgoing", "title": "Đoàn công tác tỉnh Ibaraki",
              "purpose": "Xúc tiến hợp tác", "departs_on": dt.date(2024, 3, 4),
              "returns_on": dt.date(2024, 3, 9), "status": "approved"}
    return Delegation.objects.create(owner=owner, **{**values, **fields})


def make_handout(owner, **fields) -> PassportHandout:
    values = {"handed_out_on": dt.date(2024, 3, 1), "received_by": "Văn phòng UBND tỉnh"}
    if "passport" not in fields:
        values["passport"] = make_passport(owner)
    if "delegation" not in fields:
        values["delegation"] = make_outgoing_delegation(owner)
    return PassportHandout.objects.create(owner=owner, **{**values, **fields})


def make_abtc(owner, **fields) -> ABTCApplication:
    values = {"company": "Công ty TNHH Chè Shan Tuyết", "applicant_name": "Hoàng Văn Nam",
              "passport_number": "C2345678", "received_on": dt.date(2024, 5, 2)}
    application = ABTCApplication.objects.create(owner=owner, **{**values, **fields})
    application.economies.set(["CN", "JP"])
    return application


def passport_form(owner) -> dict:
    return {"holder_name": "Lý Thị Lan", "holder_unit": "Sở Ngoại vụ", "kind": "official",
            "number": "C7777777", "issued_on": "2020-01-02", "expires_on": "2030-01-02"}


def handout_form(owner) -> dict:
    return {"passport": make_passport(owner).pk,
            "delegation": make_outgoing_delegation(owner).pk,
            "handed_out_on": "2024-03-01", "received_by": "Sở Ngoại vụ"}


def abtc_form(owner) -> dict:
    return {"company": "Công ty Cổ phần Du lịch", "applicant_name": "Trần Văn Bình",
            "passport_number": "C3456789", "economies": ["CN"], "received_on": "2024-06-01",
            "decision": "pending"}


FACTORIES = {OfficialPassport: make_passport, PassportHandout: make_handout,
             ABTCApplication: make_abtc}
FORM_DATA = {OfficialPassport: passport_form, PassportHandout: handout_form,
             ABTCApplication: abtc_form}

import datetime as dt
from decimal import Decimal

from doingoai.core.tests.factories import make_delegation, make_partner
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.partners.models import Partner
from doingoai.protocol.models import (
    Anniversary,
    Banquet,
    Ceremony,
    EntryDocument,
    EntryPerson,
    Gift,
    Interpreter,
    InterpreterBooking,
    Leader,
    Letter,
    NgoPermit,
    PressVisit,
    ScheduleItem,
)
from doingoai.staff.tests.factories import make_officer

DAY = dt.date(2026, 12, 8)


def make_leader(owner, **fields) -> Leader:
    values = {"full_name": "Phan Huy Ngọc", "position": "Chủ tịch UBND tỉnh"}
    return Leader.objects.create(owner=owner, **{**values, **fields})


def make_interpreter(owner, **fields) -> Interpreter:
    values = {"full_name": "Hoàng Thị Lan", "languages": "Tiếng Anh (C1)",
              "organisation": "Trung tâm Dịch thuật", "phone": "0987654321"}
    return Interpreter.objects.create(owner=owner, **{**values, **fields})


def make_incoming(owner, **fields) -> Delegation:
    delegation = make_delegation(owner, direction=Delegation.Direction.INCOMING,
                                 title="Đoàn Đại sứ Ô-xtrây-li-a", **fields)
    if not delegation.members.exists():
        DelegationMember.objects.create(delegation=delegation, name="Andrew Goledzinowski",
                                        role=DelegationMember.Role.HEAD)
    return delegation


def make_schedule_item(owner, **fields) -> ScheduleItem:
    values = {"kind": ScheduleItem.Kind.RECEPTION, "title": "Tiếp Đại sứ Ô-xtrây-li-a",
              "on": DAY, "starts_at": dt.time(9), "ends_at": dt.time(10, 30),
              "place": "Phòng khách UBND tỉnh"}
    values = {**values, **fields}
    if "leader" not in values:
        values["leader"] = make_leader(owner)
    return ScheduleItem.objects.create(owner=owner, **values)


def make_booking(owner, **fields) -> InterpreterBooking:
    values = {"on": DAY, "starts_at": dt.time(14), "ends_at": dt.time(16),
              "language": "Tiếng Anh", "purpose": "Làm việc với Sở Nông nghiệp"}
    values = {**values, **fields}
    values.setdefault("interpreter", make_interpreter(owner))
    values.setdefault("delegation", make_incoming(owner))
    return InterpreterBooking.objects.create(owner=owner, **values)


def make_entry_document(owner, **fields) -> EntryDocument:
    delegation = fields.pop("delegation", None) or make_incoming(owner)
    values = {"kind": EntryDocument.Kind.INVITATION, "issued_on": dt.date(2026, 11, 20),
              "addressee": "Ngài Đại sứ Ô-xtrây-li-a", "subject": "Mời thăm và làm việc"}
    document = EntryDocument.objects.create(owner=owner, delegation=delegation,
                                            **{**values, **fields})
    EntryPerson.objects.create(document=document, member=delegation.members.first(),
                               passport_number="PA1234567", visa_kind="NG3")
    return document


def make_gift(owner, **fields) -> Gift:
    values = {"direction": Gift.Direction.GIVEN, "item": "Tranh sơn mài Cao nguyên đá",
              "value": Decimal("3500000"), "occasion": "Đại sứ thăm tỉnh", "on": DAY}
    return Gift.objects.create(owner=owner, **{**values, **fields})


def make_banquet(owner, **fields) -> Banquet:
    values = {"title": "Chiêu đãi Đại sứ", "on": DAY, "guest_class": "A", "covers": 12,
              "cost": Decimal("14400000")}
    return Banquet.objects.create(owner=owner, **{**values, **fields})


def make_ceremony(owner, **fields) -> Ceremony:
    values = {"title": "Lễ ký biên bản ghi nhớ", "on": DAY, "place": "Hội trường UBND tỉnh"}
    return Ceremony.objects.create(owner=owner, **{**values, **fields})


def make_anniversary(owner, **fields) -> Anniversary:
    values = {"kind": Anniversary.Kind.RELATIONS, "title": "Kết nghĩa với tỉnh Vân Nam",
              "month": 12, "day": 20, "since_year": 2016}
    values = {**values, **fields}
    values.setdefault("partner", make_partner(owner))
    return Anniversary.objects.create(owner=owner, **values)


def make_letter(owner, **fields) -> Letter:
    values = {"kind": Letter.Kind.CONGRATULATION, "issued_on": dt.date(2026, 12, 10),
              "addressee": "Ngài Chủ tịch Chính quyền nhân dân tỉnh Vân Nam",
              "occasion": "kỷ niệm ngày kết nghĩa"}
    values = {**values, **fields}
    values.setdefault("partner", make_partner(owner))
    values.setdefault("signer", make_leader(owner))
    return Letter.objects.create(owner=owner, **values)


def make_ngo(owner) -> Partner:
    return make_partner(owner, kind=Partner.Kind.FOREIGN_NGO, name_vi="Tổ chức Plan Quốc tế")


def make_permit(owner, **fields) -> NgoPermit:
    values = {"kind": NgoPermit.Kind.PROJECT_OFFICE, "number": "112/BNG-VP",
              "issued_by": "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
              "issued_on": dt.date(2022, 1, 15), "expires_on": dt.date(2027, 1, 15),
              "scope": "Giáo dục, bảo vệ trẻ em"}
    values = {**values, **fields}
    values.setdefault("partner", make_ngo(owner))
    return NgoPermit.objects.create(owner=owner, **values)


def make_press_visit(owner, **fields) -> PressVisit:
    values = {"outlet": "NHK", "journalists": "Tanaka Ken", "topic": "Du lịch Cao nguyên đá",
              "requested_on": dt.date(2026, 11, 1), "starts_on": dt.date(2026, 12, 14),
              "ends_on": dt.date(2026, 12, 16)}
    return PressVisit.objects.create(owner=owner, **{**values, **fields})


def leader_form(owner):
    return {"full_name": "Nguyễn Văn Sơn", "position": "Phó Chủ tịch UBND tỉnh"}


def schedule_form(owner):
    return {"kind": "courtesy_call", "title": "Tổng Lãnh sự Trung Quốc chào xã giao",
            "leader": make_leader(owner).pk, "on": "09/12/2026", "starts_at": "15:00",
            "ends_at": "16:00", "place": "UBND tỉnh", "status": "planned"}


def interpreter_form(owner):
    return {"officer": make_officer(owner).pk, "languages": "Tiếng Trung (HSK 6)"}


def booking_form(owner):
    return {"interpreter": make_interpreter(owner).pk, "on": "10/12/2026",
            "starts_at": "08:00", "ends_at": "11:00", "language": "Tiếng Anh",
            "delegation": make_incoming(owner).pk}


def entry_document_form(owner):
    delegation = Delegation.objects.filter(
        owner=owner, direction=Delegation.Direction.INCOMING).first() or make_incoming(owner)
    return {"kind": "visa", "issued_on": "21/11/2026", "delegation": delegation.pk,
            "addressee": "Cục Quản lý xuất nhập cảnh", "subject": "Đề nghị cấp thị thực"}


def gift_form(owner):
    return {"direction": "received", "item": "Bình gốm", "currency": "VND",
            "occasion": "Đại sứ thăm tỉnh", "on": "08/12/2026", "handling": "displayed"}


def banquet_form(owner):
    return {"title": "Cơm thân mật", "on": "08/12/2026", "guest_class": "B", "covers": "10",
            "cost": "9000000", "currency": "VND"}


def ceremony_form(owner):
    return {"title": "Lễ đón Đại sứ", "on": "08/12/2026"}


def anniversary_form(owner):
    return {"kind": "national_day", "title": "Quốc khánh Ô-xtrây-li-a",
            "partner": make_partner(owner).pk, "day": "26", "month": "1"}


def letter_form(owner):
    return {"kind": "condolence", "form": "telegram", "issued_on": "11/12/2026",
            "partner": make_partner(owner).pk, "addressee": "Ngài Thống đốc",
            "occasion": "thiệt hại do bão lũ", "signer": make_leader(owner).pk}


def permit_form(owner):
    return {"partner": make_ngo(owner).pk, "kind": "operation", "number": "45/GĐK",
            "issued_by": "Bộ Ngoại giao", "issued_on": "01/03/2024", "expires_on": "01/03/2029",
            "scope": "Y tế cộng đồng"}


def press_form(owner):
    return {"outlet": "Reuters", "journalists": "John Smith", "topic": "Biên giới",
            "requested_on": "01/12/2026", "starts_on": "20/12/2026", "ends_on": "21/12/2026",
            "status": "requested"}


FACTORIES = {
    Leader: make_leader, ScheduleItem: make_schedule_item, Interpreter: make_interpreter,
    InterpreterBooking: make_booking, EntryDocument: make_entry_document, Gift: make_gift,
    Banquet: make_banquet, Ceremony: make_ceremony, Anniversary: make_anniversary,
    Letter: make_letter, NgoPermit: make_permit, PressVisit: make_press_visit,
}
FORM_DATA = {
    Leader: leader_form, ScheduleItem: schedule_form, Interpreter: interpreter_form,
    InterpreterBooking: booking_form, EntryDocument: entry_document_form, Gift: gift_form,
    Banquet: banquet_form, Ceremony: ceremony_form, Anniversary: anniversary_form,
    Letter: letter_form, NgoPermit: permit_form, PressVisit: press_form,
}

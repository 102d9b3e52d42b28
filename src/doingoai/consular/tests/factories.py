import datetime as dt

from doingoai.consular.models import ConsularCase, ConsularPerson, ConsularStep


def make_case(owner, **fields) -> ConsularCase:
    values = {"direction": "abroad", "kind": "trafficked",
              "title": "Công dân bị lừa bán sang Trung Quốc", "country_id": "CN",
              "opened_on": dt.date(2023, 3, 1), "summary": "Bị lừa sang Hà Khẩu làm việc.",
              "agencies": "Bộ đội Biên phòng tỉnh"}
    case = ConsularCase.objects.create(owner=owner, **{**values, **fields})
    ConsularPerson.objects.create(case=case, full_name="Giàng Thị Mai", sex="f",
                                  date_of_birth=dt.date(2004, 5, 6), nationality_id="VN",
                                  passport_number="C7654321", address="Thôn Lũng Cú")
    ConsularStep.objects.create(case=case, on=dt.date(2023, 3, 2),
                                agency="Bộ đội Biên phòng", action="Tiếp nhận tin báo")
    return case


def case_form(owner) -> dict:
    return {"direction": "in_province", "kind": "lost_passport",
            "title": "Du khách Pháp mất hộ chiếu", "country": "FR", "opened_on": "2023-10-02",
            "summary": "Mất hộ chiếu tại Đồng Văn.", "status": "open"}


FACTORIES = {ConsularCase: make_case}
FORM_DATA = {ConsularCase: case_form}

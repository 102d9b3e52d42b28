import datetime as dt

from doingoai.residents.models import Foreigner, HomeVisit, PersonAbroad


def make_foreigner(owner, **fields) -> Foreigner:
    values = {"full_name": "Zhang Wei", "nationality_id": "CN", "passport_number": "E12345678",
              "purpose": "work", "employer": "Công ty TNHH Khoáng sản", "address": "Tổ 5, "
              "phường Nguyễn Trãi", "arrived_on": dt.date(2023, 1, 10),
              "work_permit_expires_on": dt.date(2025, 1, 9)}
    return Foreigner.objects.create(owner=owner, **{**values, **fields})


def make_person_abroad(owner, **fields) -> PersonAbroad:
    values = {"kind": "worker", "full_name": "Vàng Văn Sử", "country_id": "KR",
              "employer": "Hanil Fisheries", "placement_company": "Công ty cổ phần Nhân lực",
              "departed_on": dt.date(2022, 6, 1), "passport_number": "C1234567"}
    person = PersonAbroad.objects.create(owner=owner, **{**values, **fields})
    HomeVisit.objects.create(person=person, arrived_on=dt.date(2024, 2, 1), purpose="Tết")
    return person


def foreigner_form(owner) -> dict:
    return {"full_name": "Tanaka Hiroshi", "nationality": "JP", "passport_number": "TZ1234567",
            "purpose": "volunteer", "employer": "JICA", "address": "Thị trấn Đồng Văn",
            "arrived_on": "2024-04-01", "visa_expires_on": "2025-03-31"}


def person_abroad_form(owner) -> dict:
    return {"kind": "overseas", "full_name": "Lê Văn Hùng", "country": "FR",
            "departed_on": "1990-01-01"}


FACTORIES = {Foreigner: make_foreigner, PersonAbroad: make_person_abroad}
FORM_DATA = {Foreigner: foreigner_form, PersonAbroad: person_abroad_form}

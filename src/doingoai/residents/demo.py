"""Illustrative foreigners in the province and people of the province abroad (invented
persons, marked as such)."""

import datetime as dt

from django.utils import timezone

from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record
from doingoai.residents.models import Foreigner, HomeVisit, PersonAbroad


def load_demo(province, user):
    today = timezone.localdate()
    ensure_record(Foreigner, province, user, {"full_name": "Zhang Wei"}, {
        "nationality_id": "CN", "sex": "m", "passport_number": "E12345678",
        "passport_expires_on": dt.date(2031, 5, 1), "purpose": Foreigner.Purpose.WORK,
        "employer": "Công ty TNHH Thương mại Thanh Thủy", "address": "Tổ 5, phường Nguyễn Trãi",
        "arrived_on": dt.date(2023, 1, 10),
        "residence_card_number": "TT0123456",
        # Expiring soon when the demo is first loaded, to show the alert.
        "residence_card_expires_on": today + dt.timedelta(days=20),
        "work_permit_number": "GP-2023-017", "work_permit_expires_on": dt.date(2027, 1, 9),
        "notes": ILLUSTRATIVE})
    ensure_record(Foreigner, province, user, {"full_name": "Tanaka Hiroshi"}, {
        "nationality_id": "JP", "sex": "m", "passport_number": "TZ1234567",
        "purpose": Foreigner.Purpose.VOLUNTEER, "employer": "JICA",
        "address": "Thị trấn Đồng Văn", "arrived_on": dt.date(2024, 4, 1),
        "visa_expires_on": dt.date(2027, 3, 31), "notes": ILLUSTRATIVE})
    ensure_record(PersonAbroad, province, user, {"full_name": "Vàng Văn Sử"}, {
        "kind": PersonAbroad.Kind.WORKER, "country_id": "KR", "employer": "Hanil Fisheries",
        "placement_company": "Công ty cổ phần Cung ứng nhân lực quốc tế",
        "departed_on": dt.date(2022, 6, 1), "contract_ends_on": dt.date(2027, 5, 31),
        "passport_number": "C1234567", "notes": ILLUSTRATIVE})

    def visits(person):
        HomeVisit.objects.create(person=person, arrived_on=dt.date(2024, 2, 1),
                                 left_on=dt.date(2024, 2, 20), purpose="Về quê ăn Tết")

    ensure_record(PersonAbroad, province, user, {"full_name": "Lê Văn Hùng"}, {
        "kind": PersonAbroad.Kind.OVERSEAS, "country_id": "FR",
        "departed_on": dt.date(1990, 1, 1), "notes": ILLUSTRATIVE}, then=visits)

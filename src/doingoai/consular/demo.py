"""Illustrative consular cases: the kind of case the anti-trafficking hotline 18001282
(sponsored by JICA, run by the province's social work centre, seed 001) receives. The
persons and facts are invented and marked as such."""

import datetime as dt

from doingoai.consular.models import ConsularCase, ConsularPerson, ConsularStep
from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record

CASES = [
    {"title": "Công dân bị lừa bán sang Trung Quốc, báo qua đường dây nóng 18001282 (minh họa)",
     "direction": "abroad", "kind": "trafficked", "country_id": "CN",
     "place": "Hà Khẩu, Vân Nam", "opened_on": dt.date(2023, 3, 1),
     "summary": "Người nhà báo qua đường dây nóng 18001282: con gái bị rủ sang bên kia biên "
                "giới làm việc rồi mất liên lạc.",
     "agencies": "Bộ đội Biên phòng tỉnh; Công an tỉnh; Tổng Lãnh sự quán Việt Nam tại Côn Minh",
     "outcome": "Giải cứu và bàn giao tại cửa khẩu Thanh Thủy; hỗ trợ tái hòa nhập.",
     "status": "closed", "closed_on": dt.date(2023, 4, 20),
     "persons": [{"full_name": "Giàng Thị M.", "sex": "f", "nationality_id": "VN",
                  "date_of_birth": dt.date(2005, 2, 3), "address": "Xã Lũng Cú, Đồng Văn"}],
     "steps": [(dt.date(2023, 3, 1), "Trung tâm Công tác xã hội tỉnh",
                "Tiếp nhận tin báo qua đường dây nóng"),
               (dt.date(2023, 3, 3), "Sở Ngoại vụ", "Đề nghị Tổng Lãnh sự quán xác minh"),
               (dt.date(2023, 4, 20), "Bộ đội Biên phòng tỉnh",
                "Tiếp nhận và bàn giao về gia đình")]},
    {"title": "Lao động làm việc không phép bên kia biên giới bị tạm giữ (minh họa)",
     "direction": "abroad", "kind": "illegal_work", "country_id": "CN",
     "place": "Ma Lật Pha, Vân Nam", "opened_on": dt.date(2023, 9, 12),
     "summary": "Hai lao động tự do sang làm thuê không có giấy phép, bị phía bạn tạm giữ.",
     "agencies": "Bộ đội Biên phòng tỉnh; Sở Ngoại vụ",
     "status": "open",
     "persons": [{"full_name": "Vàng Văn S.", "sex": "m", "nationality_id": "VN"},
                 {"full_name": "Lò Văn T.", "sex": "m", "nationality_id": "VN"}],
     "steps": [(dt.date(2023, 9, 13), "Sở Ngoại vụ", "Trao đổi với phía bạn qua kênh hội đàm")]},
    {"title": "Du khách nước ngoài mất hộ chiếu tại Đồng Văn (minh họa)",
     "direction": "in_province", "kind": "lost_passport", "country_id": "FR",
     "place": "Thị trấn Đồng Văn", "opened_on": dt.date(2023, 10, 2),
     "summary": "Du khách báo mất hộ chiếu khi đi xe máy trên đèo Mã Pí Lèng.",
     "agencies": "Công an tỉnh; Đại sứ quán Pháp", "outcome": "Đại sứ quán cấp giấy thông hành.",
     "status": "closed", "closed_on": dt.date(2023, 10, 6),
     "persons": [{"full_name": "Martin D.", "sex": "m", "nationality_id": "FR",
                  "passport_number": "19AB12345", "role": "foreigner"}],
     "steps": [(dt.date(2023, 10, 2), "Công an tỉnh", "Xác nhận trình báo mất hộ chiếu")]},
]


def load_demo(province, user):
    for row in CASES:
        row = dict(row)
        persons, steps = row.pop("persons"), row.pop("steps")

        def children(case, persons=persons, steps=steps):
            for person in persons:
                ConsularPerson.objects.create(case=case, **person)
            for on, agency, action in steps:
                ConsularStep.objects.create(case=case, on=on, agency=agency, action=action)

        ensure_record(ConsularCase, province, user, {"title": row.pop("title")},
                      {**row, "notes": ILLUSTRATIVE}, then=children)

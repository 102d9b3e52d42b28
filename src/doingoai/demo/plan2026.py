"""Tuyên Quang's foreign-affairs plan for 2026 (kế hoạch hoạt động đối ngoại năm 2026),
approved by its leader: twelve items, nine done by the demo's 2026 delegations and events
(demo.year2026), one under way (the Japanese ambassador's visit of protocol.demo), two not
done by December; the Party committee's trip to Laos was not in the plan (ngoài kế hoạch).
Illustrative, as the rest of year2026."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from doingoai.delegations.models import Delegation
from doingoai.demo import bodies, logins
from doingoai.demo.year2023 import ILLUSTRATIVE_TAG
from doingoai.events.models import Event
from doingoai.planning.models import AnnualPlan, PlanItem

TITLE = "Kế hoạch hoạt động đối ngoại năm 2026 của tỉnh Tuyên Quang"
# (kind, title, responsible, partner, quarter, budget in VND, the record carrying it out:
# (model, its title in year2026) or None)
ITEMS = [
    ("incoming", "Đón đoàn châu Văn Sơn chúc Tết Nguyên đán", bodies.OFFICE,
     "Châu Văn Sơn (Trung Quốc)", 1, 60_000_000,
     (Delegation, "Đoàn châu Văn Sơn chúc Tết Nguyên đán Bính Ngọ")),
    ("outgoing", "Hội đàm định kỳ với Chính phủ Nhân dân tỉnh Vân Nam", bodies.OFFICE,
     "Tỉnh Vân Nam (Trung Quốc)", 1, 250_000_000,
     (Delegation, "Đoàn lãnh đạo tỉnh hội đàm định kỳ với tỉnh Vân Nam")),
    ("conference", "Hội nghị xúc tiến đầu tư vào tỉnh năm 2026", bodies.OFFICE, "", 2,
     1_200_000_000, (Event, "Hội nghị xúc tiến đầu tư vào tỉnh Tuyên Quang năm 2026")),
    ("outgoing", "Xúc tiến du lịch tại Hàn Quốc", bodies.CULTURE, "Tổng cục Du lịch Hàn Quốc",
     2, 420_000_000,
     (Delegation, "Đoàn Sở Văn hóa, Thể thao và Du lịch xúc tiến du lịch tại Seoul")),
    ("incoming", "Đón đoàn tỉnh Benguet khảo sát du lịch cộng đồng", bodies.CULTURE,
     "Tỉnh Benguet (Philippines)", 2, 80_000_000,
     (Delegation, "Đoàn tỉnh Benguet khảo sát du lịch cộng đồng Hà Giang")),
    ("outgoing", "Giao lưu nhân dân tại châu Văn Sơn", bodies.FRIENDSHIP,
     "Hội hữu nghị châu Văn Sơn", 3, 150_000_000,
     (Delegation, "Đoàn Liên hiệp các tổ chức hữu nghị giao lưu nhân dân tại Văn Sơn")),
    ("incoming", "Đón đoàn Hội hữu nghị Quảng Tây", bodies.FRIENDSHIP,
     "Hội hữu nghị Quảng Tây (Trung Quốc)", 3, 90_000_000,
     (Delegation, "Đoàn Hội hữu nghị Quảng Tây giao lưu tại Tuyên Quang")),
    ("conference", "Tham dự Hội chợ Trung Quốc – ASEAN", bodies.OFFICE, "", 3, 300_000_000,
     (Event, "Hội chợ Trung Quốc – ASEAN lần thứ 23")),
    ("conference", "Hội thảo quốc tế về du lịch di sản Cao nguyên đá Đồng Văn", bodies.CULTURE,
     "", 4, 800_000_000,
     (Event, "Hội thảo quốc tế về du lịch di sản Cao nguyên đá Đồng Văn")),
    ("agreement", "Ký thỏa thuận hợp tác nông nghiệp với tỉnh Vân Nam", bodies.OFFICE,
     "Tỉnh Vân Nam (Trung Quốc)", 4, None, None),
    ("incoming", "Đón Đại sứ Nhật Bản tại Việt Nam thăm và làm việc", bodies.OFFICE,
     "Đại sứ quán Nhật Bản", 4, 70_000_000,
     # The visit of the leaders' schedule (protocol.demo), its title not tagged.
     (Delegation, "Đại sứ Nhật Bản thăm và làm việc tại tỉnh Tuyên Quang", "")),
    ("outgoing", "Xúc tiến thương mại nông sản tại Nhật Bản", bodies.OFFICE,
     "Tỉnh Ibaraki (Nhật Bản)", 4, 380_000_000, None),
]

# The Party committee's trip to Laos, outside the plan, went on the Standing Committee's own
# consent (the rules ask an out-of-plan delegation for its own approval).
OUTSIDE = ("Đoàn Ban Tuyên giáo và Dân vận Tỉnh ủy trao đổi kinh nghiệm tại Lào",
           {"outside_plan_decision": "312-TB/TU", "outside_plan_decided_on": dt.date(2026, 8, 25),
            "outside_plan_decided_by": "Ban Thường vụ Tỉnh ủy"})


def load(loader) -> None:
    province = bodies.tuyen_quang()
    User = get_user_model()
    author = User.objects.get(username=logins.TQ_SPECIALIST.username)

    def items(plan):
        for kind, title, responsible, partner, quarter, budget, done_by in ITEMS:
            item = loader.save_new(PlanItem(
                plan=plan, kind=kind, title=title, responsible=responsible, partner=partner,
                quarter=quarter, budget=None if budget is None else Decimal(budget)), author)
            if done_by is None:
                continue
            model, record_title, *tag = done_by
            record = model.objects.get(owner=province,
                                       title=record_title + (tag[0] if tag else ILLUSTRATIVE_TAG))
            record.plan_item = item
            record._history_user = author
            record._change_reason = "Gắn với kế hoạch đối ngoại năm 2026"
            record.save()
        title, approval = OUTSIDE
        trip = Delegation.objects.get(owner=province, title=title + ILLUSTRATIVE_TAG)
        for name, value in approval.items():
            setattr(trip, name, value)
        trip._history_user = author
        trip._change_reason = "Ban Thường vụ Tỉnh ủy cho phép đoàn ngoài kế hoạch"
        trip.save()

    loader.ensure(AnnualPlan, {"owner": province, "year": 2026}, {
        "title": TITLE, "status": AnnualPlan.Status.APPROVED, "created_by": author,
        "decision_number": "45/QĐ-UBND", "approved_on": dt.date(2026, 1, 12),
        "approver": "Chủ tịch UBND tỉnh"}, author=author, then=items)

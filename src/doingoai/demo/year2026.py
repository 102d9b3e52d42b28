"""Today's Tuyên Quang in 2026 (the demo's "now" is December 2026): a few delegations out and
in sent or received by the province's bodies, international events, an agreement signed and
a foreign NGO programme with its money, all entered by the office and declared complete from
1 January 2026, so that the report and the dashboard of 2026 have something to say.

None of it is real (every title ends with ILLUSTRATIVE_TAG, every purpose or description
starts with ILLUSTRATIVE_LINE). Hà Giang's and Bắc Kạn's records and seed figures are not
touched: the records are the new province's own, dated after the reform.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.demo import bodies, logins
from doingoai.demo.year2023 import ILLUSTRATIVE_LINE, ILLUSTRATIVE_TAG
from doingoai.events.models import Event
from doingoai.organisations.models import Organisation
from doingoai.reports.models import RegisterCoverage

D = dt.date
COMPLETE_FROM = D(2026, 1, 1)
# The registers the office declares complete for 2026: its records of the year are all here.
# Friendship too: the border pacts of Hà Giang stand in the new province, counted in today's
# communes (reports.computations._successor_communes).
REGISTERS = ("delegations", "events", "agreements", "aid", "friendship")
HG = "Hà Giang"
DONOR = "gni"
PARTY_BODY = "Ban Tuyên giáo và Dân vận Tỉnh ủy Tuyên Quang"

# (direction, title, sending body, countries, cities, host, departs on, days, members)
DELEGATIONS = [
    ("outgoing", "Đoàn lãnh đạo tỉnh hội đàm định kỳ với tỉnh Vân Nam", bodies.OFFICE, ["CN"],
     "Côn Minh", "Chính phủ Nhân dân tỉnh Vân Nam", D(2026, 3, 16), 4, 8),
    ("outgoing", "Đoàn Sở Văn hóa, Thể thao và Du lịch xúc tiến du lịch tại Seoul",
     bodies.CULTURE, ["KR"], "Seoul", "Tổng cục Du lịch Hàn Quốc", D(2026, 5, 11), 5, 5),
    ("outgoing", "Đoàn Liên hiệp các tổ chức hữu nghị giao lưu nhân dân tại Văn Sơn",
     bodies.FRIENDSHIP, ["CN"], "Văn Sơn", "Hội hữu nghị châu Văn Sơn", D(2026, 8, 20), 3, 6),
    ("outgoing", "Đoàn Ban Tuyên giáo và Dân vận Tỉnh ủy trao đổi kinh nghiệm tại Lào",
     PARTY_BODY, ["LA"], "Luang Namtha", "Ban Tuyên huấn Tỉnh ủy Luang Namtha",
     D(2026, 10, 5), 4, 4),
    ("incoming", "Đoàn châu Văn Sơn chúc Tết Nguyên đán Bính Ngọ", bodies.OFFICE, ["CN"],
     "Tuyên Quang", "UBND tỉnh Tuyên Quang", D(2026, 2, 10), 1, 12),
    ("incoming", "Đoàn tỉnh Benguet khảo sát du lịch cộng đồng Hà Giang", bodies.CULTURE,
     ["PH"], "Đồng Văn", "Sở Văn hóa, Thể thao và Du lịch", D(2026, 6, 8), 3, 6),
    ("incoming", "Đoàn Hội hữu nghị Quảng Tây giao lưu tại Tuyên Quang", bodies.FRIENDSHIP,
     ["CN"], "Tuyên Quang", "Liên hiệp các tổ chức hữu nghị tỉnh", D(2026, 9, 2), 2, 9),
]
# (title, body, kind, role, starts on, venue, country)
EVENTS = [
    ("Hội nghị xúc tiến đầu tư vào tỉnh Tuyên Quang năm 2026", bodies.OFFICE, "conference",
     "organised", D(2026, 4, 22), "Thành phố Tuyên Quang", "VN"),
    ("Hội thảo quốc tế về du lịch di sản Cao nguyên đá Đồng Văn", bodies.CULTURE, "seminar",
     "organised", D(2026, 11, 6), "Đồng Văn", "VN"),
    ("Hội chợ Trung Quốc – ASEAN lần thứ 23", bodies.OFFICE, "conference", "attended",
     D(2026, 9, 17), "Nam Ninh", "CN"),
]
AGREEMENT = ("Biên bản ghi nhớ hợp tác du lịch giữa UBND tỉnh Tuyên Quang và tỉnh Benguet",
             D(2026, 6, 10), D(2031, 6, 9))
AID = ("Chương trình nước sạch và vệ sinh trường học vùng cao Tuyên Quang",
       D(2026, 4, 1), D(2028, 3, 31),
       [("commitment", D(2026, 4, 1), 450_000), ("disbursement", D(2026, 7, 15), 120_000)])


def load(loader) -> None:
    bodies.ensure_bodies()
    province = bodies.tuyen_quang()
    User = get_user_model()
    author = User.objects.get(username=logins.TQ_SPECIALIST.username)
    leader = User.objects.get(username=logins.TQ_LEADER.username)
    party = loader.ensure(Organisation, {"owner": province, "name": PARTY_BODY},
                          {"kind": "party"})

    def sending(name):
        return party if name == PARTY_BODY else bodies.body(province, name)

    def owned(model, lookup, defaults, **kwargs):
        return loader.ensure(model, {"owner": province, **lookup},
                             {"created_by": author, **defaults}, author=author, **kwargs)

    for direction, title, body, countries, cities, host, departs, days, size in DELEGATIONS:
        def members(delegation, size=size, body=body):
            for n in range(size):
                loader.save_new(DelegationMember(
                    delegation=delegation, name=f"Thành viên {n + 1}", unit=body,
                    role="head" if n == 0 else "member"), author)

        owned(Delegation, {"title": title + ILLUSTRATIVE_TAG},
              {"direction": direction, "purpose": ILLUSTRATIVE_LINE, "cities": cities,
               "host": host, "departs_on": departs, "returns_on": departs + dt.timedelta(days),
               "status": Delegation.Status.BACK, "funding": Delegation.Funding.STATE_BUDGET,
               "organisation": sending(body), "submitted_by": author,
               "submitted_on": departs - dt.timedelta(days=20), "approved_by": leader},
              m2m={"countries": countries}, then=members)
    for title, body, kind, role, starts, venue, country in EVENTS:
        owned(Event, {"title": title + ILLUSTRATIVE_TAG},
              {"kind": kind, "role": role, "mode": Event.Mode.IN_PERSON,
               "topic": ILLUSTRATIVE_LINE, "starts_on": starts, "ends_on": starts,
               "venue": venue, "country_id": country, "status": Event.Status.HELD,
               "organisation": sending(body)})
    title, signed, expires = AGREEMENT
    owned(Agreement, {"title": title + ILLUSTRATIVE_TAG},
          {"kind": "mou", "our_signatory": "UBND tỉnh Tuyên Quang", "status": "in_force",
           "signed_on": signed, "effective_on": signed, "expires_on": expires,
           "summary": ILLUSTRATIVE_LINE, "organisation": bodies.body(province, bodies.OFFICE)})
    title, starts, ends, transactions = AID

    def money(programme):
        for kind, on, amount in transactions:
            loader.save_new(AidTransaction(programme=programme, kind=kind, on=on,
                                           amount=Decimal(amount), currency_id="USD",
                                           note="Dữ liệu minh họa"), author)

    owned(AidProgramme, {"title": title + ILLUSTRATIVE_TAG},
          {"kind": "ngo", "status": "under_way", "starts_on": starts, "ends_on": ends,
           "managing_agency": bodies.OFFICE, "decision_date": starts - dt.timedelta(days=30),
           "description": ILLUSTRATIVE_LINE}, then=money,
          # The donor of Hà Giang's register, which the new province carries on.
          m2m={"donors": [loader.partner(HG, DONOR)]})
    for register in REGISTERS:
        if RegisterCoverage.objects.filter(province=province, register=register).exists():
            loader.summary.add(RegisterCoverage, created=False)
            continue
        row = RegisterCoverage(province=province, register=register,
                               complete_from=COMPLETE_FROM, updated_by=leader)
        row._history_user = leader
        row.save()
        loader.summary.add(RegisterCoverage, created=True)

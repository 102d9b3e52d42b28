"""A small set of Hà Giang's records in 2023 (and a few around it) whose figures are known
by hand, in every register the report reads; shared by the computation, reconciliation and
page tests."""

import datetime as dt
from decimal import Decimal

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.border.models import BorderGate, BorderIncident
from doingoai.consular.models import ConsularCase, ConsularPerson
from doingoai.core.models import AdminUnit, ExchangeRate
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact
from doingoai.partners.models import Partner, PartnerRelation
from doingoai.passports.models import OfficialPassport, PassportHandout
from doingoai.residents.models import Foreigner
from doingoai.trade.models import TradeFlow

D = dt.date

# What each computable indicator gives for Hà Giang in 2023 with these records.
EXPECTED_2023 = {
    "delegations.outgoing": (2, None),
    "delegations.outgoing_persons": (5, None),
    "delegations.incoming": (1, None),
    "delegations.incoming_persons": (4, None),
    "agreements.signed": (1, None),
    "agreements.implementing": (2, None),
    "partners.foreign_localities": (1, None),
    "ngo.projects": (2, None),
    "ngo.projects_signed": (1, None),
    # 100 000 USD at 23 500 on 01/02/2023 + 1 000 000 000 VND
    "ngo.amount_committed": (3_350_000_000, None),
    # 40 000 USD at 23 600 on 01/03/2023 + 500 000 000 VND
    "ngo.amount_disbursed": (1_444_000_000, None),
    "ngo.organisations": (2, None),
    "oda.projects": (1, None),
    # 1 000 000 USD at the transaction's fixed rate of 24 000
    "oda.amount": (24_000_000_000, None),
    "fdi.projects": (1, None),
    # 2 000 000 USD at 23 000 on 01/05/2019
    "fdi.capital": (46_000_000_000, None),
    "conferences.organised": (1, None),
    "conferences.attended": (1, None),
    # one of two border communes still has its pact at the end of 2023
    "friendship.border_communes": (1, 2),
    "friendship.district_pairs": (1, None),
    "friendship.border_posts": (1, 1),
    "friendship.village_pairs": (0, None),
    "friendship.associations": (1, None),
    # cases opened 01/02 and 01/11/2023 (the one of 11/2022 is not)
    "consular.cases": (2, None),
    # the case of 02/2023 and the one opened in 11/2022, both closed in 2023
    "consular.cases_closed": (2, None),
    # citizens in the cases opened in 2023: one, and two (a relative is not counted)
    "consular.persons": (3, None),
    # arrived 2022 and still here; the one who left in June and the one arriving in 2024 not
    "foreigners.resident": (1, None),
    # handed out 27/02 and 05/06/2023 (the one of 28/12/2022 is not)
    "passports.handed_out": (2, None),
    # the June passport, due 5 working days after the trip's return on 14/06, never back
    "passports.overdue": (1, None),
    "border.incidents": (2, None),
    # two half-years of 1 000 000 and 1 500 000 USD (the 2022 export is not counted)
    "trade.exports": (2_500_000, None),
    # 800 000 USD + 2 360 000 000 VND at 23 600 on 31/12/2023
    "trade.imports": (900_000, None),
}


def delegation(owner, direction, departs_on, members, status="back", country="CN"):
    trip = Delegation.objects.create(
        owner=owner, direction=direction, title=f"Đoàn {direction} {departs_on}",
        purpose="Làm việc", departs_on=departs_on,
        returns_on=departs_on + dt.timedelta(days=4), status=status)
    trip.countries.add(country)
    DelegationMember.objects.bulk_create(
        [DelegationMember(delegation=trip, name=f"Thành viên {n}") for n in range(members)])
    return trip


def make_records(owner):
    """Records of 2022–2023 in every register, which the office declares complete from
    1 January 2022."""
    declare_complete(owner)
    ExchangeRate.objects.create(currency_id="USD", on=D(2019, 1, 1), vnd_per_unit=23000,
                                source="test")
    ExchangeRate.objects.create(currency_id="USD", on=D(2023, 1, 1), vnd_per_unit=23500,
                                source="test")
    ExchangeRate.objects.create(currency_id="USD", on=D(2023, 3, 1), vnd_per_unit=23600,
                                source="test")
    march = delegation(owner, "outgoing", D(2023, 3, 1), 3)
    june = delegation(owner, "outgoing", D(2023, 6, 10), 2, country="JP")
    delegation(owner, "outgoing", D(2023, 7, 1), 6, status="refused")
    new_year = delegation(owner, "outgoing", D(2022, 12, 31), 4)
    delegation(owner, "incoming", D(2023, 9, 1), 4, country="KR")

    yunnan = Partner.objects.create(owner=owner, kind="locality", name_vi="Tỉnh Vân Nam",
                                    country_id="CN")
    PartnerRelation.objects.create(partner=yunnan, kind="friendship", started_on=D(2019, 1, 1))
    moriya = Partner.objects.create(owner=owner, kind="locality", name_vi="Thành phố Moriya",
                                    country_id="JP")
    PartnerRelation.objects.create(partner=moriya, kind="cooperation", started_on=D(2018, 1, 1),
                                   ended_on=D(2022, 6, 30))
    childfund = Partner.objects.create(owner=owner, kind="ngo", name_vi="ChildFund",
                                       country_id="AU")
    plan = Partner.objects.create(owner=owner, kind="ngo", name_vi="Plan International",
                                  country_id="GB")
    jica = Partner.objects.create(owner=owner, kind="government", name_vi="JICA",
                                  country_id="JP")

    Agreement.objects.create(owner=owner, kind="mou", title="Biên bản ghi nhớ 2023",
                             our_signatory="UBND tỉnh", status="signed",
                             signed_on=D(2023, 5, 1)).partners.add(yunnan)
    Agreement.objects.create(owner=owner, kind="agreement", title="Thỏa thuận 2020",
                             our_signatory="UBND tỉnh", status="in_force",
                             signed_on=D(2020, 1, 1), expires_on=D(2030, 1, 1)
                             ).partners.add(yunnan)
    Agreement.objects.create(owner=owner, kind="agreement", title="Đang đàm phán",
                             our_signatory="UBND tỉnh", status="negotiating")

    def programme(kind, title, donors, **fields):
        created = AidProgramme.objects.create(owner=owner, kind=kind, title=title, **fields)
        created.donors.set(donors)
        return created

    def money(programme, kind, on, amount, currency, fixed=None):
        AidTransaction.objects.create(programme=programme, kind=kind, on=on,
                                      amount=Decimal(amount), currency_id=currency,
                                      fixed_vnd_per_unit=fixed)

    a = programme("ngo", "Nước sạch", [childfund, plan], status="under_way",
                  decision_date=D(2022, 5, 1), starts_on=D(2022, 6, 1), ends_on=D(2024, 12, 31))
    money(a, "commitment", D(2023, 2, 1), 100_000, "USD")
    money(a, "disbursement", D(2023, 3, 1), 40_000, "USD")
    money(a, "disbursement", D(2023, 4, 1), 500_000_000, "VND")
    b = programme("ngo", "Trường học", [childfund], status="approved",
                  decision_date=D(2023, 7, 1), starts_on=D(2023, 8, 1))
    money(b, "commitment", D(2023, 7, 1), 1_000_000_000, "VND")
    c = programme("ngo", "Đã hủy", [plan], status="cancelled", starts_on=D(2023, 1, 1))
    money(c, "disbursement", D(2023, 2, 1), 999_000_000, "VND")
    d = programme("oda_grant", "Đường giao thông", [jica], status="under_way",
                  starts_on=D(2021, 1, 1))
    money(d, "commitment", D(2023, 1, 10), 1_000_000, "USD", fixed=24000)
    e = programme("fdi", "Nhà máy chè", [jica], status="under_way", starts_on=D(2019, 5, 1))
    money(e, "commitment", D(2019, 5, 1), 2_000_000, "USD")

    Event.objects.create(owner=owner, kind="conference", title="Hội nghị xúc tiến",
                         role="organised", starts_on=D(2023, 4, 1), status="held")
    Event.objects.create(owner=owner, kind="seminar", title="Hội thảo ở Côn Minh",
                         role="attended", starts_on=D(2023, 10, 1), status="held")
    Event.objects.create(owner=owner, kind="seminar", title="Hủy", role="attended",
                         starts_on=D(2023, 11, 1), status="cancelled")

    communes = list(AdminUnit.objects.filter(level="commune", generation="legacy",
                                             province=owner)[:2])
    FriendshipPact.objects.create(owner=owner, kind="border_commune", title="Xã 1",
                                  our_side=communes[0].name, our_unit=communes[0],
                                  counterpart="Trấn A", country_id="CN",
                                  signed_on=D(2010, 1, 1))
    FriendshipPact.objects.create(owner=owner, kind="border_commune", title="Xã 2",
                                  our_side=communes[1].name, our_unit=communes[1],
                                  counterpart="Trấn B", country_id="CN",
                                  signed_on=D(2015, 1, 1), ends_on=D(2021, 1, 1))
    FriendshipPact.objects.create(owner=owner, kind="district_pair", title="Cặp huyện",
                                  our_side="Huyện Vị Xuyên", counterpart="Huyện Ma Lật Pha",
                                  country_id="CN", signed_on=D(2016, 1, 1))
    FriendshipPact.objects.create(owner=owner, kind="border_post", title="Đồn - Trạm",
                                  our_side="Đồn Biên phòng Thanh Thủy",
                                  counterpart="Trạm Thiên Bảo", country_id="CN",
                                  signed_on=D(2017, 1, 1))
    FriendshipAssociation.objects.create(owner=owner, name="Hội hữu nghị Việt – Trung",
                                         founded_on=D(2018, 1, 1))
    make_office_records(owner, trips=(new_year, march, june))


def make_office_records(owner, trips):
    """Consular cases, foreigners, passports handed out, border incidents and trade flows;
    ``trips`` are outgoing delegations returning 04/01, 05/03 and 14/06/2023."""
    def case(opened_on, citizens, **fields):
        created = ConsularCase.objects.create(
            owner=owner, direction="abroad", kind="trafficked", country_id="CN",
            title=f"Vụ việc {opened_on}", opened_on=opened_on, **fields)
        for n in range(citizens):
            ConsularPerson.objects.create(case=created, full_name=f"Công dân {n}")
        return created

    case(D(2023, 2, 1), 1, status="closed", closed_on=D(2023, 5, 1))
    later = case(D(2023, 11, 1), 2)
    ConsularPerson.objects.create(case=later, role="relative", full_name="Người nhà")
    case(D(2022, 11, 1), 1, status="closed", closed_on=D(2023, 1, 15))

    def foreigner(arrived_on, left_on=None):
        Foreigner.objects.create(owner=owner, full_name=f"Người nước ngoài {arrived_on}",
                                 nationality_id="CN", purpose="work", arrived_on=arrived_on,
                                 left_on=left_on)

    foreigner(D(2022, 3, 1))
    foreigner(D(2023, 1, 10), left_on=D(2023, 6, 1))
    foreigner(D(2024, 2, 1))

    def handout(trip, handed_out_on, returned_on=None):
        passport = OfficialPassport.objects.create(
            owner=owner, holder_name=f"Cán bộ {handed_out_on}", kind="official",
            number=f"C{handed_out_on:%y%m%d}", issued_on=D(2019, 5, 1),
            expires_on=D(2029, 5, 1))
        PassportHandout.objects.create(owner=owner, passport=passport, delegation=trip,
                                       handed_out_on=handed_out_on, returned_on=returned_on)

    new_year, march, june = trips
    handout(new_year, D(2022, 12, 28), returned_on=D(2023, 1, 6))
    handout(march, D(2023, 2, 27), returned_on=D(2023, 3, 8))
    handout(june, D(2023, 6, 5))

    for occurred_on in (D(2023, 8, 14), D(2023, 10, 2), D(2024, 1, 2)):
        BorderIncident.objects.create(owner=owner, title="Canh tác lấn qua đường biên",
                                      occurred_on=occurred_on, what_happened="Lấn 20 m.")

    gate = BorderGate.objects.create(owner=owner, kind="international",
                                     name="Cửa khẩu quốc tế Thanh Thủy", country_id="CN")

    def flow(direction, start, end, value, currency="USD"):
        TradeFlow.objects.create(owner=owner, gate=gate, direction=direction,
                                 period_start=start, period_end=end, value=Decimal(value),
                                 currency_id=currency)

    flow("export", D(2023, 1, 1), D(2023, 6, 30), 1_000_000)
    flow("export", D(2023, 7, 1), D(2023, 12, 31), 1_500_000)
    flow("export", D(2022, 1, 1), D(2022, 12, 31), 999)
    flow("import", D(2023, 1, 1), D(2023, 12, 31), 800_000)
    flow("import", D(2023, 10, 1), D(2023, 12, 31), 2_360_000_000, "VND")


RECORDS_COMPLETE_FROM = D(2022, 1, 1)


def declare_complete(province, since=RECORDS_COMPLETE_FROM, registers=None):
    """What the office declares after entering its records: complete from ``since``."""
    from doingoai.reports.models import RegisterCoverage, register_names

    for register in registers or register_names():
        RegisterCoverage.objects.update_or_create(
            province=province, register=register, defaults={"complete_from": since})

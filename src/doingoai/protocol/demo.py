"""Illustrative receiving and visiting for today's Tuyên Quang: two weeks of the leaders'
foreign-affairs schedule around today with the Japanese ambassador's visit (invitation
letter, visa request, interpreter, a gift, a banquet within the norm), a congratulation
letter for a partner province's anniversary, and an NGO whose permit expires next month.

Names, numbers and dates are illustrative (``ILLUSTRATIVE``), placed relative to the day
the demo is loaded so that the week view and the agenda always have something to show. The
partners are Hà Giang's (read by Tuyên Quang since the 2025 merger)."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.partners.models import Partner
from doingoai.privacy.demo import ILLUSTRATIVE
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

TQ_LEADER_LOGIN = "tuyenquang.lanhdao"  # demo.logins.TQ_LEADER
VISIT_TITLE = "Đại sứ Nhật Bản thăm và làm việc tại tỉnh Tuyên Quang"
AMBASSADOR = "Ngài Đại sứ Nhật Bản tại Việt Nam"


def _partner(province, name_vi, kind):
    """A partner Tuyên Quang reads (its own or Hà Giang's), by name; made if missing."""
    found = Partner.objects.filter(owner__in=_readable(province), name_vi=name_vi).first()
    return found or Partner.objects.create(owner=province, kind=kind, name_vi=name_vi,
                                           notes=ILLUSTRATIVE)


def _readable(province):
    from doingoai.core.models import AdminUnit

    return AdminUnit.objects.rolling_up_to(province)


def _save(obj, user):
    obj._history_user = user
    obj.full_clean(exclude=[f.name for f in type(obj)._meta.fields if not f.editable])
    obj.save()
    return obj


def load_demo(province, user, today: dt.date | None = None):
    """Write the demo once: a second run finds the ambassador's visit and adds nothing."""
    if Delegation.all_objects.filter(owner=province, title=VISIT_TITLE).exists():
        return
    today = today or timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    leader_user = get_user_model().objects.filter(username=TQ_LEADER_LOGIN).first()

    def owned(model, **values):
        return _save(model(owner=province, created_by=user, **values), user)

    chair = owned(Leader, full_name="Nguyễn Minh Sơn", position="Chủ tịch UBND tỉnh",
                  user=leader_user, notes=ILLUSTRATIVE)
    vice = owned(Leader, full_name="Hoàng Thị Hạnh", position="Phó Chủ tịch UBND tỉnh",
                 notes=ILLUSTRATIVE)
    embassy = _partner(province, "Đại sứ quán Nhật Bản tại Việt Nam", Partner.Kind.EMBASSY)
    interpreter = owned(Interpreter, full_name="Đặng Thu Hà", languages="Tiếng Nhật (N1)",
                        organisation="Sở Ngoại vụ", notes=ILLUSTRATIVE)
    chinese = owned(Interpreter, full_name="Lương Văn Tuấn", languages="Tiếng Trung (HSK 6)",
                    organisation="Trung tâm Dịch thuật Tuyên Quang", notes=ILLUSTRATIVE)

    # The ambassador's visit: Wednesday and Thursday of next week.
    arrives = monday + dt.timedelta(days=9)
    visit = owned(Delegation, direction=Delegation.Direction.INCOMING, title=VISIT_TITLE,
                  purpose="Thăm, làm việc, thúc đẩy hợp tác nông nghiệp và du lịch",
                  host="UBND tỉnh Tuyên Quang", departs_on=arrives,
                  returns_on=arrives + dt.timedelta(days=1), status=Delegation.Status.APPROVED,
                  funding="partner")
    visit.countries.set(["JP"])
    visit.partners.set([embassy])
    ambassador = _save(DelegationMember(delegation=visit, name="Tanaka Hiroshi",
                                        title="Đại sứ", nationality_id="JP",
                                        role=DelegationMember.Role.HEAD,
                                        passport_type=DelegationMember.Passport.FOREIGN), user)
    counsellor = _save(DelegationMember(delegation=visit, name="Suzuki Aiko",
                                        title="Tham tán", nationality_id="JP",
                                        passport_type=DelegationMember.Passport.FOREIGN), user)
    invitation = owned(EntryDocument, kind=EntryDocument.Kind.INVITATION,
                       issued_on=today - dt.timedelta(days=20), delegation=visit,
                       addressee=AMBASSADOR, subject="Mời Đại sứ thăm và làm việc tại tỉnh",
                       entry_on=arrives, exit_on=arrives + dt.timedelta(days=1),
                       signed_by="Chủ tịch UBND tỉnh", notes=ILLUSTRATIVE)
    visa = owned(EntryDocument, kind=EntryDocument.Kind.VISA_REQUEST,
                 issued_on=today - dt.timedelta(days=15), delegation=visit,
                 addressee="Cục Quản lý xuất nhập cảnh, Bộ Công an",
                 subject="Đề nghị cấp thị thực cho tham tán Đại sứ quán Nhật Bản",
                 entry_on=arrives, exit_on=arrives + dt.timedelta(days=1),
                 border_gate="Sân bay quốc tế Nội Bài", signed_by="Giám đốc Sở Ngoại vụ",
                 notes=ILLUSTRATIVE)
    for document, member, passport in ((invitation, ambassador, "TZ0000001"),
                                       (visa, counsellor, "TZ0000002")):
        _save(EntryPerson(document=document, member=member, passport_number=passport,
                          visa_kind="NG3"), user)

    reception = owned(
        ScheduleItem, kind=ScheduleItem.Kind.RECEPTION, title="Tiếp Đại sứ Nhật Bản",
        leader=chair, on=arrives, starts_at=dt.time(9), ends_at=dt.time(10, 30),
        place="Phòng khách UBND tỉnh", partner=embassy, delegation=visit,
        interpreter=interpreter, status=ScheduleItem.Status.CONFIRMED,
        briefing_note="Hợp tác nông nghiệp công nghệ cao, du lịch Cao nguyên đá Đồng Văn, "
                      "viện trợ không hoàn lại cho các xã biên giới. " + ILLUSTRATIVE)
    owned(ScheduleItem, kind=ScheduleItem.Kind.TALKS,
          title="Làm việc với Đại sứ quán về dự án nông nghiệp", leader=vice, on=arrives,
          starts_at=dt.time(14), ends_at=dt.time(16), place="Sở Nông nghiệp và Môi trường",
          partner=embassy, delegation=visit, interpreter=interpreter,
          status=ScheduleItem.Status.PLANNED, briefing_note=ILLUSTRATIVE)
    dinner = owned(ScheduleItem, kind=ScheduleItem.Kind.BANQUET,
                   title="Chiêu đãi Đại sứ Nhật Bản", leader=chair, on=arrives,
                   starts_at=dt.time(18, 30), ends_at=dt.time(20), place="Nhà khách UBND tỉnh",
                   partner=embassy, delegation=visit, interpreter=interpreter,
                   status=ScheduleItem.Status.CONFIRMED)
    # The rest of the two weeks.
    for offset, kind, title, leader, start, end, place, who in (
        (1, ScheduleItem.Kind.COURTESY_CALL, "Tổng Lãnh sự Trung Quốc tại Hà Nội chào xã giao",
         chair, dt.time(15), dt.time(16), "Phòng khách UBND tỉnh", chinese),
        (3, ScheduleItem.Kind.TALKS, "Hội đàm với đoàn châu Văn Sơn (Vân Nam)", vice,
         dt.time(8, 30), dt.time(11), "Hội trường UBND tỉnh", chinese),
        (8, ScheduleItem.Kind.SIGNING, "Lễ ký biên bản ghi nhớ với tổ chức Plan International",
         vice, dt.time(9), dt.time(10), "Hội trường UBND tỉnh", None),
        (11, ScheduleItem.Kind.RECEPTION, "Tiếp đoàn doanh nghiệp Hàn Quốc", chair,
         dt.time(9), dt.time(10), "Phòng khách UBND tỉnh", None),
    ):
        owned(ScheduleItem, kind=kind, title=title, leader=leader,
              on=monday + dt.timedelta(days=offset), starts_at=start, ends_at=end,
              place=place, interpreter=who, status=ScheduleItem.Status.PLANNED,
              briefing_note=ILLUSTRATIVE)
    owned(InterpreterBooking, interpreter=interpreter, on=arrives + dt.timedelta(days=1),
          starts_at=dt.time(8), ends_at=dt.time(11, 30), language="Tiếng Nhật",
          delegation=visit, purpose="Đoàn thăm Cao nguyên đá Đồng Văn")
    owned(Gift, direction=Gift.Direction.GIVEN, item="Tranh sơn mài Cao nguyên đá Đồng Văn",
          value=Decimal("3500000"), currency_id="VND", partner=embassy,
          occasion="Đại sứ Nhật Bản thăm tỉnh", on=arrives, schedule_item=reception,
          notes=ILLUSTRATIVE)
    owned(Gift, direction=Gift.Direction.RECEIVED, item="Bình gốm Arita",
          partner=embassy, occasion="Đại sứ Nhật Bản thăm tỉnh", on=arrives,
          schedule_item=reception, handling=Gift.Handling.DISPLAYED, notes=ILLUSTRATIVE)
    # Class A: 12 guests at 1,450,000 đồng each, within the norm (protocol.norms).
    owned(Banquet, title="Chiêu đãi Đại sứ Nhật Bản", on=arrives, place="Nhà khách UBND tỉnh",
          schedule_item=dinner, delegation=visit, guest_class="A", covers=12,
          cost=Decimal("17400000"), currency_id="VND", notes=ILLUSTRATIVE)
    owned(Ceremony, title="Lễ ký biên bản ghi nhớ với tổ chức Plan International",
          on=monday + dt.timedelta(days=8), place="Hội trường UBND tỉnh", notes=ILLUSTRATIVE)

    # A partner province's anniversary ten days ahead, and its congratulation letter.
    benguet = _partner(province, "Tỉnh Benguet", Partner.Kind.FOREIGN_LOCALITY)
    day = today + dt.timedelta(days=10)
    anniversary = owned(Anniversary, kind=Anniversary.Kind.RELATIONS,
                        title="Kỷ niệm quan hệ hữu nghị với tỉnh Benguet", partner=benguet,
                        day=day.day, month=day.month, since_year=2017,
                        notes="Ngày minh họa. " + ILLUSTRATIVE)
    owned(Letter, kind=Letter.Kind.CONGRATULATION, form=Letter.Form.LETTER,
          issued_on=today, partner=benguet, anniversary=anniversary,
          addressee="Ngài Tỉnh trưởng tỉnh Benguet",
          occasion="kỷ niệm ngày thiết lập quan hệ hữu nghị giữa hai tỉnh", signer=chair)

    # An NGO whose project office permit expires next month.
    plan = _partner(province, "Tổ chức Plan International", Partner.Kind.FOREIGN_NGO)
    owned(NgoPermit, partner=plan, kind=NgoPermit.Kind.PROJECT_OFFICE, number="112/BNG-VP",
          issued_by="Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
          issued_on=today.replace(day=1) - dt.timedelta(days=5 * 365),
          expires_on=(today.replace(day=1) + dt.timedelta(days=32)).replace(day=15),
          scope="Giáo dục, bảo vệ trẻ em tại các xã vùng cao", notes=ILLUSTRATIVE)
    owned(PressVisit, outlet="Đài NHK", country_id="JP", journalists="Sato Kenji",
          topic="Du lịch Cao nguyên đá Đồng Văn", requested_on=today - dt.timedelta(days=7),
          starts_on=arrives, ends_on=arrives + dt.timedelta(days=1),
          status=PressVisit.Status.REQUESTED,
          programme="Đi cùng đoàn Đại sứ. " + ILLUSTRATIVE)

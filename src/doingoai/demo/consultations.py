"""Tuyên Quang's consultation of five agencies on the draft tourism cooperation plan under
the Benguet memorandum (``demo.year2026``): sent two weeks before the day the demo is loaded,
so that by Law 70/2020's 7 working days three agencies have replied, one is late (overdue,
on the agenda) and one, given a later date, is still pending. Illustrative: the subject ends
with ILLUSTRATIVE_TAG."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from doingoai.agreements.models import Agreement
from doingoai.consultations.models import Consultation, ConsultationReply
from doingoai.correspondence.models import Document
from doingoai.demo import bodies, logins, year2026
from doingoai.demo.year2023 import ILLUSTRATIVE_TAG
from doingoai.lib.dates import add_working_days
from doingoai.organisations.models import Organisation

SUBJECT = ("Xin ý kiến về dự thảo Kế hoạch hợp tác du lịch cộng đồng năm 2027 với tỉnh "
           "Benguet (Philippines)")
CULTURE = "Sở Văn hóa, Thể thao và Du lịch tỉnh Tuyên Quang"
# (agency, answer, replied so many days after sending, comments, days the due date was put
#  off by the office, or None for the rule's date)
REPLIES = [
    ("Sở Tư pháp tỉnh Tuyên Quang", "agrees", 4, "", None),
    ("Sở Tài chính tỉnh Tuyên Quang", "comments", 6,
     "Đề nghị làm rõ nguồn kinh phí đối ứng của tỉnh cho các hoạt động năm 2027.", None),
    (CULTURE, "comments", 7,
     "Đề nghị bổ sung hoạt động quảng bá tại Hội chợ Du lịch quốc tế VITM Hà Nội.", None),
    ("Công an tỉnh Tuyên Quang", "", None, "", None),
    ("Bộ Ngoại giao (Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương)", "", None, "", 21),
]


def load(loader) -> None:
    province = bodies.tuyen_quang()
    author = get_user_model().objects.get(username=logins.TQ_SPECIALIST.username)
    agreement = Agreement.all_objects.get(owner=province,
                                          title__startswith=year2026.AGREEMENT[0])
    dossier = Document.all_objects.filter(
        owner=province, direction="outgoing",
        summary__startswith="V/v góp ý dự thảo kế hoạch hợp tác du lịch").first()
    today = timezone.localdate()
    sent_on = today - dt.timedelta(days=14)
    while add_working_days(sent_on, 7) >= today:  # a holiday inside the fortnight (Tết)
        sent_on -= dt.timedelta(days=1)

    def replies(consultation):
        for agency, answer, after, comments, put_off in REPLIES:
            replied_on = sent_on + dt.timedelta(days=after) if after is not None else None
            due_on = (today + dt.timedelta(days=put_off) if put_off else None)
            ConsultationReply.objects.create(
                consultation=consultation, agency=agency, answer=answer,
                replied_on=replied_on, comments=comments, due_on=due_on,
                organisation=Organisation.all_objects.filter(owner=province,
                                                             name=agency).first())
            loader.summary.add(ConsultationReply, created=True)

    loader.ensure(Consultation, {"owner": province, "subject": SUBJECT + ILLUSTRATIVE_TAG},
                  {"created_by": author, "agreement": agreement, "dossier": dossier,
                   "sent_on": sent_on, "status": Consultation.Status.SENT},
                  author=author, then=replies)

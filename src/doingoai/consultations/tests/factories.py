import datetime as dt

from doingoai.consultations.models import Consultation, ConsultationReply


def make_consultation(owner, *, agreement=None, replies=("Sở Tư pháp", "Sở Tài chính",
                                                        "Công an tỉnh"), **fields):
    """A consultation sent on Thursday 12/2/2026 about an agreement of ``owner``'s."""
    from doingoai.core.tests.factories import make_agreement

    agreement = agreement or make_agreement(owner, status="negotiating", signed_on=None)
    values = {"subject": "Xin ý kiến về dự thảo Biên bản ghi nhớ hợp tác du lịch",
              "sent_on": dt.date(2026, 2, 12), "status": Consultation.Status.SENT}
    consultation = Consultation.objects.create(owner=owner, agreement=agreement,
                                               **{**values, **fields})
    for agency in replies:
        ConsultationReply.objects.create(consultation=consultation, agency=agency)
    return consultation


def consultation_form(owner) -> dict:
    from doingoai.core.tests.factories import make_agreement

    agreement = make_agreement(owner, status="negotiating", signed_on=None)
    return {"agreement": str(agreement.pk), "subject": "Xin ý kiến về dự thảo thỏa thuận",
            "sent_on": "2026-02-12", "status": "sent"}


FACTORIES = {Consultation: make_consultation}
FORM_DATA = {Consultation: consultation_form}

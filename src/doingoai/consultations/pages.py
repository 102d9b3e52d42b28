from django.utils import timezone

from doingoai.consultations.access import get_consultation_for_user
from doingoai.consultations.models import Consultation, ConsultationReply
from doingoai.core.records import Inline, RecordType


def detail_extras(request, consultation):
    today = timezone.localdate()
    replies = list(consultation.replies.select_related("organisation", "reply_document"))
    return {"replies": [(reply, reply.is_overdue(today)) for reply in replies],
            "about": consultation.about}


consultations = RecordType(
    model=Consultation,
    namespace="consultations",
    slug="consultation",
    fields=["agreement", "programme", "delegation", "event", "subject", "dossier", "sent_on",
            "status", "notes"],
    detail_fields=["agreement", "programme", "delegation", "event", "subject", "dossier",
                   "sent_on", "status", "rule", "notes"],
    list_columns=["subject", "sent_on", "status"],
    filters=["status"],
    select_related=["agreement", "programme", "delegation", "event", "dossier",
                    "rule__document"],
    inlines=[Inline(ConsultationReply, "consultation",
                    ["agency", "organisation", "due_on", "answer", "replied_on", "comments",
                     "reply_document"], extra=3)],
    access=get_consultation_for_user,
    extra_context=detail_extras,
)

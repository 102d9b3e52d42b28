from django import template
from django.utils import timezone

from doingoai.consultations.models import SUBJECT_FIELDS, Consultation

register = template.Library()


@register.inclusion_tag("consultations/_consultations.html", takes_context=True)
def consultations_of(context, record):
    """The consultations about ``record`` its reader may read, and the link that opens a new
    one about it."""
    name = next(n for n in SUBJECT_FIELDS
                if Consultation._meta.get_field(n).related_model is type(record))
    found = (Consultation.objects.visible_to(context["request"].user)
             .filter(**{name: record}).prefetch_related("replies").order_by("sent_on", "pk"))
    today = timezone.localdate()
    rows = []
    for consultation in found:
        replies = list(consultation.replies.all())
        rows.append({"consultation": consultation, "asked": len(replies),
                     "given": sum(1 for r in replies if r.answer in r.GIVEN),
                     "overdue": sum(1 for r in replies if r.is_overdue(today))})
    return {"rows": rows, "field": name, "record": record,
            "may_write": context.get("record_can_write")}

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.access import get_agreement_for_user
from doingoai.agreements.models import Agreement, ImplementationNote
from doingoai.agreements.workflow import workflow
from doingoai.core.records import Inline, RecordType
from doingoai.rules.workflow import workflow_context

# Renaming the Vietnamese party after a merger is an ordinary edit of ``our_signatory``:
# the history keeps the old name.
FIELDS = ["kind", "title", "organisation",
          "number", "level", "our_signatory", "partners", "sectors",
          "signed_on", "effective_on", "expires_on", "summary", "document"]


def detail_extras(request, agreement):
    today = timezone.localdate()
    deadlines = []
    if agreement.consultation_sent_on:
        late = (agreement.status == Agreement.Status.IN_CONSULTATION
                and agreement.consultation_due_on and agreement.consultation_due_on < today)
        deadlines.append({"label": _("answers to the consultation"),
                          "due_on": agreement.consultation_due_on,
                          "rule": agreement.consultation_rule,
                          "late": _("overdue") if late else ""})
    if agreement.signed_on:
        deadlines.append({"label": _("post-signing report"), "due_on": agreement.report_due_on,
                          "rule": agreement.report_rule,
                          "late": _("overdue") if agreement.is_report_overdue(today) else ""})
    alert = agreement.expiry_alert(today)
    if alert:
        deadlines.append({
            "label": _("expiry"), "due_on": agreement.expires_on, "rule": None,
            "late": _("expires within %(days)d days") % {"days": alert},
        })
    return {
        **workflow_context(request, agreement, workflow, "agreements:agreement-transition"),
        "deadlines": deadlines,
    }


agreements = RecordType(
    model=Agreement,
    namespace="agreements",
    slug="agreement",
    fields=FIELDS,
    detail_fields=[*FIELDS, "status", "consultation_sent_on", "report_sent_on", "report"],
    list_columns=["title", "kind", "status", "signed_on", "expires_on"],
    filters=["organisation", "kind", "status", "level"],
    inlines=[Inline(ImplementationNote, "agreement",
                   ["year", "text", "carried_out_by", "recommendation"])],
    access=get_agreement_for_user,
    extra_context=detail_extras,
)

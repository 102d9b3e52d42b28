from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.records import RecordType
from doingoai.events.access import get_event_for_user
from doingoai.events.models import Event
from doingoai.events.workflow import workflow
from doingoai.planning.progress import standing
from doingoai.rules.workflow import workflow_context

WORKFLOW_FIELDS = ["status", "approval_number", "approval_date", "approver", "report",
                   "report_received_on"]
FIELDS = ["kind", "title", "organisation",
          "topic", "role", "mode", "starts_on", "ends_on", "venue", "country",
          "partners", "foreign_participants", "minister_level_guests", "sensitive_topics",
          "plan_item"]


def detail_extras(request, event):
    today = timezone.localdate()
    deadlines = []
    if event.role == Event.Role.ORGANISED:
        deadlines = [
            {"label": _("application"), "due_on": event.application_due_on,
             "rule": event.application_rule,
             "late": _("already late") if event.is_application_late(today) else ""},
            {"label": _("results report"), "due_on": event.report_due_on,
             "rule": event.report_rule,
             "late": _("overdue") if event.is_report_overdue(today) else ""},
        ]
    return {
        **workflow_context(request, event, workflow, "events:event-transition"),
        "deadlines": deadlines,
        "approver_level": event.approver_level,
        "plan_standing": standing(event, event.starts_on),
    }


events = RecordType(
    model=Event,
    namespace="events",
    slug="event",
    fields=FIELDS,
    detail_fields=[*FIELDS, *WORKFLOW_FIELDS, "submitted_by", "submitted_on", "approved_by"],
    list_columns=["title", "kind", "role", "mode", "starts_on", "status"],
    filters=["organisation", "kind", "role", "mode", "status"],
    access=get_event_for_user,
    extra_context=detail_extras,
)

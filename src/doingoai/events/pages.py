from doingoai.core.records import RecordType
from doingoai.events.access import get_event_for_user
from doingoai.events.models import Event

events = RecordType(
    model=Event,
    namespace="events",
    slug="event",
    fields=["kind", "title", "topic", "role", "mode", "starts_on", "ends_on", "venue", "country",
            "partners", "foreign_participants", "minister_level_guests", "sensitive_topics",
            "status", "approval_number", "approval_date", "approver", "report",
            "report_received_on"],
    list_columns=["title", "kind", "role", "mode", "starts_on", "status"],
    filters=["kind", "role", "mode", "status"],
    access=get_event_for_user,
)

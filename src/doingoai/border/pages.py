from doingoai.border.access import get_gate_for_user, get_incident_for_user, get_marker_for_user
from doingoai.border.models import BorderGate, BorderIncident, BorderMarker
from doingoai.core.records import RecordType

gates = RecordType(
    model=BorderGate,
    namespace="border",
    slug="gate",
    fields=["kind", "name", "counterpart_name", "country", "commune", "opened_on", "pacts",
            "notes"],
    list_columns=["name", "kind", "counterpart_name", "country", "commune"],
    filters=["kind", "country"],
    select_related=["country", "commune"],
    access=get_gate_for_user,
)

markers = RecordType(
    model=BorderMarker,
    namespace="border",
    slug="marker",
    fields=["number", "location", "commune", "country", "pacts", "notes"],
    list_columns=["number", "location", "commune", "country"],
    filters=["country"],
    select_related=["country", "commune"],
    access=get_marker_for_user,
)

incidents = RecordType(
    model=BorderIncident,
    namespace="border",
    slug="incident",
    fields=["title", "occurred_on", "place", "marker", "gate", "what_happened",
            "counterpart_side", "handling", "status"],
    list_columns=["title", "occurred_on", "place", "marker", "status"],
    filters=["status"],
    select_related=["marker", "gate"],
    access=get_incident_for_user,
)

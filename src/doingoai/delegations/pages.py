from doingoai.core.records import Inline, RecordType
from doingoai.delegations.access import get_delegation_for_user
from doingoai.delegations.models import Delegation, DelegationMember

delegations = RecordType(
    model=Delegation,
    namespace="delegations",
    slug="delegation",
    fields=["direction", "title", "purpose", "countries", "cities", "places",
            "visits_border_area", "partners", "host", "departs_on", "returns_on", "status",
            "funding", "decision_number", "decision_date", "decision_signer", "report",
            "report_received_on"],
    list_columns=["title", "direction", "departs_on", "returns_on", "status"],
    filters=["direction", "status", "countries"],
    inlines=[Inline(DelegationMember, "delegation",
                    ["name", "title", "unit", "nationality", "role", "passport_type"], extra=3)],
    access=get_delegation_for_user,
)

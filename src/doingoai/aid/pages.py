from doingoai.aid.access import get_programme_for_user
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.records import Inline, RecordType

programmes = RecordType(
    model=AidProgramme,
    namespace="aid",
    slug="programme",
    fields=["kind", "title", "code", "donors", "sectors", "places", "status", "decision_number",
            "decision_date", "starts_on", "ends_on", "managing_agency", "description"],
    list_columns=["title", "kind", "status", "starts_on", "ends_on"],
    filters=["kind", "status"],
    inlines=[Inline(AidTransaction, "programme",
                    ["kind", "on", "amount", "currency", "fixed_vnd_per_unit", "tranche", "note"],
                    extra=2)],
    access=get_programme_for_user,
)

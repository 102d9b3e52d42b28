from doingoai.consular.access import get_case_for_user
from doingoai.consular.models import ConsularCase, ConsularPerson, ConsularStep
from doingoai.core.records import Inline, RecordType

cases = RecordType(
    model=ConsularCase,
    namespace="consular",
    slug="case",
    fields=["direction", "kind", "title", "country", "place", "occurred_on", "opened_on",
            "summary", "agencies", "outcome", "status", "closed_on", "notes"],
    detail_fields=["direction", "kind", "title", "country", "place", "occurred_on", "opened_on",
                   "summary", "agencies", "outcome", "status", "closed_on", "notes",
                   "anonymised_on"],
    list_columns=["title", "kind", "direction", "country", "opened_on", "status"],
    filters=["direction", "kind", "status", "country"],
    inlines=[
        Inline(ConsularPerson, "case", ["role", "full_name", "sex", "date_of_birth",
                                        "nationality", "passport_number", "address"]),
        Inline(ConsularStep, "case", ["on", "agency", "action"], extra=2),
    ],
    select_related=["country"],
    access=get_case_for_user,
)

from doingoai.core.records import Inline, RecordType
from doingoai.treaties.access import get_treaty_for_user
from doingoai.treaties.models import Treaty, TreatyProvision

treaties = RecordType(
    model=Treaty,
    namespace="treaties",
    slug="treaty",
    fields=["kind", "title", "short_title", "number", "parties", "signed_on", "in_force_on",
            "url", "notes"],
    list_columns=["title", "kind", "parties", "signed_on", "in_force_on"],
    filters=["kind"],
    inlines=[Inline(TreatyProvision, "treaty",
                    ["article", "summary", "responsible", "implementation"], extra=2)],
    prefetch_related=["parties"],
    access=get_treaty_for_user,
)

from doingoai.core.records import Inline, RecordType
from doingoai.partners.access import get_partner_for_user
from doingoai.partners.models import Partner, PartnerRelation

partners = RecordType(
    model=Partner,
    namespace="partners",
    slug="partner",
    fields=["kind", "name_vi", "name_en", "name_native", "acronym", "aliases", "country",
            "parent", "website", "notes"],
    list_columns=["name_vi", "acronym", "kind", "country", "parent"],
    filters=["kind", "country"],
    inlines=[Inline(PartnerRelation, "partner", ["kind", "started_on", "ended_on", "description"])],
    select_related=["country", "parent"],
    access=get_partner_for_user,
)

from doingoai.core.records import Inline, RecordType
from doingoai.residents.access import get_foreigner_for_user, get_person_abroad_for_user
from doingoai.residents.models import Foreigner, HomeVisit, PersonAbroad

ALERT_DAYS = 30


def foreigner_alerts(request, record):
    return {"expiring": record.documents_expiring(ALERT_DAYS), "alert_days": ALERT_DAYS}


foreigners = RecordType(
    model=Foreigner,
    namespace="residents",
    slug="foreigner",
    fields=["full_name", "nationality", "sex", "date_of_birth", "passport_number",
            "passport_expires_on", "purpose", "employer", "address", "commune", "arrived_on",
            "left_on", "visa_expires_on", "residence_card_number", "residence_card_expires_on",
            "work_permit_number", "work_permit_expires_on", "notes"],
    list_columns=["full_name", "nationality", "passport_number", "purpose", "employer",
                  "residence_card_expires_on", "work_permit_expires_on"],
    filters=["nationality", "purpose"],
    select_related=["nationality"],
    access=get_foreigner_for_user,
    extra_context=foreigner_alerts,
)

people_abroad = RecordType(
    model=PersonAbroad,
    namespace="residents",
    slug="person-abroad",
    fields=["kind", "full_name", "date_of_birth", "passport_number", "home_commune",
            "home_address", "country", "employer", "placement_company", "address_abroad",
            "phone", "departed_on", "contract_ends_on", "returned_on", "notes"],
    list_columns=["full_name", "kind", "country", "employer", "placement_company",
                  "departed_on", "contract_ends_on"],
    filters=["kind", "country"],
    inlines=[Inline(HomeVisit, "person", ["arrived_on", "left_on", "purpose"])],
    select_related=["country"],
    access=get_person_abroad_for_user,
)

from doingoai.core.records import Inline, RecordType
from doingoai.passports.access import (
    get_abtc_application_for_user,
    get_handout_for_user,
    get_passport_for_user,
)
from doingoai.passports.models import (
    ABTCApplication,
    OfficialPassport,
    PassportHandout,
    PassportMovement,
)

EXPIRY_ALERT_DAYS = 180  # a passport needs six months' validity for most visas


def passport_context(request, record):
    handouts = record.handouts.select_related("delegation", "return_rule__document")
    return {"handouts": handouts, "expiring": record.expires_on is not None and (
        OfficialPassport.objects.filter(pk=record.pk).expiring_within(EXPIRY_ALERT_DAYS).exists()
    )}


def handout_context(request, record):
    return {"overdue": record.is_overdue()}


passports = RecordType(
    model=OfficialPassport,
    namespace="passports",
    slug="passport",
    fields=["holder_name", "holder_date_of_birth", "holder_title", "holder_unit", "kind",
            "number", "issued_on", "expires_on", "notes"],
    list_columns=["holder_name", "kind", "number", "holder_unit", "expires_on"],
    filters=["kind"],
    inlines=[Inline(PassportMovement, "passport", ["kind", "on", "border_gate", "country"])],
    access=get_passport_for_user,
    extra_context=passport_context,
)

handouts = RecordType(
    model=PassportHandout,
    namespace="passports",
    slug="handout",
    fields=["passport", "delegation", "handed_out_on", "received_by", "reentered_on",
            "returned_on", "notes"],
    detail_fields=["passport", "delegation", "handed_out_on", "received_by", "reentered_on",
                   "return_due_on", "return_rule", "returned_on", "notes"],
    list_columns=["passport", "delegation", "handed_out_on", "return_due_on", "returned_on"],
    select_related=["passport", "delegation"],
    access=get_handout_for_user,
    extra_context=handout_context,
)

abtc_applications = RecordType(
    model=ABTCApplication,
    namespace="passports",
    slug="abtc",
    fields=["company", "applicant_name", "applicant_title", "passport_number", "economies",
            "received_on", "decision", "decision_number", "decided_on", "card_number",
            "card_expires_on", "notes"],
    list_columns=["applicant_name", "company", "received_on", "decision", "card_expires_on"],
    filters=["decision"],
    prefetch_related=["economies"],
    access=get_abtc_application_for_user,
)

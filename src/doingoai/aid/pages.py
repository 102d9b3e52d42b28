from django.utils import timezone

from doingoai.aid.access import get_programme_for_user
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.aid.workflow import workflow
from doingoai.core.records import Inline, RecordType
from doingoai.lib.money import Money
from doingoai.rules.workflow import workflow_context

FIELDS = ["kind", "title", "organisation",
          "code", "donors", "sectors", "places", "starts_on", "ends_on",
          "managing_agency", "description"]


def detail_extras(request, programme):
    totals = programme.totals(("VND", "USD"))
    for row in totals:
        row["money"] = Money(row["amount"], row["currency"]) if row["amount"] is not None else None
    return {
        **workflow_context(request, programme, workflow, "aid:programme-transition"),
        "totals": totals,
        "report_deadlines": programme.report_deadlines(timezone.localdate()),
        # As an IATI import gave them (the export writes them back); empty otherwise.
        "iati_participants": list(programme.participants.all()),
        "iati_sectors": list(programme.iati_sectors.all()),
        "iati_locations": list(programme.iati_locations.all()),
    }


programmes = RecordType(
    model=AidProgramme,
    namespace="aid",
    slug="programme",
    fields=FIELDS,
    detail_fields=[*FIELDS, "status", "decision_number", "decision_date", "decision_scan",
                   "approved_by"],
    list_columns=["title", "kind", "status", "starts_on", "ends_on"],
    filters=["organisation", "kind", "status"],
    inlines=[Inline(AidTransaction, "programme",
                    ["kind", "on", "amount", "currency", "fixed_vnd_per_unit", "tranche", "note"],
                    extra=2)],
    access=get_programme_for_user,
    extra_context=detail_extras,
)

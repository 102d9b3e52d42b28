from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.records import Inline, RecordType
from doingoai.delegations.access import get_delegation_for_user
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.delegations.workflow import own_approval_outside_the_plan, workflow
from doingoai.planning.progress import standing
from doingoai.rules.workflow import workflow_context

# The status, the decision and the report change only through the workflow's steps.
WORKFLOW_FIELDS = ["status", "decision_number", "decision_date", "decision_signer",
                   "decision_scan", "report", "report_received_on"]

OUTSIDE_PLAN_FIELDS = ["outside_plan_decision", "outside_plan_decided_on",
                       "outside_plan_decided_by"]


def detail_extras(request, delegation):
    today = timezone.localdate()
    deadlines = [{
        "label": _("post-trip report"),
        "due_on": delegation.report_due_on,
        "rule": delegation.report_rule,
        "late": _("overdue") if delegation.is_report_overdue(today) else "",
        "missing": _("No rule in force sets this deadline.") if not delegation.report_rule
        else "",
    }]
    passports = delegation.passports_due_on()
    if passports and delegation.members.filter(
        passport_type__in=[DelegationMember.Passport.OFFICIAL,
                           DelegationMember.Passport.DIPLOMATIC]
    ).exists():
        deadlines.append({"label": _("official passports returned"), "due_on": passports,
                          "rule": delegation.passport_rule(), "late": ""})
    return {
        **workflow_context(request, delegation, workflow, "delegations:delegation-transition"),
        "deadlines": deadlines,
        "person_trips": delegation.person_trips,
        "plan_standing": standing(delegation, delegation.departs_on),
        "outside_plan_missing": own_approval_outside_the_plan(delegation, {})
        if delegation.status == Delegation.Status.SUBMITTED else None,
    }


delegations = RecordType(
    model=Delegation,
    namespace="delegations",
    slug="delegation",
    fields=["direction", "title", "organisation", "purpose", "countries", "cities", "places",
            "visits_border_area", "partners", "host", "departs_on", "returns_on", "funding",
            "plan_item", *OUTSIDE_PLAN_FIELDS],
    detail_fields=["direction", "title", "organisation", "purpose", "countries", "cities", "places",
                   "visits_border_area", "partners", "host", "departs_on", "returns_on",
                   "funding", "plan_item", *OUTSIDE_PLAN_FIELDS, *WORKFLOW_FIELDS,
                   "submitted_by", "approved_by"],
    list_columns=["title", "direction", "departs_on", "returns_on", "status"],
    filters=["organisation", "direction", "status", "countries"],
    inlines=[Inline(DelegationMember, "delegation",
                    ["name", "title", "unit", "nationality", "role", "passport_type"], extra=3)],
    access=get_delegation_for_user,
    extra_context=detail_extras,
)

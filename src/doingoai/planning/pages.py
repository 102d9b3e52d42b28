from doingoai.core.records import Inline, RecordType
from doingoai.planning.access import get_plan_for_user
from doingoai.planning.models import AnnualPlan, PlanItem
from doingoai.planning.progress import implementation


def detail_extras(request, plan):
    return {"implementation": implementation(plan)}


plans = RecordType(
    model=AnnualPlan,
    namespace="planning",
    slug="plan",
    fields=["year", "title", "status", "decision_number", "approved_on", "approver", "notes"],
    list_columns=["year", "title", "status", "approved_on"],
    filters=["status"],
    inlines=[Inline(PlanItem, "plan", ["kind", "title", "responsible", "partner", "quarter",
                                       "budget", "currency"], extra=3)],
    access=get_plan_for_user,
    extra_context=detail_extras,
)

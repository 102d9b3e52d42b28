from doingoai.core.access import get_record_for_user
from doingoai.planning.models import AnnualPlan


def get_plan_for_user(request, pk, *, write=False):
    return get_record_for_user(request, AnnualPlan, pk, write=write)

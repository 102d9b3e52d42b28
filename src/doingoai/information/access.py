from doingoai.core.access import get_record_for_user
from doingoai.information.models import PromotionActivity


def get_activity_for_user(request, pk, *, write=False):
    return get_record_for_user(request, PromotionActivity, pk, write=write)

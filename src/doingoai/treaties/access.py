from doingoai.core.access import get_record_for_user
from doingoai.treaties.models import Treaty


def get_treaty_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Treaty, pk, write=write)
